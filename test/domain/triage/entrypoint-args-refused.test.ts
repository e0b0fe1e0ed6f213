import { describe, expect, it } from 'vitest';
import { findArgsRefusal, tellArgsRefusal } from '../../../src/domain/triage/entrypoint-args-refused.js';
import { analyzeExitCodes } from '../../../src/domain/triage/analyzers/exit-code.js';
import type { TriageEvidence } from '../../../src/domain/triage/evidence.js';
import { REV6, minutesAgo, revision, revisionContainer, terminated } from './scenarios/builders.js';
import { crashScenario } from './scenarios/crashes.js';

const ARGS = ['--settings', '/srv/settings.toml', '--workers', '4'];
const usage = [
  'Error: unknown flag: --settings',
  'Usage:',
  '  procwrap [command]',
  '',
  'Available Commands:',
  '  exec        Start a binary under the wrapper',
];
const older = revision({ revision: 5, hash: '6b8c7d5f9a' }, minutesAgo(12 * 24 * 60), {
  containers: [revisionContainer({ image: 'registry.example/ledger:5.0.2', args: ARGS })],
  template: { annotations: { 'example.com/base-image': 'registry.example/base/runtime:3.1' } } as never,
});
const newer = revision(REV6, minutesAgo(40), {
  containers: [revisionContainer({ image: 'registry.example/ledger:5.0.3', args: ARGS })],
  template: { annotations: { 'example.com/base-image': 'registry.example/base/runtime:4.0' } } as never,
});
const spec = { name: 'app', image: 'registry.example/ledger:5.0.3', args: ARGS };

/** The crash scenario with args on the crashing container and the image-only change behind it. */
function scenario(logs: string[], revisions = [older, newer], containerArgs: string[] = ARGS, command?: string[]): TriageEvidence {
  const ev = crashScenario(2, () => terminated(1, 'Error', 1), { logs });
  return {
    ...ev,
    revisions,
    pods: ev.pods.map((p) => ({ ...p, containers: p.containers.map((c) => ({ ...c, args: containerArgs, ...(command ? { command } : {}) })) })),
  };
}

describe('findArgsRefusal', () => {
  it('reads the refused flag of the unchanged args, the program whose usage is printed, and the base image move', () => {
    const found = findArgsRefusal(usage, spec, newer, older);
    expect(found).toMatchObject({ flag: '--settings', program: 'procwrap', base: 'registry.example/base/runtime:3.1 → registry.example/base/runtime:4.0', previous: 5 });
    const told = tellArgsRefusal(found ?? { line: '', flag: '', image: '', imageBefore: '', previous: 0 });
    expect(told.title).toBe(": the unchanged args now reach procwrap, likely the image's new ENTRYPOINT (command is unset)");
    expect(told.fix).toMatch(/^set command in the pod spec to the program the args are for/);
  });

  it('reads Go\'s and argparse\'s refusals too', () => {
    expect(findArgsRefusal(['flag provided but not defined: -settings', 'Usage of /usr/local/bin/procwrap:'], { ...spec, args: ['-settings', '/srv/s.toml'] }, { ...newer, containers: [revisionContainer({ image: 'b', args: ['-settings', '/srv/s.toml'] })] }, { ...older, containers: [revisionContainer({ image: 'a', args: ['-settings', '/srv/s.toml'] })] })).toMatchObject({ flag: '-settings', program: 'procwrap' });
    expect(findArgsRefusal(['usage: procwrap [-h] {exec}', 'procwrap: error: unrecognized arguments: --settings /srv/settings.toml'], spec, newer, older)).toMatchObject({ flag: '--settings', program: 'procwrap' });
  });

  it('reads nothing when the args changed, command is set, or the flag is not among the args', () => {
    const changed = revision(REV6, minutesAgo(40), { containers: [revisionContainer({ image: 'registry.example/ledger:5.0.3', args: [...ARGS, '--verbose'] })] });
    expect(findArgsRefusal(usage, spec, changed, older)).toBeUndefined();
    expect(findArgsRefusal(usage, { ...spec, command: ['/bin/ledger'] }, newer, older)).toBeUndefined();
    expect(findArgsRefusal(['Error: unknown flag: --colour'], spec, newer, older)).toBeUndefined();
  });
});

describe('analyzeExitCodes: unchanged args refused after an image-only change', () => {
  it('names the program the args now reach and advises setting command, not "fix what the log names"', () => {
    const [f] = analyzeExitCodes(scenario(usage));
    expect(f?.title).toContain("the unchanged args now reach procwrap, likely the image's new ENTRYPOINT");
    expect(f?.decisive).toBe('unknown flag: --settings');
    expect(f?.fix).toMatch(/set command in the pod spec/);
    expect(f?.nextAction).toMatch(/^Roll back to revision 5/);
  });

  it('leaves a flag refused under an explicit command to the generic reading', () => {
    const [f] = analyzeExitCodes(scenario(usage, [older, newer], ARGS, ['/bin/ledger']));
    expect(f?.fix).toBe('fix what the log names');
  });
});
