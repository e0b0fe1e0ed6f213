// A client that asks Redis Sentinel for a master set name no Sentinel monitors ("No master found
// for 'mymaster'", "ERR No such master with that name"): when the Sentinel's config in the
// namespace monitors another name (renamed), the finding states both names and the fix.
import { describe, expect, it } from 'vitest';
import { analyzeReadinessProbes } from '../../../../src/domain/triage/analyzers/readiness-probe.js';
import { findAskedMasterName, pickSentinelConfigReads, readSentinelMonitors } from '../../../../src/domain/triage/sentinel-master-name.js';
import { readiness503Scenario } from '../scenarios/probes.js';

const LINE = "redis.exceptions.MasterNotFoundError: No master found for 'mymaster' : Sentinel('10.0.176.52', 26379) - ResponseError: ERR No such master with that name";
const LINES = ['ERROR [store] session lookup failed', 'Traceback (most recent call last):', LINE, 'INFO "GET /readyz HTTP/1.1" 503'];
const CONF = 'port 26379\nsentinel monitor sessions-master redis-0.redis-headless 6379 2\nsentinel down-after-milliseconds sessions-master 60000\n';

describe('a Sentinel client asking for a master set name Sentinel does not monitor', () => {
  it('reads the asked name, the monitored names, and which ConfigMaps to read', () => {
    expect(findAskedMasterName(LINES)).toBe('mymaster');
    expect(findAskedMasterName(['ERR No such master with that name'])).toBe(undefined);
    expect(readSentinelMonitors(CONF)).toEqual(['sessions-master']);
    const objects = [
      { kind: 'ConfigMap' as const, name: 'redis-configuration', keys: ['redis.conf', 'sentinel.conf'] },
      { kind: 'ConfigMap' as const, name: 'app-settings', keys: ['settings.yaml'] },
    ];
    const logs = [{ pod: 'p', container: 'app', previous: false, lines: LINES }];
    expect(pickSentinelConfigReads({ logs, namespaceObjects: objects })).toEqual(['redis-configuration']);
    expect(pickSentinelConfigReads({ logs: [{ ...logs[0]!, lines: ['ok'] }], namespaceObjects: objects })).toEqual([]);
  });

  it('states the name the client asks for and the one Sentinel monitors, and the fix', () => {
    const ev = readiness503Scenario();
    ev.logs = ev.pods.slice(0, 3).map((p) => ({ pod: p.name, container: 'app', previous: false, lines: LINES }));
    ev.sentinelConfig = [{ configMap: 'redis-configuration', key: 'sentinel.conf', monitors: ['sessions-master'] }];
    const [f] = analyzeReadinessProbes(ev);
    expect(f?.title).toMatch(/Sentinel monitors 'sessions-master'/);
    expect(f?.title).toContain("'mymaster'");
    expect(f?.fix).toMatch(/sessions-master/);
    expect(f?.evidence.join('\n')).toContain('ConfigMap redis-configuration');
  });

  it('dates the rename by the ConfigMap\'s last write', () => {
    const ev = readiness503Scenario();
    ev.logs = ev.pods.slice(0, 3).map((p) => ({ pod: p.name, container: 'app', previous: false, lines: LINES }));
    ev.sentinelConfig = [{ configMap: 'redis-configuration', key: 'sentinel.conf', monitors: ['sessions-master'], changedAt: new Date(Date.parse(ev.collectedAt) - 52 * 60_000).toISOString() }];
    const [f] = analyzeReadinessProbes(ev);
    expect(f?.title).toContain('changed 52m ago');
    expect(f?.datesChange).toBe(true);
  });
});
