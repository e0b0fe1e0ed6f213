// An entrypoint script under `set -e` ends, silently, at the first unguarded command that returns
// non-zero: grep with no match (grep -c prints 0 and still exits 1) right after the start banner.
import { describe, expect, it } from 'vitest';
import { analyzeExitCodes } from '../../../src/domain/triage/analyzers/exit-code.js';
import { pickEntrypointScripts, readScript } from '../../../src/domain/triage/entrypoint-errexit.js';
import type { TriageEvidence } from '../../../src/domain/triage/evidence.js';
import { REV6, REV7, minutesAgo, pod, revision, terminated } from './scenarios/builders.js';
import { crashScenario } from './scenarios/crashes.js';

const BODY = ['CONFIG=/etc/app/app.yaml', 'EXTRA=$(grep -c FEATURE_X /etc/app/flags)', 'if grep -q BETA /etc/app/flags; then', '  export BETA=1', 'fi', 'exec node /app/server.js'];
const V1 = ['#!/bin/bash', 'echo "renderer entrypoint (v1) starting: $(date -u)"', ...BODY].join('\n');
const V2 = ['#!/bin/bash', 'set -euo pipefail', 'echo "renderer entrypoint (v2) starting: $(date -u)"', ...BODY].join('\n');

function scenario(script: string, lines = ['renderer entrypoint (v2) starting: 2026-11-21T03:12:24Z']): TriageEvidence {
  const ev = crashScenario(1, () => terminated(1, 'Error', 0), { logs: lines });
  ev.entrypointScripts = [
    { configMap: 'renderer-entrypoint-v2', key: 'entrypoint.sh', mountedNow: true, ...readScript(script) },
    { configMap: 'renderer-entrypoint-v1', key: 'entrypoint.sh', mountedNow: false, ...readScript(V1) },
  ];
  return ev;
}

describe('an entrypoint script that newly sets errexit', () => {
  it('names errexit, the script it is new in, and the unguarded grep after the banner', () => {
    const [f] = analyzeExitCodes(scenario(V2));
    expect(f?.title).toMatch(/runs under `set -euo pipefail` \(new in it\)/);
    expect(f?.title).toMatch(/line 5 `EXTRA=\$\(grep -c FEATURE_X \/etc\/app\/flags\)`: grep exits 1 when nothing matches/);
    expect(f?.fix).toMatch(/\|\| true/);
  });

  it('leaves a script without errexit, and a grep under `if`, alone', () => {
    expect(analyzeExitCodes(scenario(V1))[0]?.title ?? '').not.toMatch(/errexit|set -e/);
    expect(readScript(V2).mayFail.map((l) => l.n)).toEqual([5]);
  });

  it('reads the script the crashing container runs from a ConfigMap mount, and the one the revision before mounted', () => {
    const p = pod(0, { revisionHash: REV7.hash, volumes: [{ name: 'entrypoint', source: 'configMap', ref: 'renderer-entrypoint-v2' }] });
    const c = p.containers[0];
    if (c) Object.assign(c, { command: ['/bin/bash', '/opt/entrypoint/entrypoint.sh'], volumeMounts: [{ name: 'entrypoint', mountPath: '/opt/entrypoint' }], lastState: terminated(1, 'Error', 0) });
    const revs = [revision(REV6, minutesAgo(3000), { template: { volumes: [{ name: 'entrypoint', source: 'configMap', ref: 'renderer-entrypoint-v1' }] } as never }), revision(REV7, minutesAgo(50), { template: { volumes: [{ name: 'entrypoint', source: 'configMap', ref: 'renderer-entrypoint-v2' }] } as never })];
    expect(pickEntrypointScripts([p], revs)).toEqual([
      { configMap: 'renderer-entrypoint-v2', key: 'entrypoint.sh', mountedNow: true },
      { configMap: 'renderer-entrypoint-v1', key: 'entrypoint.sh', mountedNow: false },
    ]);
  });
});
