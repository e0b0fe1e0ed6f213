/**
 * An outside API refuses the workload's calls for their rate (429 Too Many Requests): the pods
 * stay Ready and the probes pass, but what the callers asked for fails (often as 503s). The
 * budget the API counts belongs to the key: when a Job of the namespace that ran while the calls
 * were refused takes the same Secret, it spends that budget — the batch's own rate, not the
 * workload, is what to change, and a rollback of the workload would change nothing.
 */
import type { TriageEvidence } from '../evidence.js';
import { findPod } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { listNodesOf, severityForPods } from '../pod-status.js';
import { formatClock } from '../time-span.js';
import { findRateLimitedCalls } from '../rate-limited-calls.js';
import { findProxyKeyedLimiter } from '../proxy-keyed-limiter.js';
import { describeCadence, describeRun, findSharingJobs } from '../rate-limit-jobs.js';
import type { SharingJobs } from '../rate-limit-jobs.js';

function describeShared(s: SharingJobs): string {
  return s.shared.map((r) => `${r.kind === 'secret' ? 'Secret' : 'ConfigMap'} ${r.name}${r.key ? ` (${r.via})` : ''}`).join(', ');
}

function describeOwner(s: SharingJobs): string {
  return s.owner.kind === 'Job' ? `Job ${s.owner.name}` : `${s.owner.kind} ${s.owner.name}`;
}

export function analyzeUpstreamRateLimit(ev: TriageEvidence): Finding[] {
  if (ev.target.kind === 'Job' || ev.target.kind === 'CronJob') return [];
  const calls = findRateLimitedCalls(ev.logs);
  if (calls === undefined) return [];
  // Its own limiter keyed on an untrusted proxy's address answers those 429s: proxy-keyed-limiter tells that.
  if (findProxyKeyedLimiter(ev.logs) !== undefined) return [];
  const who = ev.target.name;
  const api = calls.hosts[0] ?? 'an outside API';
  const podObjects = calls.pods.flatMap((p) => findPod(ev, p) ?? []);
  // The tails may begin inside the refusals: then they began before the first line read, not at it.
  const fromTailStart = calls.first !== undefined && calls.first === calls.tailStart;
  const since = calls.first ? ` since ${formatClock(calls.first)}${fromTailStart ? ' or earlier' : ''}` : '';
  const answered = calls.served5xx > 0 ? `; ${calls.served5xx} of its own answers 5xx` : '';
  const refused = `${who}'s calls to ${api} are refused 429 Too Many Requests (${calls.hits.length} lines in ${calls.pods.length} pod${calls.pods.length === 1 ? '' : 's'}${answered})`;
  const [sharing] = findSharingJobs(ev, calls);
  // The stream the refusals name as over a per-stream limit: its producer's volume is what spends the budget.
  const stream = calls.overLimit !== undefined ? [`the refusals name stream ${calls.overLimit} as over the limit: what logs into it is what spends the budget`] : [];
  const quoted = [...calls.hits.slice(-3).map((h) => `log ${h.pod}: ${h.line}`), ...stream];
  const base = {
    id: 'rate-limited/upstream',
    kind: 'rate-limited' as const,
    layer: 'network/routing' as const,
    severity: severityForPods(ev, podObjects.length) === 'critical' ? ('critical' as const) : ('warning' as const),
    // The API's own words: the newest refusal that says when to retry or what the limit is.
    decisive: [...calls.hits].reverse().find((h) => /Retry-After|RateLimit/i.test(h.line))?.line ?? calls.hits.at(-1)?.line ?? '',
    ...(calls.first ? { onset: calls.first } : {}),
    outsideWorkload: `${api} counts requests per key: any revision of ${who} calling with that key is refused the same way while the budget is spent`,
    affected: { pods: calls.pods, nodes: listNodesOf(podObjects) },
  };
  if (sharing === undefined) {
    return [{
      ...base,
      title: `${refused} — its rate budget at ${api} is spent`,
      confidence: 'medium',
      evidence: quoted,
      likelyCause: `${api} refuses calls over the rate its key or account is allowed (429, with Retry-After when it says when to come back). Either the workload's own call rate grew (more replicas, retries without backoff, a loop), or something else calls with the same key.`,
      nextAction: `Find what else uses the key for ${api} (other workloads, Jobs, people), and honour Retry-After with backoff; ask for a higher quota if the load is real.`,
      fix: `find what spends the ${api} key's rate budget and honour Retry-After with backoff`,
      confirmCommands: calls.pods.slice(0, 1).map((p) => formatKubectl(ev.target, `logs ${p} --tail=200`)),
    }];
  }
  const owner = describeOwner(sharing);
  const cadence = sharing.owner.kind === 'CronJob' ? describeCadence(sharing.runs) : undefined;
  const newest = sharing.during[0];
  const run = newest ? `Job ${newest.name} ${describeRun(newest, ev.collectedAt)}` : '';
  const title =
    `${refused} while ${owner} runs on the same ${describeShared(sharing)} and spends the key's rate budget` +
    `${cadence ? `: its Jobs start ${cadence}${newest?.state === 'running' ? ', the newest still running' : ''}` : ''}`;
  const suspend = sharing.owner.kind === 'CronJob' ? `suspend ${owner} meanwhile` : `stop ${owner} meanwhile`;
  const suspendCommand = sharing.owner.kind === 'CronJob' ? ` (\`${formatKubectl(ev.target, `patch cronjob ${sharing.owner.name} -p '{"spec":{"suspend":true}}'`)}\`; the bot will not run it)` : '';
  return [{
    ...base,
    title,
    confidence: 'medium',
    datesChange: true,
    // The title names the CronJob (or Job) that spends the key: the verdict need not name it again as what ran before.
    affected: { ...base.affected, jobs: [sharing.owner.name] },
    evidence: [
      ...quoted,
      ...(calls.first ? [`refused${since}${fromTailStart ? ' (the tails read begin inside the refusals)' : ''}, last ${formatClock(calls.last ?? calls.first)}`] : []),
      ...(run ? [`${run}`] : []),
      ...sharing.during.slice(1, 3).map((j) => `Job ${j.name} ${describeRun(j, ev.collectedAt)}`),
      `${owner} and ${who} both take ${describeShared(sharing)}${cadence ? `; ${owner}'s Jobs start ${cadence}` : ''}`,
    ],
    likelyCause: `${api} limits requests per key. ${owner} calls it with the same credential as ${who}, so while its Job runs it takes the key's budget and ${who}'s calls are refused (429) until the window resets; ${who} itself did not change.`,
    nextAction: `Mitigate: ${suspend}${suspendCommand}. Then give ${sharing.owner.name} its own API key (or a share of the quota), or throttle it well under the limit and run it off-peak.`,
    fix: `give ${sharing.owner.name} its own API key or throttle it well under the limit; ${suspend}`,
    confirmCommands: [
      ...calls.pods.slice(0, 1).map((p) => formatKubectl(ev.target, `logs ${p} --tail=200`)),
      ...(newest ? [formatKubectl(ev.target, `logs job/${newest.name} --tail=100`)] : []),
      formatKubectl(ev.target, sharing.owner.kind === 'CronJob' ? `get cronjob ${sharing.owner.name} -o yaml` : `get job ${sharing.owner.name} -o yaml`),
    ],
  }];
}
