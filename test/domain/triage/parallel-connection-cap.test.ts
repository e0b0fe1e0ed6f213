import { describe, expect, it } from 'vitest';
import type { JobEvidence, TriageEvidence } from '../../../src/domain/triage/evidence.js';
import { findJobTemplateChange } from '../../../src/domain/triage/job-template-change.js';
import { findParallelConnectionCap } from '../../../src/domain/triage/parallel-connection-cap.js';
import { buildTriageReport } from '../../../src/domain/triage/triage-report.js';
import { NOW, container, minutesAgo, pod, revisionContainer, terminated } from './scenarios/builders.js';
import { cronJob } from './scenarios/cron-jobs.js';

const NAME = 'invoice-push';
const IMAGE = 'registry.example.com/batch/invoice-push:2.4.0';
const DAY = 24 * 60;
const template = (workers: string) => [revisionContainer({ name: 'push', image: IMAGE, env: [{ name: 'REMOTE', value: 'drop.vendor.example' }, { name: 'WORKERS', value: workers }], envFrom: [], command: ['/bin/push.sh'] })];

function run(name: string, agoMinutes: number, atOnce: number, outcome: { succeeded: number; failed: number }): JobEvidence {
  const end = minutesAgo(agoMinutes - 5);
  const ok = outcome.failed === 0;
  return {
    name, createdAt: minutesAgo(agoMinutes), startTime: minutesAgo(agoMinutes), active: 0, ...outcome, backoffLimit: 3, parallelism: atOnce, completions: atOnce,
    conditions: ok ? [{ type: 'Complete', status: 'True', lastTransitionTime: end }] : [{ type: 'Failed', status: 'True', reason: 'BackoffLimitExceeded', message: 'Job has reached the specified backoff limit', lastTransitionTime: end }],
    ...(ok ? { completionTime: end } : {}),
    containers: template(String(atOnce)),
  };
}

const SSH_CUT = [
  '2026-11-21T01:10:02Z push.sh: part ready, connecting to drop.vendor.example',
  'kex_exchange_identification: read: Connection reset by peer',
  'Connection reset by 198.51.100.20 port 22',
  '2026-11-21T01:10:03Z push.sh: transfer failed (exit 255)',
];
const SSH_AUTH = [
  '2026-11-21T01:10:02Z push.sh: part ready, connecting to drop.vendor.example',
  'push@drop.vendor.example: Permission denied (publickey).',
  '2026-11-21T01:10:03Z push.sh: transfer failed (exit 255)',
];
const PG_FULL = [
  '2026-11-21T01:10:02Z loader: opening connection to warehouse-db:5432',
  'psql: error: connection to server at "warehouse-db" (10.0.9.14), port 5432 failed: FATAL:  sorry, too many clients already',
  '2026-11-21T01:10:02Z loader: load failed (exit 2)',
];

/**
 * Tonight's run starts `atOnce` pods where the good runs before started 3: some pods completed,
 * the others logged `lines` and exited 255.
 */
function partlyCutOff(opts: { atOnce: number; lines: readonly string[]; succeeded?: number }): TriageEvidence {
  const succeeded = opts.succeeded ?? 4;
  const failed = opts.atOnce - succeeded;
  const jobs = [run(`${NAME}-300`, 30, opts.atOnce, { succeeded, failed }), run(`${NAME}-200`, DAY + 30, 3, { succeeded: 3, failed: 0 }), run(`${NAME}-100`, 2 * DAY + 30, 3, { succeeded: 3, failed: 0 })];
  const ev = cronJob(NAME, { cron: '10 1 * * *', suspended: false, templateWrittenAt: minutesAgo(9 * 60), templateWrittenBy: 'kubectl-edit' }, jobs);
  const pods = Array.from({ length: opts.atOnce }, (_, i) => {
    const ok = i < succeeded;
    return pod(i, { name: `${NAME}-300-p${i}`, jobName: `${NAME}-300`, phase: ok ? 'Succeeded' : 'Failed', ready: false, revisionHash: undefined, containers: [container({ name: 'push', image: IMAGE, ports: [], probes: {}, ready: false, state: terminated(ok ? 0 : 255, ok ? 'Completed' : 'Error', ok ? 26 : 29) })] });
  });
  const failedPods = pods.slice(succeeded);
  return { ...ev, pods, logs: failedPods.map((p) => ({ pod: p.name, container: 'push', previous: false, lines: [...opts.lines] })), collectedAt: NOW };
}

describe('findParallelConnectionCap', () => {
  it('reads a cut at SSH key exchange in some pods of a run that starts more pods at once than the last good run', () => {
    const ev = partlyCutOff({ atOnce: 8, lines: SSH_CUT });
    const cap = findParallelConnectionCap(ev, ev.jobs?.[0] as JobEvidence);
    expect(cap).toMatchObject({ server: 'sshd', setting: 'MaxStartups', beforeAuth: true, succeeded: 4, atOnce: 8, peer: '198.51.100.20 port 22', before: { run: `${NAME}-200`, atOnce: 3 } });
    expect(cap?.refused).toHaveLength(4);
  });

  it('does not read a cut at key exchange as the cap when the run starts no more pods at once than before', () => {
    const ev = partlyCutOff({ atOnce: 3, lines: SSH_CUT, succeeded: 1 });
    expect(findParallelConnectionCap(ev, ev.jobs?.[0] as JobEvidence)).toBeUndefined();
  });

  it('does not read it when the pods got as far as offering their key and were refused it', () => {
    const ev = partlyCutOff({ atOnce: 8, lines: SSH_AUTH });
    expect(findParallelConnectionCap(ev, ev.jobs?.[0] as JobEvidence)).toBeUndefined();
  });

  it('does not read it when no pod of the run got through', () => {
    const ev = partlyCutOff({ atOnce: 8, lines: SSH_CUT, succeeded: 0 });
    expect(findParallelConnectionCap(ev, ev.jobs?.[0] as JobEvidence)).toBeUndefined();
  });

  it("reads a server that names its cap (too many clients) without needing a raise", () => {
    const ev = partlyCutOff({ atOnce: 3, lines: PG_FULL, succeeded: 1 });
    expect(findParallelConnectionCap(ev, ev.jobs?.[0] as JobEvidence)).toMatchObject({ server: 'PostgreSQL', setting: 'max_connections', beforeAuth: false });
  });
});

describe('findJobTemplateChange', () => {
  it("names a jobTemplate's parallelism and completions beside its pod template", () => {
    const ev = partlyCutOff({ atOnce: 8, lines: SSH_CUT });
    expect(findJobTemplateChange(ev, ev.jobs?.[0] as JobEvidence)?.diff.slice(0, 2)).toEqual(['parallelism: 3 → 8', 'completions: 3 → 8']);
  });
});

describe('a Job run whose extra parallel pods are cut off by the server at connection setup', () => {
  const report = buildTriageReport(partlyCutOff({ atOnce: 8, lines: SSH_CUT }), { startedAt: NOW, finishedAt: NOW });
  const claims = [report.headline, ...report.findings.flatMap((f) => [f.title, f.likelyCause, f.nextAction])].join('\n');

  it('names the simultaneous connections past the server cap as the mechanism and the parallelism raise as the since', () => {
    expect(report.headline).toMatch(/cut off by 198\.51\.100\.20 port 22 at SSH key exchange/);
    expect(report.headline).toMatch(/8 pods connecting at once .*\(sshd MaxStartups\)/);
    expect(report.headline).toMatch(/since the CronJob's jobTemplate changed: parallelism: 3 → 8/);
    expect(report.headline).toMatch(/Set parallelism back to 3/);
  });

  it('blames no login, key or mesh policy for a cut before any key was offered', () => {
    expect(claims).not.toMatch(/Permission denied|authentication|wrong (key|password)|credential|PeerAuthentication/i);
  });
});
