// The ConfigMap a proxy's controller renders its config from (`--configmap=ns/name` in its
// arguments), read only when the workload's events or logs show the proxy's reloads failing its
// config test on a directive (proxy-reload.ts): one get, in the namespace the argument names.
// Only the lines that name that directive are kept, with the time and manager of the newest write
// of its data; the rest of the data is dropped at once. Never a Secret.
import type * as k8s from '@kubernetes/client-node';
import type { EventEvidence, LogEvidence, PodEvidence } from '../../domain/triage/evidence.js';
import type { ReloadConfigEvidence } from '../../domain/triage/evidence-reload-config.js';
import { findDirectiveLines, pickReloadConfigRead } from '../../domain/triage/proxy-reload.js';
import type { CollectContext } from './collect-context.js';
import { toIsoTime } from './map-common.js';

export async function readReloadConfig(ctx: CollectContext, seen: { events: readonly EventEvidence[]; logs: readonly LogEvidence[]; pods: readonly PodEvidence[] }): Promise<ReloadConfigEvidence | undefined> {
  const wanted = pickReloadConfigRead(seen, ctx.namespace);
  if (wanted === undefined) return undefined;
  const got = await ctx.reads.each([wanted], { label: 'ConfigMap a proxy that fails its reloads is rendered from', source: 'namespaceObjects', what: (w) => `ConfigMap ${w.namespace}/${w.name}`, limit: ctx.objectGate }, (w, options) =>
    ctx.clients.core.readNamespacedConfigMap({ name: w.name, namespace: w.namespace }, options),
  );
  const [read] = got;
  if (read === undefined) return undefined;
  const write = newestDataWrite(read.value.metadata);
  return {
    namespace: wanted.namespace,
    configMap: wanted.name,
    directive: wanted.directive,
    lines: findDirectiveLines(read.value.data ?? {}, wanted.directive),
    ...(write?.at ? { changedAt: write.at } : {}),
    ...(write?.manager ? { changedBy: write.manager } : {}),
  };
}

/** The newest managedFields entry that writes `data`: when and by what the ConfigMap's values last changed. */
export function newestDataWrite(meta: k8s.V1ObjectMeta | undefined): { at?: string; manager?: string } | undefined {
  const writes = (meta?.managedFields ?? [])
    .filter((f) => f.fieldsV1 !== null && typeof f.fieldsV1 === 'object' && 'f:data' in (f.fieldsV1 as Record<string, unknown>))
    .map((f) => ({ at: toIsoTime(f.time), manager: f.manager }))
    .sort((a, b) => (b.at ?? '').localeCompare(a.at ?? ''));
  return writes[0];
}
