// The second wave of a triage, driven by the pods: the nodes they run on, the claims they
// mount, and the previous logs of their crashed containers. Each is a get per object behind
// the object gate, so the request count follows the pods looked at, not the cluster's size.
import type * as k8s from '@kubernetes/client-node';
import type { LogEvidence, NodeEvidence, PodEvidence, PvcEvidence } from '../../domain/triage/evidence.js';
import type { CollectContext } from './collect-context.js';
import { mapNode } from './map-node.js';
import { mapPvc } from './map-pvc.js';

/** What `kubectl logs --previous` is limited to: the tail, and never more than 64 KB. */
export const LOG_TAIL_LINES = 100;
export const LOG_LIMIT_BYTES = 64_000;

/** Distinct nodes under the pods, in the pods' order (least healthy first), at most `max`. */
export function pickNodes(pods: readonly PodEvidence[], max: number): { picked: string[]; others: number } {
  const names = [...new Set(pods.map((p) => p.nodeName).filter((n): n is string => n !== undefined))];
  return { picked: names.slice(0, max), others: Math.max(0, names.length - max) };
}

export async function readNodes(ctx: CollectContext, names: readonly string[]): Promise<NodeEvidence[]> {
  const { core } = ctx.clients;
  const results = await ctx.reads.each(
    names,
    { label: 'nodes', source: 'nodes', what: (n) => `node ${n}`, limit: ctx.objectGate },
    (name, options) => core.readNode({ name }, options),
  );
  return results.map((r) => mapNode(r.value));
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

export interface CrashedContainer {
  pod: string;
  container: string;
  restarts: number;
}

function crashed(c: PodEvidence['containers'][number]): boolean {
  const lastTerminated = c.lastState !== undefined && 'terminated' in c.lastState;
  const backingOff = c.state !== undefined && 'waiting' in c.state && c.state.waiting.reason === 'CrashLoopBackOff';
  return lastTerminated || backingOff;
}

/**
 * Containers worth a `--previous` log: their last run terminated, or they are crash-looping.
 * Most restarts first, and one of each container name before a second of any (forty replicas
 * of one crash tell one story; a sidecar that also crashes tells another).
 */
export function pickCrashedContainers(pods: readonly PodEvidence[], max: number): { picked: CrashedContainer[]; others: number } {
  const all: CrashedContainer[] = [];
  for (const p of pods) {
    for (const c of [...p.initContainers, ...p.containers]) {
      if (crashed(c)) all.push({ pod: p.name, container: c.name, restarts: c.restartCount });
    }
  }
  all.sort((a, b) => b.restarts - a.restarts || (a.pod < b.pod ? -1 : a.pod > b.pod ? 1 : 0));
  const firsts: CrashedContainer[] = [];
  const rest: CrashedContainer[] = [];
  const names = new Set<string>();
  for (const c of all) {
    if (names.has(c.container)) rest.push(c);
    else {
      names.add(c.container);
      firsts.push(c);
    }
  }
  const picked = [...firsts, ...rest].slice(0, max);
  return { picked, others: all.length - picked.length };
}

/** Raw lines, oldest first; the domain redacts before anything leaves the bot. */
export function splitLogLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

export async function readPreviousLogs(ctx: CollectContext, containers: readonly CrashedContainer[]): Promise<LogEvidence[]> {
  const { core } = ctx.clients;
  const namespace = ctx.namespace;
  const out: LogEvidence[] = [];
  await Promise.all(
    containers.map((c) =>
      ctx.objectGate(async () => {
        // readNamespacedPodLog keeps the API's error message (k8s.Log would only give a status).
        const text = await ctx.reads.one(`previous logs of ${c.pod}/${c.container}`, 'logs', (options) =>
          core.readNamespacedPodLog(
            { name: c.pod, namespace, container: c.container, previous: true, tailLines: LOG_TAIL_LINES, limitBytes: LOG_LIMIT_BYTES },
            options,
          ),
        );
        if (text !== undefined) out.push({ pod: c.pod, container: c.container, previous: true, lines: splitLogLines(text) });
      }),
    ),
  );
  // Completion order is arbitrary; keep the chosen order so the report is stable.
  const order = new Map(containers.map((c, i) => [`${c.pod}/${c.container}`, i]));
  return out.sort((a, b) => (order.get(`${a.pod}/${a.container}`) ?? 0) - (order.get(`${b.pod}/${b.container}`) ?? 0));
}
