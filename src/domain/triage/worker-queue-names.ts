/**
 * The queues a job worker consumes, read from its command line (Sidekiq `-q mailers,2`, Celery
 * `-Q a,b`), and the queue names a producer's revision sets in its env (MAILER_QUEUE=mailers_v2):
 * a producer that enqueues to a queue no worker lists leaves the jobs waiting with no error
 * anywhere, and the worker looks healthy.
 */
import type { EnvVarEvidence, IsoTime } from './evidence.js';

interface SpecLike {
  command?: readonly string[];
  args?: readonly string[];
}

/** Sidekiq's -q/--queue (one per flag, ",weight" allowed) and Celery's -Q/--queues (comma list). */
export function readWorkerQueues(spec: SpecLike): string[] | undefined {
  const tokens = [...(spec.command ?? []), ...(spec.args ?? [])];
  const text = tokens.join(' ');
  const sidekiq = /\bsidekiq\b/.test(text);
  const celery = /\bcelery\b/.test(text);
  if (!sidekiq && !celery) return undefined;
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] ?? '';
    const m = /^(-q|--queue|-Q|--queues)(?:=(.*))?$/.exec(t);
    if (m === null) continue;
    if (sidekiq && (m[1] === '-Q' || m[1] === '--queues')) continue;
    if (celery && (m[1] === '-q' || m[1] === '--queue')) continue;
    const value = m[2] ?? tokens[++i] ?? '';
    const names = sidekiq ? [value.split(',')[0] ?? ''] : value.split(',');
    out.push(...names.map((n) => n.trim()).filter((n) => n !== ''));
  }
  return out.length > 0 ? out : undefined;
}

/** How far back a producer's queue change is looked for: jobs can wait unnoticed for hours. */
const PRODUCER_LOOKBACK_MS = 24 * 3600_000;

/** A worker that lists its queues: read the namespace's recent rollouts, for the producer that changed a queue name. */
export function needsQueueProducers(seen: { pods: readonly { containers: readonly SpecLike[] }[]; collectedAt: IsoTime }): { since: IsoTime } | undefined {
  const listed = seen.pods.some((p) => p.containers.some((c) => readWorkerQueues(c) !== undefined));
  return listed ? { since: new Date(Date.parse(seen.collectedAt) - PRODUCER_LOOKBACK_MS).toISOString() } : undefined;
}

/** An env var naming a queue: QUEUE, MAILER_QUEUE, SIDEKIQ_QUEUE_NAME… with a literal value. */
export function queueEnv(env: readonly EnvVarEvidence[] | undefined): { name: string; value: string }[] {
  return (env ?? []).flatMap((e) => ('value' in e && /(^|_)QUEUE(_NAME)?$/i.test(e.name) && /^[\w.:-]+$/.test(e.value) ? [{ name: e.name, value: e.value }] : []));
}
