import { describe, expect, it } from 'vitest';
import { analyzeIndexRefreshLeftOff } from '../../../src/domain/triage/analyzers/index-refresh-left-off.js';
import { keepIndexSettingLines, needsLeftSettingJobs, pickLeftSettingRuns } from '../../../src/domain/triage/left-index-settings.js';
import type { NamespaceJobEvidence } from '../../../src/domain/triage/evidence.js';
import { NOW, baseEvidence, event, minutesAgo, pod } from './scenarios/builders.js';

const SEARCH = '{"ts":"2026-11-21T03:10:00Z","level":"info","msg":"search","q":"SKU-4411","index":"catalog","hits":0,"status":200}';
const OFF = '2026-11-20 17:35:00,000 INFO loader: step 1/3 PUT /catalog_v3/_settings {"index":{"refresh_interval":"-1","number_of_replicas":0}} -> 200';
const ON = '2026-11-20 18:35:00,000 INFO loader: step 3/3 PUT /catalog_v3/_settings {"index":{"refresh_interval":"1s","number_of_replicas":1}} -> 200';
const gaveUp = (ago: number) => event({ object: { kind: 'Job', name: 'catalog-load' }, reason: 'BackoffLimitExceeded', message: 'Job has reached the specified backoff limit', type: 'Warning', lastSeen: minutesAgo(ago), firstSeen: minutesAgo(ago) });
const run = (name: string, finishedAgo: number, state: NamespaceJobEvidence['state'] = 'failed'): NamespaceJobEvidence => ({ name, createdAt: minutesAgo(finishedAgo + 50), finishedAt: minutesAgo(finishedAgo), state });

function scenario(jobLines: string[]) {
  const pods = [pod(0), pod(1)];
  const base = baseEvidence({ pods, logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines: [SEARCH] })) });
  return { ...base, leftSettingJobLogs: [{ job: 'catalog-load', pod: 'catalog-load-x7k2p', container: 'load', createdAt: minutesAgo(580), finishedAt: minutesAgo(530), terminated: { reason: 'OOMKilled', exitCode: 137 }, lines: jobLines }] };
}

describe('a search index left with its refresh off by a Job that died', () => {
  it('asks for the failed Jobs only when the workload uses a search index and a Job gave up within the day', () => {
    const target = { kind: 'Deployment' as const };
    const logs = [{ pod: 'a', container: 'app', previous: false, lines: [SEARCH] }];
    expect(needsLeftSettingJobs({ target, logs, warnings: [gaveUp(500)] }, NOW)).toBe(true);
    expect(needsLeftSettingJobs({ target, logs, warnings: [gaveUp(3000)] }, NOW)).toBe(false);
    expect(needsLeftSettingJobs({ target, logs: [{ ...logs[0]!, lines: ['GET /healthz 200'] }], warnings: [gaveUp(500)] }, NOW)).toBe(false);
    expect(pickLeftSettingRuns({ jobs: [run('old', 3000), run('catalog-load', 530), run('ok', 20, 'complete')], complete: true }, NOW).map((j) => j.name)).toEqual(['catalog-load']);
  });

  it('keeps only the lines that change index settings', () => {
    expect(keepIndexSettingLines(['starting', OFF, 'bulk 3/9 indexed=30000'])).toEqual([OFF]);
  });

  it('reads refresh_interval -1 set by a Job that failed before restoring it as writes that never become searchable', () => {
    const [f] = analyzeIndexRefreshLeftOff(scenario([OFF]));
    expect(f?.title).toBe('Index catalog_v3 does not refresh: Job catalog-load 9h 40m ago set its refresh_interval to -1 (and its replicas to 0) for a bulk load and failed 8h 50m ago (OOMKilled, exit 137) before restoring it, so writes are acknowledged but new and changed documents never become searchable (2 searches of the workload found nothing)');
    expect(f?.datesChange).toBe(true);
    expect(f?.outsideWorkload).toBeDefined();
    expect(f?.nextAction).toMatch(/^Turn refresh back on now: PUT \/catalog_v3\/_settings/);
  });

  it('takes a load that restored the setting for nothing', () => {
    expect(analyzeIndexRefreshLeftOff(scenario([OFF, ON]))).toEqual([]);
  });
});
