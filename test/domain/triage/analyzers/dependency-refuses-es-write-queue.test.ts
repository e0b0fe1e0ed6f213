// An in-cluster Elasticsearch whose write thread pool queue is full rejects bulk items with 429
// es_rejected_execution_exception: back-pressure from the writers' concurrent bulks, not an outside
// API's rate budget. When the writers' Deployment was scaled up by hand just before (same revision),
// that scale-up is the trigger and scaling back is the action; a rollback changes nothing.
import { describe, expect, it } from 'vitest';
import { analyzeDependencyRefusals } from '../../../../src/domain/triage/analyzers/dependency-refuses.js';
import { findRateLimitedCalls } from '../../../../src/domain/triage/rate-limited-calls.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import type { TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { APP, NOW, NS, REV6, baseEvidence, container, event, minutesAgo, pod, workload } from '../scenarios/builders.js';

const reason = (node: number, queued: number) =>
  `rejected execution of TimedRunnable{original=ActionRunnable#wrap[org.elasticsearch.action.bulk.TransportShardBulkAction$$Lambda@5e1c]} on TaskExecutionTimeTrackingEsThreadPoolExecutor[name = es-${node}/write, queue capacity = 10000, task execution EWMA = 7ms, org.elasticsearch.common.util.concurrent.TaskExecutionTimeTrackingEsThreadPoolExecutor@41f2[Running, pool size = 4, active threads = 4, queued tasks = ${queued}, completed tasks = 9120443]]`;
const itemFailed = (m: number, node: number, queued = 10000) => JSON.stringify({ level: 'error', ts: minutesAgo(m), msg: 'bulk item failed', index: 'orders-v3', status: 429, 'error.type': 'es_rejected_execution_exception', 'error.reason': reason(node, queued) });
const retrying = (m: number) => JSON.stringify({ level: 'warn', ts: minutesAgo(m), msg: 'bulk request partially rejected, retrying', items: 1000, rejected: 412, status: 429 });

function scenario(scaledUp: boolean): TriageEvidence {
  const pods = [0, 1, 2, 3, 4, 5].map((i) => pod(i, { containers: [container({ env: [{ name: 'ES_URL', value: 'http://search.payments.svc.cluster.local:9200' }] })], ...(i >= 2 ? { createdAt: minutesAgo(30), startTime: minutesAgo(30) } : {}) }));
  const lines = [retrying(25), itemFailed(25, 0), itemFailed(20, 1), retrying(12), itemFailed(12, 2, 9987), itemFailed(3, 0)];
  return baseEvidence({
    pods,
    hpas: [],
    workload: workload({ specReplicas: 6, replicas: 6, readyReplicas: 6, availableReplicas: 6, updatedReplicas: 6 }),
    logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines })),
    events: scaledUp ? [event({ object: { kind: 'Deployment', name: APP, namespace: NS }, type: 'Normal', reason: 'ScalingReplicaSet', message: `Scaled up replica set ${APP}-${REV6.hash} from 2 to 6`, firstSeen: minutesAgo(30), lastSeen: minutesAgo(30), source: 'deployment-controller' })] : [],
  });
}

describe('an Elasticsearch write thread pool queue full (es_rejected_execution_exception)', () => {
  it('names the cluster\'s write queue, its capacity and the nodes, as its own back-pressure', () => {
    const [f] = analyzeDependencyRefusals(scenario(false));
    expect(f?.title).toMatch(/^Elasticsearch search refuses bulk writes: its write thread pool queue is full \(es_rejected_execution_exception, 429\)/);
    expect(f?.title).toContain('write queue full on es-0, es-1, es-2 (queue capacity = 10000, queued tasks = 10000, 4 of 4 threads busy)');
    expect(f?.likelyCause).toMatch(/not an outside rate limit/);
    expect(f?.scalesWithReplicas).toBe(true);
  });

  it('does not count its 429s as calls refused by an outside API\'s rate budget', () => {
    expect(findRateLimitedCalls(scenario(false).logs)).toBeUndefined();
  });

  it('ignores rejections of the search pool', () => {
    const search = JSON.stringify({ level: 'error', ts: minutesAgo(2), msg: 'search failed', 'error.type': 'es_rejected_execution_exception', 'error.reason': reason(0, 1000).replace('/write', '/search') });
    const ev = scenario(false);
    ev.logs = ev.logs.map((l) => ({ ...l, lines: [search, search] }));
    expect(analyzeDependencyRefusals(ev).some((f) => /write thread pool/.test(f.title))).toBe(false);
  });

  it('takes a scale-up by hand of the same revision as the trigger and says to scale back, not to roll back', () => {
    const report = buildTriageReport(scenario(true), { startedAt: NOW, finishedAt: NOW });
    expect(report.verdict).toBe('problems');
    expect(report.headline).toMatch(/^Since the workload was scaled up from 2 to 6 30m ago \(not by a rollout\): Elasticsearch search refuses bulk writes/);
    expect(report.headline).toMatch(/Scale payment-service back to 2 replicas, or lower the concurrent bulk load/);
    expect(report.headline).not.toMatch(/rate budget|no change found|roll back to/i);
  });

  it('says no change found when nothing scaled it', () => {
    const report = buildTriageReport(scenario(false), { startedAt: NOW, finishedAt: NOW });
    expect(report.headline).toMatch(/^Elasticsearch search refuses bulk writes/);
    expect(report.headline).toMatch(/no change found/);
  });
});
