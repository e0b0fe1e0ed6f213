import { describe, expect, it } from 'vitest';
import { analyzeNodeClockSkew } from '../../../../src/domain/triage/analyzers/node-clock-skew.js';
import { runAnalyzers } from '../../../../src/domain/triage/analyzers/index.js';
import { findClockRefusal, readStampedTimes } from '../../../../src/domain/triage/clock-refusal.js';
import type { LogEvidence, NodeEvidence, PodEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { rankFindings } from '../../../../src/domain/triage/rank-findings.js';
import { diagnose } from '../../../../src/domain/triage/verdict/diagnose.js';
import { NODE_A, NODE_B, NODE_C, baseEvidence, minutesAgo, node, pod } from '../scenarios/builders.js';

const log = (p: PodEvidence, lines: string[], previous = false): LogEvidence => ({ pod: p.name, container: 'app', previous, lines });
const beat = (name: string, agoMinutes: number): NodeEvidence => node(name, { heartbeatAt: minutesAgo(agoMinutes) });

/** A line stamped `agoMinutes` before the evidence's time, as Go's slog writes it. */
const stamped = (agoMinutes: number, rest: string): string => `time=${minutesAgo(agoMinutes)} ${rest}`;
const SYNCED = (k: number) => [stamped(9, 'level=INFO msg="ledger exported" objects=412'), stamped(1 + k * 0.1, 'level=INFO msg="ledger exported" objects=388')];
const NOT_YET_VALID = 'level=ERROR msg="fetch rates failed" err="Get \\"https://rates.corp.example.net/v2\\": tls: failed to verify certificate: x509: certificate has expired or is not yet valid: current time 2026-11-21T02:58:00Z is before 2026-11-21T03:05:00Z"';

/** Three ready pods of revision 6, one per node; the one on NODE_C logs `bad`. */
function evidence(bad: string[], over: Partial<TriageEvidence> = {}): TriageEvidence {
  const pods = [pod(0), pod(1), pod(2)];
  const [p0, p1, p2] = pods as [PodEvidence, PodEvidence, PodEvidence];
  return baseEvidence({ pods, nodes: [beat(NODE_A, 0.2), beat(NODE_B, 0.4), beat(NODE_C, 0.3)], logs: [log(p0, SYNCED(0)), log(p1, SYNCED(1)), log(p2, bad)], ...over });
}

describe('findClockRefusal', () => {
  it('reads the refusals that mean the time is off, from the services and libraries that write them', () => {
    expect(findClockRefusal('<Error><Code>RequestTimeTooSkewed</Code><Message>The difference between the request time and the current time is too large.</Message></Error>')).toBe('RequestTimeTooSkewed');
    expect(findClockRefusal('InvalidSignatureException: Signature expired: 20261121T025000Z is now earlier than 20261121T030900Z (20261121T031400Z - 5 min.)')).toMatch(/^Signature expired/);
    expect(findClockRefusal(NOT_YET_VALID)).toMatch(/not yet valid: current time/);
    expect(findClockRefusal('io.jsonwebtoken.PrematureJwtException: JWT must not be accepted before 2026-11-21T03:20:00Z')).toBe('PrematureJwtException');
    expect(findClockRefusal('kinit: Clock skew too great while getting initial credentials')).toBe('Clock skew too great');
  });

  it('leaves expiries and other refusals alone: a token or certificate past its end is no clock by itself', () => {
    expect(findClockRefusal('x509: certificate has expired or is not yet valid: current time 2026-11-21T03:14:00Z is after 2026-11-20T00:00:00Z')).toBeUndefined();
    expect(findClockRefusal('jwt.exceptions.ExpiredSignatureError: Signature has expired')).toBeUndefined();
    expect(findClockRefusal('<Code>AccessDenied</Code><Message>Request has expired</Message>')).toBeUndefined();
  });
});

describe('readStampedTimes', () => {
  it('reads the request\'s time and the server\'s from an S3 error body and from a SigV4 message', () => {
    expect(readStampedTimes('<Code>RequestTimeTooSkewed</Code><RequestTime>20261121T033400Z</RequestTime><ServerTime>2026-11-21T03:14:00Z</ServerTime>')).toEqual({ request: '2026-11-21T03:34:00.000Z', server: '2026-11-21T03:14:00.000Z' });
    expect(readStampedTimes('Signature expired: 20261121T025000Z is now earlier than 20261121T030900Z (20261121T031400Z - 5 min.)')).toEqual({ request: '2026-11-21T02:50:00.000Z', server: '2026-11-21T03:14:00.000Z' });
    expect(readStampedTimes('RequestTimeTooSkewed')).toBeUndefined();
  });
});

describe('analyzeNodeClockSkew', () => {
  it('names the node whose pods alone are refused for their time, measures its clock by the kubelet\'s heartbeat and clears the revision', () => {
    const ev = evidence([stamped(6, NOT_YET_VALID), stamped(2, NOT_YET_VALID)], { nodes: [beat(NODE_A, 0.2), beat(NODE_B, 0.4), beat(NODE_C, 16)] });
    const [f] = analyzeNodeClockSkew(ev);
    expect(f?.kind).toBe('node-condition');
    expect(f?.title).toMatch(new RegExp(`^Node ${NODE_C.replace(/\./g, '\\.')}'s clock runs behind \\(by its kubelet's heartbeat\\)`));
    expect(f?.title).toMatch(/not yet valid/);
    expect(f?.title).toMatch(/revision 6 runs fine on 2 pods on 2 other nodes: not the rollout/);
    expect(f?.confidence).toBe('high');
    expect(f?.evidence.join('\n')).toMatch(/stamped 16m ago/);
    expect(f?.affected?.nodes).toEqual([NODE_C]);
    expect(f?.fix).toMatch(/time sync/);
  });

  it('measures a clock ahead by the request and server times the refusal states, and leads the verdict without blaming a rollout', () => {
    const refusal = '<Error><Code>RequestTimeTooSkewed</Code><Message>The difference between the request time and the current time is too large.</Message><RequestTime>20261121T034200Z</RequestTime><ServerTime>2026-11-21T03:13:10Z</ServerTime><MaxAllowedSkewMilliseconds>900000</MaxAllowedSkewMilliseconds></Error>';
    const ev = evidence([stamped(-28, 'level=ERROR msg="archive upload failed"'), refusal]);
    const [f] = analyzeNodeClockSkew(ev);
    expect(f?.title).toMatch(/clock runs 28m ahead \(by the refusal's request and server times\)/);
    expect(f?.evidence.join('\n')).toMatch(/newest log line is stamped 28m in the future/);
    const ranked = rankFindings(runAnalyzers(ev).findings);
    expect(ranked[0]?.id).toBe(f?.id);
    const d = diagnose(ev, ranked);
    expect(d?.headline).toMatch(/RequestTimeTooSkewed/);
    expect(d?.headline).not.toMatch(/roll back|no change found/i);
  });

  it('reads a stale heartbeat as a clock behind though a NotReady node elsewhere has an older one', () => {
    const lost = { ...beat('ip-10-0-9-250.eu-west-1.compute.internal', 95), conditions: [{ type: 'Ready', status: 'Unknown' as const, reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.' }] };
    const ev = evidence([NOT_YET_VALID], { nodes: [beat(NODE_A, 0.2), beat(NODE_B, 0.4), beat(NODE_C, 16)], clusterNodes: [lost] });
    expect(analyzeNodeClockSkew(ev)[0]?.title).toMatch(/clock runs behind \(by its kubelet's heartbeat\)/);
  });

  it('says nothing when the pods of every node are refused: the peer\'s clock or its certificate, not one node', () => {
    const ev = evidence([NOT_YET_VALID]);
    const logs = ev.logs.map((l) => ({ ...l, lines: [...l.lines, NOT_YET_VALID] }));
    expect(analyzeNodeClockSkew({ ...ev, logs })).toEqual([]);
  });

  it('needs a clean pod of the same revision elsewhere or a clock read off: a lone refused pod proves nothing', () => {
    const [p2] = [pod(2)];
    const lone = evidence([NOT_YET_VALID], { pods: [p2 as PodEvidence], logs: [log(p2 as PodEvidence, [NOT_YET_VALID])] });
    expect(analyzeNodeClockSkew(lone)).toEqual([]);
    const measured = { ...lone, nodes: [beat(NODE_A, 0.2), beat(NODE_B, 0.4), beat(NODE_C, -12)] };
    expect(analyzeNodeClockSkew(measured)[0]?.title).toMatch(/runs 12m ahead \(by its kubelet's heartbeat\)/);
  });

  it('does not read a clock off when every node\'s heartbeat is ahead: the triage\'s own clock is behind', () => {
    const [p2] = [pod(2)];
    const ev = evidence([NOT_YET_VALID], { pods: [p2 as PodEvidence], logs: [log(p2 as PodEvidence, [NOT_YET_VALID])], nodes: [beat(NODE_A, -12), beat(NODE_B, -12), beat(NODE_C, -12)] });
    expect(analyzeNodeClockSkew(ev)).toEqual([]);
  });

  it('reads the crashed runs of pods that fail at start on the node', () => {
    const [p0, p1] = [pod(0), pod(1)];
    const crashing = pod(2, { ready: false });
    const ev = evidence([], { pods: [p0 as PodEvidence, p1 as PodEvidence, crashing], logs: [log(p0 as PodEvidence, SYNCED(0)), log(p1 as PodEvidence, SYNCED(1)), log(crashing, ['jwt.exceptions.ImmatureSignatureError: The token is not yet valid (iat)'], true)] });
    expect(analyzeNodeClockSkew(ev)[0]?.title).toMatch(/clock is off: .*fails time checks \(ImmatureSignatureError\)/);
  });
});

describe('analyzeNodeClockSkew and node pools', () => {
  const NODE_D = 'ip-10-0-4-88.eu-west-1.compute.internal';
  const inPool = (name: string, pool: string, createdMinutesAgo: number): NodeEvidence =>
    node(name, { createdAt: minutesAgo(createdMinutesAgo), labels: { 'topology.kubernetes.io/zone': 'eu-west-1a', 'alpha.eksctl.io/nodegroup-name': pool } });

  it('names the pool the refused pods\' node belongs to when the healthy pods\' nodes are in another, dated by its nodes\' age', () => {
    const [p0, p1, p2] = [pod(0), pod(1), pod(2)] as [PodEvidence, PodEvidence, PodEvidence];
    // A fourth pod on the new pool's other node, whose log was not read: neither fine nor refused.
    const p3 = pod(3, { nodeName: NODE_D });
    const nodes = [inPool(NODE_A, 'workers', 60 * 24 * 60), inPool(NODE_B, 'workers', 60 * 24 * 60), inPool(NODE_C, 'workers-b', 300), inPool(NODE_D, 'workers-b', 300)];
    const ev = baseEvidence({ pods: [p0, p1, p2, p3], nodes, logs: [log(p0, SYNCED(0)), log(p1, SYNCED(1)), log(p2, [NOT_YET_VALID])] });
    const [f] = analyzeNodeClockSkew(ev);
    expect(f?.title).toMatch(/node pool workers-b, added 5h ago/);
    expect(f?.title).toMatch(/runs fine on 2 pods on node pool workers: not the rollout/);
    // The pool's other node is named: its clock likely runs off too, though its pod's log was not read.
    expect(`${f?.likelyCause}\n${f?.nextAction}`).toContain(NODE_D);
    const d = diagnose(ev, rankFindings(runAnalyzers(ev).findings));
    expect(d?.headline).toMatch(/node pool workers-b/);
  });

  it('says the pool is shared with the healthy pods\' nodes when it is: the pool is not what sets the node apart', () => {
    const nodes = [inPool(NODE_A, 'workers', 60 * 24 * 60), inPool(NODE_B, 'workers', 60 * 24 * 60), inPool(NODE_C, 'workers', 60 * 24 * 60)];
    const [f] = analyzeNodeClockSkew(evidence([NOT_YET_VALID], { nodes }));
    expect(f?.title).toMatch(/node pool workers, as are the healthy pods' nodes/);
    expect(f?.title).not.toMatch(/added/);
  });

  it('says nothing of pools when the nodes carry no pool label', () => {
    const [f] = analyzeNodeClockSkew(evidence([NOT_YET_VALID]));
    expect(f?.title).not.toMatch(/pool/);
  });
});
