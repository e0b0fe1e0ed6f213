import { describe, expect, it } from 'vitest';
import { analyzeJvmDnsCache } from '../../../../src/domain/triage/analyzers/jvm-dns-cache.js';
import { keepDnsCacheLines, pickDnsCacheConfigReads } from '../../../../src/domain/triage/dns-cache-split.js';
import type { LogEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { baseEvidence, container, minutesAgo, pod } from '../scenarios/builders.js';

const HOST = 'billing-db.cluster-x1.eu-west-1.rds.amazonaws.com';
const jvm = container({
  env: [{ name: 'JAVA_TOOL_OPTIONS', value: '-Djava.security.properties=/etc/jvm/java.security -Xmx512m' }],
  volumeMounts: [{ name: 'jvm-security', mountPath: '/etc/jvm', readOnly: true }],
});
const volumes = [{ name: 'jvm-security', source: 'configMap' as const, ref: 'billing-jvm-security' }];

/** Three pods up for days fail on the host's old address; two started 20 minutes ago reach its new one. */
function scenario(opts: { youngFail?: boolean } = {}): TriageEvidence {
  const old = [0, 1, 2].map((i) => pod(i, { containers: [jvm], volumes, startTime: minutesAgo(5 * 24 * 60), createdAt: minutesAgo(5 * 24 * 60) }));
  const young = [3, 4].map((i) => pod(i, { containers: [jvm], volumes, startTime: minutesAgo(20), createdAt: minutesAgo(20) }));
  const failLog = (p: string): LogEvidence => ({ pod: p, container: 'app', previous: false, lines: [`2026-11-21 03:00:00.000  WARN 1 --- [housekeeper] c.e.db.Probe : connect to ${HOST}/10.1.4.17:5432 failed after 10000 ms`, 'Caused by: java.net.SocketTimeoutException: Connect timed out'] });
  const okLog = (p: string): LogEvidence => ({ pod: p, container: 'app', previous: false, lines: [`2026-11-21 02:55:00.000  INFO 1 --- [main] c.e.db.Probe : connected to ${HOST}/10.1.9.200:5432 in 9 ms`] });
  const logs = [...old.map((p) => failLog(p.name)), ...young.map((p) => (opts.youngFail ? failLog(p.name) : okLog(p.name)))];
  return { ...baseEvidence({ pods: [...old, ...young] }), logs, dnsCacheConfig: [{ configMap: 'billing-jvm-security', key: 'java.security', setting: 'networkaddress.cache.ttl', seconds: -1 }] };
}

describe('JVMs that cache a host\'s address forever after it moved', () => {
  it('names the cache setting, the stale address and the split by start time; restart first, then a finite TTL', () => {
    const [f] = analyzeJvmDnsCache(scenario());
    expect(f?.kind).toBe('dns-cache-stale');
    expect(f?.title).toMatch(/JVMs cache DNS forever \(networkaddress\.cache\.ttl=-1 \(ConfigMap billing-jvm-security, key java\.security\)\): 3 pods started before .* stale address 10\.1\.4\.17 .* 2 younger pods reach it at 10\.1\.9\.200/);
    expect(f?.nextAction).toMatch(/^Mitigate: restart the pods/);
    expect(f?.fix).toMatch(/^restart the pods .* networkaddress\.cache\.ttl to a short value/);
  });

  it('says nothing when the younger pods fail the same way', () => {
    expect(analyzeJvmDnsCache(scenario({ youngFail: true }))).toEqual([]);
  });

  it('says nothing when the JVM caches DNS for a short time', () => {
    const ev = scenario();
    expect(analyzeJvmDnsCache({ ...ev, dnsCacheConfig: [{ configMap: 'billing-jvm-security', key: 'java.security', setting: 'networkaddress.cache.ttl', seconds: 30 }] })).toEqual([]);
  });

  it('reads the ConfigMap the security file is mounted from only on that split, and keeps only the TTL lines', () => {
    const ev = scenario();
    expect(pickDnsCacheConfigReads({ logs: ev.logs, pods: ev.pods })).toEqual([{ configMap: 'billing-jvm-security' }]);
    expect(pickDnsCacheConfigReads({ logs: scenario({ youngFail: true }).logs, pods: ev.pods })).toEqual([]);
    expect(keepDnsCacheLines('cm', { 'java.security': '# pin\nnetworkaddress.cache.ttl=-1\njdk.tls.disabledAlgorithms=SSLv3\n' })).toEqual([{ configMap: 'cm', key: 'java.security', setting: 'networkaddress.cache.ttl', seconds: -1 }]);
  });
});
