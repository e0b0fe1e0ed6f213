import type { ContainerEvidence, LogEvidence, PodEvidence, RevisionEvidence, TriageEvidence } from '../evidence.js';
import { findPod } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { formatKubectl, formatWorkloadRef } from '../kubectl-command.js';
import { listNodesOf, unique } from '../pod-status.js';
import { formatBytes, parseQuantity } from '../quantity.js';
import { listStepsBack } from '../revision-diff.js';
import { readLineTime } from '../request-silence.js';
import { earliest, formatAgo } from '../time-span.js';
import { type ChildCount, readChildCount, readLoggedChildCount } from '../worker-child-count.js';
import { CHILDREN_OF, type ChildKill, type PreforkServer, readChildKills } from '../worker-child-kill.js';

/**
 * Worker children of a pre-forking server SIGKILLed while the container runs on: the kernel's OOM
 * killer inside the container's memory cgroup. Every child shares the container's memory limit,
 * so the child count against that limit is the capacity question: a revision that raised the
 * count (Celery --concurrency, gunicorn --workers, WEB_CONCURRENCY…) or lowered the limit is
 * the trigger, even when the kills wait for the large inputs that fill several children at once.
 */

interface Hit {
  log: LogEvidence;
  kills: ChildKill[];
  count: number;
}

/** The revision that last changed the child count or the memory limit, when it made room tighter. */
interface Tightened {
  revision: RevisionEvidence;
  previous: RevisionEvidence;
  count?: [ChildCount | undefined, ChildCount];
  limit?: [string, string];
}

function findTightening(ev: TriageEvidence, pods: readonly PodEvidence[], container: string, server: PreforkServer): Tightened | undefined {
  for (const [newer, older] of listStepsBack(ev.revisions, pods)) {
    const a = older.containers.find((c) => c.name === container);
    const b = newer.containers.find((c) => c.name === container);
    if (a === undefined || b === undefined) return undefined;
    const [countA, countB] = [readChildCount(a, server), readChildCount(b, server)];
    const [limitA, limitB] = [a.resources.limits['memory'], b.resources.limits['memory']];
    const countChanged = countA?.count !== countB?.count;
    if (!countChanged && limitA === limitB) continue;
    // The nearest change made room looser (fewer children, more memory): not the trigger.
    const more = countB !== undefined && countChanged && (countA === undefined || countB.count > countA.count);
    const less = limitB !== undefined && limitA !== limitB && (limitA === undefined || (parseQuantity(limitB) ?? 0) < (parseQuantity(limitA) ?? 0));
    if (!more && !less) return undefined;
    return { revision: newer, previous: older, ...(more ? { count: [countA, countB] as [ChildCount | undefined, ChildCount] } : {}), ...(less ? { limit: [limitA ?? 'none', limitB] as [string, string] } : {}) };
  }
  return undefined;
}

/** Lost work says most: a line naming the lost job or the server's own guess of memory, else the exit. */
function pickDecisive(hits: readonly Hit[]): ChildKill | undefined {
  const kills = hits.flatMap((h) => h.kills);
  return kills.filter((k) => k.job !== undefined || /out of memory/i.test(k.line)).at(-1) ?? kills.at(-1);
}

function isOomKilled(c: ContainerEvidence | undefined): boolean {
  const states = [c?.state, c?.lastState];
  return states.some((s) => s !== undefined && 'terminated' in s && s.terminated.reason === 'OOMKilled');
}

export function analyzeWorkerChildOom(ev: TriageEvidence): Finding[] {
  const hits: Hit[] = ev.logs.flatMap((log) => {
    if (log.previous || findPod(ev, log.pod) === undefined) return [];
    const { kills, count } = readChildKills(log.lines);
    return count > 0 ? [{ log, kills, count }] : [];
  });
  const findings: Finding[] = [];
  for (const name of unique(hits.map((h) => h.log.container))) {
    const mine = hits.filter((h) => h.log.container === name);
    const pods = mine.flatMap((h) => findPod(ev, h.log.pod) ?? []);
    const specs = pods.map((p) => p.containers.find((c) => c.name === name));
    // The container's own process OOM-killed: the container's OOMKilled tells that story.
    if (specs.some(isOomKilled)) continue;
    const spec = specs[0];
    const server = mine[0]?.kills[0]?.server ?? 'process-pool';
    const children = CHILDREN_OF[server];
    const limit = spec?.resources.limits['memory'];
    const counted = (spec ? readChildCount(spec, server) : undefined) ?? readLoggedChildCount(mine.flatMap((h) => h.log.lines));
    const tight = findTightening(ev, pods, name, server);
    const kills = mine.reduce((n, h) => n + h.count, 0);
    const restarts = specs.reduce((n, c) => n + (c?.restartCount ?? 0), 0);
    const decisive = pickDecisive(mine);

    const inside = restarts === 0 ? 'no container restart' : 'the container itself not OOMKilled';
    const share = counted !== undefined && limit !== undefined ? `, about ${formatBytes((parseQuantity(limit) ?? 0) / counted.count)} each` : '';
    const sharing = limit === undefined
      ? `${counted ? `${counted.count} ` : ''}${children} share the node's memory (container ${name} has no memory limit)`
      : `${counted ? `${counted.count} ` : ''}${children}${counted && !tight?.count ? ` (${counted.setting})` : ''} share the memory limit ${limit} of container ${name}${share}`;
    const countChange = tight?.count ? `${tight.count[1].name} ${tight.count[0]?.count ?? 'unset'} → ${tight.count[1].count}` : undefined;
    const limitChange = tight?.limit ? `memory limit ${tight.limit[0]} → ${tight.limit[1]}` : undefined;
    const changed = tight ? `; revision ${tight.revision.revision} changed ${[countChange, limitChange].filter(Boolean).join(' and ')}` : '';
    const title = `${kills} worker ${kills === 1 ? 'child was' : 'children were'} OOM-killed inside the container (signal 9, ${inside}) in ${pods.length} pod${pods.length === 1 ? '' : 's'}: ${sharing}${changed}`;

    const lower = tight?.count?.[0] ? `lower ${tight.count[1].name} back to ${tight.count[0].count}` : counted ? `lower ${counted.name} (now ${counted.count})` : `run fewer ${children}`;
    const raise = tight?.limit ? `restore the memory limit of ${name} to ${tight.limit[0]}` : `raise the memory limit of ${name}${limit ? ` (${limit})` : ''} to fit ${counted ? `${counted.count} ` : 'all its '}children at their largest`;
    const fix = `${lower}, or ${raise}; send the largest jobs to a queue or deployment with low concurrency`;
    // The kills began at the first one logged; with a tightening, the fault was there as the pods started.
    const firstKill = earliest(mine.flatMap((h) => h.kills.map((k) => readLineTime(k.line))));
    const onset = earliest([firstKill, ...(tight ? pods.map((p) => p.startTime ?? p.createdAt) : [])]);
    const when = tight ? formatAgo(tight.revision.createdAt, ev.collectedAt) : undefined;
    findings.push({
      id: 'resource-exhaustion/worker-children-oom',
      kind: 'resource-exhaustion',
      title,
      ...(tight ? { datesChange: true as const } : {}),
      layer: 'capacity',
      severity: 'warning',
      confidence: limit !== undefined && restarts === 0 ? 'high' : 'medium',
      evidence: [
        ...mine.map((h) => `log ${h.log.pod}/${name}: ${h.count} ${children} killed by signal 9 (SIGKILL)`),
        ...(decisive ? [`log: ${decisive.line.slice(0, 300)}`] : []),
        `${restarts} restart${restarts === 1 ? '' : 's'} of container ${name} in these pods: the main process lives on, only its children die`,
        ...(counted ? [`child count: ${counted.setting}`] : []),
        limit ? `memory limit of ${name}: ${limit}, shared by all its children` : `container ${name} has no memory limit: the node's OOM killer chose the children`,
        ...(tight ? [`revision ${tight.revision.revision} (${when}${tight.revision.changeCause ? `, "${tight.revision.changeCause}"` : ''}): ${[countChange, limitChange].filter(Boolean).join(', ')}`] : []),
      ],
      ...(decisive ? { decisive: decisive.line.slice(0, 300) } : {}),
      likelyCause:
        `A child killed by SIGKILL while the container's main process runs on was not stopped by Kubernetes (it kills the whole container) nor by the server's own time limit (none logged): the kernel's OOM killer, when the container's memory cgroup${limit ? ` (${limit})` : ''} ran out, chose the largest process, a child. ` +
        `All ${children} share that memory, so the limit must hold the child count times the largest job's memory; it is exceeded when several large jobs run at once, which is why the kills can begin long after the change.`,
      nextAction: `Mitigate: ${tight ? `roll back to revision ${tight.previous.revision}, or ` : ''}${fix}. Restarting will not help: new children meet the same limit. The node's kernel log ("Memory cgroup out of memory: Killed process …") confirms it.`,
      fix,
      ...(onset !== undefined ? { onset } : {}),
      latent: `the ${children} share the memory limit from the start, and run out of it only when several large jobs run at once`,
      confirmCommands: [
        formatKubectl(ev.target, `logs ${mine[0]?.log.pod ?? ''} -c ${name} --tail=200`),
        formatKubectl(ev.target, `top pod ${mine[0]?.log.pod ?? ''} --containers`),
        ...(tight ? [formatKubectl(ev.target, `rollout history ${formatWorkloadRef(ev.target)} --revision=${tight.revision.revision}`)] : []),
      ],
      affected: { pods: pods.map((p) => p.name), nodes: listNodesOf(pods) },
    });
  }
  return findings;
}
