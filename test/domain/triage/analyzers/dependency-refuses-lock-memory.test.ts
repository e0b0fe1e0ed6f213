// A server's capacity setting that a client's failure turns on: MySQL's ERROR 1206 (the row locks
// of one transaction outgrow the part of the InnoDB buffer pool they may take) after the pool was
// cut, and Redis's "ERR max number of clients reached" once replicas × pool size pass maxclients.
// The server is found by its port when the client's address is out of sight, its ConfigMap read
// for the setting, and a rollout of the server since a recurring client's last good run named.
import { describe, expect, it } from 'vitest';
import { analyzeDependencyRefusals, listRefusingServices, listServerConfigReads } from '../../../../src/domain/triage/analyzers/dependency-refuses.js';
import { analyzeFailedJobs } from '../../../../src/domain/triage/analyzers/job-failed.js';
import type { ServerConfigEvidence } from '../../../../src/domain/triage/evidence-server-config.js';
import type { ServerRolloutEvidence } from '../../../../src/domain/triage/evidence-server-rollout.js';
import type { JobEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { readMaxClients } from '../../../../src/domain/triage/redis-max-clients.js';
import { NOW, baseEvidence, container, minutesAgo, pod, revision, revisionContainer, service, terminated, workload } from '../scenarios/builders.js';

const HOUR = 60;
const DAY = 24 * HOUR;
const JOB = 'invoice-compactor-7';
const LOCKS = 'ERROR 1206 (HY000) at line 3: The total number of locks exceeds the lock table size';

function jobRun(name: string, agoMinutes: number, ok: boolean): JobEvidence {
  return {
    name, createdAt: minutesAgo(agoMinutes), startTime: minutesAgo(agoMinutes), active: 0, succeeded: ok ? 1 : 0, failed: ok ? 0 : 3, backoffLimit: 2, completions: 1,
    ...(ok ? { completionTime: minutesAgo(agoMinutes - 15) } : {}),
    conditions: [ok
      ? { type: 'Complete', status: 'True', lastTransitionTime: minutesAgo(agoMinutes - 15) }
      : { type: 'Failed', status: 'True', reason: 'BackoffLimitExceeded', message: 'Job has reached the specified backoff limit', lastTransitionTime: minutesAgo(agoMinutes - 12) }],
  };
}

function mysqlScenario(opts: { config?: ServerConfigEvidence[]; rollout?: ServerRolloutEvidence; lastGoodAgo?: number } = {}): TriageEvidence {
  // The client's address is in a script it runs, out of sight: only its password comes from a Secret.
  const env = [{ name: 'MYSQL_PWD', ref: { kind: 'secret' as const, name: 'compactor-db', key: 'password' } }];
  const pods = [0, 1, 2].map((i) => pod(i, { name: `${JOB}-q${i}`, jobName: JOB, phase: 'Failed', ready: false, revisionHash: undefined, labels: { 'job-name': JOB }, containers: [container({ name: 'compact', env, ports: [], probes: {}, ready: false, state: terminated(1, 'Error', 30 - 5 * i) })] }));
  const server = pod(7, { name: 'archive-db-0', labels: { app: 'archive-db' }, revisionHash: 'archive-db-5d8c7b9f4', containers: [container({ name: 'mysqld' })], volumes: [{ name: 'conf', source: 'configMap', ref: 'archive-db-cnf' }] });
  const jobs = [jobRun(JOB, 32, false), ...(opts.lastGoodAgo !== undefined ? [jobRun('invoice-compactor-6', opts.lastGoodAgo, true)] : [])];
  return {
    ...baseEvidence({
      target: { service: 'invoice-compactor', namespace: 'payments', kind: 'CronJob', name: 'invoice-compactor', context: 'prod' },
      workload: workload({ kind: 'CronJob', name: 'invoice-compactor' }),
      pods,
      services: [service({ name: 'archive-db', selector: { app: 'archive-db' }, ports: [{ name: 'mysql', port: 3306, targetPort: 'mysql', protocol: 'TCP' }] })],
      logs: pods.map((p) => ({ pod: p.name, container: 'compact', previous: false, lines: ['compacting invoices of the month', LOCKS] })),
      dependencyPods: [{ service: 'archive-db', pod: server, logs: [], ...(opts.config ? { config: opts.config } : {}), ...(opts.rollout ? { rollout: opts.rollout } : {}) }],
      jobs,
    }),
    collectedAt: NOW,
  };
}

const POOL: ServerConfigEvidence = { configMap: 'archive-db-cnf', key: 'tuning.cnf', setting: 'innodb_buffer_pool_size', value: '512M', editedAt: minutesAgo(30 * HOUR) };
const server = (memory: string, rev: number, hash: string, agoMinutes: number) =>
  revision({ revision: rev, hash }, minutesAgo(agoMinutes), { name: `archive-db-${hash}`, containers: [revisionContainer({ name: 'mysqld', env: [], envFrom: [], resources: { requests: { memory }, limits: { memory } } })] });
const CUT: ServerRolloutEvidence = { statefulSet: 'archive-db', current: server('2Gi', 9, '5d8c7b9f4', 30 * HOUR), previous: server('16Gi', 8, '7f6b5c4d3', 90 * DAY) };

describe('MySQL ERROR 1206: row locks outgrow the InnoDB buffer pool', () => {
  it('finds the server by its port when the address is out of sight, then reads the ConfigMap it mounts for the pool size', () => {
    const ev = mysqlScenario();
    expect(listRefusingServices(ev)).toEqual(['archive-db']);
    expect(listServerConfigReads(ev, ev.dependencyPods ?? [])).toEqual([{ service: 'archive-db', configMaps: ['archive-db-cnf'], settings: ['innodb_buffer_pool_size'] }]);
  });

  it('names the buffer pool, its size and where it is set, and advises raising it or smaller transactions', () => {
    const [f] = analyzeDependencyRefusals(mysqlScenario({ config: [POOL] }));
    expect(f?.title).toMatch(/^MySQL archive-db aborts transactions whose row locks outgrow its InnoDB buffer pool \(ERROR 1206/);
    expect(f?.title).toContain('archive-db-cnf sets innodb_buffer_pool_size = 512M');
    expect(f?.likelyCause).toContain('innodb_buffer_pool_size 512M (set in ConfigMap archive-db-cnf (tuning.cnf))');
    expect(f?.fix).toMatch(/^raise innodb_buffer_pool_size in ConfigMap archive-db-cnf .*smaller transactions/);
    expect(f?.outsideWorkload).toBeDefined();
  });

  it('is the cause a failed run states, with the server rollout made since its last good run as the since', () => {
    const [f] = analyzeFailedJobs(mysqlScenario({ config: [POOL], rollout: CUT, lastGoodAgo: 2 * DAY }));
    expect(f?.title).toMatch(new RegExp(`^Job ${JOB} failed: BackoffLimitExceeded — 3 pods exited 1 \\(backoffLimit 2\\): MySQL archive-db aborts .*innodb_buffer_pool_size = 512M, edited 1d 6h ago`));
    expect(f?.title).toMatch(/StatefulSet archive-db rolled to revision 9 1d 6h ago \(mysqld memory [a-z]+: 16Gi → 2Gi\), after the last successful run \(1d 23h ago\)/);
    expect(f?.datesChange).toBe(true);
  });

  it('does not call a server change older than a day news when the run succeeded after it', () => {
    const [f] = analyzeFailedJobs(mysqlScenario({ config: [{ ...POOL, editedAt: minutesAgo(40 * HOUR) }], rollout: CUT, lastGoodAgo: 20 * HOUR }));
    expect(f?.title).toContain('innodb_buffer_pool_size = 512M');
    expect(f?.title).not.toMatch(/rolled to revision|edited/);
  });

  it('says nothing of the pool when no setting of the server sizes it', () => {
    expect(analyzeDependencyRefusals(mysqlScenario())).toEqual([]);
  });
});

describe('Redis at its maxclients', () => {
  const REFUSED = (m: number) => `{"level":"error","ts":"${minutesAgo(m)}","msg":"session lookup failed","error":"ERR max number of clients reached"}`;
  function redisScenario(pool: string): TriageEvidence {
    const env = [{ name: 'REDIS_URL', value: 'redis://sessions-redis.payments.svc:6379/0' }, { name: 'REDIS_MAX_CONNECTIONS', value: pool }];
    const pods = [0, 1, 2, 3].map((i) => pod(i, { containers: [container({ env })] }));
    const redis = pod(8, { name: 'sessions-redis-0', labels: { app: 'sessions-redis' }, containers: [container({ name: 'redis' })], volumes: [{ name: 'conf', source: 'configMap', ref: 'sessions-redis-conf' }] });
    return baseEvidence({
      pods,
      workload: workload({ specReplicas: 4 }),
      logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines: [REFUSED(9), REFUSED(3)] })),
      dependencyPods: [{ service: 'sessions-redis', pod: redis, logs: [], config: [{ configMap: 'sessions-redis-conf', key: 'redis.conf', setting: 'maxclients', value: '500' }] }],
    });
  }

  it('reads maxclients from the ConfigMap the server mounts', () => {
    const ev = redisScenario('150');
    expect(listRefusingServices(ev)).toEqual(['sessions-redis']);
    expect(listServerConfigReads(ev, [{ ...ev.dependencyPods![0]!, config: undefined }])).toEqual([{ service: 'sessions-redis', configMaps: ['sessions-redis-conf'], settings: ['maxclients'] }]);
  });

  it("names maxclients, the replicas × pool size the workload may open, and the fix on both sides", () => {
    const [f] = analyzeDependencyRefusals(redisScenario('150'));
    expect(f?.title).toMatch(/^Redis sessions-redis refuses connections: it is at its maxclients/);
    expect(f?.title).toContain('sessions-redis-conf sets maxclients = 500');
    expect(f?.title).toContain('4 replicas × REDIS_MAX_CONNECTIONS 150 = 600 connections');
    expect(f?.likelyCause).toContain('these pods alone may open 4 replicas × REDIS_MAX_CONNECTIONS 150 = 600 connections, more than it allows before any other client');
    expect(f?.fix).toMatch(/^lower REDIS_MAX_CONNECTIONS=150 in the pod template .*raise maxclients in ConfigMap sessions-redis-conf \(its redis\.conf sets 500\)/);
    expect(f?.scalesWithReplicas).toBe(true);
  });

  it("puts the fault on the clients' connections, not on Redis, and quotes the server's reply however the client logs it", () => {
    const [f] = analyzeDependencyRefusals(redisScenario('150'));
    expect(f?.decisive).toBe('ERR max number of clients reached');
    expect(f?.likelyCause).toMatch(/Redis itself is healthy/);
    expect(f?.likelyCause).not.toMatch(/fault is on the Redis side|restarting/);
    expect(f?.nextAction).toMatch(/^Fix the connections these pods open to Redis sessions-redis:/);
  });

  it('does not claim the workload alone passes the cap when its pools fit under it', () => {
    expect(readMaxClients([{ setting: 'maxclients', value: '500', where: 'ConfigMap c (redis.conf)' }], { replicas: 4, variable: 'POOL', perPod: 50 })?.why).not.toMatch(/alone/);
    expect(readMaxClients([{ setting: 'maxclients', value: 'unlimited', where: 'x' }])).toBeUndefined();
  });
});
