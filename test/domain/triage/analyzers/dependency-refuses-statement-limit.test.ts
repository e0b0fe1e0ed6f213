// A statement time limit the server sets for every session (MySQL's global max_execution_time in
// its my.cnf, Postgres's statement_timeout on its command line): long queries abort on every run.
// Named only when the server's own settings set a limit above 0, and not when the client sets its
// own session limit (which overrides the server's); a failed Job that met it says so as its cause.
import { describe, expect, it } from 'vitest';
import { analyzeDependencyRefusals, listRefusingServices, listServerConfigReads } from '../../../../src/domain/triage/analyzers/dependency-refuses.js';
import { analyzeFailedJobs } from '../../../../src/domain/triage/analyzers/job-failed.js';
import type { ServerConfigEvidence } from '../../../../src/domain/triage/evidence-server-config.js';
import type { EnvVarEvidence, JobEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { NOW, baseEvidence, container, minutesAgo, pod, terminated } from '../scenarios/builders.js';

const JOB = 'ledger-rollup-41';
const MYSQL_ABORT = (t: string) => [
  `${t} ERROR rollup: query totals failed after 3.00s`,
  'Traceback (most recent call last):',
  '  File "/app/rollup.py", line 20, in run',
  "pymysql.err.OperationalError: (3024, 'Query execution was interrupted, maximum statement execution time exceeded')",
];
const PG_CANCEL = (t: string) => [`${t} ERROR rollup: psycopg2.errors.QueryCanceled: canceling statement due to statement timeout`];

function scenario(opts: { server: 'MySQL' | 'PostgreSQL'; config?: ServerConfigEvidence[]; serverArgs?: string[]; env?: EnvVarEvidence[] }): TriageEvidence {
  const mysql = opts.server === 'MySQL';
  const env: EnvVarEvidence[] = [mysql ? { name: 'MYSQL_HOST', value: 'ledger-db.payments.svc.cluster.local' } : { name: 'PGHOST', value: 'ledger-db.payments.svc.cluster.local' }, ...(opts.env ?? [])];
  const pods = [0, 1, 2].map((i) => pod(i, { name: `${JOB}-p${i}`, jobName: JOB, phase: 'Failed', ready: false, revisionHash: undefined, containers: [container({ name: 'rollup', env, ports: [], probes: {}, ready: false, state: terminated(1, 'Error', 30 - 5 * i) })] }));
  const server = pod(7, { name: 'ledger-db-0', labels: { app: 'ledger-db' }, containers: [container({ name: 'db', args: opts.serverArgs ?? [] })], volumes: [{ name: 'conf', source: 'configMap', ref: 'ledger-db-conf' }] });
  const job: JobEvidence = {
    name: JOB, createdAt: minutesAgo(32), startTime: minutesAgo(32), active: 0, succeeded: 0, failed: 3, backoffLimit: 2, completions: 1,
    conditions: [{ type: 'Failed', status: 'True', reason: 'BackoffLimitExceeded', message: 'Job has reached the specified backoff limit', lastTransitionTime: minutesAgo(20) }],
  };
  return {
    ...baseEvidence({
      pods,
      logs: pods.map((p, i) => ({ pod: p.name, container: 'rollup', previous: false, lines: (mysql ? MYSQL_ABORT : PG_CANCEL)(minutesAgo(30 - 5 * i)) })),
      dependencyPods: [{ service: 'ledger-db', pod: server, logs: [], ...(opts.config ? { config: opts.config } : {}) }],
      jobs: [job],
    }),
    collectedAt: NOW,
  };
}

const EDITED = minutesAgo(10 * 60);

describe("a server's global statement time limit", () => {
  it('reads the server pod, then the ConfigMap it mounts for the limit', () => {
    const ev = scenario({ server: 'MySQL' });
    expect(listRefusingServices(ev)).toEqual(['ledger-db']);
    expect(listServerConfigReads(ev, ev.dependencyPods ?? [])).toEqual([{ service: 'ledger-db', configMaps: ['ledger-db-conf'], settings: ['max_execution_time'] }]);
  });

  it("names MySQL's max_execution_time, its value and where and when it was set", () => {
    const [f] = analyzeDependencyRefusals(scenario({ server: 'MySQL', config: [{ configMap: 'ledger-db-conf', key: 'my.cnf', setting: 'max_execution_time', value: '3000', editedAt: EDITED }] }));
    expect(f?.title).toMatch(/^MySQL ledger-db aborts .*max_execution_time/);
    expect(f?.title).toContain('ledger-db-conf sets max_execution_time = 3000, edited 10h ago');
    expect(f?.likelyCause).toContain('(3s)');
    expect(f?.fix).toMatch(/^raise or remove max_execution_time in ConfigMap ledger-db-conf/);
    expect(f?.datesChange).toBe(true);
    expect(f?.affected?.configMaps).toEqual(['ledger-db-conf']);
  });

  it("names Postgres's statement_timeout set on its command line", () => {
    const [f] = analyzeDependencyRefusals(scenario({ server: 'PostgreSQL', serverArgs: ['postgres', '-c', 'statement_timeout=15s'] }));
    expect(f?.title).toMatch(/^PostgreSQL ledger-db cancels .*statement_timeout/);
    expect(f?.likelyCause).toContain('statement_timeout = 15s (15s)');
  });

  it('says nothing when the limit is 0 (none) or not set: a cancelled statement alone is not this', () => {
    expect(analyzeDependencyRefusals(scenario({ server: 'MySQL', config: [{ configMap: 'ledger-db-conf', key: 'my.cnf', setting: 'max_execution_time', value: '0' }] }))).toEqual([]);
    expect(analyzeDependencyRefusals(scenario({ server: 'MySQL' }))).toEqual([]);
  });

  it('leaves it to the client when the client sets its own session limit, which overrides the server', () => {
    const env = [{ name: 'PGOPTIONS', value: '-c statement_timeout=2000' }];
    expect(analyzeDependencyRefusals(scenario({ server: 'PostgreSQL', serverArgs: ['postgres', '-c', 'statement_timeout=15s'], env }))).toEqual([]);
  });

  it('is the cause a failed Job states, with the limit, its fix and the edit as the since', () => {
    const [f] = analyzeFailedJobs(scenario({ server: 'MySQL', config: [{ configMap: 'ledger-db-conf', key: 'my.cnf', setting: 'max_execution_time', value: '3000', editedAt: EDITED }] }));
    expect(f?.title).toMatch(new RegExp(`^Job ${JOB} failed: BackoffLimitExceeded — 3 pods exited 1 \\(backoffLimit 2\\): MySQL ledger-db aborts .*max_execution_time = 3000, edited 10h ago`));
    expect(f?.nextAction).toMatch(/^Raise or remove max_execution_time in ConfigMap ledger-db-conf/);
    expect(f?.datesChange).toBe(true);
  });
});
