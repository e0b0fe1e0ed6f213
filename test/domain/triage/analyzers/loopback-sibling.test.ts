import { describe, expect, it } from 'vitest';
import { analyzeDependencyErrors } from '../../../../src/domain/triage/analyzers/dependency-errors.js';
import { analyzeExitCodes } from '../../../../src/domain/triage/analyzers/exit-code.js';
import { parseLoopbackPort } from '../../../../src/domain/triage/loopback-sibling.js';
import { findListenSetting } from '../../../../src/domain/triage/host-port-holders.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { NOW, baseEvidence, container, crashLooping, pod, terminated } from '../scenarios/builders.js';
import type { TriageEvidence } from '../../../../src/domain/triage/evidence.js';

const times = { startedAt: NOW, finishedAt: NOW };
const REFUSED = 'Error: connect ECONNREFUSED 127.0.0.1:6543';

/** One pod whose db-tunnel sidecar (serving 127.0.0.1:6543) is `tunnelUp` or crash-looping; its app logs REFUSED. */
function podWithTunnel(tunnelUp: boolean): TriageEvidence {
  const tunnelSpec = { name: 'db-tunnel', ports: [{ name: 'admin', containerPort: 9801, protocol: 'TCP' as const }], args: ['--listen-port=6543', '--verbose'] };
  const base = pod(0);
  const tunnel = tunnelUp ? container(tunnelSpec) : crashLooping(base.name, terminated(1, 'Error', 2, { runSeconds: 1 }), 6, tunnelSpec);
  const failing = { ...base, ready: tunnelUp, containers: [container(), tunnel] };
  const app = Array.from({ length: 4 }, () => [REFUSED, 'Caused by: java.net.ConnectException: Connection refused']).flat();
  return baseEvidence({
    pods: [failing, ...[1, 2, 3].map((i) => pod(i))],
    logs: [
      { pod: failing.name, container: 'app', previous: false, lines: ['listening on :8080', ...app] },
      ...(tunnelUp ? [] : [{ pod: failing.name, container: 'db-tunnel', previous: true, lines: ['fatal: upstream instance "ledger-main" not found (404)'] }]),
    ],
  });
}

describe('a neighbour refused at the loopback port of a crashed sidecar', () => {
  it('reads a loopback port and how a container serves it', () => {
    expect(parseLoopbackPort('127.0.0.1:6543')).toBe(6543);
    expect(parseLoopbackPort('localhost:6543')).toBe(6543);
    expect(parseLoopbackPort('db.ledger.svc:6543')).toBeUndefined();
    expect(findListenSetting(container({ args: ['--listen-port=6543'] }), 6543)).toBe('args --listen-port=6543');
    expect(findListenSetting(container({ args: ['--port', '6543'] }), 6543)).toBe('args --port 6543');
    expect(findListenSetting(container({ args: ['--port=16543'] }), 6543)).toBeUndefined();
  });

  it('tells the refusal on the sidecar\'s finding, as its consequence', () => {
    const [f] = analyzeExitCodes(podWithTunnel(false));
    expect(f?.title).toMatch(/^Sidecar container db-tunnel exits with code 1/);
    expect(f?.evidence.join('\n')).toContain('127.0.0.1:6543');
    expect(f?.likelyCause).toMatch(/app .*127\.0\.0\.1:6543/);
  });

  it('makes no dependency finding of the loopback address the crashed sidecar serves', () => {
    expect(analyzeDependencyErrors(podWithTunnel(false))).toEqual([]);
    expect(buildTriageReport(podWithTunnel(false), times).headline).toMatch(/Sidecar container db-tunnel exits with code 1/);
  });

  it('keeps the dependency finding when the container serving that port is up', () => {
    expect(analyzeDependencyErrors(podWithTunnel(true)).map((f) => f.title).join('\n')).toContain('127.0.0.1:6543');
  });
});
