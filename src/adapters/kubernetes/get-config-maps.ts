// A get of each named ConfigMap of the triaged namespace, `objectGate` at a time, failures collapsed
// under one label: what every conditional ConfigMap read (read-*-config.ts) does before keeping the
// few lines it needs and dropping the rest of the data.
import type * as k8s from '@kubernetes/client-node';
import type { CollectContext } from './collect-context.js';

export function getConfigMaps<I>(ctx: CollectContext, items: readonly I[], label: string, nameOf: (item: I) => string): Promise<{ item: I; value: k8s.V1ConfigMap }[]> {
  return ctx.reads.each(items, { label, source: 'namespaceObjects', what: (item) => `ConfigMap ${nameOf(item)}`, limit: ctx.objectGate }, (item, options) =>
    ctx.clients.core.readNamespacedConfigMap({ name: nameOf(item), namespace: ctx.namespace }, options),
  );
}
