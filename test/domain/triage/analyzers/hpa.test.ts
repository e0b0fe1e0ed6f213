import { describe, expect, it } from 'vitest';
import { analyzeHpa } from '../../../../src/domain/triage/analyzers/hpa.js';
import type { HpaEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { NS, baseEvidence, container, event, hpa, minutesAgo, pod, revision, revisionContainer, workload } from '../scenarios/builders.js';
import { healthyScenario } from '../scenarios/healthy.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { hpaPendingScenario } from '../scenarios/scheduling.js';

describe('analyzeHpa', () => {
  it('reports an HPA at its maximum with metrics above target, and the recent rescale as context', () => {
    const findings = analyzeHpa(hpaPendingScenario());
    expect(findings.map((f) => f.id)).toEqual(['hpa/payment-service/at-max', 'hpa/payment-service/rescaled']);
    expect(findings[0]?.title).toBe('HPA payment-service at its maximum (12/12 replicas) with cpu 131% (target 70%)');
    expect(findings[0]?.severity).toBe('warning');
    expect(findings[1]?.severity).toBe('info');
    expect(findings[1]?.title).toContain('New size: 12');
  });

  it('reports an HPA that cannot read its metrics and names missing requests', () => {
    const ev = healthyScenario();
    ev.hpas = [
      hpa({
        conditions: [
          { type: 'AbleToScale', status: 'True', reason: 'SucceededGetScale' },
          { type: 'ScalingActive', status: 'False', reason: 'FailedGetResourceMetric', message: 'the HPA was unable to compute the replica count: failed to get cpu utilization: missing request for cpu in container app of Pod payment-service-7c9d8f6b5d-x2kqj' },
        ],
      }),
    ];
    const [f] = analyzeHpa(ev);
    expect(f?.title).toBe('HPA payment-service cannot scale: ScalingActive=False (FailedGetResourceMetric) — container app has no cpu request, which its cpu utilization is measured against');
    expect(f?.likelyCause).toContain('no cpu request');
    expect(f?.fix).toBe('set a cpu request on container app');
  });

  it('names the revision that dropped the request the HPA measures against, and the request before it', () => {
    const ev = healthyScenario();
    const missing = 'the HPA was unable to compute the replica count: failed to get cpu utilization: missing request for cpu in container web of Pod storefront-5d8c7b9f4-q2w8e';
    ev.hpas = [hpa({ conditions: [{ type: 'ScalingActive', status: 'False', reason: 'FailedGetResourceMetric', message: missing, lastTransitionTime: minutesAgo(3 * 24 * 60) }] })];
    const web = (requests: Record<string, string>) => [revisionContainer({ name: 'web', resources: { requests, limits: { memory: '1Gi' } } })];
    ev.revisions = [
      revision({ revision: 21, hash: 'a1b2c3' }, minutesAgo(9 * 24 * 60), { containers: web({ cpu: '750m', memory: '1Gi' }) }),
      revision({ revision: 22, hash: 'd4e5f6' }, minutesAgo(3 * 24 * 60), { containers: web({ memory: '1Gi' }) }),
    ];
    const [f] = analyzeHpa(ev);
    expect(f?.title).toContain('container web has no cpu request');
    expect(f?.title).toContain('revision 22 (3d ago) dropped it; revision 21 requested 750m');
    expect(f?.datesChange).toBe(true);
    expect(f?.fix).toBe('set a cpu request on container web (750m as in revision 21)');
  });

  it('names no revision when every revision lacked the request', () => {
    const ev = healthyScenario();
    const missing = 'failed to get memory utilization: missing request for memory in container web of Pod storefront-5d8c7b9f4-q2w8e';
    ev.hpas = [hpa({ conditions: [{ type: 'ScalingActive', status: 'False', reason: 'FailedGetResourceMetric', message: missing }] })];
    ev.revisions = [revision({ revision: 3, hash: 'a1b2c3' }, minutesAgo(60), { containers: [revisionContainer({ name: 'web', resources: { requests: { cpu: '1' }, limits: {} } })] })];
    const [f] = analyzeHpa(ev);
    expect(f?.title).toContain('container web has no memory request');
    expect(f?.title).not.toContain('revision');
  });

  it('tells a custom metric the adapter cannot find from a metrics API that is down, and does not blame metrics-server', () => {
    const ev = healthyScenario();
    const missing = 'unable to get metric http_requests_per_second: unable to fetch metrics from custom metrics API: the server could not find the metric http_requests_per_second for pods';
    ev.hpas = [hpa({ conditions: [{ type: 'ScalingActive', status: 'False', reason: 'FailedGetPodsMetric', message: `the HPA was unable to compute the replica count: ${missing}`, lastTransitionTime: minutesAgo(180) }] })];
    ev.metricsServer = { name: 'metrics-server', namespace: 'kube-system', pods: [], logs: [] };
    const [f] = analyzeHpa(ev);
    expect(f?.title).toBe('HPA payment-service cannot scale: ScalingActive=False (FailedGetPodsMetric) — the custom metrics API has no metric http_requests_per_second (renamed, or no longer exported)');
    expect(f?.fix).toBe("make http_requests_per_second exist again (the adapter's rule, or the name the app exports)");
    expect(f?.likelyCause).toContain('renames series');
    expect(f?.onset).toBe(minutesAgo(180));
  });

  it('is not alarmed by an HPA at max whose metrics are below target', () => {
    const ev = healthyScenario();
    ev.hpas = [hpa({ maxReplicas: 5, currentReplicas: 5, desiredReplicas: 5, metrics: [{ name: 'cpu', current: '52%', target: '70%' }] })];
    expect(analyzeHpa(ev)).toEqual([]);
  });

  it('stays silent on a healthy workload', () => {
    expect(analyzeHpa(healthyScenario())).toEqual([]);
  });

  it('names the metrics API and says the HPA holds the pods at its minimum while their readiness probes time out', () => {
    const ev = metricsApiGone(hpa({ minReplicas: 3, maxReplicas: 12, currentReplicas: 3, desiredReplicas: 3, metrics: [{ name: 'cpu', target: '65%' }], conditions: METRICS_API_GONE }));
    const [f, ...rest] = analyzeHpa(ev);
    expect(rest).toHaveLength(0);
    expect(f?.id).toBe('hpa/payment-service/not-scaling');
    expect(f?.title).toBe(
      'HPA payment-service cannot scale: ScalingActive=False (FailedGetResourceMetric) — the resource metrics API (metrics-server) does not answer (get pods.metrics.k8s.io); it holds at its minimum of 3 replicas (max 12) while their probes time out under load',
    );
    // Saturation reaches every replica, the two still ready too.
    expect(f?.affected).toEqual({ pods: ev.pods.map((p) => p.name) });
    expect(f?.nextAction).toBe(
      'Mitigate: scale by hand (`kubectl scale deployment/payment-service --replicas=N -n payments --context prod-eu-west-1` — the bot will not). Check the metrics pipeline (kubectl top works? metrics-server and its APIService) and the metric names in the HPA.',
    );
    expect(f?.fix).toBe('scale by hand meanwhile, and restore the metrics API (metrics-server) so the HPA can scale');
    expect(f?.confirmCommands).toEqual(['kubectl describe hpa payment-service -n payments --context prod-eu-west-1', 'kubectl get apiservices v1beta1.metrics.k8s.io --context prod-eu-west-1']);
  });

  it('says how many metrics-server pods are ready and quotes their log, when metrics-server was read', () => {
    const base = metricsApiGone(hpa({ minReplicas: 3, maxReplicas: 12, currentReplicas: 3, desiredReplicas: 3, metrics: [{ name: 'cpu', target: '65%' }], conditions: METRICS_API_GONE }));
    const msPod = { ...base.pods[0]!, name: 'metrics-server-6d94bc8694-x7w2k', ready: false };
    const line = 'E1121 03:13:52.120457       1 scraper.go:149] "Failed to scrape node" err="Get \\"https://10.0.111.31:10250/metrics/resource\\": tls: failed to verify certificate: x509: cannot validate certificate for 10.0.111.31 because it doesn\'t contain any IP SANs" node="ip-10-0-111-31"';
    const ev = { ...base, metricsServer: { name: 'metrics-server', namespace: 'kube-system', pods: [msPod], logs: [{ pod: msPod.name, container: 'metrics-server', previous: false, lines: [line] }] } };
    const [f] = analyzeHpa(ev);
    expect(f?.title).toContain('does not answer (get pods.metrics.k8s.io); metrics-server 0/1 ready;');
    expect(f?.decisive).toBe('Failed to scrape node: Get "https://10.0.111.31:10250/metrics/resource": tls: failed to verify certificate: x509: cannot validate certificate for 10.0.111.31 because it doesn\'t contain any IP SANs');
    expect(f?.evidence).toContain('metrics-server in kube-system: 0/1 pods ready (metrics-server-6d94bc8694-x7w2k)');
  });

  it('says where the HPA holds when it is above its minimum', () => {
    const ev = metricsApiGone(hpa({ minReplicas: 2, maxReplicas: 12, currentReplicas: 3, desiredReplicas: 3, metrics: [{ name: 'cpu', target: '65%' }], conditions: METRICS_API_GONE }));
    expect(analyzeHpa(ev)[0]?.title).toMatch(/; it holds at 3 replicas \(max 12\) while their probes time out under load$/);
  });

  it('does not say the HPA holds the pods back when no probe times out, or when the probe failures are old', () => {
    const quiet = metricsApiGone(hpa({ minReplicas: 3, maxReplicas: 12, currentReplicas: 3, desiredReplicas: 3, metrics: [{ name: 'cpu', target: '65%' }], conditions: METRICS_API_GONE }));
    const old = { ...quiet, events: quiet.events.map((e) => ({ ...e, firstSeen: minutesAgo(300), lastSeen: minutesAgo(90) })) };
    const none = { ...quiet, events: [] };
    for (const ev of [old, none]) {
      const [f] = analyzeHpa(ev);
      expect(f?.title).toBe('HPA payment-service cannot scale: ScalingActive=False (FailedGetResourceMetric) — the resource metrics API (metrics-server) does not answer (get pods.metrics.k8s.io)');
      expect(f?.affected).toBeUndefined();
      expect(f?.fix).toBe('restore the metrics API (metrics-server) so the HPA can scale');
    }
  });
});

const METRICS_FAILURE = 'failed to get cpu utilization: unable to get metrics for resource cpu: unable to fetch metrics from resource metrics API: the server could not find the requested resource (get pods.metrics.k8s.io)';

const METRICS_API_GONE: HpaEvidence['conditions'] = [
  { type: 'AbleToScale', status: 'True', reason: 'SucceededGetScale', message: "the HPA controller was able to get the target's current scale" },
  { type: 'ScalingActive', status: 'False', reason: 'FailedGetResourceMetric', message: `the HPA was unable to compute the replica count: ${METRICS_FAILURE}`, lastTransitionTime: minutesAgo(184) },
  { type: 'ScalingLimited', status: 'False', reason: 'DesiredWithinRange', message: 'the desired count is within the acceptable range' },
];

/** Three pods saturated since the morning peak, one out of the Service; their readiness probes time out. */
function metricsApiGone(h: HpaEvidence): TriageEvidence {
  const pods = [0, 1, 2].map((i) => (i === 1 ? pod(i, { ready: false, containers: [container({ ready: false })] }) : pod(i)));
  const events = pods.map((p, k) =>
    event({
      object: { kind: 'Pod', name: p.name, namespace: NS, fieldPath: 'spec.containers{app}' },
      reason: 'Unhealthy',
      message: `Readiness probe failed: Get "http://10.0.${k + 1}.${100 + k}:8080/actuator/health/readiness": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`,
      count: [23, 57, 31][k] ?? 20,
      firstSeen: minutesAgo(38),
      lastSeen: minutesAgo([2.5, 0.2, 4.1][k] ?? 1),
    }),
  );
  return baseEvidence({ pods, events, hpas: [h], workload: workload({ specReplicas: 3, replicas: 3, readyReplicas: 2, availableReplicas: 2 }) });
}

describe('analyzeHpa on an HPA that flaps', () => {
  const onHpa = { kind: 'HorizontalPodAutoscaler', name: 'payment-service', namespace: NS };
  const rescale = (size: number, reason: string, count: number, firstAgo: number, lastAgo: number) =>
    event({ object: onHpa, type: 'Normal', reason: 'SuccessfulRescale', message: `New size: ${size}; reason: ${reason}`, count, firstSeen: minutesAgo(firstAgo), lastSeen: minutesAgo(lastAgo), source: 'horizontal-pod-autoscaler' });
  const flapping = (): TriageEvidence => {
    const ev = healthyScenario();
    ev.hpas = [hpa({
      minReplicas: 3, maxReplicas: 9, currentReplicas: 9, desiredReplicas: 9,
      metrics: [{ name: 'cpu', current: '88%', target: '65%' }],
      conditions: [{ type: 'ScalingLimited', status: 'True', reason: 'TooManyReplicas', message: 'the desired replica count is more than the maximum replica count' }],
    })];
    ev.events.push(
      rescale(6, 'cpu resource utilization (percentage of request) above target', 4, 70, 8),
      rescale(9, 'cpu resource utilization (percentage of request) above target', 4, 68, 2),
      rescale(3, 'All metrics below target', 3, 55, 12),
    );
    ev.pods = [pod(0), pod(1), pod(2, { startTime: minutesAgo(2), createdAt: minutesAgo(2) })];
    return ev;
  };

  it('names the swing and how often instead of advising a higher maxReplicas, and blames start-up CPU when new pods are young', () => {
    const findings = analyzeHpa(flapping());
    const f = findings.find((x) => x.id === 'hpa/payment-service/flapping');
    expect(findings.map((x) => x.id)).not.toContain('hpa/payment-service/at-max');
    expect(f?.title).toContain('flaps 3 ↔ 9 replicas: scaled up 8 and down 3 times');
    expect(f?.title).toMatch(/start-up \(warm-up\) CPU/);
    expect(f?.fix).toMatch(/behavior\.scaleUp stabilization/);
    for (const text of [f?.title, f?.fix, f?.nextAction]) expect(text).not.toMatch(/(raise|increase|bump)[^\n]{0,30}max ?replicas/i);
  });

  it('claims no warm-up when no pod is young, and keeps at-max when it rose only once', () => {
    const old = flapping();
    old.pods = [pod(0), pod(1)];
    expect(analyzeHpa(old).find((x) => x.id.endsWith('/flapping'))?.title).not.toMatch(/warm-up/);
    const once = flapping();
    once.events = once.events.filter((e) => !/below target/.test(e.message));
    expect(analyzeHpa(once).map((x) => x.id)).toContain('hpa/payment-service/at-max');
  });
});

describe('analyzeHpa on a ContainerResource metric whose container the pods no longer run', () => {
  const notPresent = 'the HPA was unable to compute the replica count: failed to get cpu utilization: unable to get metrics for resource cpu: container web not present in metrics for pod payments/payment-service-5f7d9c8b64-q2w8e';
  const renamed = (): TriageEvidence => {
    const ev = metricsApiGone(hpa({
      minReplicas: 3, maxReplicas: 12, currentReplicas: 3, desiredReplicas: 3,
      metrics: [{ name: 'cpu (container web)', target: '60%', container: 'web' }],
      conditions: [
        { type: 'AbleToScale', status: 'True', reason: 'SucceededGetScale', message: "the HPA controller was able to get the target's current scale" },
        { type: 'ScalingActive', status: 'False', reason: 'FailedGetContainerResourceMetric', message: notPresent, lastTransitionTime: minutesAgo(8 * 60) },
      ],
    }));
    ev.revisions = [
      revision({ revision: 21, hash: 'a1b2c3d4e5' }, minutesAgo(9 * 24 * 60), { containers: [revisionContainer({ name: 'web' })] }),
      revision({ revision: 22, hash: '5f7d9c8b64' }, minutesAgo(8 * 60 + 2), { containers: [revisionContainer({ name: 'payment-service' })] }),
    ];
    ev.metricsServer = { name: 'metrics-server', namespace: 'kube-system', pods: [], logs: [] };
    return ev;
  };

  it('names the container the metric reads and the revision that renamed it, and does not blame the metrics pipeline', () => {
    const [f] = analyzeHpa(renamed());
    expect(f?.title).toBe(
      'HPA payment-service cannot scale: ScalingActive=False (FailedGetContainerResourceMetric) — its ContainerResource metric reads container web, which the pods no longer run (revision 22 (8h 2m ago) renamed it to payment-service); it holds at its minimum of 3 replicas (max 12) while their probes time out under load',
    );
    expect(f?.datesChange).toBe(true);
    expect(f?.fix).toBe("point HPA payment-service's containerResource.container at payment-service (or rename the container back to web), and scale by hand meanwhile");
    for (const text of [f?.title, f?.likelyCause, f?.nextAction, f?.fix]) expect(text).not.toMatch(/metrics-server|metrics API|does not answer|(down|unavailable)\b/i);
  });

  it('says which containers the template runs when no kept revision ran the one the metric reads', () => {
    const ev = renamed();
    ev.revisions = ev.revisions.slice(1);
    const [f] = analyzeHpa(ev);
    expect(f?.title).toContain('reads container web, which the pod template does not have (it runs payment-service)');
    expect(f?.datesChange).toBeUndefined();
  });

  it('leads the report over the timeouts the saturated pods log, instead of blaming a dependency', () => {
    const ev = renamed();
    ev.logs = ev.pods.map((p) => ({
      pod: p.name,
      container: 'payment-service',
      previous: false,
      lines: [0, 1, 2, 3, 4].map((k) => `{"level":"error","ts":"${minutesAgo(30 - k * 5)}","msg":"request timed out","path":"/v1/charges","timeout":"5s","status":504}`),
    }));
    const report = buildTriageReport(ev, { startedAt: ev.collectedAt, finishedAt: ev.collectedAt });
    expect(report.headline).toMatch(/^HPA payment-service cannot scale[^\n]*container web[^\n]*revision 22[^\n]*renamed it to payment-service/);
    expect(report.headline).toMatch(/Point HPA payment-service's containerResource\.container at payment-service/);
    expect(report.headline).not.toMatch(/dependency|no change found|metrics-server/i);
  });
});

describe('analyzeHpa on a custom or external metric whose adapter does not answer', () => {
  const unavailable = (api: 'custom' | 'external') =>
    `the HPA was unable to compute the replica count: unable to get metric queue_depth: unable to fetch metrics from ${api} metrics API: the server is currently unable to handle the request (get queue_depth.${api}.metrics.k8s.io)`;
  const blind = (api: 'custom' | 'external'): TriageEvidence => {
    const ev = metricsApiGone(hpa({
      minReplicas: 3, maxReplicas: 12, currentReplicas: 3, desiredReplicas: 3, metrics: [{ name: 'queue_depth', target: '100' }],
      conditions: [{ type: 'ScalingActive', status: 'False', reason: api === 'custom' ? 'FailedGetObjectMetric' : 'FailedGetExternalMetric', message: unavailable(api), lastTransitionTime: minutesAgo(120) }],
    }));
    ev.metricsServer = { name: 'metrics-server', namespace: 'kube-system', pods: [], logs: [] };
    return ev;
  };
  const adapterPod = (i: number) => pod(i, {
    name: `keda-operator-metrics-apiserver-7b9f6c5d8-${['aa1', 'bb2'][i] ?? 'cc3'}`, revisionHash: '7b9f6c5d8', ready: false,
    containers: [container({ name: 'keda-operator-metrics-apiserver', ready: false, restartCount: 11, state: { waiting: { reason: 'CrashLoopBackOff' } } })],
  });
  const withAdapter = (): TriageEvidence => ({
    ...blind('external'),
    metricsAdapter: {
      name: 'keda-operator-metrics-apiserver', namespace: 'autoscaling',
      pods: [adapterPod(0), adapterPod(1)],
      logs: [{ pod: 'keda-operator-metrics-apiserver-7b9f6c5d8-aa1', container: 'keda-operator-metrics-apiserver', previous: true, lines: ['E1121 08:00:01.000000       1 main.go:120] "failed to start" err="open /certs/tls.crt: no such file or directory"'] }],
      rollout: {
        deployment: 'keda-operator-metrics-apiserver',
        current: revision({ revision: 12, hash: '7b9f6c5d8' }, minutesAgo(130)),
        previous: revision({ revision: 11, hash: '5c4d3e2f1' }, minutesAgo(30 * 24 * 60)),
      },
    },
  });

  it('names the adapter family, not metrics-server, when no adapter was read', () => {
    for (const api of ['custom', 'external'] as const) {
      const [f] = analyzeHpa(blind(api));
      expect(f?.title).toContain(`— the ${api} metrics API does not answer`);
      expect(f?.fix).toContain(`scale by hand meanwhile, and restore the adapter that serves ${api}.metrics.k8s.io`);
      for (const text of [f?.title, f?.nextAction, f?.fix]) expect(text).not.toMatch(/metrics-server/);
      expect(f?.likelyCause).toContain('served by an adapter, not metrics-server');
      expect(f?.confirmCommands).toContain(`kubectl get apiservices v1beta1.${api}.metrics.k8s.io --context prod-eu-west-1`);
    }
  });

  it('names the adapter that was read, how it stands since its revision, and advises repairing or rolling back the adapter', () => {
    const [f] = analyzeHpa(withAdapter());
    expect(f?.title).toContain('— the external metrics API does not answer (get queue_depth.external.metrics.k8s.io): its adapter keda-operator-metrics-apiserver (autoscaling) 0/2 ready, crash-looping since its revision 12 (2h 10m ago);');
    expect(f?.datesChange).toBe(true);
    expect(f?.fix).toBe('scale by hand meanwhile, and repair keda-operator-metrics-apiserver in autoscaling (down since its revision 12) or roll it back so the external metrics API answers and the HPA can scale');
    expect(f?.nextAction).toContain('or roll it back to revision 11 (`kubectl -n autoscaling rollout undo deployment/keda-operator-metrics-apiserver`)');
    expect(f?.decisive).toContain('open /certs/tls.crt: no such file or directory');
    expect(f?.evidence).toContain('metrics adapter autoscaling/keda-operator-metrics-apiserver: 0/2 pods ready, 22 restarts (keda-operator-metrics-apiserver-7b9f6c5d8-aa1, keda-operator-metrics-apiserver-7b9f6c5d8-bb2)');
  });

  it('dates no change when the adapter revision came after the HPA went blind, and blames no adapter that is ready', () => {
    const late = withAdapter();
    if (late.metricsAdapter?.rollout) late.metricsAdapter.rollout.current = revision({ revision: 12, hash: '7b9f6c5d8' }, minutesAgo(20));
    const [f] = analyzeHpa(late);
    expect(f?.title).toContain('0/2 ready, crash-looping;');
    expect(f?.datesChange).toBeUndefined();
    expect(f?.nextAction).not.toContain('roll it back');
    const up = withAdapter();
    if (up.metricsAdapter) up.metricsAdapter.pods = up.metricsAdapter.pods.map((p) => ({ ...p, ready: true }));
    const [g] = analyzeHpa(up);
    expect(g?.title).not.toContain('keda-operator-metrics-apiserver');
    expect(g?.fix).toContain('restore the adapter that serves external.metrics.k8s.io');
  });
});
