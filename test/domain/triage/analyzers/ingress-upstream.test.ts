// Pods Ready and serving, users getting 502: the ingress controller's log is where the failure shows.
import { describe, expect, it } from 'vitest';
import type { NetworkPolicyEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { NOW, minutesAgo } from '../scenarios/builders.js';
import { healthyScenario } from '../scenarios/healthy.js';

const times = { startedAt: NOW, finishedAt: NOW };
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const p2 = (n: number) => String(n).padStart(2, '0');
const clf = (m: number) => {
  const d = new Date(minutesAgo(m));
  return `${p2(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} +0000`;
};
const ngx = (m: number) => minutesAgo(m).slice(0, 19).replace(/-/g, '/').replace('T', ' ');
const access = (m: number, status: number, upstream: string, addr: string) =>
  `81.2.69.142 - - [${clf(m)}] "GET /v1/checkout HTTP/2.0" ${status} 150 "https://shop.example.com/" "Mozilla/5.0" 611 0.004 [${upstream}] [] ${addr}:8080 0 0.004 ${status} 5e1c0b9d`;
const error = (m: number, msg: string, addr: string) =>
  `${ngx(m)} [error] 31#31: *8812345 ${msg}, client: 81.2.69.142, server: shop.example.com, request: "GET /v1/checkout HTTP/2.0", upstream: "http://${addr}:8080/v1/checkout", host: "shop.example.com"`;
const TOO_BIG = 'upstream sent too big header while reading response header from upstream';

/** The healthy control, behind ingress-nginx, whose log holds the given lines. */
function behindIngress(lines: string[]): TriageEvidence {
  const ev = healthyScenario();
  ev.ingressController = { controller: 'ingress-nginx', namespace: 'ingress-nginx', pods: ['ingress-nginx-controller-5c8d9-abcde'], logs: [{ pod: 'ingress-nginx-controller-5c8d9-abcde', container: 'controller', previous: false, lines }] };
  return ev;
}

describe('the ingress controller fails the workload\'s upstream while its pods look healthy', () => {
  it('is a problem, not an all-clear: the headline quotes nginx\'s error, the 502s and the buffer to raise', () => {
    const ev = behindIngress([
      error(30, TOO_BIG, '10.0.1.100'),
      access(30, 502, 'payments-payment-service-80', '10.0.1.100'),
      access(20, 200, 'payments-fraud-service-80', '10.0.2.9'),
      error(4, TOO_BIG, '10.0.2.101'),
      access(4, 502, 'payments-payment-service-80', '10.0.2.101'),
    ]);
    const r = buildTriageReport(ev, times);
    if (process.env.SHOW) console.log(r.headline);
    expect(r.verdict).toBe('problems');
    expect(r.headline).toMatch(/ingress-nginx/);
    expect(r.headline).toMatch(/too big header/);
    expect(r.headline).toMatch(/\b502\b/);
    expect(r.headline).toMatch(/proxy-buffer-size/);
    expect(r.headline).not.toMatch(/fraud-service/);
  });

  it('reads a timeout as proxy-read-timeout', () => {
    const ev = behindIngress([0, 1].flatMap((k) => [error(5 - k, 'upstream timed out (110: Operation timed out) while reading response header from upstream', '10.0.1.100'), access(5 - k, 504, 'payments-payment-service-80', '10.0.1.100')]));
    expect(buildTriageReport(ev, times).headline).toMatch(/proxy-read-timeout/);
  });

  it('stays an all-clear for one failed request, for failures that ended long ago, and for other upstreams', () => {
    for (const lines of [
      [error(3, TOO_BIG, '10.0.1.100'), access(3, 502, 'payments-payment-service-80', '10.0.1.100'), access(2, 200, 'payments-payment-service-80', '10.0.1.100')],
      [error(50, TOO_BIG, '10.0.1.100'), access(50, 502, 'payments-payment-service-80', '10.0.1.100'), error(45, TOO_BIG, '10.0.1.100'), access(45, 502, 'payments-payment-service-80', '10.0.1.100')],
      [error(3, TOO_BIG, '10.0.9.9'), access(3, 502, 'payments-fraud-service-80', '10.0.9.9'), access(2, 502, 'payments-fraud-service-80', '10.0.9.9')],
    ]) {
      expect(buildTriageReport(behindIngress(lines), times).verdict).toBe('healthy');
    }
  });
});

describe('the controller\'s connects to the pods time out: packets dropped, not a slow answer', () => {
  const CONNECT = 'upstream timed out (110: Operation timed out) while connecting to upstream';
  const lines = [3, 2, 1].flatMap((m) => [error(m, CONNECT, '10.0.1.100'), access(m, 504, 'payments-payment-service-80', '10.0.1.100')]);
  const denyAll: NetworkPolicyEvidence = { name: 'default-deny-ingress', createdAt: minutesAgo(300 * 24 * 60), podSelector: {}, policyTypes: ['Ingress'], ingress: [], egress: [], ingressRules: [] };
  const allow = (nsLabels: Record<string, string>): NetworkPolicyEvidence => ({
    name: 'payment-service-allow-ingress',
    createdAt: minutesAgo(200 * 24 * 60),
    podSelector: { app: 'payment-service' },
    policyTypes: ['Ingress'],
    ingress: [`from namespaces ${Object.entries(nsLabels).map(([k, v]) => `${k}=${v}`).join(',')} on TCP/8080`],
    egress: [],
    ingressRules: [{ from: [{ namespaceSelector: { matchLabels: nsLabels } }], ports: [{ protocol: 'TCP', port: 8080 }] }],
  });
  /** The controller's Namespace, re-created 3h ago by a re-install: only the label the API server sets. */
  function guarded(policy: NetworkPolicyEvidence): TriageEvidence {
    const ev = behindIngress(lines);
    ev.networkPolicies = [denyAll, policy];
    ev.ingressController = {
      ...(ev.ingressController as NonNullable<TriageEvidence['ingressController']>),
      podLabels: { 'app.kubernetes.io/name': 'ingress-nginx', 'app.kubernetes.io/component': 'controller' },
      podIPs: ['10.0.40.7'],
      namespaceMeta: { name: 'ingress-nginx', labels: { 'kubernetes.io/metadata.name': 'ingress-nginx' }, createdAt: minutesAgo(184) },
    };
    return ev;
  }

  it('is not read as a slow answer: no proxy-read-timeout advice', () => {
    const r = buildTriageReport(behindIngress(lines), times);
    expect(r.verdict).toBe('problems');
    expect(r.headline).not.toMatch(/slower than proxy-read-timeout|answers slowly/);
    expect(r.headline).toMatch(/never open \(packets dropped/);
    expect(r.headline).toMatch(/NetworkPolicies that select them/);
  });

  it('names the policy, the namespaceSelector term the controller\'s Namespace fails, its real labels and its re-creation', () => {
    const r = buildTriageReport(guarded(allow({ name: 'ingress-nginx' })), times);
    if (process.env.SHOW) console.log(r.headline);
    expect(r.verdict).toBe('problems');
    expect(r.headline).toMatch(/NetworkPolicy payment-service-allow-ingress/);
    expect(r.headline).toMatch(/namespaceSelector name=ingress-nginx/);
    expect(r.headline).toMatch(/re-created 3h 4m ago/);
    expect(r.headline).toMatch(/only kubernetes\.io\/metadata\.name=ingress-nginx/);
    expect(r.headline).not.toMatch(/roll back|proxy-read-timeout/i);
    expect(r.headline.length).toBeLessThanOrEqual(800);
  });

  it('says nothing of the policy when it admits the controller\'s Namespace by the label it carries', () => {
    const r = buildTriageReport(guarded(allow({ 'kubernetes.io/metadata.name': 'ingress-nginx' })), times);
    expect(r.headline).not.toMatch(/payment-service-allow-ingress/);
  });
});
