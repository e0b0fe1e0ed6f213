// Ready pods whose own logs fail after a rollout: the first stamped error line dates the trouble,
// so the revision that went out shortly before it is named as the trigger.
import { describe, expect, it } from 'vitest';
import type { LogEvidence } from '../../../src/domain/triage/evidence.js';
import { buildTriageReport } from '../../../src/domain/triage/triage-report.js';
import { IMAGE_V14, IMAGE_V15, REV6, REV7, baseEvidence, event, minutesAgo, pod, revision, revisionContainer, workload } from './scenarios/builders.js';

const times = { startedAt: '2026-01-01T00:00:00.000Z', finishedAt: '2026-01-01T00:00:00.000Z' };

function sendFailures(minutes: readonly number[]): string[] {
  return minutes.flatMap((m) => {
    const at = minutesAgo(m).replace(/\.\d+Z$/, 'Z').replace('Z', '.000Z');
    return [
      `${at} ERROR 1 --- [payments] [ad | producer-1] o.s.k.support.LoggingProducerListener   : Exception thrown when sending a message to topic payments.events:`,
      '',
      'org.apache.kafka.common.errors.RecordTooLargeException: The message is 1572864 bytes when serialized which is larger than 1048576, which is the value of the max.request.size configuration.',
    ];
  });
}

const stamp = (m: number): string => minutesAgo(m).replace(/\.\d+Z$/, 'Z').replace('Z', '.000Z');

function scenario(errorsFrom: number, rolledOut = 40, cleanAt?: number) {
  const pods = [0, 1, 2].map((i) => pod(i, { revisionHash: REV7.hash, createdAt: minutesAgo(rolledOut - i), startTime: minutesAgo(rolledOut - i) }));
  const clean = cleanAt === undefined ? [] : [`${stamp(cleanAt)}  INFO 1 --- [payments] c.acme.payments.Sender : sent 412 messages to payments.events`];
  const logs = pods.slice(0, 2).map((p): LogEvidence => ({ pod: p.name, container: 'app', previous: false, lines: [...clean, ...sendFailures([errorsFrom, errorsFrom / 2, 1])] }));
  return baseEvidence({
    pods,
    logs,
    workload: workload({ specReplicas: 3, replicas: 3, readyReplicas: 3, availableReplicas: 3, updatedReplicas: 3, currentRevision: 7 }),
    revisions: [
      revision(REV6, minutesAgo(9 * 24 * 60), { containers: [revisionContainer({ image: IMAGE_V14 })] }),
      revision(REV7, minutesAgo(rolledOut), { replicas: 3, containers: [revisionContainer({ image: IMAGE_V15 })] }),
    ],
  });
}

describe('errors in ready pods after a rollout', () => {
  it('names the revision rolled out shortly before the first error line, and quotes the exception', () => {
    const r = buildTriageReport(scenario(28), times);
    expect(r.headline).toMatch(/^Since revision 7 \(40m ago/);
    expect(r.headline).toContain('RecordTooLargeException');
  });

  it('does not blame a revision older than the trigger window before the first error', () => {
    const ev = scenario(28);
    const old = { ...ev, revisions: ev.revisions.map((x) => (x.revision === 7 ? { ...x, createdAt: minutesAgo(5 * 60) } : x)) };
    expect(buildTriageReport(old, times).headline).not.toMatch(/Since revision 7/);
  });

  it('clears a revision whose pods logged work without errors long after it rolled out, before the first error line', () => {
    const r = buildTriageReport(scenario(12, 70, 40), times);
    expect(r.headline).not.toMatch(/Since revision 7|Roll back|rollout undo/);
    expect(r.headline).toMatch(/revision 7 \(1h 10m ago\) is not the cause: its pods' errors began 12m ago, 58m after the rollout; their logs show work without errors before that \(from 40m ago\)/);
  });

  it('dates a rolled-back revision by the undo, not by its re-used ReplicaSet\'s age, when it clears it', () => {
    const ev = scenario(12, 70, 40);
    const back = {
      ...ev,
      revisions: ev.revisions.map((x) => (x.revision === 7 ? { ...x, createdAt: minutesAgo(41 * 24 * 60), formerRevisions: [2] } : x)),
      events: [event({ object: { kind: 'Deployment', name: 'payment-service', namespace: 'payments' }, type: 'Normal', reason: 'ScalingReplicaSet', message: `Scaled up replica set payment-service-${REV7.hash} from 0 to 1`, firstSeen: minutesAgo(70), lastSeen: minutesAgo(70), source: 'deployment-controller' })],
    };
    const r = buildTriageReport(back, times);
    expect(r.headline).toMatch(/errors began 12m ago, 58m after the rollout/);
    expect(r.headline).not.toMatch(/41d/);
  });

  it('does not clear a revision that changed how the process runs (command, args, env): a late onset is weak evidence against it', () => {
    // gunicorn's --preload shares one connection across forked workers: the errors come when two
    // workers happen to use it at once, which can take an hour of light traffic.
    const ev = scenario(12, 70, 40);
    const revisions = ev.revisions.map((x) => (x.revision === 7 ? { ...x, containers: x.containers.map((c) => ({ ...c, image: IMAGE_V14, args: ['--preload'] })) } : x));
    const r = buildTriageReport({ ...ev, revisions }, times);
    expect(r.headline).toMatch(/^Since revision 7 \(1h 10m ago: app args/);
    expect(r.headline).not.toMatch(/is not the (cause|trigger)/);
  });

  it('does not clear the revision when the log tail begins inside an error (a traceback cut by the tail): the clean line after it was logged while errors went on', () => {
    const ev = scenario(12, 70, 40);
    const cut = ['    raise ConnectionError(err, request=request)', 'requests.exceptions.ConnectionError: HTTPSConnectionPool(host=\'upstream.example.com\', port=443): Max retries exceeded'];
    const logs = ev.logs.map((l) => ({ ...l, lines: [...cut, ...l.lines] }));
    const r = buildTriageReport({ ...ev, logs }, times);
    expect(r.headline).not.toMatch(/is not the (cause|trigger)/);
    expect(r.headline).toMatch(/^Since revision 7 \(1h 10m ago/);
  });

  it('still names the revision when the logs do not reach back before the first error line', () => {
    const r = buildTriageReport(scenario(12, 70), times);
    expect(r.headline).toMatch(/^Since revision 7 \(1h 10m ago/);
  });
});
