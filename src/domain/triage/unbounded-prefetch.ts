/**
 * A queue consumer OOM-killed because its prefetch is unbounded. In AMQP basic.qos a
 * prefetch_count of 0 means no limit: the broker pushes every ready message to the consumer at
 * once. While the queue is short nothing shows; once a backlog builds, each consumer buffers all of
 * it, passes its memory limit and is killed, its unacked deliveries go back to the queue and the
 * next consumer takes them and dies the same way. Nothing in the code grows, and a larger limit does not bound it:
 * a bounded prefetch does. The setting is dated by the revision that wrote it, however long before
 * the backlog that brought the kills.
 */
import type { ContainerEvidence, LogEvidence, PodEvidence, RevisionEvidence, TriageEvidence } from './evidence.js';
import { sortRevisions } from './revision-diff.js';
import { formatAgo } from './time-span.js';

/** `basic_qos(prefetch_count=0…`, `prefetch count: 0`, `prefetch=0` in a consumer's log. */
const LOGGED = /\bprefetch(?:[_ ]?count)?\s*[=:]\s*0(?![\d.])/i;

/** An env var naming a prefetch (a PREFETCH_COUNT or PREFETCH setting, …). */
const PREFETCH_ENV = /PREFETCH/i;

export interface UnboundedPrefetch {
  /** The log line that says it, when one does. */
  line?: string;
  /** The env var that sets it to 0, when one does. */
  env?: string;
  /** "revision N (…ago) set the prefetch variable from 20 to 0", when the history shows it. */
  setBy?: { revision: number; clause: string; before?: string };
}

function envValue(env: ContainerEvidence['env'] | RevisionEvidence['containers'][number]['env'], name: string): string | undefined {
  const e = (env ?? []).find((x) => x.name === name);
  return e !== undefined && 'value' in e ? e.value : undefined;
}

/** The prefetch of 0 that the killed container's env or logs state; undefined when neither does. */
export function findUnboundedPrefetch(ev: TriageEvidence, container: ContainerEvidence, pods: readonly PodEvidence[]): UnboundedPrefetch | undefined {
  const env = (container.env ?? []).find((e) => PREFETCH_ENV.test(e.name) && 'value' in e && e.value.trim() === '0')?.name;
  const logs: LogEvidence[] = ev.logs.filter((l) => l.container === container.name && pods.some((p) => p.name === l.pod));
  const line = logs.flatMap((l) => l.lines).find((x) => LOGGED.test(x) && /qos|prefetch/i.test(x));
  if (env === undefined && line === undefined) return undefined;
  return { ...(line ? { line: line.trim() } : {}), ...(env ? { env } : {}), ...(env ? findSetter(ev, container.name, env) : {}) };
}

/** The newest revision whose container sets the env to 0 while the one before did not. */
function findSetter(ev: TriageEvidence, container: string, env: string): Pick<UnboundedPrefetch, 'setBy'> {
  const revs = sortRevisions(ev.revisions);
  for (let i = 0; i < revs.length; i++) {
    const r = revs[i];
    const prev = revs[i + 1];
    const v = envValue(r?.containers.find((c) => c.name === container)?.env, env);
    if (r === undefined || v?.trim() !== '0') continue;
    const before = prev ? envValue(prev.containers.find((c) => c.name === container)?.env, env) : undefined;
    if (prev !== undefined && before?.trim() === '0') continue;
    if (prev === undefined) return {};
    const clause = `revision ${r.revision} (${formatAgo(r.createdAt, ev.collectedAt)}) set ${env} ${before === undefined ? 'to 0 (it was unset)' : `from ${before} to 0`}`;
    return { setBy: { revision: r.revision, clause, ...(before !== undefined ? { before } : {}) } };
  }
  return {};
}

export interface PrefetchReading {
  reason: string;
  cause: string;
  action: string;
  fix: string;
  evidence: string[];
  buildsUp: string;
  /** Never set here: the shape the OOM finding reads beside an oversized pool's. */
  configMap?: string;
  rollbackUndoes?: string;
}

/** What an unbounded prefetch means for an OOM-killed consumer. */
export function tellUnboundedPrefetch(p: UnboundedPrefetch, limit: string): PrefetchReading {
  const setting = p.env ? `${p.env}=0` : 'prefetch_count=0';
  const reason = `: unlimited prefetch (prefetch_count=0${p.env ? `, ${p.env}=0` : ''}) lets the broker push the whole backlog into each consumer`;
  const bounded = p.setBy?.before !== undefined && Number(p.setBy.before) > 0 ? `${p.setBy.before}, as in the revision before` : 'e.g. 10–100';
  const fix = `set a bounded prefetch (${p.env ?? 'prefetch_count'} ${bounded}); a larger memory limit would not bound it`;
  return {
    reason,
    evidence: [...(p.line ? [`log: ${p.line}`] : []), ...(p.env ? [`env ${p.env}=0: basic.qos prefetch_count 0 means no limit on unacknowledged deliveries`] : []), ...(p.setBy ? [p.setBy.clause] : [])],
    cause: `${setting} asks the broker for unlimited unacknowledged deliveries (basic.qos prefetch_count 0 means no limit). While the queue is short nothing shows; once a backlog builds, the broker pushes all of it to each consumer, which buffers the deliveries in memory until it passes its ${limit} limit and is OOMKilled. Its unacked messages go back to the queue and are redelivered to the next consumer, which dies the same way. The memory is the deliveries held, not code that grows; a larger limit only moves the point of death with the backlog.`,
    action: `Fix: ${fix}. A restart only takes the next share of the backlog and dies again.`,
    fix,
    buildsUp: 'the consumers buffer what the broker pushes only once a backlog builds, so the kills come hours after the change that unbounded the prefetch',
  };
}
