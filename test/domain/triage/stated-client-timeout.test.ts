// A client timeout whose error states its own limit: when the limit is below any round trip, or
// equals a timeout setting the pods read, that setting is the mechanism — not the dependency.
import { describe, expect, it } from 'vitest';
import { buildTriageReport } from '../../../src/domain/triage/triage-report.js';
import { keepSettings, pickSettingConfigReads } from '../../../src/domain/triage/setting-config.js';
import { findOwnClientTimeout, readStatedLimit } from '../../../src/domain/triage/stated-client-timeout.js';
import { NOW, baseEvidence, container, minutesAgo, pod } from './scenarios/builders.js';

const times = { startedAt: '2026-11-21T03:13:55.200Z', finishedAt: '2026-11-21T03:14:01.450Z' };

const failLine = (ago: number, limit: string) => `{"level":"error","time":"${minutesAgo(ago)}","msg":"stock lookup failed: timeout of ${limit} exceeded","code":"ECONNABORTED"}`;

function story(limit: string, data: Record<string, string>) {
  const pods = [0, 1].map((i) => pod(i, { containers: [container({ envFrom: [{ kind: 'configMap', name: 'shop-settings' }] })] }));
  const lines = Array.from({ length: 8 }, (_, i) => failLine(10 - i, limit));
  const ev = baseEvidence({ pods, logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines })) });
  const reads = pickSettingConfigReads({ logs: ev.logs, pods: ev.pods, now: NOW });
  const settingConfig = reads.flatMap((r) => keepSettings(r, r.configMap, data));
  return { ...ev, settingConfig };
}

describe('the limit a timeout error states', () => {
  it('reads ms and seconds', () => {
    expect(readStatedLimit('timeout of 7ms exceeded')?.ms).toBe(7);
    expect(readStatedLimit('Read timed out after 12 ms')?.ms).toBe(12);
    expect(readStatedLimit('request timed out after 0.02s')?.ms).toBe(20);
    expect(readStatedLimit('context deadline exceeded')).toBeUndefined();
  });
});

describe('calls that time out at the client\'s own limit', () => {
  it('reads the timeout keys of the ConfigMap the container takes, only when such an error shows', () => {
    const ev = story('8ms', { STOCK_TIMEOUT_MS: '8', LOG_LEVEL: 'info' });
    expect(ev.settingConfig).toEqual([expect.objectContaining({ mechanism: 'client-timeout', configMap: 'shop-settings', written: 'STOCK_TIMEOUT_MS=8' })]);
  });

  it('names the setting and its value in the headline, not the dependency', () => {
    const r = buildTriageReport(story('8ms', { STOCK_TIMEOUT_MS: '8' }), times);
    expect(r.headline).toMatch(/STOCK_TIMEOUT_MS=8 \(ConfigMap shop-settings\)/);
    expect(r.headline).toMatch(/8 ms/);
    expect(r.headline).not.toMatch(/Check the dependency|NetworkPolicy/);
  });

  it('matches a limit stated in seconds to the setting that holds it', () => {
    const setting = { mechanism: 'client-timeout' as const, configMap: 'shop-settings', key: 'STOCK_TIMEOUT_MS', via: 'envFrom', written: 'STOCK_TIMEOUT_MS=8' };
    const own = findOwnClientTimeout(['stock lookup failed: Read timed out after 0.008s'], undefined, [setting], []);
    expect(own?.setting?.written).toBe('STOCK_TIMEOUT_MS=8');
  });

  it('does not blame a plausible limit, even one a setting states, and reads no ConfigMap for it', () => {
    const ev = story('3000ms', { STOCK_TIMEOUT_SECONDS: '3' });
    expect(ev.settingConfig).toEqual([]);
    expect(findOwnClientTimeout(ev.logs[0]?.lines ?? [], ev.pods[0]?.containers[0], [{ mechanism: 'client-timeout', configMap: 'shop-settings', key: 'STOCK_TIMEOUT_SECONDS', via: 'envFrom', written: 'STOCK_TIMEOUT_SECONDS=3' }], [])).toBeUndefined();
  });

  it('keeps the dependency reading for a plausible limit no setting states', () => {
    const ev = story('5000ms', { LOG_LEVEL: 'info' });
    expect(findOwnClientTimeout(ev.logs[0]?.lines ?? [], ev.pods[0]?.containers[0], ev.settingConfig, [])).toBeUndefined();
    expect(buildTriageReport(ev, times).headline).not.toMatch(/own limit/);
  });
});
