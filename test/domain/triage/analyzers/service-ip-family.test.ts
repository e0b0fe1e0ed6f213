import { describe, expect, it } from 'vitest';
import { analyzeServiceIpFamilies } from '../../../../src/domain/triage/analyzers/service-ip-family.js';
import type { ServiceEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { APP, container, minutesAgo, podName, REV6, service } from '../scenarios/builders.js';
import { healthyScenario } from '../scenarios/healthy.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
function clf(minutes: number): string {
  const d = new Date(minutesAgo(minutes));
  const p = (n: number) => String(n).padStart(2, '0');
  return `[${p(d.getUTCDate())}/${MONTHS[d.getUTCMonth()] ?? ''}/${d.getUTCFullYear()}:${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000]`;
}

/** Requests from a caller until 39 minutes ago, then only the kubelet's probes. */
const ACCESS = [
  ...[60, 55, 50, 45, 40, 39].map((m) => `10.0.24.31 - - ${clf(m)} "GET /v2/products?page=1 HTTP/1.1" 200 4812 "-" "undici"`),
  ...[30, 20, 10, 1].map((m) => `10.0.16.1 - - ${clf(m)} "GET /healthz HTTP/1.1" 200 2 "-" "kube-probe/1.31"`),
];

/** The healthy control served by gunicorn on 0.0.0.0:8080 behind the Service given, created 38 minutes ago. */
function behind(svc: Partial<ServiceEvidence>, command = ['gunicorn', '--bind', '0.0.0.0:8080', 'catalog.wsgi:app'], lines = ACCESS): TriageEvidence {
  const ev = healthyScenario();
  const app = container({ command });
  ev.workload = { ...ev.workload!, templateContainers: [app] };
  ev.pods = ev.pods.map((p) => ({ ...p, containers: [app] }));
  ev.services[0] = service({ createdAt: minutesAgo(38), ...svc });
  ev.logs = [0, 1].map((i) => ({ pod: podName(REV6.hash, i), container: 'app', previous: false, lines }));
  return ev;
}

const V6_ONLY: Partial<ServiceEvidence> = { clusterIP: 'fd00:10:96::5c1e', ipFamilies: ['IPv6'], ipFamilyPolicy: 'SingleStack' };

describe('analyzeServiceIpFamilies', () => {
  it('reports an IPv6 single-stack Service in front of a server bound to 0.0.0.0, since the Service was created, confirmed by the requests that stopped', () => {
    const [f, ...rest] = analyzeServiceIpFamilies(behind(V6_ONLY));
    expect(rest).toEqual([]);
    expect(f?.kind).toBe('service-target-port');
    expect(f?.title).toBe(`Service ${APP} is IPv6 single-stack (ipFamilies [IPv6], ClusterIP fd00:10:96::5c1e) but the app listens only on IPv4 0.0.0.0:8080: every connection through the Service is refused`);
    expect(f?.severity).toBe('critical');
    expect(f?.confidence).toBe('high');
    expect(f?.onset).toBe(minutesAgo(38));
    expect(f?.evidence.join('\n')).toMatch(/command --bind 0\.0\.0\.0:8080/);
    expect(f?.evidence.join('\n')).toMatch(/probes .*IPv4.* stay Ready/);
    expect(f?.evidence.join('\n')).toMatch(/no request but the kubelet's probes since/);
    expect(f?.fix).toMatch(/\[::\]:8080/);
    expect(f?.nextAction).toMatch(/PreferDualStack/);
    expect(f?.affected).toEqual({ services: [APP] });
  });

  it('still reports it, with less confidence, when no access log shows the requests stop', () => {
    const [f] = analyzeServiceIpFamilies(behind(V6_ONLY, undefined, []));
    expect(f?.severity).toBe('critical');
    expect(f?.confidence).toBe('medium');
  });

  it('reads the family from the ClusterIP when the Service has no ipFamilies', () => {
    expect(analyzeServiceIpFamilies(behind({ clusterIP: 'fd00:10:96::5c1e' }))).toHaveLength(1);
  });

  it('says nothing for an IPv4 or dual-stack Service, or a server that listens on IPv6 too', () => {
    expect(analyzeServiceIpFamilies(behind({ clusterIP: '172.20.14.9', ipFamilies: ['IPv4'], ipFamilyPolicy: 'SingleStack' }))).toEqual([]);
    expect(analyzeServiceIpFamilies(behind({ clusterIP: '172.20.14.9', ipFamilies: ['IPv4', 'IPv6'], ipFamilyPolicy: 'PreferDualStack' }))).toEqual([]);
    expect(analyzeServiceIpFamilies(behind(V6_ONLY, ['gunicorn', '--bind', '[::]:8080', 'catalog.wsgi:app']))).toEqual([]);
    expect(analyzeServiceIpFamilies(behind(V6_ONLY, ['gunicorn', '--bind', '0.0.0.0:9090', 'catalog.wsgi:app']))).toEqual([]);
  });
});
