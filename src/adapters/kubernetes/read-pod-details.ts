// The second wave of a triage, driven by the pods: the nodes they run on (and every node when
// a pod cannot be placed), the claims they mount and the volumes bound to them, and the logs
// that explain them. Each is a get per object behind the object gate, so the request count
// follows the pods looked at, not the cluster's size (the node list is one paged list).
import type * as k8s from '@kubernetes/client-node';
import type { EventEvidence, EvidenceSource, LogEvidence, NodeEvidence, PersistentVolumeEvidence, PodEvidence, PvcEvidence } from '../../domain/triage/evidence.js';
import { type ScaleUpCohorts, splitByScaleUp } from '../../domain/triage/scale-up-cohorts.js';
import { isProxyImage } from '../../domain/triage/service-callers.js';
import { isPolicyAgentImage } from '../../domain/triage/policy-bundle-load.js';
import { isRequestLogSidecar } from '../../domain/triage/request-log-sidecar.js';
import type { CollectContext } from './collect-context.js';
import { mapPersistentVolume } from './map-context.js';
import { mapNode } from './map-node.js';
import { mapPvc } from './map-pvc.js';
import { pageParams } from './paginate.js';
import type { CallOptions } from './reads.js';

/** What `kubectl logs --previous` is limited to: the tail, and never more than 64 KB. */
export const LOG_TAIL_LINES = 100;
const LOG_LIMIT_BYTES = 64_000;

/** Distinct nodes under the pods, in the pods' order (least healthy first), at most `max`. */
export function pickNodes(pods: readonly PodEvidence[], max: number): { picked: string[]; others: number } {
  const names = [...new Set(pods.map((p) => p.nodeName).filter((n): n is string => n !== undefined))];
  return { picked: names.slice(0, max), others: Math.max(0, names.length - max) };
}

/** One get per cluster-scoped object by name, behind the object gate; those read, mapped. */
async function readEachByName<T, E>(
  ctx: CollectContext,
  names: readonly string[],
  what: { label: string; source: EvidenceSource; kind: string },
  read: (req: { name: string }, options: CallOptions) => Promise<T>,
  map: (obj: T) => E,
): Promise<E[]> {
  const results = await ctx.reads.each(
    names,
    { label: what.label, source: what.source, what: (n) => `${what.kind} ${n}`, limit: ctx.objectGate },
    (name, options) => read({ name }, options),
  );
  return results.map((r) => map(r.value));
}

export async function readNodes(ctx: CollectContext, names: readonly string[]): Promise<NodeEvidence[]> {
  const { core } = ctx.clients;
  return readEachByName(ctx, names, { label: 'nodes', source: 'nodes', kind: 'node' }, (req, o) => core.readNode(req, o), (n) => mapNode(n));
}

export async function readPvcs(ctx: CollectContext, claims: ReadonlyMap<string, string[]>): Promise<PvcEvidence[]> {
  const { core } = ctx.clients;
  const namespace = ctx.namespace;
  const results = await ctx.reads.each(
    [...claims.keys()],
    { label: 'PVCs', source: 'pvcs', what: (c) => `PVC ${namespace}/${c}`, limit: ctx.objectGate },
    (name, options): Promise<k8s.V1PersistentVolumeClaim> => core.readNamespacedPersistentVolumeClaim({ name, namespace }, options),
  );
  return results.map((r) => mapPvc(r.value, claims.get(r.item) ?? []));
}

/** One log to read: `previous` is the crashed run (`kubectl logs --previous`). */
export interface LogTarget {
  pod: string;
  container: string;
  previous: boolean;
  /** Why it is read, for the order: crashed, stuck init, unready, beside a crashed sidecar, healthy sample. */
  why: 'crashed' | 'init' | 'unready' | 'beside' | 'sample' | 'system';
  restarts: number;
  /** A pod of another namespace (a cluster component); the triage's namespace otherwise. */
  namespace?: string;
}

/** A previous run older than this is history: its log is not read. */
const CRASH_HISTORY_MS = 24 * 60 * 60_000;

function crashed(c: PodEvidence['containers'][number], now: Date): boolean {
  const last = c.lastState !== undefined && 'terminated' in c.lastState ? c.lastState.terminated : undefined;
  const lastTerminated = last !== undefined && (last.finishedAt === undefined || now.getTime() - Date.parse(last.finishedAt) <= CRASH_HISTORY_MS);
  const backingOff = c.state !== undefined && 'waiting' in c.state && c.state.waiting.reason === 'CrashLoopBackOff';
  const failedNow = c.state !== undefined && 'terminated' in c.state && c.state.terminated.exitCode !== 0;
  return lastTerminated || backingOff || failedNow;
}

function runningNow(c: PodEvidence['containers'][number]): boolean {
  return c.state !== undefined && 'running' in c.state;
}

/** Ready pods whose current logs are sampled: errors there keep a workload from being called healthy. */
const HEALTHY_LOG_SAMPLE = 2;
/** After a recent scale-up, two of the pods it added and two from before it: whether the new ones get any load. */
const SCALE_UP_LOG_SAMPLE = 4;

/**
 * Which ready pods to sample first: the newest (a new pod, often on a new node, is where a recent
 * change shows), then pods on nodes not sampled yet; the listed order otherwise. After a recent
 * scale-up, pods it added and pods from before it in turn (scale-up-cohorts.ts).
 */
function sampleOrder(pods: readonly PodEvidence[], cohorts: ScaleUpCohorts | undefined): PodEvidence[] {
  if (cohorts !== undefined) {
    // Newest added and oldest kept, in turn: clients that keep their connections stay on the old ones.
    const added = [...cohorts.after].reverse();
    return added.flatMap((p, i) => [p, ...cohorts.before.slice(i, i + 1)]).concat(cohorts.before.slice(added.length));
  }
  const newest = [...pods].filter((p) => p.createdAt !== undefined).sort((a, b) => Date.parse(b.createdAt!) - Date.parse(a.createdAt!))[0];
  const out: PodEvidence[] = newest ? [newest] : [];
  const nodes = new Set(newest?.nodeName ? [newest.nodeName] : []);
  const rest = pods.filter((p) => p !== newest);
  for (const p of rest) if (p.nodeName !== undefined && !nodes.has(p.nodeName)) (out.push(p), nodes.add(p.nodeName));
  for (const p of rest) if (!out.includes(p)) out.push(p);
  return out;
}

/**
 * The logs that explain what the pods do: the crashed run of crashing containers (the previous
 * run, or the current one of a container that has terminated for good, like a Job's), the
 * current output of init containers that hold a pod back and of running containers that are
 * not ready, and the current output of a couple of ready pods. Most restarts first, and one of
 * each container name before a second of any (forty replicas of one crash tell one story).
 */
export function pickLogTargets(pods: readonly PodEvidence[], max: number, now: Date): { picked: LogTarget[]; others: number } {
  const all: LogTarget[] = [];
  let sampled = 0;
  for (const p of pods) {
    for (const c of p.initContainers) {
      if (crashed(c, now)) all.push({ pod: p.name, container: c.name, previous: !(c.state && 'terminated' in c.state), why: 'crashed', restarts: c.restartCount });
      else if (!c.sidecar && runningNow(c)) all.push({ pod: p.name, container: c.name, previous: false, why: 'init', restarts: c.restartCount });
    }
    for (const c of p.containers) {
      if (crashed(c, now)) all.push({ pod: p.name, container: c.name, previous: !(c.state && 'terminated' in c.state), why: 'crashed', restarts: c.restartCount });
      else if (runningNow(c) && !c.ready && p.deletionTimestamp === undefined) all.push({ pod: p.name, container: c.name, previous: false, why: 'unready', restarts: c.restartCount });
    }
    // A sidecar that crashes leaves the main container running without what it serves (a proxy's
    // port, a tunnel): the main container's errors say what its absence does.
    const main = p.containers[0];
    if (main !== undefined && runningNow(main) && main.ready && p.containers.slice(1).some((c) => crashed(c, now))) {
      all.push({ pod: p.name, container: main.name, previous: false, why: 'beside', restarts: main.restartCount });
    }
  }
  const cohorts = splitByScaleUp(pods, now.toISOString());
  const sampleSize = cohorts === undefined ? HEALTHY_LOG_SAMPLE : SCALE_UP_LOG_SAMPLE;
  for (const p of sampleOrder(pods, cohorts)) {
    const main = p.containers[0];
    if (p.ready && main !== undefined && runningNow(main) && !crashed(main, now) && sampled < sampleSize) {
      sampled++;
      all.push({ pod: p.name, container: main.name, previous: false, why: 'sample', restarts: main.restartCount });
    }
  }
  const order = { crashed: 0, init: 1, unready: 2, beside: 3, sample: 4, system: 5 } as const;
  all.sort((a, b) => order[a.why] - order[b.why] || b.restarts - a.restarts || (a.pod < b.pod ? -1 : a.pod > b.pod ? 1 : 0));
  const firsts: LogTarget[] = [];
  const rest: LogTarget[] = [];
  const seen = new Set<string>();
  for (const t of all) {
    const key = `${t.why === 'sample' ? 'sample' : 'trouble'}/${t.container}`;
    if (seen.has(key)) rest.push(t);
    else {
      seen.add(key);
      firsts.push(t);
    }
  }
  // Every distinct trouble first, then more of the same trouble, and the healthy samples last.
  const byOrder = (list: LogTarget[]) => list.filter((t) => t.why !== 'sample');
  const picked = [...byOrder(firsts), ...byOrder(rest), ...firsts.filter((t) => t.why === 'sample'), ...rest.filter((t) => t.why === 'sample')].slice(0, max);
  // A reverse proxy sidecar listed after the app (nginx in front of it) answers callers first: what it
  // refuses (413, 502) never reaches the app's log; an OPA sidecar decides for it, and why it cannot
  // (no policy loaded) is only in its own log. Their logs too, in at most two sampled pods, within the cap.
  const proxies = pickProxySidecarSamples(pods, picked, now).slice(0, Math.max(0, max - picked.length));
  return { picked: [...picked, ...proxies], others: all.length - picked.length };
}

/**
 * A ready pod the kubelet reports failing its probes (Unhealthy warnings) that the healthy sample
 * missed: the one replica that struggles (a hot consumer among idle ones) says more than its idle
 * peers. At most one, the one with the most such warnings; its main container's current log.
 */
export function pickFlaggedSamples(pods: readonly PodEvidence[], picked: readonly LogTarget[], events: readonly EventEvidence[]): LogTarget[] {
  const read = new Set(picked.map((t) => t.pod));
  const counts = new Map<string, number>();
  for (const e of events) {
    if (e.type !== 'Warning' || e.reason !== 'Unhealthy' || e.object.kind !== 'Pod' || read.has(e.object.name)) continue;
    counts.set(e.object.name, (counts.get(e.object.name) ?? 0) + e.count);
  }
  const [name] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0] ?? [];
  const p = pods.find((x) => x.name === name && x.ready && x.deletionTimestamp === undefined);
  const main = p?.containers[0];
  return p && main && runningNow(main) ? [{ pod: p.name, container: main.name, previous: false, why: 'sample', restarts: main.restartCount }] : [];
}

/** Sampled pods whose proxy sidecars' logs are read too, at most. */
const PROXY_SIDECAR_SAMPLE = 2;

/**
 * In sampled pods, a running sidecar whose log is not picked yet: a reverse proxy (by image: nginx,
 * Envoy, HAProxy…) or policy agent beside an app that is no proxy, or a sidecar that prints the
 * server's request log (varnishncsa, a tail of its access log: request-log-sidecar.ts).
 */
function pickProxySidecarSamples(pods: readonly PodEvidence[], picked: readonly LogTarget[], now: Date): LogTarget[] {
  const read = new Set(picked.map((t) => `${t.pod}/${t.container}`));
  const sampled = [...new Set(picked.filter((t) => t.why === 'sample').map((t) => t.pod))];
  return sampled.flatMap((name) => {
    const p = pods.find((x) => x.name === name);
    const mainIsProxy = isProxyImage(p?.containers[0]?.image ?? '');
    const fronts = (c: PodEvidence['containers'][number]) => !mainIsProxy && (isProxyImage(c.image) || isPolicyAgentImage(c.image));
    const proxy = p?.containers.slice(1).find((c) => (fronts(c) || isRequestLogSidecar(c)) && runningNow(c) && !crashed(c, now) && !read.has(`${name}/${c.name}`));
    return p === undefined || proxy === undefined ? [] : [{ pod: name, container: proxy.name, previous: false, why: 'sample' as const, restarts: proxy.restartCount }];
  }).slice(0, PROXY_SIDECAR_SAMPLE);
}

/** Raw lines, oldest first; the domain redacts before anything leaves the bot. */
export function splitLogLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

export async function readLogs(ctx: CollectContext, targets: readonly LogTarget[]): Promise<LogEvidence[]> {
  const { core } = ctx.clients;
  const namespace = ctx.namespace;
  const out: LogEvidence[] = [];
  await Promise.all(
    targets.map((t) =>
      ctx.objectGate(async () => {
        // readNamespacedPodLog keeps the API's error message (k8s.Log would only give a status).
        const what = `${t.previous ? 'previous' : 'current'} logs of ${t.pod}/${t.container}`;
        const r = await ctx.reads.attempt((options) =>
          core.readNamespacedPodLog(
            { name: t.pod, namespace: t.namespace ?? namespace, container: t.container, previous: t.previous, tailLines: LOG_TAIL_LINES, limitBytes: LOG_LIMIT_BYTES },
            options,
          ),
        );
        if (r.ok) out.push({ pod: t.pod, container: t.container, previous: t.previous, lines: splitLogLines(r.value) });
        // The kubelet no longer has that run (its container was removed): nothing to read, not a failed read.
        else if (t.previous && /previous terminated container .* not found/i.test(r.detail)) return;
        else ctx.reads.failures.push({ what, source: 'logs', reason: r.reason, detail: r.detail });
      }),
    ),
  );
  // Completion order is arbitrary; keep the chosen order so the report is stable.
  const order = new Map(targets.map((t, i) => [`${t.pod}/${t.container}/${t.previous}`, i]));
  return out.sort((a, b) => (order.get(`${a.pod}/${a.container}/${a.previous}`) ?? 0) - (order.get(`${b.pod}/${b.container}/${b.previous}`) ?? 0));
}

/** Every node of the cluster, when placement must be checked against them (capped). */
export async function readClusterNodes(ctx: CollectContext): Promise<NodeEvidence[]> {
  const { core } = ctx.clients;
  const max = ctx.limits.maxClusterNodes;
  const list = await ctx.reads.list('nodes of the cluster', 'clusterNodes', (cont, limit, o) => core.listNode({ ...pageParams(cont, limit) }, o), { maxItems: max });
  if (list.more) ctx.reads.skipped(`nodes beyond the first ${max}`, 'clusterNodes', `placement was checked against ${max} nodes`);
  return list.items.map((n) => mapNode(n, { allLabels: true }));
}

/** The PersistentVolumes bound to the claims (one get each). */
export async function readVolumes(ctx: CollectContext, names: readonly string[]): Promise<PersistentVolumeEvidence[]> {
  const { core } = ctx.clients;
  return readEachByName(ctx, names, { label: 'PersistentVolumes', source: 'volumes', kind: 'PersistentVolume' }, (req, o) => core.readPersistentVolume(req, o), mapPersistentVolume);
}
