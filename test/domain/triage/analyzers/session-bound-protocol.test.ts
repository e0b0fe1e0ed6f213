import { describe, expect, it } from 'vitest';
import { analyzeSessionBoundProtocol } from '../../../../src/domain/triage/analyzers/session-bound-protocol.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import type { TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { APP, NOW, NS, REV6, baseEvidence, event, hpa, minutesAgo, pod, service, workload } from '../scenarios/builders.js';

const pino = (m: number, level: number, rest: string) => `{"level":${level},"time":${Date.parse(NOW) - Math.round(m * 60_000)},"pid":1,${rest}}`;

/** A Socket.IO pod's log since the scale-out: `unknown` polls of sessions another pod holds, a few served. */
function gatewayLog(k: number, unknown: number): string[] {
  return [
    pino(30, 30, '"msg":"gateway listening","port":3000,"path":"/socket.io"'),
    ...Array.from({ length: unknown }, (_, i) =>
      pino(28 - i * 2 - k * 0.3, 40, `"msg":"engine connection_error","code":1,"message":"Session ID unknown","context":{"sid":"s${i}"},"method":"GET","url":"/socket.io/?EIO=4&transport=polling&sid=s${i}"`)),
    pino(1, 30, '"msg":"client connected","sid":"x1","transport":"polling"'),
  ];
}

/** `n` ready pods of one revision, scaled by the HPA from 1 to `n` 31m ago. */
function scaled(n: number, unknown: number, affinity = false): TriageEvidence {
  const pods = Array.from({ length: n }, (_, i) => pod(i, i === 0 ? {} : { createdAt: minutesAgo(31), startTime: minutesAgo(31) }));
  return baseEvidence({
    pods,
    hpas: [hpa({ minReplicas: 1, maxReplicas: 5, currentReplicas: n, desiredReplicas: n, lastScaleTime: minutesAgo(31) })],
    services: [service(affinity ? { clientIpAffinity: { timeoutSeconds: 10800 } } : {})],
    workload: workload({ specReplicas: n, replicas: n, readyReplicas: n, availableReplicas: n, updatedReplicas: n }),
    events: n > 1
      ? [
        event({ type: 'Normal', reason: 'SuccessfulRescale', message: `New size: ${n}; reason: cpu resource utilization (percentage of request) above target`, object: { kind: 'HorizontalPodAutoscaler', name: APP, namespace: NS }, firstSeen: minutesAgo(31), lastSeen: minutesAgo(31) }),
        event({ type: 'Normal', reason: 'ScalingReplicaSet', message: `Scaled up replica set ${APP}-${REV6.hash} from 1 to ${n}`, object: { kind: 'Deployment', name: APP, namespace: NS }, firstSeen: minutesAgo(31), lastSeen: minutesAgo(31) }),
      ]
      : [],
    logs: pods.map((p, k) => ({ pod: p.name, container: 'app', previous: false, lines: gatewayLog(k, unknown) })),
  });
}

describe('analyzeSessionBoundProtocol', () => {
  it('names Socket.IO sessions refused on pods that did not do the handshake, and the Service without affinity', () => {
    const [f] = analyzeSessionBoundProtocol(scaled(3, 5));
    expect(f?.title).toMatch(/^Socket\.IO sessions are bound to the pod that did the handshake, but the 3 replicas are not sticky: 15 requests \(long-polling/);
    expect(f?.title).toMatch(/400 "Session ID unknown"; Service payment-service has sessionAffinity None/);
    expect(f?.fix).toMatch(/sessionAffinity: ClientIP/);
    expect(f?.scalesWithReplicas).toBe(true);
  });

  it('is a problem dated by the scale-out, never an all-clear nor a rollback', () => {
    const report = buildTriageReport(scaled(3, 5), { startedAt: NOW, finishedAt: NOW });
    expect(report.verdict).toBe('problems');
    expect(report.headline).toMatch(/^Since HPA payment-service scaled it up from 1 to 3 31m ago/);
    expect(report.headline).toMatch(/Session ID unknown/);
    expect(report.headline).not.toMatch(/looks healthy|roll(ing)? ?back|rollout undo/i);
  });

  it('says nothing of one replica, a sticky Service, or a few clients back after a restart', () => {
    expect(analyzeSessionBoundProtocol(scaled(1, 8))).toEqual([]);
    expect(analyzeSessionBoundProtocol(scaled(3, 5, true))).toEqual([]);
    expect(analyzeSessionBoundProtocol(scaled(2, 2))).toEqual([]);
  });
});
