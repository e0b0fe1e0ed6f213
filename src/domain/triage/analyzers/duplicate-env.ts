/**
 * Failing pods whose revision lists an env name twice (the last entry wins) where the revision
 * before listed it once: the new value is what the process runs with, and what it then fails on
 * (a refused login, an unknown host, a bad setting) follows from it. A senior SRE spots it in
 * the template diff; the failure it causes only shows the consequence.
 */
import type { EnvVarEvidence, LogEvidence, PodEvidence, RevisionEvidence, TriageEvidence } from '../evidence.js';
import { countTimes, findDuplicateEnv, findIntroducedDuplicates } from '../duplicate-env.js';
import type { DuplicateEnv } from '../duplicate-env.js';
import { condenseStructuredLine, pickDecisiveLine } from '../evidence-lookup.js';
import type { Confidence, Finding } from '../finding.js';
import { formatKubectl, formatWorkloadRef } from '../kubectl-command.js';
import { groupBy, isPodFailing, listNodesOf, severityForPods } from '../pod-status.js';
import { formatEnvValue, sortRevisions } from '../revision-diff.js';
import { truncate } from '../../text.js';

/** Values too common to count as named by a log line ("true", "1"). */
const TOO_COMMON = /^(true|false|yes|no|on|off|none|null|\d{1,3})$/i;

/** What of a literal value a log line would show: a URL's host, else the value. */
function tellingPart(e: EnvVarEvidence): string | undefined {
  if (!('value' in e)) return undefined;
  const v = e.value.trim();
  const host = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/\s]*@)?([a-z0-9.-]+)/i.exec(v)?.[1];
  const part = host ?? v;
  return part.length >= 4 && !TOO_COMMON.test(part) ? part : undefined;
}

/** The first log line of the failing pods that names the value that won: the process did run with it. */
function findNamingLine(logs: readonly LogEvidence[], winner: EnvVarEvidence, loser: EnvVarEvidence | undefined): string | undefined {
  const part = tellingPart(winner);
  // A value the shadowed entry also contains ("db" in "db-staging") proves nothing.
  if (part === undefined || (loser !== undefined && tellingPart(loser)?.includes(part))) return undefined;
  const bounded = new RegExp(`(^|[^\\w.-])${part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\w-])`);
  for (const l of logs) for (const line of l.lines) if (bounded.test(line)) return line;
  return undefined;
}

interface Suspect {
  dup: DuplicateEnv;
  revision?: RevisionEvidence;
  previous?: RevisionEvidence;
  pods: PodEvidence[];
}

/** Per revision the failing pods run, the duplicates it brought in (a pod without a known revision: its own env). */
function listSuspects(ev: TriageEvidence, failing: readonly PodEvidence[]): Suspect[] {
  const revisions = sortRevisions(ev.revisions);
  return [...groupBy(failing, (p) => p.revisionHash ?? '')].flatMap(([hash, pods]) => {
    const at = revisions.findIndex((r) => r.hash === hash);
    const revision = revisions[at];
    if (revision === undefined) return findDuplicateEnv(pods[0]?.containers ?? []).map((dup) => ({ dup, pods }));
    const previous = revisions[at + 1];
    return findIntroducedDuplicates(previous, revision).map((dup) => ({ dup, revision, ...(previous ? { previous } : {}), pods }));
  });
}

export function analyzeDuplicateEnv(ev: TriageEvidence): Finding[] {
  const failing = ev.pods.filter((p) => isPodFailing(p, ev.collectedAt));
  if (failing.length === 0) return [];
  return listSuspects(ev, failing).flatMap((s) => {
    const finding = describeDuplicate(ev, s);
    return finding ? [finding] : [];
  });
}

function describeDuplicate(ev: TriageEvidence, s: Suspect): Finding | undefined {
  const { dup, revision, previous, pods } = s;
  const names = new Set(pods.map((p) => p.name));
  const logs = ev.logs.filter((l) => names.has(l.pod) && l.container === dup.container);
  const winner = dup.entries[dup.entries.length - 1] as EnvVarEvidence;
  const first = dup.entries[0] as EnvVarEvidence;
  const naming = findNamingLine(logs, winner, first);
  // Only the logs tie the duplicate to the failure: healthy pods of the revision before separate
  // the revision, not this line of it (a harmless LOG_LEVEL twice may ride along with a bug).
  const confidence: Confidence = naming === undefined ? 'low' : revision !== undefined ? 'high' : 'medium';
  // Without a revision to blame, only the logs tie the duplicate to the failure.
  if (revision === undefined && naming === undefined) return undefined;
  const decisive = pickDecisiveLine((logs.find((l) => l.previous && l.lines.length > 0) ?? logs.find((l) => l.lines.length > 0))?.lines ?? []);
  const n = pods.length;
  const last = formatEnvValue(winner);
  const shadowed = formatEnvValue(first);
  const times = countTimes(dup.entries.length);
  const was = previous?.containers.concat(previous.template?.initContainers ?? []).find((c) => c.name === dup.container)?.env.filter((e) => e.name === dup.name) ?? [];
  const fix = `remove the duplicate ${dup.name} entry from container ${dup.container}'s env${was.length === 1 && was[0] ? ` (revision ${previous?.revision ?? ''} had only ${formatEnvValue(was[0])})` : ', keeping the value this environment needs'}`;
  const ref = formatWorkloadRef(ev.target);
  const since = revision ? `Revision ${revision.revision}` : 'The pod template';
  return {
    id: `duplicate-env/${dup.container}/${dup.name}`,
    kind: 'duplicate-env',
    title: `Container ${dup.container}'s env lists ${dup.name} ${times} and the last entry wins: ${n} pod${n === 1 ? '' : 's'} run with ${dup.name} ${last}, not ${shadowed}`,
    layer: 'container/process',
    severity: severityForPods(ev, n),
    confidence,
    evidence: [
      `${revision ? `revision ${revision.revision} ` : ''}container ${dup.container} env: ${dup.entries.map((e) => `${dup.name} ${formatEnvValue(e)}`).join(', then ')}`,
      ...(previous ? [`revision ${previous.revision} lists ${dup.name} ${was.length === 0 ? 'not at all' : was.length === 1 ? `once: ${formatEnvValue(was[0] as EnvVarEvidence)}` : countTimes(was.length)}`] : []),
      ...(naming !== undefined ? [`log names the value that won: ${truncate(condenseStructuredLine(naming.trim()), 200)}`] : []),
      ...(decisive !== undefined && decisive !== naming ? [`log: ${decisive}`] : []),
    ],
    ...(decisive !== undefined ? { decisive } : {}),
    likelyCause:
      `${since} lists ${dup.name} ${times} in container ${dup.container}'s env. Kubernetes accepts that (the API server only warns that an entry "hides previous definition") and sets the variable to the last entry, so the pods start with ${last} instead of ${shadowed}. ` +
      'A patch that appends a name the base already sets does this silently (a kustomize patch or overlay copied from another environment, a `kubectl apply` merge by name)' +
      (naming !== undefined ? `; the failing pods' logs show them using ${last}, and what they fail on follows from it.` : `; check that the failure follows from ${dup.name}'s value.`),
    nextAction: `${previous ? `Roll back to revision ${previous.revision} (\`${formatKubectl(ev.target, `rollout undo ${ref} --to-revision=${previous.revision}`)}\` — the bot will not) to run with one entry again; then ` : ''}${fix}, in the manifest or patch that appended it.`,
    fix,
    confirmCommands: [
      formatKubectl(ev.target, `get ${ref} -o jsonpath='{.spec.template.spec.containers[?(@.name=="${dup.container}")].env[?(@.name=="${dup.name}")]}'`),
      formatKubectl(ev.target, `logs ${pods[0]?.name ?? ''} -c ${dup.container} --previous --tail=100`),
    ],
    affected: { pods: pods.map((p) => p.name), nodes: listNodesOf(pods) },
  };
}
