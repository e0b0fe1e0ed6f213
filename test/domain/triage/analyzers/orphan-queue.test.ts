import { describe, expect, it } from 'vitest';
import { analyzeOrphanQueue } from '../../../../src/domain/triage/analyzers/orphan-queue.js';
import type { TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { needsQueueProducers, readWorkerQueues } from '../../../../src/domain/triage/worker-queue-names.js';
import { REV6, REV7, baseEvidence, container, minutesAgo, pod, revision, revisionContainer, running } from '../scenarios/builders.js';

const SIDEKIQ = { command: ['bundle', 'exec', 'sidekiq'], args: ['-c', '10', '-q', 'critical,4', '-q', 'default,2', '-q', 'mailers,2', '-q', 'low'] };

/** Sidekiq workers on -q critical/default/mailers/low; the web Deployment's newest revision set MAILER_QUEUE. */
function workers(queue = 'mailers_v2'): TriageEvidence {
  const pods = [0, 1].map((i) => pod(i, { revisionHash: REV6.hash, containers: [container({ name: 'sidekiq', ...SIDEKIQ, env: [], envFrom: [], ports: [], probes: {}, state: running(5000), restartCount: 0 })] }));
  const web = (env: { name: string; value: string }[]) => [revisionContainer({ name: 'app', env, envFrom: [] })];
  return {
    ...baseEvidence({ pods, logs: [{ pod: pods[0]?.name ?? '', container: 'sidekiq', previous: false, lines: ['INFO: Booting Sidekiq 7.2.4'] }] }),
    namespaceRollouts: [{ deployment: 'shop-web', labels: {}, revisions: [revision(REV7, minutesAgo(240), { containers: web([{ name: 'MAILER_QUEUE', value: queue }]) }), revision(REV6, minutesAgo(7200), { containers: web([]) })] }],
  };
}

describe('jobs enqueued to a queue no worker listens to', () => {
  it('reads the queues Sidekiq and Celery workers list', () => {
    expect(readWorkerQueues(SIDEKIQ)).toEqual(['critical', 'default', 'mailers', 'low']);
    expect(readWorkerQueues({ command: ['celery', '-A', 'media', 'worker', '-Q', 'thumbnails,previews'] })).toEqual(['thumbnails', 'previews']);
    expect(readWorkerQueues({ command: ['node', 'server.js'] })).toBeUndefined();
    expect(needsQueueProducers({ pods: [{ containers: [SIDEKIQ] }], collectedAt: '2026-11-21T04:00:00.000Z' })).toEqual({ since: '2026-11-20T04:00:00.000Z' });
  });

  it('names the producer revision, the queue it set and the queues the workers list', () => {
    const [f] = analyzeOrphanQueue(workers());
    expect(f?.title).toMatch(/^Jobs go to queue mailers_v2, which no worker listens to: shop-web revision 7 \(4h ago\) set MAILER_QUEUE=mailers_v2, while \S+ consumes only critical, default, mailers, low$/);
    expect(f?.fix).toMatch(/^add mailers_v2 to the queues of \S+ \(-q mailers_v2\)/);
  });

  it('stays quiet when the workers list the queue', () => {
    expect(analyzeOrphanQueue(workers('mailers'))).toEqual([]);
  });
});
