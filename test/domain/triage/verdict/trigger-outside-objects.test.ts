import { describe, expect, it } from 'vitest';
import type { NamespaceObjectEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import type { Finding } from '../../../../src/domain/triage/finding.js';
import { compareFailingHealthy } from '../../../../src/domain/triage/verdict/differential.js';
import { findTrigger } from '../../../../src/domain/triage/verdict/trigger.js';
import { APP, REV6, baseEvidence, minutesAgo, podName } from '../scenarios/builders.js';

// The fault lies outside the workload's own pods: in a proxy's ConfigMap that the failing pods do
// not read, or in the Service that carries traffic to them. Neither shows in the workload's
// revisions, so when such an object changed just before the onset, that edit is the "since".
const PODS = [0, 1, 2].map((i) => podName(REV6.hash, i));

function finding(over: Partial<Finding>): Finding {
  return {
    id: 'x/y', kind: 'dependency-error', title: '', layer: 'network/routing', severity: 'critical', confidence: 'high',
    evidence: [], likelyCause: '', nextAction: '', confirmCommands: [], affected: { pods: PODS }, onset: minutesAgo(82), ...over,
  };
}

const trigger = (ev: TriageEvidence, m: Finding) => findTrigger(ev, m, compareFailingHealthy(ev));

describe('a ConfigMap the mechanism names as holding its setting, read by another workload', () => {
  const replays = finding({
    title: `edge in front of ${APP} replays timed-out POSTs to another pod (\`proxy_next_upstream error timeout non_idempotent;\` in ConfigMap edge-conf (proxy_read_timeout 4s)): ${APP} performs them twice`,
    outsideWorkload: `the nginx Deployment edge in front of ${APP}: its retry setting sends the requests twice`,
  });
  const edited: NamespaceObjectEvidence = { kind: 'ConfigMap', name: 'edge-conf', createdAt: minutesAgo(23 * 24 * 60), changedAt: minutesAgo(126) };

  it('is the change when it was edited in the window before the onset, though the failing pods do not read it', () => {
    const ev = baseEvidence({ namespaceObjects: [edited] });
    expect(trigger(ev, replays)).toEqual({ kind: 'object-change', object: edited, text: 'ConfigMap edge-conf was changed 2h 6m ago', at: minutesAgo(126) });
  });

  it('is not the change when the mechanism does not name it, or it was edited long before', () => {
    expect(trigger(baseEvidence({ namespaceObjects: [edited] }), { ...replays, title: `${APP} performs requests twice` }).kind).toBe('none');
    const old = { ...edited, changedAt: minutesAgo(9 * 60) };
    expect(trigger(baseEvidence({ namespaceObjects: [old] }), replays).kind).toBe('none');
  });

  it('is not repeated as the "since" when the title already says when it changed', () => {
    const dates = { ...replays, title: `Sentinel monitors 'sessions-master' (ConfigMap edge-conf, changed 2h 6m ago), the client asks for 'mymaster'` };
    expect(trigger(baseEvidence({ namespaceObjects: [edited] }), dates).kind).toBe('none');
  });
});

describe('a Service in front of the failing pods, changed just before, for a fault of what is in front', () => {
  const limiter = finding({
    kind: 'rate-limited',
    title: `${APP}'s own rate limiter answers everyone 429 Too Many Requests: behind a proxy or load balancer without trust proxy it counts every client as the proxy's address`,
    outsideWorkload: `the proxy or load balancer in front of ${APP}: every request reaches it from that one address`,
    onset: minutesAgo(41),
  });
  const service: NamespaceObjectEvidence = { kind: 'Service', name: APP, createdAt: minutesAgo(200 * 24 * 60), changedAt: minutesAgo(49) };

  it('names the edit of the Service that selects the failing pods', () => {
    const ev = baseEvidence({ namespaceObjects: [service] });
    expect(trigger(ev, limiter)).toEqual({ kind: 'object-change', object: service, text: `Service ${APP} was changed 49m ago`, at: minutesAgo(49) });
  });

  it('not a Service that selects other pods, nor for a fault inside the pods', () => {
    const other: NamespaceObjectEvidence = { ...service, name: 'fraud-service' };
    expect(trigger(baseEvidence({ namespaceObjects: [other] }), limiter).kind).toBe('none');
    const inside = { ...limiter, layer: 'container/process' as const, outsideWorkload: undefined };
    expect(trigger(baseEvidence({ namespaceObjects: [service] }), inside).kind).toBe('none');
  });
});

describe('a ConfigMap holding, by its key, the setting the mechanism quotes', () => {
  const stall = finding({
    kind: 'consumer-group', layer: 'container/process',
    title: `${APP} (isolation.level=read_committed) fetches 0 records while its lag grows: a transactional producer killed mid-transaction stays open until its transaction.timeout.ms`,
    onset: minutesAgo(46),
  });
  const producer: NamespaceObjectEvidence = { kind: 'ConfigMap', name: 'producer-kafka', createdAt: minutesAgo(200 * 24 * 60), changedAt: minutesAgo(125), keys: ['KAFKA_ACKS', 'KAFKA_TRANSACTION_TIMEOUT_MS', 'OUTBOX_TOPIC'] };

  it('is the change when edited in the window, whoever reads it, and says which key ties it', () => {
    const ev = baseEvidence({ namespaceObjects: [producer] });
    expect(trigger(ev, stall)).toEqual({ kind: 'object-change', object: producer, text: 'ConfigMap producer-kafka (KAFKA_TRANSACTION_TIMEOUT_MS) was changed 2h 5m ago', at: minutesAgo(125) });
  });

  it('is not the change when no key names a setting the mechanism quotes', () => {
    const other = { ...producer, keys: ['KAFKA_ACKS', 'OUTBOX_TOPIC', 'application.properties'] };
    expect(trigger(baseEvidence({ namespaceObjects: [other] }), stall).kind).toBe('none');
    // A file name the fix quotes says where settings live, not which.
    const file = { ...producer, keys: ['my.cnf'] };
    expect(trigger(baseEvidence({ namespaceObjects: [file] }), { ...stall, fix: 'restore sql_mode in my.cnf' }).kind).toBe('none');
  });
});
