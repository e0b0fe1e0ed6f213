/**
 * The producer whose open transaction a stalled read_committed consumer waits behind
 * (read-committed-stall.ts): a Deployment of the namespace that sets a transactional.id, whose pod
 * was evicted or killed around when the stall began. A transactional producer ends its open
 * transaction itself only when it lives on; a replacement pod fences and aborts it only when it
 * starts with the same transactional.id. An id derived from the pod's name (the Downward API's
 * metadata.name, $(HOSTNAME)) changes with every replacement, so the old transaction stays open until
 * the transaction coordinator aborts it after the producer's transaction.timeout.ms — and until then
 * the partitions' last stable offset stands. Pure: the namespace's rollouts and Warning events.
 */
import type { EventEvidence, LogEvidence, PodEvidence } from './evidence-pod.js';
import type { EnvVarEvidence, IsoTime, RevisionContainerEvidence } from './evidence-spec.js';
import type { NamespaceRolloutEvidence } from './evidence-namespace-rollouts.js';
import { findReadCommittedStall } from './read-committed-stall.js';
import { HOUR_MS, MINUTE_MS, msBetween } from './time-span.js';

/** Env names that set a producer's transactional.id: KAFKA_TRANSACTIONAL_ID, SPRING_KAFKA_PRODUCER_TRANSACTION_ID_PREFIX. */
const ID_ENV = /TRANSACTIONAL[_.-]?ID|TRANSACTION[_.-]?ID[_.-]?PREFIX/i;
/** Env names that set its transaction.timeout.ms. */
const TIMEOUT_ENV = /TRANSACTION[_.-]?TIMEOUT/i;
const ID_ARG = /\btransactional[.-]id[=\s]+(\S+)/i;
const TIMEOUT_ARG = /\btransaction[.-]timeout[.-]ms[=\s]+(\d+)/i;
/** What stops a pod mid-work: the kubelet's eviction, preemption, a kill past the grace period, an OOM kill. */
const LOST = /^(Evicted|Preempted|Preempting|ExceededGracePeriod|Killing|OOMKill\w*|NodeShutdown)$/;
/** How far before the stall's first sample a lost pod counts (samples come minutes apart), and after it. */
const BEFORE_MS = 30 * MINUTE_MS;
const AFTER_MS = 5 * MINUTE_MS;

export interface TransactionalProducer {
  deployment: string;
  /** `KAFKA_TRANSACTIONAL_ID=producer-$(POD_NAME)`, as its template writes it. */
  idSetting: string;
  /** The id follows the pod's name, so a replacement pod takes another and never fences the old one. */
  perPod: boolean;
  /** `KAFKA_TRANSACTION_TIMEOUT_MS=3600000`, when its template sets it. */
  timeoutSetting?: string;
  timeoutMs?: number;
  /** ConfigMaps its container takes whole (envFrom), where the timeout may be set instead. */
  envFrom: string[];
  /** Its pod lost around the stall's start, by the event that says so. */
  lost?: { pod: string; reason: string; at: IsoTime; message: string };
  /** The transactional.id the lost pod used, when the id follows the pod name. */
  oldId?: string;
}

function literal(env: readonly EnvVarEvidence[], name: string): string | undefined {
  const e = env.find((x) => x.name === name);
  return e !== undefined && 'value' in e ? e.value : undefined;
}

/** Whether the id follows the pod's name: a metadata.name field reference, directly or through $(VAR), or $(HOSTNAME). */
function followsPodName(c: RevisionContainerEvidence, id: EnvVarEvidence | undefined, value: string): boolean {
  const podNameVars = new Set(['HOSTNAME', ...c.env.flatMap((e) => ('ref' in e && e.ref.kind === 'field' && e.ref.key === 'metadata.name' ? [e.name] : []))]);
  if (id !== undefined && 'ref' in id && id.ref.kind === 'field' && id.ref.key === 'metadata.name') return true;
  return [...value.matchAll(/\$[({]?(\w+)[)}]?/g)].some((m) => podNameVars.has(m[1] ?? ''));
}

/** The id the pod `pod` used: the template's value with the pod-name variables put in. */
function idOf(c: RevisionContainerEvidence, id: EnvVarEvidence | undefined, value: string, pod: string): string | undefined {
  if (id !== undefined && 'ref' in id) return id.ref.kind === 'field' && id.ref.key === 'metadata.name' ? pod : undefined;
  const vars = new Set(['HOSTNAME', ...c.env.flatMap((e) => ('ref' in e && e.ref.kind === 'field' && e.ref.key === 'metadata.name' ? [e.name] : []))]);
  return value.replace(/\$[({](\w+)[)}]/g, (all, v: string) => (vars.has(v) ? pod : all));
}

function readProducer(r: NamespaceRolloutEvidence): Omit<TransactionalProducer, 'lost' | 'oldId'> & { container: RevisionContainerEvidence; id?: EnvVarEvidence; idValue: string } | undefined {
  for (const c of r.revisions[0]?.containers ?? []) {
    const id = c.env.find((e) => ID_ENV.test(e.name));
    const argId = [...(c.command ?? []), ...(c.args ?? [])].join(' ').match(ID_ARG)?.[1];
    if (id === undefined && argId === undefined) continue;
    const idValue = id !== undefined ? ('value' in id ? id.value : `$(${id.name})`) : argId ?? '';
    const idSetting = id !== undefined ? ('value' in id ? `${id.name}=${id.value}` : `${id.name} from the pod's ${id.ref.kind === 'field' ? id.ref.key ?? 'field' : id.ref.kind}`) : `transactional.id=${argId ?? ''}`;
    const timeoutEnv = c.env.find((e) => TIMEOUT_ENV.test(e.name) && 'value' in e && /^\d+$/.test(e.value.trim()));
    const timeoutValue = timeoutEnv !== undefined ? literal(c.env, timeoutEnv.name) : [...(c.command ?? []), ...(c.args ?? [])].join(' ').match(TIMEOUT_ARG)?.[1];
    const timeoutMs = timeoutValue !== undefined ? Number(timeoutValue.trim()) : undefined;
    return {
      deployment: r.deployment,
      idSetting,
      perPod: followsPodName(c, id, idValue),
      ...(timeoutMs !== undefined ? { timeoutMs, timeoutSetting: timeoutEnv !== undefined ? `${timeoutEnv.name}=${timeoutMs}` : `transaction.timeout.ms=${timeoutMs}` } : {}),
      envFrom: c.envFrom.filter((f) => f.kind === 'configMap').map((f) => f.name),
      container: c,
      ...(id !== undefined ? { id } : {}),
      idValue,
    };
  }
  return undefined;
}

/** A pod of the Deployment (`<deployment>-<hash>-<suffix>`) lost around the stall's start, by its Warning event. */
function findLostPod(deployment: string, warnings: readonly EventEvidence[], onset: IsoTime): TransactionalProducer['lost'] {
  const own = new RegExp(`^${deployment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-[a-z0-9]{5,10}-[a-z0-9]{5}$`);
  const hits = warnings.filter((e) => e.object.kind === 'Pod' && own.test(e.object.name) && LOST.test(e.reason)).filter((e) => {
    const gap = msBetween(e.firstSeen, onset);
    return gap <= BEFORE_MS && gap >= -AFTER_MS;
  });
  const e = hits.sort((a, b) => Math.abs(msBetween(a.firstSeen, onset)) - Math.abs(msBetween(b.firstSeen, onset)))[0];
  return e === undefined ? undefined : { pod: e.object.name, reason: e.reason, at: e.firstSeen, message: e.message.trim() };
}

/**
 * The namespace's transactional producer behind a read_committed stall that began at `onset`: the
 * one whose pod was lost around then, else the only transactional producer there is.
 */
export function findOpenTransactionProducer(rollouts: readonly NamespaceRolloutEvidence[], warnings: readonly EventEvidence[], onset: IsoTime): TransactionalProducer | undefined {
  const producers = rollouts.flatMap((r) => readProducer(r) ?? []);
  const withLoss = producers.flatMap((p) => {
    const lost = findLostPod(p.deployment, warnings, onset);
    return lost ? [{ p, lost }] : [];
  });
  const pick = withLoss[0] ?? (producers.length === 1 && producers[0] ? { p: producers[0], lost: undefined } : undefined);
  if (pick === undefined) return undefined;
  const { container, id, idValue, ...p } = pick.p;
  const oldId = pick.lost && p.perPod ? idOf(container, id, idValue, pick.lost.pod) : undefined;
  return { ...p, ...(pick.lost ? { lost: pick.lost } : {}), ...(oldId !== undefined ? { oldId } : {}) };
}

/** Any ReplicaSet's age will do: the producer's settings matter, not when it rolled out. */
const ANY_AGE = new Date(0).toISOString();

/** When to list the namespace's rollouts: a read_committed consumer stalls with no error (read-committed-stall.ts). */
export function needsTransactionalProducers(seen: { logs: readonly LogEvidence[]; pods: readonly PodEvidence[] }): { since: IsoTime } | undefined {
  return findReadCommittedStall(seen) === undefined ? undefined : { since: ANY_AGE };
}

/** "2 h", "15 min": a timeout in hours or minutes. */
export function spanOfTimeout(ms: number): string {
  return ms >= HOUR_MS ? `${+(ms / HOUR_MS).toFixed(1)} h` : `${Math.round(ms / MINUTE_MS)} min`;
}

/** "7200000 (2 h)": the timeout as written and in hours or minutes. */
export function describeTimeout(ms: number): string {
  return `${ms} (${spanOfTimeout(ms)})`;
}
