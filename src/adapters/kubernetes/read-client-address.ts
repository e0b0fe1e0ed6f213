// Where a client keeps the address of a cluster its logs say is down, when neither its env nor a
// Service on the server's port names it: a get of each ConfigMap its container takes whole
// (envFrom; at most two, never a Secret). Only the key that holds the server's address is kept;
// the rest of the data is dropped at once.
import { findServerAddressIn } from '../../domain/triage/server-address.js';
import type { ServerKind } from '../../domain/triage/server-address.js';
import type { CollectContext } from './collect-context.js';

export async function readClientAddress(ctx: CollectContext, server: ServerKind, configMaps: readonly string[]): Promise<{ env: string; host: string; configMap: string } | undefined> {
  const got = await ctx.reads.each(configMaps, { label: `ConfigMaps a client of a ${server} cluster its logs say is down takes whole`, source: 'dependencyMembers', what: (name) => `ConfigMap ${name}`, limit: ctx.objectGate }, (name, options) =>
    ctx.clients.core.readNamespacedConfigMap({ name, namespace: ctx.namespace }, options),
  );
  for (const { item, value } of got) {
    const address = findServerAddressIn(value.data ?? {}, server);
    if (address) return { ...address, configMap: item };
  }
  return undefined;
}
