import { describe, expect, it } from 'vitest';
import { analyzeProxyEnv } from '../../../../src/domain/triage/analyzers/proxy-env.js';
import type { EnvVarEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { isExemptFromProxy, readProxyEnv } from '../../../../src/domain/triage/proxy-env.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { NOW, REV6, REV7, baseEvidence, container, minutesAgo, pod, revision, revisionContainer, service, workload } from '../scenarios/builders.js';

const times = { startedAt: NOW, finishedAt: NOW };
const at = (minutes: number) => minutesAgo(minutes);
const PROXY = 'http://squid.corp.example.net:3128';
const BASE: EnvVarEvidence[] = [
  { name: 'LEDGER_URL', value: 'http://ledger.accounts.svc.cluster.local:8080' },
  { name: 'FRAUD_URL', value: 'http://fraud-service:8080' },
  { name: 'ACQUIRER_API', value: 'https://api.acquirer.example.com/v2' },
];
const WITH_PROXY: EnvVarEvidence[] = [...BASE, { name: 'HTTPS_PROXY', value: PROXY }, { name: 'http_proxy', value: PROXY }];

/** Revision 7 added a proxy; its ready pods' calls to in-cluster hosts come back 403 while the outside acquirer answers. */
function proxied(opts: { env?: EnvVarEvidence[]; oldEnv?: EnvVarEvidence[]; proxyWords?: boolean; envFrom?: boolean } = {}): TriageEvidence {
  const env = opts.env ?? WITH_PROXY;
  const envFrom = opts.envFrom ? [{ kind: 'configMap' as const, name: 'payment-service-config' }] : [];
  const pods = [0, 1, 2].map((i) => pod(i, { revisionHash: REV7.hash, createdAt: minutesAgo(30), startTime: minutesAgo(30), containers: [container({ env, envFrom })] }));
  const via = opts.proxyWords === false ? '' : ' via="1.1 squid-2 (squid/6.10)" x-squid-error="ERR_ACCESS_DENIED 0"';
  return baseEvidence({
    pods,
    workload: workload({ specReplicas: 3, replicas: 3, readyReplicas: 3, availableReplicas: 3, updatedReplicas: 3, currentRevision: 7 }),
    revisions: [
      revision(REV6, minutesAgo(9 * 24 * 60), { containers: [revisionContainer({ env: opts.oldEnv ?? BASE, envFrom })] }),
      revision(REV7, minutesAgo(31), { replicas: 3, containers: [revisionContainer({ env, envFrom })] }),
    ],
    services: [service(), service({ name: 'fraud-service', selector: { app: 'fraud-service' }, clusterIP: '172.20.14.9' })],
    logs: pods.map((p, i) => ({
      pod: p.name,
      container: 'app',
      previous: false,
      lines: [
        `${at(28)} INFO payments.config starting ledger=http://ledger.accounts.svc.cluster.local:8080`,
        ...[20, 12, 5].flatMap((m) => [
          `${at(m)} INFO payments.acquirer authorize ok payment=pay_${i}${m} status=200`,
          `${at(m)} WARNING payments.ledger post answered 403${via} url=http://ledger.accounts.svc.cluster.local:8080/v1/entries`,
          `${at(m)} ERROR payments.charge charge failed payment=pay_${i}${m}: 403 Client Error: Forbidden for url: http://fraud-service:8080/v1/score`,
        ]),
      ],
    })),
  });
}

describe('readProxyEnv and isExemptFromProxy', () => {
  it('reads the proxy names in any case, the proxy without its credentials, and NO_PROXY', () => {
    const p = readProxyEnv([{ name: 'https_proxy', value: 'http://bot:s3cret@proxy.corp:3128' }, { name: 'NO_PROXY', value: 'localhost, .svc' }]);
    expect(p?.names).toEqual(['https_proxy']);
    expect(p?.proxy).toBe('proxy.corp:3128');
    expect(p?.noProxy).toEqual(['localhost', '.svc']);
    expect(readProxyEnv([{ name: 'LOG_LEVEL', value: 'info' }])).toBeUndefined();
  });

  it('says when NO_PROXY may come from where the env does not show it', () => {
    expect(readProxyEnv([{ name: 'HTTP_PROXY', value: PROXY }], [{ kind: 'configMap', name: 'proxy-settings' }])?.unseenNoProxy).toContain('configMap proxy-settings');
    expect(readProxyEnv([{ name: 'HTTP_PROXY', value: PROXY }, { name: 'NO_PROXY', ref: { kind: 'configMap', name: 'proxy', key: 'no_proxy' } }])?.unseenNoProxy).toContain('configMap proxy/no_proxy');
  });

  it('matches hosts the way HTTP clients do: domain suffixes, exact names, IPs and CIDRs, *', () => {
    expect(isExemptFromProxy('ledger.accounts.svc.cluster.local', ['.cluster.local'])).toBe(true);
    expect(isExemptFromProxy('ledger.accounts.svc', ['svc'])).toBe(true);
    expect(isExemptFromProxy('fraud-service', ['.svc', '.cluster.local'])).toBe(false);
    expect(isExemptFromProxy('172.20.14.9', ['172.20.0.0/16'])).toBe(true);
    expect(isExemptFromProxy('172.21.14.9', ['172.20.0.0/16'])).toBe(false);
    expect(isExemptFromProxy('anything', ['*'])).toBe(true);
  });
});

describe('analyzeProxyEnv: a proxy in the env sends in-cluster calls to the proxy', () => {
  it('names the proxy variables, the proxy, the in-cluster hosts it refuses and the revision that added it', () => {
    const [f] = analyzeProxyEnv(proxied());
    expect(f?.kind).toBe('proxy-env');
    expect(f?.title).toMatch(/HTTPS_PROXY and http_proxy/);
    expect(f?.title).toContain('squid.corp.example.net:3128');
    expect(f?.title).toContain('no NO_PROXY');
    expect(f?.title).toContain('ledger.accounts.svc.cluster.local');
    expect(f?.title).toContain('fraud-service');
    expect(f?.title).toMatch(/403/);
    expect(f?.confidence).toBe('high');
    expect(f?.decisive).toMatch(/ERR_ACCESS_DENIED/);
    expect(f?.evidence.join('\n')).toMatch(/revision 7 added HTTPS_PROXY, http_proxy/);
    expect(f?.evidence.join('\n')).toMatch(/outside .*ACQUIRER_API .*authorize ok/);
    // A bare Service name is not covered by ".svc": the fix lists it, and the cluster's CIDRs.
    expect(f?.fix).toMatch(/NO_PROXY=localhost,127\.0\.0\.1,\.svc,\.svc\.cluster\.local,\.cluster\.local,fraud-service,<Service CIDR>,<pod CIDR>/);
    expect(f?.fix).toMatch(/no_proxy/);
  });

  it('says which NO_PROXY entries fall short when one is set', () => {
    const [f] = analyzeProxyEnv(proxied({ env: [...WITH_PROXY, { name: 'NO_PROXY', value: 'localhost,127.0.0.1' }] }));
    expect(f?.title).toContain('NO_PROXY "localhost,127.0.0.1" does not cover them');
  });

  it('says nothing when NO_PROXY covers the hosts called', () => {
    expect(analyzeProxyEnv(proxied({ env: [...WITH_PROXY, { name: 'no_proxy', value: '.cluster.local,fraud-service' }] }))).toEqual([]);
  });

  it('does not count the proxy\'s own in-cluster address as a call sent through it', () => {
    const inCluster = 'http://squid.egress.svc.cluster.local:3128';
    const ev = proxied({ env: [...BASE, { name: 'HTTPS_PROXY', value: inCluster }] });
    ev.logs = ev.logs.map((l) => ({ ...l, lines: [0, 1, 2].map(() => `${at(3)} ERROR payments.acquirer authorize failed: ProxyError('Unable to connect to proxy', NewConnectionError('Failed to establish a new connection: [Errno 111] Connection refused')) proxy=${inCluster}`) }));
    expect(analyzeProxyEnv(ev)).toEqual([]);
  });

  it('says nothing without a proxy in the env, whatever the logs say', () => {
    expect(analyzeProxyEnv(proxied({ env: BASE }))).toEqual([]);
  });

  it('is less sure when NO_PROXY may come from an envFrom source, or when no line shows the proxy answering', () => {
    expect(analyzeProxyEnv(proxied({ envFrom: true }))[0]?.confidence).toBe('medium');
    expect(analyzeProxyEnv(proxied({ proxyWords: false }))[0]?.confidence).toBe('medium');
    expect(analyzeProxyEnv(proxied({ proxyWords: false, oldEnv: WITH_PROXY }))[0]?.confidence).toBe('low');
  });
});

describe('the verdict on a proxy without NO_PROXY', () => {
  it('leads with the proxy and the revision that added it, rolls back meanwhile and says to set NO_PROXY', () => {
    const r = buildTriageReport(proxied(), times);
    expect(r.verdict).toBe('problems');
    expect(r.headline).toMatch(/^Since revision 7 \([^)]*env added (HTTPS_PROXY|http_proxy)/);
    expect(r.headline).toMatch(/proxy squid\.corp\.example\.net:3128/);
    expect(r.headline).toContain('Roll back to revision 6, or add NO_PROXY=');
    expect(r.headline).not.toMatch(/ledger[^\n]*(down|unavailable|unhealthy)/i);
  });
});
