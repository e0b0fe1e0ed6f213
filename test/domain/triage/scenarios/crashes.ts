import type { ContainerStateEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { NS, REV6, baseEvidence, crashLooping, event, minutesAgo, pod, podName, terminated, workload } from './builders.js';

/** Pods 0..n-1 crash-loop after exiting as `last`; the rest stay healthy. */
export function crashScenario(failing: number, last: (i: number) => ContainerStateEvidence, opts: { restarts?: number; logs?: string[] } = {}): TriageEvidence {
  const pods = [0, 1, 2, 3, 4].map((i) => {
    if (i >= failing) return pod(i);
    const name = podName(REV6.hash, i);
    return pod(i, { ready: false, containers: [crashLooping(name, last(i), opts.restarts ?? 7)] });
  });
  const events = pods.slice(0, failing).map((p) =>
    event({ object: { kind: 'Pod', name: p.name, namespace: NS }, reason: 'BackOff', message: 'Back-off restarting failed container app in pod ' + `${p.name}_${NS}(${p.uid ?? ''})`, count: 38, firstSeen: minutesAgo(34), lastSeen: minutesAgo(1) }),
  );
  const logs = opts.logs ? pods.slice(0, failing).map((p) => ({ pod: p.name, container: 'app', previous: true, lines: opts.logs ?? [] })) : [];
  return baseEvidence({ pods, events, logs, workload: workload({ readyReplicas: 5 - failing, availableReplicas: 5 - failing }) });
}

export const JVM_OOM_LOG = [
  '2026-11-21T03:11:02.114Z INFO  [main] c.e.payments.Application - Started Application in 11.2 seconds (process running for 12.0)',
  '2026-11-21T03:11:40.871Z INFO  [http-nio-8080-exec-4] c.e.payments.api.ChargeController - POST /v1/charges request_id=9f1c2b7e-4a3d-4f6b-8e21-5c0d7a9b3e14 amount=1299 currency=EUR',
  '2026-11-21T03:12:05.402Z WARN  [batch-1] c.e.payments.settlement.SettlementJob - loading 184223 pending settlements into memory',
];

/** Three of five pods OOMKilled at a 512Mi limit, crash-looping. */
export function oomKillScenario(): TriageEvidence {
  return crashScenario(3, (i) => terminated(137, 'OOMKilled', 2 + i), { logs: JVM_OOM_LOG });
}

/** Three pods killed with 137 but no OOMKilled reason, and liveness probe failures on them. */
export function livenessKillScenario(): TriageEvidence {
  const ev = crashScenario(3, (i) => terminated(137, 'Error', 3 + i, { runSeconds: 95 }));
  const probeEvents = ev.pods.slice(0, 3).flatMap((p) => [
    event({ object: { kind: 'Pod', name: p.name, namespace: NS }, reason: 'Unhealthy', message: 'Liveness probe failed: Get "http://10.0.1.104:8080/healthz": context deadline exceeded (Client.Timeout exceeded while awaiting headers)', count: 21, firstSeen: minutesAgo(33), lastSeen: minutesAgo(3) }),
    event({ object: { kind: 'Pod', name: p.name, namespace: NS }, type: 'Normal', reason: 'Killing', message: 'Container app failed liveness probe, will be restarted', count: 7, firstSeen: minutesAgo(33), lastSeen: minutesAgo(3) }),
  ]);
  return { ...ev, events: [...ev.events, ...probeEvents] };
}

export const GO_DNS_LOG = [
  '{"level":"info","ts":"2026-11-21T03:12:40Z","msg":"starting payment-service","version":"2.15.0"}',
  '{"level":"info","ts":"2026-11-21T03:12:40Z","msg":"connecting to database","host":"postgress.payments.svc.cluster.local","port":5432}',
  '{"level":"fatal","ts":"2026-11-21T03:12:45Z","msg":"database unreachable","error":"dial tcp: lookup postgress.payments.svc.cluster.local on 172.20.0.10:53: no such host"}',
];

