// Redis answering BUSY: a long Lua script blocks it for every client. The clients' readiness fails
// on it; the decisive line is the BUSY reply, Redis's own "Slow script detected" says it too, and
// the Job that talks to that Redis and started just before the first BUSY is the trigger.
import { describe, expect, it } from 'vitest';
import { analyzeDependencyRefusals, needsServerClientRollouts, needsServerJobRuns } from '../../../../src/domain/triage/analyzers/dependency-refuses.js';
import type { NamespaceJobEvidence, NamespaceRolloutEvidence } from '../../../../src/domain/triage/evidence.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { NOW, baseEvidence, container, minutesAgo, pod, revision, revisionContainer } from '../scenarios/builders.js';

const BUSY = 'BUSY Redis is busy running a script. You can only call SCRIPT KILL or SHUTDOWN NOSCRIPT.';
const stamp = (m: number) => new Date(minutesAgo(m)).getTime();
const client = (m: number) => `{"level":50,"time":${stamp(m)},"err":{"type":"ReplyError","message":"${BUSY}"},"msg":"session store unavailable"}`;
const SLOW = `1:M 21 Nov 2026 02:50:00.000 # Slow script detected: still in execution after 5000 milliseconds. You can try killing the script using the SCRIPT KILL command. Script name is: f_0a1b2c.`;

function job(name: string, startedAgo: number, over: Partial<NamespaceJobEvidence> = {}): NamespaceJobEvidence {
  return { name, owner: { kind: 'CronJob', name: 'session-purge' }, createdAt: minutesAgo(startedAgo), state: 'running', commandAndEnv: ['node', 'purge.js', 'REDIS_URL=redis://sessions-redis.payments.svc.cluster.local:6379/0'], ...over };
}

function blocked(jobs: NamespaceJobEvidence[]) {
  const pods = [0, 1].map((i) => pod(i, { ready: false, containers: [container({ ready: false, env: [{ name: 'REDIS_URL', value: 'redis://sessions-redis.payments.svc.cluster.local:6379/0' }] })] }));
  const redis = pod(7, { name: 'sessions-redis-0', labels: { app: 'sessions-redis' }, containers: [container({ name: 'redis' })] });
  return baseEvidence({
    pods,
    logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines: [client(20), client(12), client(3)] })),
    dependencyPods: [{ service: 'sessions-redis', pod: redis, logs: [{ pod: 'sessions-redis-0', container: 'redis', previous: false, lines: [SLOW] }] }],
    namespaceJobs: { jobs, complete: true },
  });
}

describe('Redis blocked by a long-running script (BUSY)', () => {
  const runs = [
    job('session-purge-100', 20.5, { state: 'complete', finishedAt: minutesAgo(14) }),
    job('session-purge-115', 5),
    job('nightly-report-7', 21, { owner: { kind: 'CronJob', name: 'nightly-report' }, commandAndEnv: ['python', 'report.py', 'DATABASE_URL=postgresql://report@ledger-pg:5432/ledger'] }),
  ];

  it('reads the Jobs of the namespace when the logs say BUSY', () => {
    expect(needsServerJobRuns(blocked([]))).toBe(true);
    expect(needsServerJobRuns(baseEvidence())).toBe(false);
  });

  it("names the script as the mechanism, Redis's own word, and the Job that talks to it as the trigger", () => {
    const [f] = analyzeDependencyRefusals(blocked(runs));
    expect(f?.title).toMatch(/^Redis sessions-redis refuses every command: a long-running Lua script blocks it \(BUSY\) — its own log says a script still ran after 5000 ms/);
    expect(f?.title).toMatch(/since Job session-purge-100 \(CronJob session-purge\) started 30s before the first BUSY \(20m ago\) and ended 14m ago; its next run, Job session-purge-115, started 5m ago and still runs$/);
    expect(f?.title).not.toMatch(/nightly-report/);
    expect(f?.fix).toMatch(/SCRIPT KILL, suspend CronJob session-purge, .*SCAN/);
    expect(f?.affected?.jobs).toEqual(['session-purge']);
    expect(f?.outsideWorkload).toBeDefined();
  });

  it('puts it in the headline, tied to the CronJob, without the "change to check" hedge or a rollback', () => {
    const report = buildTriageReport(blocked(runs), { startedAt: NOW, finishedAt: NOW });
    expect(report.headline).toMatch(/^Redis sessions-redis refuses every command: a long-running Lua script blocks it \(BUSY\)/);
    expect(report.headline).toMatch(/CronJob session-purge/);
    expect(report.headline).not.toMatch(/a change to check|roll ?back|SHUTDOWN NOSCRIPT/i);
  });

  it('names no Job when none that talks to that Redis ran just before', () => {
    const [f] = analyzeDependencyRefusals(blocked([runs[2] as NamespaceJobEvidence, job('session-purge-1', 200, { state: 'complete', finishedAt: minutesAgo(190) })]));
    expect(f?.title).toMatch(/^Redis sessions-redis refuses every command/);
    expect(f?.title).not.toMatch(/since Job/);
    expect(f?.datesChange).toBeUndefined();
  });
});

describe('Redis blocked by a script another Deployment\'s release began to run (BUSY)', () => {
  /** A Deployment whose newest revision rolled out `ago` minutes ago, its env as given. */
  function rolled(deployment: string, ago: number, env: { name: string; value: string }[]): NamespaceRolloutEvidence {
    const c = (tag: string) => [revisionContainer({ image: `registry.example/${deployment}:${tag}`, env })];
    return { deployment, labels: {}, revisions: [
      revision({ revision: 4, hash: '6c8d9f7b5a' }, minutesAgo(ago), { name: `${deployment}-6c8d9f7b5a`, replicas: 1, containers: c('2.0.0') }),
      revision({ revision: 3, hash: '4b7c6d5e9f' }, minutesAgo(14 * 24 * 60), { name: `${deployment}-4b7c6d5e9f`, replicas: 0, containers: c('1.9.1') }),
    ] };
  }
  const warmer = rolled('cache-warmer', 25, [{ name: 'CACHE_REDIS', value: 'sessions-redis.payments.svc.cluster.local:6379' }]);
  const other = rolled('mail-relay', 22, [{ name: 'SMTP_HOST', value: 'smtp.example.net' }]);

  it('reads the namespace\'s rollouts since the window before the first BUSY', () => {
    expect(needsServerClientRollouts(blocked([]))).toEqual({ since: minutesAgo(20 + 120) });
    expect(needsServerClientRollouts(baseEvidence())).toBeUndefined();
  });

  it('names the Deployment whose env names the Redis and rolled out just before as the likely since, and rolls it back', () => {
    const ev = { ...blocked([]), namespaceRollouts: [other, warmer] };
    const [f] = analyzeDependencyRefusals(ev);
    expect(f?.title).toMatch(/^Redis sessions-redis refuses every command: a long-running Lua script blocks it \(BUSY\)/);
    expect(f?.title).toMatch(/likely since revision 4 of cache-warmer \(25m ago\), another client whose env names sessions-redis$/);
    expect(f?.fix).toMatch(/SCRIPT KILL, roll Deployment cache-warmer back to revision 3/);
    expect(f?.datesChange).toBe(true);
    const report = buildTriageReport(ev, { startedAt: NOW, finishedAt: NOW });
    expect(report.headline).toMatch(/likely since revision 4 of cache-warmer/);
    expect(report.headline).not.toMatch(/no change found|mail-relay/);
  });

  it('keeps the Job that ran just before over a rollout', () => {
    const ev = { ...blocked([job('session-purge-100', 20.5)]), namespaceRollouts: [warmer] };
    const [f] = analyzeDependencyRefusals(ev);
    expect(f?.title).toMatch(/since Job session-purge-100/);
    expect(f?.title).not.toMatch(/cache-warmer/);
  });
});
