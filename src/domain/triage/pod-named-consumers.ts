/**
 * A Redis Streams consumer group whose consumers are named after the pods (CONSUMER_NAME from the
 * Downward API's metadata.name, or a log saying consumer=<its own pod>). An entry delivered to a
 * consumer stays in the group's Pending Entries List under that consumer's name until it is acked
 * or claimed; when the pods are replaced (a rollout, an eviction), the new pods come with new
 * names, read only new entries (XREADGROUP >) and never see the old consumers' pending ones unless
 * something claims them (XAUTOCLAIM, XCLAIM). Those entries are orphaned: the work they carry never
 * completes, with no error anywhere.
 */
import type { LogEvidence, PodEvidence, RevisionEvidence, TriageEvidence } from './evidence.js';
import type { FormerConsumerLinesEvidence } from './evidence-former-consumers.js';

/** A consumer-group read of a Redis stream. */
const GROUP_READ = /\bXREADGROUP\b|\bxreadgroup\b|\bxread_?group\b/i;
/** The worker claims idle entries of other consumers itself. */
export const CLAIMS = /\bX(AUTO)?CLAIM\b|\bxautoclaim\b|\bxclaim\b|\bautoclaim\b/i;
/** Words that put a consumer's name next to work left waiting. */
const WAITING = /pending|\bPEL\b|\bidle|stale|stuck|processing|unacked|unacknowledged|delivery_count|claim/i;
const MAX_LINES = 8;
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const MAX_CHARS = 400;

export interface PodNamedConsumers {
  /** How the consumer name is the pod's: `env CONSUMER_NAME from metadata.name`, or the log line. */
  via: string;
  stream?: string;
  group?: string;
}

function envValue(revision: RevisionEvidence | undefined, name: RegExp): string | undefined {
  for (const c of revision?.containers ?? []) for (const e of c.env) if (name.test(e.name) && 'value' in e && e.value !== '') return e.value;
  return undefined;
}

/** Whether the workload reads a Redis stream as a consumer group under its pods' names. */
export function findPodNamedConsumers(ev: { pods: readonly PodEvidence[]; logs: readonly LogEvidence[]; revisions: readonly RevisionEvidence[]; target: Pick<TriageEvidence['target'], 'kind'> }): PodNamedConsumers | undefined {
  if (ev.target.kind !== 'Deployment') return undefined;
  const lines = ev.logs.flatMap((l) => l.lines);
  const newest = [...ev.revisions].sort((a, b) => b.revision - a.revision)[0];
  const envs = (newest?.containers ?? []).flatMap((c) => c.env);
  const streamEnv = envs.some((e) => /STREAM/i.test(e.name));
  if (!lines.some((l) => GROUP_READ.test(l)) && !streamEnv) return undefined;
  const fromField = envs.find((e) => /CONSUMER/i.test(e.name) && 'ref' in e && e.ref.kind === 'field' && e.ref.key === 'metadata.name');
  const named = ev.logs.flatMap((l) => l.lines.filter((x) => GROUP_READ.test(x) && new RegExp(`consumer[=:"\\s]+${escape(l.pod)}\\b`).test(x))).at(0);
  if (fromField === undefined && named === undefined) return undefined;
  const via = fromField ? `env ${fromField.name} from the pod's metadata.name` : `its log: ${named ?? ''}`;
  const group = envValue(newest, /GROUP/i) ?? lines.map((l) => /\bgroup[=:]\s*"?([\w:.-]+)/i.exec(l)?.[1]).find((g) => g !== undefined);
  const stream = envValue(newest, /STREAM/i);
  return { via, ...(stream ? { stream } : {}), ...(group ? { group } : {}) };
}

/** A name the Deployment's controller gives a pod: `<name>-<pod-template-hash>-<5 chars>`. */
export function podNamePattern(workload: string): RegExp {
  return new RegExp(`\\b${escape(workload)}-[a-z0-9]{6,10}-[a-z0-9]{5}\\b`, 'g');
}

/** The lines of another workload's log naming a pod-shaped consumer of the workload that is none of its current pods, next to waiting work. */
export function keepFormerConsumerLines(lines: readonly string[], workload: string, live: ReadonlySet<string>, group?: string): string[] {
  const pattern = podNamePattern(workload);
  // A count of the group's waiting entries ("group":"fulfillment","pending_total":412) is kept beside them.
  const ofGroup = group === undefined ? undefined : new RegExp(`"${escape(group)}"|\\bgroup[=:]\\s*"?${escape(group)}\\b`);
  return lines
    .filter((l) => WAITING.test(l) && ([...l.matchAll(pattern)].some((m) => !live.has(m[0])) || (ofGroup !== undefined && ofGroup.test(l) && /pending\w*"?\s*[:=]\s*\d/i.test(l))))
    .slice(-MAX_LINES)
    .map((l) => (l.length > MAX_CHARS ? l.slice(0, MAX_CHARS) : l.trim()));
}

/** The former consumers the lines name, in order of first mention. */
export function listFormerConsumers(evidence: readonly FormerConsumerLinesEvidence[], workload: string, live: ReadonlySet<string>): string[] {
  const pattern = podNamePattern(workload);
  const names = evidence.flatMap((e) => e.lines.flatMap((l) => [...l.matchAll(pattern)].map((m) => m[0]))).filter((n) => !live.has(n));
  return [...new Set(names)];
}
