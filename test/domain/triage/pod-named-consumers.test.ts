import { describe, expect, it } from 'vitest';
import { analyzeOrphanedPendingEntries } from '../../../src/domain/triage/analyzers/orphaned-pending-entries.js';
import { findPodNamedConsumers, keepFormerConsumerLines } from '../../../src/domain/triage/pod-named-consumers.js';
import { APP, REV6, REV7, baseEvidence, minutesAgo, pod, podName, revision, revisionContainer } from './scenarios/builders.js';

const GONE = `${APP}-7c9d8f6b5d-x2kqj`;
const env = [
  { name: 'STREAM_KEY', value: 'payments:captured' },
  { name: 'CONSUMER_GROUP', value: 'settlement' },
  { name: 'CONSUMER_NAME', ref: { kind: 'field' as const, key: 'metadata.name' } },
];
const WATCHDOG = `{"level":"WARN","message":"payment still pending past SLA","payment_id":"P-88121","pending_consumer":"${GONE}","idle_ms":14400000}`;
const SUMMARY = '{"level":"INFO","message":"stale payment summary","group":"settlement","pending_total":95}';

function scenario(ownLines: string[] = ['INFO consuming payments:captured (XREADGROUP >, block=5000ms)']) {
  const pods = [0, 1].map((i) => pod(i, { revisionHash: REV7.hash }));
  const base = baseEvidence({ pods, logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines: ownLines })) });
  return {
    ...base,
    revisions: [revision(REV7, minutesAgo(300), { containers: [revisionContainer({ env })] }), revision(REV6, minutesAgo(40 * 24 * 60), { containers: [revisionContainer({ env })] })],
    formerConsumerLines: [{ pod: 'ledger-api-5d8f7c6b9a-q2w3e', owner: 'Deployment ledger-api', container: 'app', lines: [WATCHDOG, SUMMARY] }],
  };
}

describe('Redis Streams entries pending under consumers named after replaced pods', () => {
  it('finds a consumer group read under the pods\' names, from the Downward API env', () => {
    expect(findPodNamedConsumers(scenario())).toEqual({ via: "env CONSUMER_NAME from the pod's metadata.name", stream: 'payments:captured', group: 'settlement' });
    const fixed = { ...scenario(), revisions: [revision(REV7, minutesAgo(300), { containers: [revisionContainer({ env: [env[0]!, env[1]!, { name: 'CONSUMER_NAME', value: 'settler' }] })] })] };
    expect(findPodNamedConsumers(fixed)).toBeUndefined();
  });

  it('keeps the lines naming a consumer of a former pod, and the group\'s pending count, not those of live pods', () => {
    const live = new Set([podName(REV7.hash, 0)]);
    const liveLine = `{"message":"payment still pending","pending_consumer":"${podName(REV7.hash, 0)}"}`;
    expect(keepFormerConsumerLines(['GET /v1/payments 200', WATCHDOG, liveLine, SUMMARY], APP, live, 'settlement')).toEqual([WATCHDOG, SUMMARY]);
  });

  it('reads the orphaned entries as stuck work nothing claims, dated by the rollout that replaced the pods', () => {
    const [f] = analyzeOrphanedPendingEntries(scenario());
    expect(f?.title).toBe(`Entries stuck pending in the Redis Streams group settlement of stream payments:captured under consumers named after pods that no longer exist (${GONE}; 95 pending per ledger-api): ${APP} names each consumer after its pod and reads only new entries (XREADGROUP >), so nothing claims them; revision 7 (5h ago) replaced those pods`);
    expect(f?.nextAction).toMatch(/^Hand the orphaned entries to a live consumer now: XAUTOCLAIM payments:captured settlement/);
    expect(f?.outsideWorkload).toBeDefined();
  });

  it('takes a worker that claims idle entries itself for one that hands them on', () => {
    expect(analyzeOrphanedPendingEntries(scenario(['INFO XAUTOCLAIM payments:captured settlement claimed=12']))).toEqual([]);
  });
});
