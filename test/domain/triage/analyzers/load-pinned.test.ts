import { describe, expect, it } from 'vitest';
import { analyzeLoadPinned } from '../../../../src/domain/triage/analyzers/load-pinned.js';
import type { LogEvidence, PodEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { splitByScaleUp } from '../../../../src/domain/triage/scale-up-cohorts.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { NOW, NS, baseEvidence, container, event, hpa, minutesAgo, pod, running, service } from '../scenarios/builders.js';
import { healthyScenario } from '../scenarios/healthy.js';

const OLD = [0, 1, 2].map((i) => pod(i));
const NEW = [3, 4, 5].map((i) => pod(i, { createdAt: minutesAgo(30 - i), startTime: minutesAgo(30 - i), containers: [container({ state: running(29 - i) })] }));

function statsLog(p: PodEvidence, busy: boolean, slow: boolean): LogEvidence {
  const lines = [0, 1, 2, 3, 4, 5].flatMap((k) => [
    `{"level":"info","ts":"${minutesAgo(10 - k)}","msg":"server stats","window":"60s","requests":${busy ? 38000 + k * 17 : k % 2},"p99_ms":${busy ? 840 : 3}}`,
    ...(slow ? [`{"level":"warn","ts":"${minutesAgo(10 - k)}","msg":"slow rpc","method":"/catalog.v1.Prices/Get","duration":"0.9${k}s"}`] : []),
  ]);
  return { pod: p.name, container: 'app', previous: false, lines };
}

/** Six pods of one revision, three added by the HPA 25 minutes ago; only the three older ones log requests, slow ones. */
function pinnedAfterScaleUp(o: { port?: string; newBusy?: boolean } = {}): TriageEvidence {
  return baseEvidence({
    pods: [...OLD, ...NEW],
    services: [service({ ports: [{ name: o.port ?? 'grpc', port: 50051, targetPort: 50051, protocol: 'TCP' }] })],
    hpas: [hpa({ currentReplicas: 6, desiredReplicas: 6, lastScaleTime: minutesAgo(25), metrics: [{ name: 'cpu', current: '62%', target: '70%' }] })],
    logs: [statsLog(NEW[0]!, o.newBusy ?? false, o.newBusy ?? false), statsLog(OLD[0]!, true, true), statsLog(NEW[1]!, o.newBusy ?? false, o.newBusy ?? false), statsLog(OLD[1]!, true, true)],
  });
}

describe('splitByScaleUp', () => {
  it('splits the ready pods of one revision at the gap the scale-up left', () => {
    const c = splitByScaleUp([...OLD, ...NEW], NOW);
    expect(c?.before.map((p) => p.name)).toEqual(OLD.map((p) => p.name));
    expect(c?.after.map((p) => p.name)).toEqual(NEW.map((p) => p.name));
  });

  it('finds none when every pod is of one age, or when the young pods are of another revision (a rollout)', () => {
    expect(splitByScaleUp(OLD, NOW)).toBeUndefined();
    expect(splitByScaleUp([...OLD, ...NEW.map((p) => ({ ...p, revisionHash: '5f7d9c8b64' }))], NOW)).toBeUndefined();
  });
});

describe('analyzeLoadPinned', () => {
  it('names the load pinned to the pods from before the scale-up, and the HTTP/2 connections of gRPC clients', () => {
    const [f, ...rest] = analyzeLoadPinned(pinnedAfterScaleUp());
    expect(rest).toEqual([]);
    expect(f?.kind).toBe('load-pinned');
    expect(f?.title).toMatch(/pinned to the 3 pods from before the scale-up 25m ago/);
    expect(f?.title).toMatch(/almost no requests/);
    expect(f?.title).toMatch(/long-lived HTTP\/2/);
    expect(f?.likelyCause).toMatch(/kube-proxy/);
    expect(f?.nextAction).toMatch(/round_robin/);
    expect(f?.nextAction).toMatch(/headless/);
    expect(f?.nextAction).toMatch(/MaxConnectionAge/);
    expect(f?.nextAction).not.toMatch(/(raise|increase|bump)[^\n]{0,30}replicas/i);
    expect(f?.decisive).toMatch(/slow rpc/);
    expect(f?.evidence.join('\n')).toMatch(/requests/);
    const report = buildTriageReport(pinnedAfterScaleUp(), { startedAt: NOW, finishedAt: NOW });
    expect(report.verdict).toBe('problems');
    expect(report.headline).toMatch(/pinned/);
    // The scale-up that exposed it is the since, not "no change found".
    expect(f?.exposedByScaleUp).toMatchObject({ from: 3, to: 6 });
    expect(report.headline).toMatch(/^Since .*scaled up (from 3 )?to 6 \d+m ago/);
    expect(report.headline).not.toMatch(/no change found/);
  });

  it('speaks of long-lived connections in general when nothing says the port speaks HTTP/2', () => {
    const ev = pinnedAfterScaleUp({ port: 'http' });
    ev.logs = ev.logs.map((l) => ({ ...l, lines: l.lines.map((x) => x.replace('"msg":"slow rpc","method":"/catalog.v1.Prices/Get"', '"msg":"slow request","path":"/api/prices"')) }));
    const [f] = analyzeLoadPinned(ev);
    expect(f?.title).toMatch(/long-lived connections/);
    expect(f?.title).not.toMatch(/HTTP\/2/);
  });

  it('counts requests the old pods shed at their in-flight limit as saturation, when they log no slow request', () => {
    const shedding = (p: PodEvidence, busy: boolean): LogEvidence => ({ pod: p.name, container: 'app', previous: false, lines: [0, 1, 2, 3, 4, 5].map((k) => busy
      ? `{"level":"warn","ts":"${minutesAgo(10 - k)}","msg":"shedding load","method":"/catalog.v1.Prices/Get","inflight":200,"limit":200,"code":"ResourceExhausted"}`
      : `{"level":"info","ts":"${minutesAgo(10 - k)}","msg":"load","active_streams":0,"connections":0}`) });
    const ev = pinnedAfterScaleUp();
    ev.logs = [shedding(OLD[0]!, true), shedding(OLD[1]!, true), shedding(NEW[0]!, false), shedding(NEW[1]!, false)];
    const [f] = analyzeLoadPinned(ev);
    expect(f?.title).toMatch(/pinned to the 3 pods from before the scale-up/);
    expect(f?.title).toMatch(/shed for load/);
    expect(f?.title).toMatch(/long-lived HTTP\/2/);
    expect(f?.decisive).toMatch(/shedding load/);
    expect(f?.nextAction).toMatch(/round_robin/);
    // An old pod's readiness probe times out under that load: the pinning, not the probe, leads.
    ev.events = [event({ object: { kind: 'Pod', name: OLD[0]!.name, namespace: NS }, reason: 'Unhealthy', count: 6, firstSeen: minutesAgo(12), lastSeen: minutesAgo(2), message: 'Readiness probe failed: timeout: failed to connect service ":50051" within 1s: context deadline exceeded' })];
    const report = buildTriageReport(ev, { startedAt: NOW, finishedAt: NOW });
    expect(report.headline).toMatch(/pinned/);
    expect(report.headline).not.toMatch(/^Readiness probe/);
  });

  it('counts requests the old pods gave up on at their deadline as saturation, when they log no slow request', () => {
    const expiring = (p: PodEvidence, busy: boolean): LogEvidence => ({ pod: p.name, container: 'app', previous: false, lines: [0, 1, 2, 3, 4, 5].flatMap((k) => [
      `{"level":"info","ts":"${minutesAgo(10 - k)}","msg":"server stats","window":"60s","requests":${busy ? 21000 + k * 13 : 0},"p99_ms":${busy ? 480 : 0}}`,
      ...(busy ? [k % 2 === 0
        ? `{"level":"warn","ts":"${minutesAgo(10 - k)}","msg":"deadline exceeded while handling request","method":"/catalog.v1.Prices/Get","elapsed_ms":25${k}}`
        : `{"level":"warn","ts":"${minutesAgo(10 - k)}","msg":"finished call","grpc.service":"catalog.v1.Prices","grpc.method":"Get","grpc.code":"DeadlineExceeded","grpc.time_ms":26${k}}`] : []),
    ]) });
    const ev = pinnedAfterScaleUp();
    ev.logs = [expiring(OLD[0]!, true), expiring(OLD[1]!, true), expiring(NEW[0]!, false), expiring(NEW[1]!, false)];
    const [f] = analyzeLoadPinned(ev);
    expect(f?.title).toMatch(/pinned to the 3 pods from before the scale-up/);
    expect(f?.title).toMatch(/past their deadline/);
    expect(f?.title).toMatch(/long-lived HTTP\/2/);
    expect(f?.decisive).toMatch(/DeadlineExceeded|deadline exceeded/);
    expect(f?.evidence.join('\n')).toMatch(/6 requests past their deadline/);
    const report = buildTriageReport(ev, { startedAt: NOW, finishedAt: NOW });
    expect(report.verdict).toBe('problems');
    expect(report.headline).toMatch(/pinned/);
  });

  it('does not count the server\'s own outbound calls that time out as requests it served late', () => {
    const outbound = (p: PodEvidence, busy: boolean): LogEvidence => ({ pod: p.name, container: 'app', previous: false, lines: [0, 1, 2, 3, 4, 5].flatMap((k) => [
      `{"level":"info","ts":"${minutesAgo(10 - k)}","msg":"server stats","window":"60s","requests":${busy ? 21000 + k * 13 : 0}}`,
      ...(busy ? [`{"level":"error","ts":"${minutesAgo(10 - k)}","msg":"query to upstream failed: context deadline exceeded while reading","upstream":"pricing-db:5432"}`] : []),
    ]) });
    const ev = pinnedAfterScaleUp();
    ev.logs = [outbound(OLD[0]!, true), outbound(OLD[1]!, true), outbound(NEW[0]!, false), outbound(NEW[1]!, false)];
    expect(analyzeLoadPinned(ev)).toEqual([]);
  });

  it('finds nothing when the new pods take their share, or on the healthy control', () => {
    expect(analyzeLoadPinned(pinnedAfterScaleUp({ newBusy: true }))).toEqual([]);
    expect(analyzeLoadPinned(healthyScenario())).toEqual([]);
    const quiet = pinnedAfterScaleUp();
    quiet.logs = quiet.logs.map((l) => ({ ...l, lines: l.lines.filter((x) => !x.includes('slow rpc')) }));
    expect(analyzeLoadPinned(quiet)).toEqual([]);
  });

  it('keeps a rollout out of it: young pods of a new revision are no scale-up', () => {
    const ev = pinnedAfterScaleUp();
    ev.pods = ev.pods.map((p) => (NEW.some((n) => n.name === p.name) ? { ...p, revisionHash: '5f7d9c8b64' } : p));
    expect(analyzeLoadPinned(ev)).toEqual([]);
  });
});
