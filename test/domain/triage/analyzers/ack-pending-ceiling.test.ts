import { describe, expect, it } from 'vitest';
import { analyzeAckPendingCeiling } from '../../../../src/domain/triage/analyzers/ack-pending-ceiling.js';
import { REV6, REV7, baseEvidence, minutesAgo, pod, revision } from '../scenarios/builders.js';

const BOUND = '{"level":"info","msg":"bound to durable pull consumer","stream":"ORDERS","consumer":"order-sink","ack_policy":"explicit","max_ack_pending":500,"ack_wait":"30m0s"}';
const info = (ack: number, pending: number) => `{"level":"info","msg":"consumer info","num_pending":${pending},"num_ack_pending":${ack},"num_redelivered":${ack},"num_waiting":4}`;
const EMPTY = '{"level":"debug","msg":"no messages","err":"nats: timeout","batch":50,"max_wait":"5s"}';
const REJECT = '{"level":"warn","msg":"entry rejected","subject":"orders.created","error":"schema v3: field \\"sku\\" is required","redelivered":true}';

function scenario(lines: string[]) {
  const pods = [0, 1].map((i) => pod(i, { revisionHash: REV7.hash }));
  const base = baseEvidence({ pods, logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines })) });
  return { ...base, revisions: [revision(REV7, minutesAgo(6 * 60), { changeCause: 'order-sink 3.0.0' }), revision(REV6, minutesAgo(30 * 24 * 60))] };
}

describe('analyzeAckPendingCeiling', () => {
  it('reads a consumer pinned at max_ack_pending, with pulls coming back empty while the backlog grows, as a stall', () => {
    const [f] = analyzeAckPendingCeiling(scenario([BOUND, REJECT, EMPTY, info(500, 41_000), EMPTY, REJECT, EMPTY, info(500, 52_300), EMPTY]));
    expect(f?.title).toBe('JetStream consumer order-sink sits at its max_ack_pending ceiling (500 of 500 unacknowledged), so the server delivers nothing more: pulls come back empty ("nats: timeout", 8 lines) while the backlog grows (num_pending 41,000 → 52,300); the outstanding ones are rejects the workers never ack or nak, redelivered every ack_wait (30m0s) and rejected again; since revision 7 (6h ago)');
    expect(f?.severity).toBe('critical');
    expect(f?.datesChange).toBe(true);
    expect(f?.nextAction).toMatch(/Ack, Nak or Term/);
    expect(f?.nextAction).toMatch(/roll back to revision 6/);
  });

  it('takes a consumer that reaches the ceiling and drains for one keeping up', () => {
    expect(analyzeAckPendingCeiling(scenario([BOUND, info(500, 9000), info(500, 4000), info(120, 0)]))).toEqual([]);
    // At the ceiling with nothing waiting: busy, not stalled.
    expect(analyzeAckPendingCeiling(scenario([BOUND, info(500, 0), info(500, 0)]))).toEqual([]);
  });

  it('needs the ceiling: an ack-pending count alone says nothing', () => {
    expect(analyzeAckPendingCeiling(scenario([info(500, 41_000), EMPTY, info(500, 52_300)]))).toEqual([]);
  });
});
