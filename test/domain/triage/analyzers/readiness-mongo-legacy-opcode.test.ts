import { describe, expect, it } from 'vitest';
import { analyzeReadinessProbes } from '../../../../src/domain/triage/analyzers/readiness-probe.js';
import { readLegacyOpcodeRefusal } from '../../../../src/domain/triage/mongo-legacy-opcode.js';
import { readiness503Scenario } from '../scenarios/probes.js';

/** A Node.js app on an old MongoDB driver (mongodb-core) whose commands a newer server refuses. */
const refused = (cmd: string): string => `{"level":50,"err":{"type":"MongoError","message":"Unsupported OP_QUERY command: ${cmd}. The client driver may require an upgrade. For more details see https://dochub.mongodb.org/core/legacy-opcode-removal","stack":"MongoError: Unsupported OP_QUERY command: ${cmd}.\\n    at /app/node_modules/mongodb-core/lib/connection/pool.js:581:63","code":352,"codeName":"UnsupportedOpQueryCommand"},"msg":"request failed: Unsupported OP_QUERY command: ${cmd}. The client driver may require an upgrade."}`;
const LINES = ['{"level":30,"msg":"inventory-api 2.0.1 listening on :3000"}', refused('find'), refused('insert'), refused('ping')];

describe('a MongoDB server that no longer takes the legacy OP_QUERY opcode an old driver sends', () => {
  it('reads the refusal as the driver older than the server, naming the driver from its stack frames', () => {
    const r = readLegacyOpcodeRefusal('request failed: Unsupported OP_QUERY command: find. The client driver may require an upgrade.', LINES);
    expect(r?.title).toBe('MongoDB 5.1+/6.0 refuses the legacy OP_QUERY find commands the app\'s old driver (the Node.js driver 3.x with mongodb-core) sends (code 352)');
    expect(r?.cause).toMatch(/server was upgraded under it/);
    expect(r?.fix).toMatch(/^upgrade the app's MongoDB driver/);
    expect(readLegacyOpcodeRefusal('MongoNetworkError: connection 4 to db-0:27017 closed', LINES)).toBeUndefined();
  });

  it('tells the unready pods\' 503 as the server refusing the old driver\'s OP_QUERY, with the driver upgrade as the fix', () => {
    const ev = readiness503Scenario();
    ev.logs = ev.pods.slice(0, 3).map((p) => ({ pod: p.name, container: 'app', previous: false, lines: LINES }));
    const [f] = analyzeReadinessProbes(ev);
    expect(f?.title).toMatch(/— MongoDB 5\.1\+\/6\.0 refuses the legacy OP_QUERY/);
    expect(f?.fix).toMatch(/^upgrade the app's MongoDB driver/);
    expect(f?.nextAction).toMatch(/^Upgrade the app's MongoDB driver/);
  });
});
