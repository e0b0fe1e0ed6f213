// A publisher whose large messages its RabbitMQ refuses (406 PRECONDITION_FAILED, "message size N is
// larger than configured max size 16777216") after the broker moved from 3.x to 4.x, which lowered
// max_message_size's default to 16 MiB: the broker's upgrade is the since, its limit (or the
// payload's size) the fix, never a rollback of the publisher.
import { describe, expect, it } from 'vitest';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import type { TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { NOW, NS, baseEvidence, container, minutesAgo, pod, revision, revisionContainer, workload } from '../scenarios/builders.js';

const times = { startedAt: NOW, finishedAt: NOW };

function publisherLog(k: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < 5; i++) {
    out.push(`${minutesAgo(60 - i * 10 - k)} INFO exporter: sending batch b-${i} bytes=${20_000_000 + i * 1_000_000}`);
    out.push(`${minutesAgo(60 - i * 10 - k)} ERROR exporter: send failed: (406, 'PRECONDITION_FAILED - message size ${20_000_000 + i * 1_000_000} is larger than configured max size 16777216')`);
    out.push(`${minutesAgo(59 - i * 10 - k)} INFO exporter: sent batch s-${i} bytes=${300_000 + i}`);
  }
  return out;
}

function scenario(opts: { unread?: true } = {}): TriageEvidence {
  const pods = [0, 1].map((i) => pod(i));
  const image = (v: string) => `docker.io/library/rabbitmq:${v}`;
  const member = (o: number) => pod(o, { name: `queue-${o}`, labels: { app: 'queue', 'controller-revision-hash': 'queue-6b8f9d7c5' }, revisionHash: 'queue-6b8f9d7c5', ownerWorkload: { kind: 'StatefulSet', name: 'queue' }, containers: [container({ name: 'rabbitmq', image: image('4.1.2') })] });
  const rollout = {
    statefulSet: 'queue',
    current: revision({ revision: 12, hash: 'queue-6b8f9d7c5' }, minutesAgo(70), { containers: [revisionContainer({ name: 'rabbitmq', image: image('4.1.2') })] }),
    previous: revision({ revision: 11, hash: 'queue-4a7e8c6b4' }, minutesAgo(60 * 24 * 60), { containers: [revisionContainer({ name: 'rabbitmq', image: image('3.12.14') })] }),
  };
  return baseEvidence({
    pods,
    workload: workload({ specReplicas: 2, replicas: 2, readyReplicas: 2, availableReplicas: 2, updatedReplicas: 2 }),
    logs: pods.map((p, k) => ({ pod: p.name, container: 'app', previous: false, lines: publisherLog(k) })),
    ...(opts.unread ? {} : { dependencyMembers: [{ namespace: NS, service: 'queue', pods: [0, 1, 2].map(member), nodeLosses: [], rollout }] }),
  });
}

describe('publishes refused for their size by a RabbitMQ upgraded to 4.x', () => {
  it('names RabbitMQ, its max_message_size and the broker upgrade in the headline, never a rollback of the publisher', () => {
    const r = buildTriageReport(scenario(), times);
    expect(r.verdict).toBe('problems');
    expect(r.headline).toMatch(/RabbitMQ 4\.1\.2 refuses/);
    expect(r.headline).toMatch(/max_message_size 16777216 \(16 MiB\)/);
    expect(r.headline).toMatch(/since StatefulSet queue revision 12 upgraded RabbitMQ 3\.12\.14 → 4\.1\.2 \(which lowered max_message_size to 16 MiB\)/);
    expect(r.headline).toMatch(/rabbitmq\.conf/);
    expect(r.headline).not.toMatch(/roll(ing)? ?back to|rollout undo/i);
  });

  it('without the broker read, still names RabbitMQ and its 4.0 default, and claims no upgrade', () => {
    const r = buildTriageReport(scenario({ unread: true }), times);
    expect(r.headline).toMatch(/RabbitMQ refuses .*max_message_size 16777216/);
    expect(r.headline).not.toMatch(/upgraded/);
  });
});
