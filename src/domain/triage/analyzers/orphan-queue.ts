import type { TriageEvidence } from '../evidence.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { listNodesOf, unique } from '../pod-status.js';
import { formatAgo } from '../time-span.js';
import { queueEnv, readWorkerQueues } from '../worker-queue-names.js';

/**
 * Jobs enqueued to a queue nobody consumes: another Deployment of the namespace rolled out a
 * revision whose env names a queue (MAILER_QUEUE=mailers_v2) that the asked worker does not list
 * in its queue args. The jobs wait in the broker with no error anywhere; the worker looks healthy.
 */
export function analyzeOrphanQueue(ev: TriageEvidence): Finding[] {
  const listened = unique(ev.pods.flatMap((p) => p.containers.flatMap((c) => readWorkerQueues(c) ?? [])));
  if (listened.length === 0) return [];
  const findings: Finding[] = [];
  for (const rollout of ev.namespaceRollouts ?? []) {
    const [newer, older] = rollout.revisions;
    if (newer === undefined) continue;
    const before = new Map((older?.containers ?? []).flatMap((c) => queueEnv(c.env).map((e) => [`${c.name}/${e.name}`, e.value] as const)));
    const set = newer.containers.flatMap((c) => queueEnv(c.env).filter((e) => before.get(`${c.name}/${e.name}`) !== e.value && !listened.includes(e.value)));
    const hit = set[0];
    if (hit === undefined || older === undefined) continue;
    const was = [...before.entries()].find(([k]) => k.endsWith(`/${hit.name}`))?.[1];
    const when = formatAgo(newer.createdAt, ev.collectedAt);
    const enqueued = ev.logs.flatMap((l) => l.lines.filter((x) => x.includes(hit.value))).at(-1);
    const workers = ev.target.name;
    const title = `Jobs go to queue ${hit.value}, which no worker listens to: ${rollout.deployment} revision ${newer.revision} (${when}) set ${hit.name}=${hit.value}${was ? ` (was ${was})` : ''}, while ${workers} consumes only ${listened.join(', ')}`;
    const fix = `add ${hit.value} to the queues of ${workers} (-q ${hit.value}), or ${was ? `set ${hit.name} on ${rollout.deployment} back to ${was}` : `remove ${hit.name} from ${rollout.deployment} (revision ${older.revision} did not set it)`}`;
    findings.push({
      id: `config/orphan-queue-${rollout.deployment}`,
      kind: 'missing-destination',
      title,
      layer: 'rollout/change',
      severity: 'warning',
      confidence: 'high',
      evidence: [
        `${rollout.deployment} revision ${newer.revision} (${when}${newer.changeCause ? `, "${newer.changeCause}"` : ''}): env ${hit.name}=${hit.value}${was ? `, was ${was}` : ', newly set'}`,
        `${workers} listens to queues ${listened.join(', ')} (its -q/-Q args): none is ${hit.value}`,
        ...(enqueued ? [`log: ${enqueued.slice(0, 240)}`] : []),
        'no error is logged: the jobs wait in the queue unprocessed',
      ],
      ...(enqueued ? { decisive: enqueued.slice(0, 300) } : {}),
      likelyCause: `The producer ${rollout.deployment} enqueues to ${hit.value} since its revision ${newer.revision}; no worker consumes that queue, so its jobs pile up and their work (e-mails, tasks) never happens.`,
      nextAction: `Mitigate: ${fix}. The queued jobs run once a worker listens to ${hit.value}.`,
      fix,
      onset: newer.createdAt,
      confirmCommands: [formatKubectl(ev.target, `rollout history deployment/${rollout.deployment} --revision=${newer.revision}`)],
      affected: { pods: ev.pods.map((p) => p.name), nodes: listNodesOf(ev.pods) },
    });
  }
  return findings;
}
