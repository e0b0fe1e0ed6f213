import type { TriageEvidence } from '../evidence.js';
import type { RevisionContainerEvidence, RevisionEvidence } from '../evidence-spec.js';
import type { Finding } from '../finding.js';
import { formatKubectl, formatWorkloadRef } from '../kubectl-command.js';
import { listNodesOf, unique } from '../pod-status.js';
import { sortRevisions } from '../revision-diff.js';
import { formatAgo } from '../time-span.js';
import { readChildCount, serverOf } from '../worker-child-count.js';

/**
 * A queue worker whose current revision cut how many tasks it runs at once (Celery --pool=solo,
 * or a lower --concurrency) while the logs show work waiting (soft time limits, queue depth,
 * pending work): a throughput problem that looks healthy — ready pods, no errors. The pool or
 * concurrency change is the trigger, the backlog the symptom.
 */

interface Concurrency {
  count: number;
  setting: string;
}

/** Pools that run one task at a time whatever --concurrency says. */
const SINGLE_POOL = /(?:^|\s)(?:--pool(?:=|\s+)|-P\s*)(solo)(?=\s|$)/;

function concurrencyOf(c: RevisionContainerEvidence): Concurrency | undefined {
  const text = ` ${[...(c.command ?? []), ...(c.args ?? [])].join(' ')} `;
  const solo = SINGLE_POOL.exec(text);
  if (solo !== null) return { count: 1, setting: solo[0].trim() };
  const counted = readChildCount(c, serverOf(c));
  return counted ? { count: counted.count, setting: counted.setting } : undefined;
}

/** How the template spelt the worker's pool and concurrency: "--pool=prefork --concurrency=8". */
function poolWords(c: RevisionContainerEvidence): string {
  const tokens = [...(c.command ?? []), ...(c.args ?? [])];
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] ?? '';
    if (/^(--pool|--concurrency|-P|-c)=/.test(t)) out.push(t);
    else if (/^(--pool|--concurrency|-P|-c)$/.test(t) && tokens[i + 1] !== undefined) out.push(`${t} ${tokens[++i] ?? ''}`);
  }
  return out.join(' ');
}

/** Lines that say work is waiting or overrunning, in any log read. */
const BACKLOG = /soft time limit \(\d+s?\) exceeded|queue[_ ]depth[=:]\s*\d{3,}|\bbacklog\b|still pending after/i;

export function analyzeWorkerConcurrencyCut(ev: TriageEvidence): Finding[] {
  const sorted = sortRevisions(ev.revisions);
  const hashes = unique(ev.pods.map((p) => p.revisionHash ?? ''));
  const newer = sorted[0];
  const older = sorted[1];
  if (newer === undefined || older === undefined || hashes.length !== 1 || hashes[0] !== newer.hash) return [];
  const findings: Finding[] = [];
  for (const b of newer.containers) {
    const a = older.containers.find((c) => c.name === b.name);
    if (a === undefined) continue;
    const [was, now] = [concurrencyOf(a), concurrencyOf(b)];
    if (was === undefined || now === undefined || now.count >= was.count) continue;
    const strain = ev.logs.filter((l) => !l.previous).flatMap((l) => l.lines.filter((x) => BACKLOG.test(x)));
    if (strain.length === 0) continue;
    findings.push(cutFinding(ev, newer, older, b, was, now, strain));
  }
  return findings;
}

function cutFinding(ev: TriageEvidence, newer: RevisionEvidence, older: RevisionEvidence, c: RevisionContainerEvidence, was: Concurrency, now: Concurrency, strain: string[]): Finding {
  const pods = ev.pods;
  const [from, to] = [poolWords(older.containers.find((x) => x.name === c.name) ?? c) || was.setting, poolWords(c) || now.setting];
  const queue = /(?:^|\s)(?:-Q|--queues)(?:=|\s+)(\S+)/.exec(` ${[...(c.command ?? []), ...(c.args ?? [])].join(' ')} `)?.[1];
  const when = formatAgo(newer.createdAt, ev.collectedAt);
  const total = `${now.count * pods.length} at a time in ${pods.length} pod${pods.length === 1 ? '' : 's'} instead of ${was.count * pods.length}`;
  const title = `Worker concurrency cut to ${now.count} task${now.count === 1 ? '' : 's'} at a time per pod (${to}, was ${from}): ${total}, and the ${queue ? `queue ${queue}` : 'queue'} backs up`;
  const fix = `restore ${from} in container ${c.name} (or scale the workers out)`;
  return {
    id: 'capacity/worker-concurrency-cut',
    kind: 'resource-exhaustion',
    title,
    datesChange: true,
    layer: 'capacity',
    severity: 'warning',
    confidence: 'high',
    evidence: [
      `revision ${newer.revision} (${when}${newer.changeCause ? `, "${newer.changeCause}"` : ''}): container ${c.name} ${from} → ${to}`,
      `tasks at once: ${was.count} per pod → ${now.count} per pod (${total})`,
      ...(queue ? [`worker consumes queue ${queue}`] : []),
      `backlog: ${strain.length} line${strain.length === 1 ? '' : 's'} of waiting or overrunning work, e.g. ${(strain.at(-1) ?? '').slice(0, 240)}`,
    ],
    decisive: (strain.at(-1) ?? '').slice(0, 300),
    likelyCause: `Revision ${newer.revision} changed the worker pool: each pod now runs ${now.count} task${now.count === 1 ? '' : 's'} at a time instead of ${was.count}, so the workers drain the queue slower than it fills; nothing fails, the work waits.`,
    nextAction: `Mitigate: roll back to revision ${older.revision}, or ${fix}.`,
    fix,
    onset: newer.createdAt,
    confirmCommands: [formatKubectl(ev.target, `rollout history ${formatWorkloadRef(ev.target)} --revision=${newer.revision}`)],
    affected: { pods: pods.map((p) => p.name), nodes: listNodesOf(pods) },
  };
}
