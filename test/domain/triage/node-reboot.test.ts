// A node rebooted (a kernel patch window) kills every container on it without a signal the
// process sees; the runtime, having lost the container, records exit 255 (reason Unknown), and the
// kubelet restarts it when the node is back. That restart is the node's, not a crash of the
// application: told as explained, with no fix in the workload. An exit far from any reboot stays
// the application's.
import { describe, expect, it } from 'vitest';
import { buildTriageReport } from '../../../src/domain/triage/triage-report.js';
import { NODE_B, baseEvidence, container, event, minutesAgo, pod, running, terminated } from './scenarios/builders.js';

const times = { startedAt: '2026-01-01T00:00:00.000Z', finishedAt: '2026-01-01T00:00:00.000Z' };

function evidence(rebootAgo: number) {
  const restarted = pod(1, { containers: [container({ state: running(38.5), lastState: terminated(255, 'Unknown', 40.2, { runSeconds: 5 * 24 * 3600 }), restartCount: 1 })] });
  const pods = [pod(0), restarted, pod(2), pod(3), pod(4)];
  const onNode = (reason: string, message: string, ago: number, type: 'Normal' | 'Warning' = 'Normal') =>
    event({ object: { kind: 'Node', name: NODE_B }, type, reason, message, firstSeen: minutesAgo(ago), lastSeen: minutesAgo(ago), count: 1 });
  return baseEvidence({
    pods,
    events: [
      onNode('NodeNotReady', `Node ${NODE_B} status is now: NodeNotReady`, rebootAgo + 1.4),
      onNode('Rebooted', `Node ${NODE_B} has been rebooted, boot id: e3a4c1f7-52b9-4d08-9f6e-1b7c2a90d4e5`, rebootAgo, 'Warning'),
      onNode('NodeReady', `Node ${NODE_B} status is now: NodeReady`, rebootAgo - 0.4),
    ],
  });
}

describe('a container restarted by its node\'s reboot', () => {
  it('is told as the reboot\'s doing, not an application error, and the workload stays healthy', () => {
    const r = buildTriageReport(evidence(39.6), times);
    expect(r.verdict).toBe('healthy');
    expect(r.headline).toMatch(/1 container restart \(node \S+ rebooted 39m ago\)/);
    const exit = r.findings.find((f) => f.kind === 'exit-code');
    expect(exit?.title).toContain(`reboot of its node ${NODE_B}`);
    expect(exit?.likelyCause).toMatch(/reboot/);
    expect(exit?.likelyCause).not.toMatch(/exited on its own/);
    expect(exit?.nextAction).not.toMatch(/Fix what the log names/);
  });

  it('is the application\'s own exit when no reboot of its node came near it', () => {
    const r = buildTriageReport(evidence(300), times);
    const exit = r.findings.find((f) => f.kind === 'exit-code');
    expect(exit?.title).not.toMatch(/reboot/);
  });
});
