import { describe, expect, it } from 'vitest';
import { analyzeSlowDependency } from '../../../../src/domain/triage/analyzers/slow-dependency.js';
import type { TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { baseEvidence, container, minutesAgo, pod } from '../scenarios/builders.js';

/** A report that ran into the session's statement timeout: the stamped line, then psycopg's traceback. */
function cancelled(time: string): string[] {
  return [
    `2026-11-21 ${time},004 ERROR [report_api.reports.runner] report ar-aging failed after 2003 ms (run_id=rr_8f2c1a)`,
    'Traceback (most recent call last):',
    '  File "/app/report_api/reports/runner.py", line 61, in run',
    '    await cur.execute(report.sql, params)',
    'psycopg.errors.QueryCanceled: canceling statement due to statement timeout',
  ];
}

function reporting(over: Partial<TriageEvidence> = {}): TriageEvidence {
  const pods = [0, 1].map((i) => pod(i, { containers: [container({ envFrom: [{ kind: 'configMap', name: 'report-db' }], env: [{ name: 'WEB_CONCURRENCY', value: '4' }] })] }));
  const lines = [...cancelled('02:43:05'), '2026-11-21 02:44:40,311 INFO [report_api.access] GET /v1/reports/daily-close 200 640ms', ...cancelled('02:46:15'), ...cancelled('02:49:25')];
  return baseEvidence({
    pods,
    logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines })),
    namespaceObjects: [{ kind: 'ConfigMap', name: 'report-db', createdAt: minutesAgo(240 * 24 * 60), changedAt: minutesAgo(38) }],
    timeoutConfig: [{ configMap: 'report-db', key: 'PGOPTIONS', via: 'envFrom', written: 'statement_timeout=2000' }],
    ...over,
  });
}

describe('analyzeSlowDependency on statements cancelled at the pods\' own limit', () => {
  it('names the statement timeout the ConfigMap sets, in milliseconds, not a slow database', () => {
    const [f] = analyzeSlowDependency(reporting());
    expect(f?.title).toBe('Statements are cancelled at the pods\' own statement_timeout=2000 (no unit: 2000 ms = 2s), set by PGOPTIONS in ConfigMap report-db (envFrom): 6 statements cancelled in the logs of 2 pods, so every query longer than 2s fails');
    expect(f?.onset).toBe('2026-11-21T02:43:05.000Z');
    expect(f?.evidence).toContain('ConfigMap report-db was changed 38m ago');
    expect(f?.fix).toBe('set statement_timeout in PGOPTIONS in ConfigMap report-db (envFrom) with a unit, to fit the slowest query (e.g. statement_timeout=30min), or remove it; then restart the pods (they read it at start)');
    expect(`${f?.title} ${f?.nextAction} ${f?.likelyCause}`).not.toMatch(/relieve|roll back/i);
  });

  it('reads the limit from the container\'s own env, and keeps the slow-dependency reading when no limit is seen', () => {
    const env = reporting({ timeoutConfig: [] });
    env.pods = env.pods.map((p) => ({ ...p, containers: [container({ env: [{ name: 'DATABASE_URL', value: 'postgresql://reports@db.internal/finance?options=-c%20statement_timeout%3D1500' }] })] }));
    expect(analyzeSlowDependency(env)[0]?.title).toMatch(/^Statements are cancelled at the pods' own statement_timeout=1500 \(no unit: 1500 ms = 1.5s\), set by env DATABASE_URL:/);
    expect(analyzeSlowDependency(reporting({ timeoutConfig: [] }))[0]?.title).toMatch(/^Slow queries to /);
  });
});
