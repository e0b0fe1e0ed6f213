import { describe, expect, it } from 'vitest';
import { analyzeHeapPressure } from '../../../../src/domain/triage/analyzers/heap-pressure.js';
import { parseGcPressure } from '../../../../src/domain/triage/gc-pressure.js';
import { findHeapCut } from '../../../../src/domain/triage/heap-cut.js';
import type { PodEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { pickStrainedServices } from '../../../../src/domain/triage/service-callers.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { NOW, REV6, REV7, baseEvidence, container, minutesAgo, pod, revision, revisionContainer, running, service } from '../scenarios/builders.js';
import { healthyScenario } from '../scenarios/healthy.js';

/** Elasticsearch's own GC monitor (ECS JSON): most of each interval spent collecting. */
const overhead = (k: number, node: string) =>
  `{"@timestamp":"${minutesAgo(50 - k * 10)}", "log.level": "WARN", "message":"[gc][${9000 + k}] overhead, spent [1.${k + 1}s] collecting in the last [1.5s]", "ecs.version": "1.2.0","log.logger":"org.elasticsearch.monitor.jvm.JvmGcMonitorService","elasticsearch.node.name":"${node}"}`;
const breaker = (node: string) =>
  `{"@timestamp":"${minutesAgo(5)}", "log.level": "INFO", "message":"GC did not bring memory usage down, before [1021004112], after [1019110880], allocations [1], duration [41]", "log.logger":"org.elasticsearch.indices.breaker.HierarchyCircuitBreakerService","elasticsearch.node.name":"${node}"}`;

const esEnv = (heap: string) => [{ name: 'ES_JAVA_OPTS', value: `-Xms${heap} -Xmx${heap}` }, { name: 'cluster.name', value: 'catalog' }];
const resources = (memory: string) => ({ requests: { cpu: '2', memory }, limits: { memory } });

/** Three Ready Elasticsearch pods on revision 7, which cut the heap 4g → 1g (and the memory 8Gi → 2Gi) 3h ago. */
function heapCut(lines: (node: string) => string[] = (n) => [0, 1, 2, 3].map((k) => overhead(k, n)).concat(breaker(n))): TriageEvidence {
  const pods: PodEvidence[] = [0, 1, 2].map((i) =>
    pod(i, { revisionHash: REV7.hash, startTime: minutesAgo(175), createdAt: minutesAgo(176), containers: [container({ name: 'elasticsearch', env: esEnv('1g'), resources: resources('2Gi'), state: running(175) })] }),
  );
  return baseEvidence({
    pods,
    logs: pods.map((p) => ({ pod: p.name, container: 'elasticsearch', previous: false, lines: lines(p.name) })),
    revisions: [
      revision(REV6, minutesAgo(60 * 24 * 60), { containers: [revisionContainer({ name: 'elasticsearch', env: esEnv('4g'), resources: resources('8Gi') })] }),
      revision(REV7, minutesAgo(180), { replicas: 3, containers: [revisionContainer({ name: 'elasticsearch', env: esEnv('1g'), resources: resources('2Gi') })] }),
    ],
    hpas: [],
  });
}

describe('parseGcPressure', () => {
  it.each([
    [overhead(0, 'es-0'), 1100, 0.73],
    ['[2026-11-21T03:10:00,123][WARN ][o.e.m.j.JvmGcMonitorService] [es-1] [gc][old][81233][412] duration [12.3s], collections [1]/[12.9s], total [12.3s]/[1.2h], memory [7.8gb]->[7.7gb]/[7.9gb]', 12300, undefined],
    ['WARN  [Service Thread] 2026-11-21 03:10:00,118 GCInspector.java:294 - G1 Old Generation GC in 5123ms.  G1 Old Gen: 4182704128 -> 4180112384', 5123, undefined],
    ['2026-11-21 03:10:00,001 WARN org.apache.hadoop.hbase.util.JvmPauseMonitor: Detected pause in JVM or host machine (eg GC): pause of approximately 4321ms', 4321, undefined],
    ['[2026-11-21T03:10:00.123+0000][info][gc] GC(812) Pause Full (G1 Compaction Pause) 1019M->1017M(1024M) 2345.678ms', 2346, undefined],
  ])('reads the time spent collecting from %s', (line, ms, share) => {
    const p = parseGcPressure(line);
    expect(p?.ms).toBe(ms);
    if (share !== undefined) expect(p?.share).toBeCloseTo(share, 2);
  });

  it('leaves short pauses, low overhead and collections that free the heap alone', () => {
    expect(parseGcPressure('[gc][120] overhead, spent [310ms] collecting in the last [1.2s]')).toBeUndefined();
    expect(parseGcPressure('INFO  [Service Thread] GCInspector.java:284 - ParNew GC in 212ms.')).toBeUndefined();
    expect(parseGcPressure('[info][gc] GC(812) Pause Full (System.gc()) 900M->120M(1024M) 1345.678ms')).toBeUndefined();
    expect(parseGcPressure('[info][gc] GC(813) Pause Young (Normal) (G1 Evacuation Pause) 600M->100M(1024M) 12.345ms')).toBeUndefined();
  });
});

describe('findHeapCut', () => {
  it('compares the heap of the newest revision with the one before, read from ES_JAVA_OPTS', () => {
    const cut = findHeapCut(heapCut().revisions, 'elasticsearch');
    expect(cut).toMatchObject({ revision: 7, previous: 6, from: '4Gi', to: '1Gi', flag: '-Xmx1g', was: '-Xmx4g', where: 'env ES_JAVA_OPTS', limitFrom: '8Gi', limitTo: '2Gi' });
  });
});

describe('analyzeHeapPressure', () => {
  it('calls sustained GC overhead in Ready pods heap pressure, and names the revision that cut the heap', () => {
    const [f, ...rest] = analyzeHeapPressure(heapCut());
    expect(rest).toEqual([]);
    expect(f?.kind).toBe('heap-pressure');
    expect(f?.title).toMatch(/JVM heap pressure/);
    expect(f?.title).toMatch(/from 4Gi to 1Gi \(-Xmx4g → -Xmx1g, env ES_JAVA_OPTS/);
    expect(f?.title).toMatch(/GC takes up to 93% of the time, with the heap cut/);
    expect(f?.evidence.join('\n')).toMatch(/HierarchyCircuitBreakerService|circuit breaker/);
    expect(f?.nextAction).toMatch(/429|circuit_breaking_exception/);
    expect(f?.latent).toBeDefined();
  });

  it('leads the verdict of a Ready workload: no all-clear, the heap cut as the trigger, the rollback offered', () => {
    const report = buildTriageReport(heapCut(), { startedAt: NOW, finishedAt: NOW });
    expect(report.verdict).toBe('problems');
    expect(report.headline).toMatch(/^Since revision 7 \(3h ago: .*ES_JAVA_OPTS/);
    expect(report.headline).toMatch(/JVM heap pressure/);
    expect(report.headline).toMatch(/Roll back to revision 6/);
  });

  it("quotes a caller's refusals (read because the server is strained) in the finding, and names them in the headline", () => {
    const ev = heapCut();
    const refused = "2026-11-21 03:12:00,100 ERROR [catalog_indexer.sink] bulk rejected: ApiError(429, 'circuit_breaking_exception', '[parent] Data too large, data for [<http_request>] would be [1020930007/973.6mb]')";
    ev.serviceCallers = [{ service: 'payment-service', pod: 'indexer-1', owner: 'Deployment indexer', container: 'indexer', via: 'env ES_URL=https://payment-service:9200', log: { pod: 'indexer-1', container: 'indexer', previous: false, lines: [refused, refused, 'INFO bulk ok'] } }];
    const report = buildTriageReport(ev, { startedAt: NOW, finishedAt: NOW });
    const f = report.findings[0];
    expect(f?.title).toMatch(/its callers are refused \(HTTP 429 circuit_breaking_exception\)/);
    expect(f?.evidence.join('\n')).toMatch(/caller Deployment indexer logged 2 refused requests in its last 3 log lines: "…[^"]*circuit_breaking_exception', '\[parent\] Data too large/);
    // Not a second line saying the same caller logged "no error naming" the Service.
    expect(f?.evidence.join('\n')).not.toMatch(/no error naming/);
    expect(f?.nextAction).not.toMatch(/Check the clients/);
  });

  it('counts one GC warning in one pod as noise, and says nothing of a healthy workload', () => {
    expect(analyzeHeapPressure(heapCut((n) => (n.endsWith('-0') ? [overhead(0, n)] : [])))).toEqual([]);
    expect(analyzeHeapPressure(healthyScenario())).toEqual([]);
  });

  it('still reads the pressure without a heap cut, without blaming a revision', () => {
    const ev = heapCut();
    ev.revisions = ev.revisions.slice(1);
    const [f] = analyzeHeapPressure(ev);
    expect(f?.title).toMatch(/JVM heap pressure/);
    expect(f?.title).not.toMatch(/cut/);
    expect(f?.latent).toBeUndefined();
  });
});

describe('pickStrainedServices under heap pressure', () => {
  it("names a served workload's Services when its own log shows sustained GC overhead, so its callers' logs are read", () => {
    const ev = heapCut();
    ev.services = [service({ clusterIP: '10.100.3.3' })];
    expect(pickStrainedServices({ pods: ev.pods, services: ev.services, logs: ev.logs })).toHaveLength(1);
    expect(pickStrainedServices({ pods: ev.pods, services: ev.services, logs: [] })).toEqual([]);
  });
});
