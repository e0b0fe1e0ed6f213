// When the ConfigMaps a dependency's members mount were last written: a get of each (at most two,
// config-named first, in its namespace, never a Secret), read only when that dependency refuses the
// workload's credentials. Only the newest managedFields time and its manager are kept; the data is dropped.
import type { DependencyMembersEvidence } from '../../domain/triage/evidence-dependency-members.js';
import type { ConfigUpdateEvidence } from '../../domain/triage/evidence-config-update.js';
import { listConfigMapsOf } from '../../domain/triage/cluster-down.js';
import type { CollectContext } from './collect-context.js';

export async function readConfigUpdates(ctx: CollectContext, members: DependencyMembersEvidence): Promise<DependencyMembersEvidence> {
  const names = listConfigMapsOf(members.pods[0]);
  if (names.length === 0) return members;
  const { namespace } = members;
  const got = await ctx.reads.each(names, { label: `ConfigMaps the pods of ${members.service} mount (it refuses the workload's credentials: was its configuration written before it restarted?)`, source: 'dependencyMembers', what: (name) => `ConfigMap ${name} in ${namespace}`, limit: ctx.objectGate }, (name, options) =>
    ctx.clients.core.readNamespacedConfigMap({ name, namespace }, options),
  );
  const configUpdates = got.flatMap(({ item, value }): ConfigUpdateEvidence[] => {
    const writes = (value.metadata?.managedFields ?? []).flatMap((f) => (f.time === undefined ? [] : [{ at: new Date(f.time).toISOString(), by: f.manager }]));
    const newest = writes.sort((a, b) => b.at.localeCompare(a.at))[0];
    const at = newest?.at ?? (value.metadata?.creationTimestamp ? new Date(value.metadata.creationTimestamp).toISOString() : undefined);
    return at === undefined ? [] : [{ configMap: item, updatedAt: at, ...(newest?.by ? { by: newest.by } : {}) }];
  });
  return configUpdates.length === 0 ? members : { ...members, configUpdates };
}
