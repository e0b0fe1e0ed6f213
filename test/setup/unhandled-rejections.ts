/**
 * Unhandled rejections, with what vitest's own report leaves out. A rejection with `undefined`
 * (seen about once in ten runs under load) reaches vitest as `message: undefined, stacks: []`,
 * which names neither the file nor the value. This listener records every unhandled rejection
 * with the test file and test running in this worker and what the value was, and fails that file
 * (afterAll) with the record — as strict as vitest's own report, and it says where to look.
 */
import { afterAll, expect } from 'vitest';

interface Record {
  file: string | undefined;
  test: string | undefined;
  value: string;
}

const seen: Record[] = [];

function describe(reason: unknown): string {
  if (reason instanceof Error) return `${reason.name}: ${reason.message}\n${reason.stack ?? ''}`;
  if (reason === null || typeof reason !== 'object') return `${typeof reason}: ${String(reason)}`;
  let json: string;
  try {
    json = JSON.stringify(reason)?.slice(0, 500) ?? '';
  } catch {
    json = '(not serializable)';
  }
  return `${(reason as object).constructor?.name ?? 'object'} ${json} keys=${Object.getOwnPropertyNames(reason).join(',')}`;
}

process.on('unhandledRejection', (reason) => {
  const state = expect.getState();
  const record = { file: state.testPath, test: state.currentTestName, value: describe(reason) };
  seen.push(record);
  process.stderr.write(`unhandled rejection in ${record.file ?? '?'} (${record.test ?? 'between tests'}): ${record.value}\n`);
});

afterAll(() => {
  const mine = seen.splice(0);
  expect(mine, 'unhandled rejections while this file ran (see stderr for each)').toEqual([]);
});
