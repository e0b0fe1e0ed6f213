// The connection limits of an nginx in the workload's pods that runs out of connections again and
// again ("512 worker_connections are not enough", "accept4() failed (24: Too many open files)"):
// one get of the ConfigMap its container mounts (pickConnectionConfigRead). The limits live only in
// that file; only worker_connections, worker_processes and worker_rlimit_nofile are kept, the rest
// of the data is dropped at once. Never a Secret; nothing at all when no log runs out.
import type { LogEvidence, PodEvidence } from '../../domain/triage/evidence.js';
import type { ProxyConfigEvidence } from '../../domain/triage/evidence-proxy-config.js';
import { findNginxDirective } from '../../domain/triage/proxy-body-limit.js';
import { CONNECTION_SETTINGS, pickConnectionConfigRead } from '../../domain/triage/proxy-worker-connections.js';
import type { CollectContext } from './collect-context.js';

export async function readProxyConnectionConfig(ctx: CollectContext, seen: { logs: readonly LogEvidence[]; pods: readonly PodEvidence[] }): Promise<ProxyConfigEvidence[]> {
  const configMap = pickConnectionConfigRead(seen);
  if (configMap === undefined) return [];
  const got = await ctx.reads.each([configMap], { label: 'ConfigMap mounted by a proxy that runs out of connections', source: 'namespaceObjects', what: (name) => `ConfigMap ${name}`, limit: ctx.objectGate }, (name, options) =>
    ctx.clients.core.readNamespacedConfigMap({ name, namespace: ctx.namespace }, options),
  );
  return got.flatMap(({ item, value }) =>
    Object.entries(value.data ?? {}).flatMap(([key, text]) =>
      CONNECTION_SETTINGS.flatMap((setting) => findNginxDirective(text, setting).map((v) => ({ configMap: item, key, setting, value: v, mountedNow: true }))),
    ),
  );
}
