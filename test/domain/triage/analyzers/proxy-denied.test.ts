// The pods' forward proxy answers their CONNECT with 403 Forbidden: the proxy is up and its access
// rules refuse that destination. The verdict names the proxy's Service, the refused host and — from
// the rules of the ConfigMap its pod mounts — the acl that does not list it, and advises adding the
// host there (a rollback would only undo the switch to it). Without the rules, it still names the
// proxy and the host.
import { describe, expect, it } from 'vitest';
import type { TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import type { EnvVarEvidence } from '../../../../src/domain/triage/evidence-spec.js';
import type { ProxyAclEvidence } from '../../../../src/domain/triage/evidence-proxy-acl.js';
import { analyzeProxyDenials } from '../../../../src/domain/triage/analyzers/proxy-denied.js';
import { readAllowList } from '../../../../src/domain/triage/proxy-allow-list.js';
import { isProxyDenial, pickProxyAclRead } from '../../../../src/domain/triage/proxy-denial.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { NS, REV7, baseEvidence, container, minutesAgo, pod, revision, revisionContainer, running, service, workload } from '../scenarios/builders.js';

const times = { startedAt: '2026-01-01T00:00:00.000Z', finishedAt: '2026-01-01T00:00:00.000Z' };
const PROXY = `http://egress-proxy.${NS}.svc.cluster.local:3128`;
const env = (partner: string): EnvVarEvidence[] => [
  { name: 'HTTPS_PROXY', value: PROXY },
  { name: 'NO_PROXY', value: '.svc,.cluster.local,10.0.0.0/8' },
  { name: 'PARTNER_API_URL', value: `https://${partner}/v2` },
];
const refused = (m: number) =>
  `${minutesAgo(m).replace('T', ' ').replace('Z', '')} ERROR partner: redeem failed: HTTPSConnectionPool(host='api.newpartner.example', port=443): Max retries exceeded with url: /v2/redemptions (Caused by ProxyError('Unable to connect to proxy', OSError('Tunnel connection failed: 403 Forbidden')))`;
const RULES = [
  'acl localnet src 10.0.0.0/8',
  'acl SSL_ports port 443',
  'acl allowed_domains dstdomain .stripe.com .sendgrid.net api.oldpartner.example',
  'http_access deny CONNECT !SSL_ports',
  'http_access allow localnet allowed_domains',
  'http_access deny all',
];
const ACL: ProxyAclEvidence = {
  service: 'egress-proxy', pod: 'egress-proxy-5c8d7b9f6d-abcde', ready: true, configMap: 'egress-proxy-squid-conf', key: 'squid.conf', rules: RULES,
  refusals: ['1795748000.000      0 10.0.52.91 TCP_DENIED/403 3990 CONNECT api.newpartner.example:443 - HIER_NONE/- text/html'],
};

function scenario(over: Partial<TriageEvidence> = {}): TriageEvidence {
  const pods = [0, 1, 2, 3, 4].map((i) => pod(i, { revisionHash: REV7.hash, startTime: minutesAgo(54), containers: [container({ env: env('api.newpartner.example'), state: running(54) })] }));
  const base = baseEvidence({ pods, workload: workload({ currentRevision: 7 }) });
  return {
    ...base,
    services: [...base.services, service({ name: 'egress-proxy', selector: { app: 'egress-proxy' }, ports: [{ name: 'proxy', port: 3128, targetPort: 'proxy', protocol: 'TCP' }] })],
    revisions: [
      revision({ revision: 6, hash: base.revisions[1]?.hash ?? '' }, minutesAgo(15 * 24 * 60), { containers: [revisionContainer({ env: env('api.oldpartner.example') })] }),
      revision(REV7, minutesAgo(55), { replicas: 5, containers: [revisionContainer({ env: env('api.newpartner.example') })] }),
    ],
    logs: pods.slice(0, 2).map((p) => ({ pod: p.name, container: 'app', previous: false, lines: [40, 30, 20, 10, 2].map(refused) })),
    ...over,
  };
}

describe('a forward proxy that refuses a destination by its access rules', () => {
  it('is read from the clients\' words for a refused tunnel', () => {
    expect(isProxyDenial(refused(3))).toBe(true);
    expect(isProxyDenial('curl: (56) CONNECT tunnel failed, response 403')).toBe(true);
    expect(isProxyDenial('Error: tunneling socket could not be established, statusCode=403')).toBe(true);
    expect(isProxyDenial("ProxyError('Unable to connect to proxy', NewConnectionError('Failed to establish a new connection: [Errno 111] Connection refused'))")).toBe(false);
  });

  it('asks for the rules of the proxy Service of the namespace only where its refusals are seen', () => {
    const ev = scenario();
    expect(pickProxyAclRead({ logs: ev.logs, pods: ev.pods, services: ev.services, namespace: NS })).toEqual({ service: 'egress-proxy', destinations: ['api.newpartner.example'] });
    expect(pickProxyAclRead({ logs: [], pods: ev.pods, services: ev.services, namespace: NS })).toBeUndefined();
  });

  it('reads squid\'s allow-list: the dstdomain acl an allow rule names, whether it lists the host, the rule that refuses the rest', () => {
    expect(readAllowList(RULES, 'api.newpartner.example')).toEqual({
      acls: [{ name: 'allowed_domains', type: 'dstdomain', values: ['.stripe.com', '.sendgrid.net', 'api.oldpartner.example'] }],
      fromFile: false,
      denyRest: 'http_access deny all',
    });
    expect(readAllowList(RULES, 'api.stripe.com')?.listedIn).toBe('allowed_domains');
    expect(readAllowList(RULES, 'stripe.com')?.listedIn).toBe('allowed_domains');
    expect(readAllowList(RULES, 'x.api.oldpartner.example')?.listedIn).toBeUndefined();
  });

  it('names the proxy Service, the refused host and the acl that lacks it, and advises adding it there', () => {
    const [f] = analyzeProxyDenials(scenario({ proxyAcl: ACL }));
    expect(f?.title).toMatch(/egress-proxy/);
    expect(f?.title).toMatch(/api\.newpartner\.example/);
    expect(f?.title).toMatch(/403 Forbidden/);
    expect(f?.title).toMatch(/acl allowed_domains in ConfigMap egress-proxy-squid-conf/);
    expect(f?.fix).toMatch(/add api\.newpartner\.example to acl allowed_domains/);
    expect(f?.evidence.join('\n')).toMatch(/TCP_DENIED\/403/);
    expect(f?.evidence.join('\n')).toMatch(/PARTNER_API_URL=https:\/\/api\.newpartner\.example\/v2 \(was https:\/\/api\.oldpartner\.example\/v2\)/);
  });

  it('leads the verdict with the allow-list fix; the rollback only as the fallback that undoes the switch', () => {
    const r = buildTriageReport(scenario({ proxyAcl: ACL }), times);
    expect(r.verdict).toBe('problems');
    expect(r.headline).toMatch(/egress-proxy/);
    expect(r.headline).toMatch(/allowed_domains/);
    expect(r.headline).toMatch(/^.*[Aa]dd api\.newpartner\.example to acl allowed_domains/);
    expect(r.headline).not.toMatch(/NetworkPolicy|not ready|crash/i);
  });

  it('without the proxy\'s rules, still names the proxy and the refused host', () => {
    const [f] = analyzeProxyDenials(scenario());
    expect(f?.title).toMatch(/proxy Service egress-proxy \(HTTPS_PROXY\) refuses the pods' tunnel to api\.newpartner\.example with 403 Forbidden: its access rules deny/);
    expect(f?.fix).toMatch(/allow api\.newpartner\.example in the access rules of the proxy egress-proxy/);
  });
});
