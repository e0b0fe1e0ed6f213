import { describe, expect, it } from 'vitest';
import { analyzeMtuBlackHole } from '../../../../src/domain/triage/analyzers/mtu-black-hole.js';
import { runAnalyzers } from '../../../../src/domain/triage/analyzers/index.js';
import type { LogEvidence, PodEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { readMtuMismatch, readSizeSplit } from '../../../../src/domain/triage/packet-size.js';
import { rankFindings } from '../../../../src/domain/triage/rank-findings.js';
import { NODE_A, NODE_B, NODE_C, baseEvidence, event, minutesAgo, pod } from '../scenarios/builders.js';

const PEER_URL = 'http://ledger-api.billing.svc.cluster.local:9000';
const at = (minutes: number): string => minutesAgo(minutes);
const smallOk = (m: number): string => `time=${at(m)} level=info msg="GET /v2/balance" upstream=ledger-api status=200 size=734 took=9ms`;
const largeTimeout = (m: number, size: number): string =>
  `time=${at(m)} level=error msg="export fetch failed" err="Get \\"${PEER_URL}/v2/exports/x${m}\\": context deadline exceeded (Client.Timeout or context cancellation while reading body)" size=${size}`;
const smallTimeout = (m: number): string =>
  `time=${at(m)} level=error msg="balance fetch failed" err="Get \\"${PEER_URL}/v2/balance\\": context deadline exceeded (Client.Timeout exceeded while awaiting headers)" size=512`;

const log = (p: PodEvidence, lines: string[]): LogEvidence => ({ pod: p.name, container: 'app', previous: false, lines });
const PODS = [pod(0), pod(1), pod(2)];

/** Three ready pods of one revision, each with the same log: small calls answered, large ones timing out. */
function evidence(lines: (i: number) => string[], over: Partial<TriageEvidence> = {}): TriageEvidence {
  return baseEvidence({ pods: PODS, logs: PODS.map((p, i) => log(p, lines(i))), ...over });
}

const blackHole = (i: number): string[] => [smallOk(50 - i), largeTimeout(35 - i, 215040), smallOk(20 - i), largeTimeout(6 - i, 98304)];
const overlayChanged = (node: string, ago: number) =>
  event({ object: { kind: 'Node', name: node }, type: 'Normal', reason: 'TunnelReconfigured', source: 'cilium-agent', firstSeen: minutesAgo(ago), lastSeen: minutesAgo(ago), message: 'cilium-agent: geneve tunnel MTU 1400; endpoint MTU 1500 kept from the agent config' });

describe('readMtuMismatch', () => {
  it('reads a pod MTU above the overlay path it sends through, whatever the order and spelling', () => {
    expect(readMtuMismatch('cilium-agent: geneve tunnel MTU 1400; endpoint MTU 1500 kept')).toMatchObject({ pod: 1500, path: 1400 });
    expect(readMtuMismatch('wireguard_mtu=1420 veth_mtu=1500')).toMatchObject({ pod: 1500, path: 1420 });
    expect(readMtuMismatch('Picked MTUs for tunnel and workload interfaces ipipMTU=1480 workloadMTU=1500')).toMatchObject({ pod: 1500, path: 1480 });
  });

  it('reads no mismatch when the pods fit the overlay, or when only the host is larger', () => {
    expect(readMtuMismatch('geneve tunnel MTU 1400; endpoint MTU 1400')).toBeUndefined();
    expect(readMtuMismatch('host MTU 9001, vxlan MTU 8951, workload MTU 8951')).toBeUndefined();
    expect(readMtuMismatch('Detected host MTU mtu=1500 iface="eth0"')).toBeUndefined();
  });
});

describe('readSizeSplit', () => {
  it("takes a Service's short name and its cluster DNS name for the same host", () => {
    const split = readSizeSplit(blackHole(0));
    expect(split?.hosts).toEqual(['ledger-api.billing.svc.cluster.local']);
    expect(split?.large).toHaveLength(2);
  });
});

describe('analyzeMtuBlackHole', () => {
  it('names an MTU black hole, the nodes whose overlay changed and when, when only large answers time out on several pods', () => {
    const ev = evidence(blackHole, { events: [overlayChanged(NODE_B, 70), overlayChanged(NODE_C, 68)] });
    const [f] = analyzeMtuBlackHole(ev);
    expect(f?.title).toMatch(/Large responses from ledger-api time out while small ones succeed: an MTU black hole/);
    expect(f?.title).toMatch(/MTU 1500 over a 1400-byte overlay/);
    expect(f?.title).toContain(NODE_B);
    expect(f?.title).toContain(NODE_C);
    expect(f?.title).not.toContain(NODE_A);
    expect(f?.title).toMatch(/since its change 1h 10m ago/);
    expect(f?.datesChange).toBe(true);
    expect(f?.confidence).toBe('high');
    expect(f?.severity).not.toBe('info');
    expect(f?.nextAction).toMatch(/MTU to 1400/);
    expect(f?.nextAction).not.toMatch(/^Restart/);
    expect(rankFindings(runAnalyzers(ev).findings)[0]?.id).toBe(f?.id);
  });

  it('still calls it on the size pattern alone, with less confidence, when no node states its MTU', () => {
    const [f] = analyzeMtuBlackHole(evidence(blackHole));
    expect(f?.title).toMatch(/MTU black hole/);
    expect(f?.confidence).toBe('medium');
    expect(f?.nextAction).toMatch(/overlay's/);
  });

  it('says nothing for one pod, for timeouts of small calls too, or for timeouts long past', () => {
    expect(analyzeMtuBlackHole(evidence((i) => (i === 0 ? blackHole(0) : [smallOk(10)])))).toEqual([]);
    expect(analyzeMtuBlackHole(evidence((i) => [...blackHole(i), smallTimeout(3 + i)]))).toEqual([]);
    expect(analyzeMtuBlackHole(evidence((i) => [smallOk(200 - i), largeTimeout(190 - i, 215040), largeTimeout(120 - i, 98304), smallOk(5 - i)]))).toEqual([]);
  });
});
