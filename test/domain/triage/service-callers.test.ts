import { describe, expect, it } from 'vitest';
import type { CallerCandidate } from '../../../src/domain/triage/evidence-callers.js';
import type { TriageEvidence } from '../../../src/domain/triage/evidence.js';
import { confirmProxyCaller, describeCallerImpact, isProxyImage, pickOutageServices, pickServiceCallers, pickStrainedServices } from '../../../src/domain/triage/service-callers.js';
import { buildTriageReport } from '../../../src/domain/triage/triage-report.js';
import { APP, NOW, NS, event, minutesAgo, pod, service } from './scenarios/builders.js';
import { healthyScenario } from './scenarios/healthy.js';

const GONE = 'ip-10-0-65-9.eu-west-1.compute.internal';
const IP = '10.100.12.7';

/** One replica behind a Service, fine now; its node was taken back 7 minutes ago and it was gone for a few minutes. */
function loneReplicaStopped(): TriageEvidence {
  const ev = healthyScenario();
  const p = pod(0, { name: `${APP}-0`, createdAt: minutesAgo(6), startTime: minutesAgo(4) });
  const onPod = { kind: 'Pod', name: p.name, namespace: NS };
  ev.pods = [p];
  ev.services = [service({ clusterIP: IP })];
  ev.workload = { ...ev.workload!, specReplicas: 1, templatePlacement: { nodeSelector: { 'karpenter.sh/capacity-type': 'spot' }, requiredNodeAffinity: [], tolerations: [] } };
  ev.events = [
    event({ object: onPod, type: 'Normal', reason: 'Scheduled', message: `Successfully assigned ${NS}/${p.name} to ${GONE}`, firstSeen: minutesAgo(44), lastSeen: minutesAgo(44) }),
    event({ object: onPod, type: 'Normal', reason: 'Killing', message: 'Stopping container app', firstSeen: minutesAgo(7), lastSeen: minutesAgo(7) }),
    event({ object: onPod, type: 'Normal', reason: 'Scheduled', message: `Successfully assigned ${NS}/${p.name} to ${p.nodeName ?? ''}`, firstSeen: minutesAgo(4), lastSeen: minutesAgo(4) }),
    event({ object: onPod, type: 'Normal', reason: 'Started', message: 'Started container app', firstSeen: minutesAgo(3), lastSeen: minutesAgo(3) }),
    event({ object: { kind: 'Node', name: GONE }, type: 'Warning', reason: 'SpotInterrupted', message: 'Spot interruption warning was triggered', firstSeen: minutesAgo(7.1), lastSeen: minutesAgo(7.1), source: 'karpenter' }),
  ];
  return ev;
}

const candidate = (pod: string, owner: string | undefined, refs: string[], running = true): CallerCandidate => ({
  pod, ...(owner === undefined ? {} : { owner }), running,
  containers: [{ name: 'app', restarts: 0, refs: refs.map((r) => ({ via: r.slice(0, r.indexOf('=')), value: r.slice(r.indexOf('=') + 1) })) }],
});

describe('pickOutageServices', () => {
  it('names the Services of a lone pod stopped in the last hour, and none of a healthy workload', () => {
    const ev = loneReplicaStopped();
    expect(pickOutageServices({ pods: ev.pods, services: ev.services, events: ev.events, collectedAt: NOW })).toEqual([{ name: APP, clusterIP: IP }]);
    const healthy = healthyScenario();
    expect(pickOutageServices({ pods: healthy.pods, services: healthy.services, events: healthy.events, collectedAt: NOW })).toEqual([]);
  });

  it('names them when no pod of the workload is ready', () => {
    const ev = healthyScenario();
    const pods = ev.pods.map((p) => ({ ...p, ready: false }));
    expect(pickOutageServices({ pods, services: ev.services, events: [], collectedAt: NOW }).map((s) => s.name)).toEqual([APP]);
  });
});

describe('pickServiceCallers', () => {
  const services = [{ name: 'cache', clusterIP: IP }];
  it('keeps running pods of other workloads whose env or args name the Service, one per workload, at most two', () => {
    const picked = pickServiceCallers([
      candidate('cache-0', undefined, ['env ADDR=cache:6379']),
      candidate('api-1', 'Deployment api', ['env CACHE_ADDR=cache:6379']),
      candidate('api-2', 'Deployment api', ['env CACHE_ADDR=cache:6379']),
      candidate('other-1', 'Deployment other', ['env CACHE=cache-headless:6379', 'args --cache=cache-old.ns.svc']),
      candidate('stopped-1', 'Deployment stopped', ['env CACHE=cache:6379'], false),
      candidate('worker-1', 'Deployment worker', ['args --redis=redis://cache.payments.svc.cluster.local:6379/0']),
      candidate('cron-1', 'Job cron', [`env CACHE=${IP}`]),
    ], services, 'payments', new Set(['cache-0']));
    expect(picked.map((c) => [c.pod, c.service, c.via])).toEqual([
      ['api-1', 'cache', 'env CACHE_ADDR=cache:6379'],
      ['worker-1', 'cache', 'args --redis=redis://cache.payments.svc.cluster.local:6379/0'],
    ]);
  });
});

describe('caller impact in the report', () => {
  it('states what the callers logged reaching the Service while it was gone, on the first problem finding', () => {
    const ev = loneReplicaStopped();
    ev.serviceCallers = [{
      service: APP, pod: 'pricing-api-7c9d8f6b5d-x2k4q', owner: 'Deployment pricing-api', container: 'app', via: `env CACHE_ADDR=${APP}:6379`,
      log: { pod: 'pricing-api-7c9d8f6b5d-x2k4q', container: 'app', previous: false, lines: [
        '{"level":"INFO","msg":"POST /v2/quotes","status":200}',
        `{"level":"ERROR","msg":"quote cache get failed","err":"dial tcp ${IP}:6379: connect: connection refused"}`,
        `{"level":"ERROR","msg":"quote cache get failed","err":"dial tcp ${IP}:6379: connect: connection refused"}`,
        '{"level":"ERROR","msg":"db slow","err":"dial tcp 10.100.1.1:5432: i/o timeout"}',
      ] },
    }];
    const report = buildTriageReport(ev, { startedAt: NOW, finishedAt: NOW });
    const top = report.findings.find((f) => f.severity !== 'info');
    const line = top?.evidence.find((e) => e.startsWith('caller '));
    expect(line).toContain('Deployment pricing-api');
    expect(line).toContain(`2 errors reaching ${APP} (connection refused)`);
    expect(line).not.toContain('5432');
  });

  it('says nothing of callers that were not read', () => {
    const report = buildTriageReport(loneReplicaStopped(), { startedAt: NOW, finishedAt: NOW });
    expect(report.findings.flatMap((f) => f.evidence).some((e) => e.startsWith('caller '))).toBe(false);
  });
});

describe('pickStrainedServices', () => {
  const slow = (k: number) => `{"level":"warn","ts":"${minutesAgo(9 - k)}","msg":"slow rpc","method":"/ledger.v1.Ledger/Post","duration":"1.2s"}`;
  it('names the Services of a served workload whose own logs report slow requests again and again, and none of a quiet one', () => {
    const ev = healthyScenario();
    ev.services = [service({ clusterIP: IP })];
    const logs = [{ pod: ev.pods[0]!.name, container: 'app', previous: false, lines: [0, 1, 2, 3].map(slow) }];
    expect(pickStrainedServices({ pods: ev.pods, services: ev.services, logs })).toEqual([{ name: APP, clusterIP: IP }]);
    expect(pickStrainedServices({ pods: ev.pods, services: ev.services, logs: [{ ...logs[0]!, lines: [slow(0)] }] })).toEqual([]);
    expect(pickStrainedServices({ pods: ev.pods, services: ev.services, logs: [] })).toEqual([]);
  });

  it('names the Services of a served workload whose own logs report requests it gave up on at their deadline', () => {
    const ev = healthyScenario();
    ev.services = [service({ clusterIP: IP })];
    const late = (k: number) => `{"level":"warn","ts":"${minutesAgo(9 - k)}","msg":"deadline exceeded before reply was sent","method":"/ledger.v1.Ledger/Post","elapsed_ms":50${k}}`;
    const logs = [{ pod: ev.pods[0]!.name, container: 'app', previous: false, lines: [0, 1, 2, 3].map(late) }];
    expect(pickStrainedServices({ pods: ev.pods, services: ev.services, logs })).toEqual([{ name: APP, clusterIP: IP }]);
    // Its own outbound calls timing out are a dependency's trouble, not its callers'.
    const outbound = (k: number) => `{"level":"warn","ts":"${minutesAgo(9 - k)}","msg":"dial upstream: context deadline exceeded while connecting","addr":"ledger-db:5432"}`;
    expect(pickStrainedServices({ pods: ev.pods, services: ev.services, logs: [{ ...logs[0]!, lines: [0, 1, 2, 3].map(outbound) }] })).toEqual([]);
  });

  it('names the Services of a search cluster whose master logs it RED now, and none once it is GREEN again', () => {
    const ev = healthyScenario();
    ev.services = [service({ clusterIP: IP })];
    const health = (from: string, to: string, k: number) => `{"@timestamp":"${minutesAgo(9 - k)}", "log.level":"WARN", "message":"Cluster health status changed from [${from}] to [${to}] (reason: [shards failed [[orders][1]]])."}`;
    const logs = [{ pod: ev.pods[0]!.name, container: 'app', previous: false, lines: [health('GREEN', 'RED', 0)] }];
    expect(pickStrainedServices({ pods: ev.pods, services: ev.services, logs })).toEqual([{ name: APP, clusterIP: IP }]);
    expect(pickStrainedServices({ pods: ev.pods, services: ev.services, logs: [{ ...logs[0]!, lines: [health('GREEN', 'RED', 0), health('RED', 'YELLOW', 1)] }] })).toEqual([]);
  });
});

describe('describeCallerImpact', () => {
  it('counts a caller\'s errors that name no peer at all apart, rather than calling the caller error-free', () => {
    const unnamed = (k: number) => `{"level":"error","ts":"${minutesAgo(9 - k)}","msg":"quote lookup failed, using list price","error":"rpc error: code = DeadlineExceeded desc = context deadline exceeded","budget":"250ms"}`;
    const other = '{"level":"error","msg":"cache write failed","error":"dial tcp quote-cache.shop.svc:6379: connect: connection refused"}';
    const caller = (lines: string[]) => [{ service: APP, pod: 'storefront-1', owner: 'Deployment storefront', container: 'app', via: `env QUOTES_ADDR=${APP}:50051`, log: { pod: 'storefront-1', container: 'app', previous: false, lines } }];
    const [line] = describeCallerImpact(caller([unnamed(0), other, unnamed(1), unnamed(2)]), [{ name: APP }], NS);
    expect(line).toMatch(new RegExp(`no error naming ${APP}, but 3 errors naming no peer \\(timeouts\\) in its last 4 log lines`));
    expect(line).toMatch(/"rpc error: code = DeadlineExceeded desc = context deadline exceeded"/);
    // Errors that all name another peer leave the plain answer.
    const [quiet] = describeCallerImpact(caller([other, other]), [{ name: APP }], NS);
    expect(quiet).toMatch(new RegExp(`no error naming ${APP} in its last 2 log lines$`));
  });

  it('counts a caller\'s errors that name the Service as a word, as a gRPC method path does', () => {
    const line = '{"level":"warn","msg":"call failed","method":"/payment-service.v1.Payments/Charge","error":"rpc error: code = DeadlineExceeded desc = context deadline exceeded"}';
    const other = '{"level":"warn","msg":"call failed","method":"/payment-service-legacy.v1.Payments/Charge","error":"rpc error: code = DeadlineExceeded desc = context deadline exceeded"}';
    const lines = describeCallerImpact([{ service: APP, pod: 'checkout-1', owner: 'Deployment checkout', container: 'app', via: `env PAYMENTS_ADDR=${APP}:50051`, log: { pod: 'checkout-1', container: 'app', previous: false, lines: [line, other, line] } }], [{ name: APP }], NS);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/logged 2 errors reaching payment-service \(timeouts\)/);
    // The error itself before the whole line: a long JSON line is clipped where it is shown.
    expect(lines[0]).toMatch(/log lines: "rpc error: code = DeadlineExceeded desc = context deadline exceeded"; newest: /);
  });
});

describe('reverse proxies as callers (their upstreams are in a config file, not their env)', () => {
  const proxy = (pod: string, owner: string, image: string): CallerCandidate => ({ pod, owner, running: true, containers: [{ name: 'nginx', restarts: 0, refs: [], image }] });
  const services = [{ name: APP, clusterIP: IP }];

  it('knows a proxy by its image name, whatever the registry and tag', () => {
    expect(isProxyImage('docker.io/library/nginx:1.27.2-alpine')).toBe(true);
    expect(isProxyImage('envoyproxy/envoy:v1.31.0')).toBe(true);
    expect(isProxyImage('quay.io/oauth2-proxy/oauth2-proxy:v7.7.1')).toBe(true);
    expect(isProxyImage('123456789012.dkr.ecr.eu-west-1.amazonaws.com/shop/cart-service:3.8.1')).toBe(false);
  });

  it('picks proxies only when asked, after the callers whose env names the Service', () => {
    const candidates = [proxy('edge-1', 'Deployment edge', 'nginx:1.27'), candidate('web-1', 'Deployment web', [`env API=http://${APP}`])];
    expect(pickServiceCallers(candidates, services, NS, new Set()).map((c) => c.pod)).toEqual(['web-1']);
    const picked = pickServiceCallers(candidates, services, NS, new Set(), 2, { proxies: true });
    expect(picked.map((c) => [c.pod, c.proxy ?? false])).toEqual([['web-1', false], ['edge-1', true]]);
  });

  it('keeps a proxy only when its log names the Service', () => {
    const [c] = pickServiceCallers([proxy('edge-1', 'Deployment edge', 'nginx:1.27')], services, NS, new Set(), 2, { proxies: true });
    if (c === undefined) throw new Error('no proxy picked');
    const log = (lines: string[]) => ({ pod: 'edge-1', container: 'nginx', previous: false, lines });
    expect(confirmProxyCaller({ ...c, log: log(['GET /health 200']) }, services, NS)).toBeUndefined();
    expect(confirmProxyCaller({ ...c, log: log([`upstream prematurely closed connection, upstream: "http://${IP}:80/api"`]) }, services, NS)?.service).toBe(APP);
  });
});
