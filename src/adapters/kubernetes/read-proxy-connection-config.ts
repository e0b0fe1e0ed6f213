// The connection settings of an nginx in the workload's pods, from one get of the ConfigMap its
// container mounts. Where it runs out of connections again and again ("512 worker_connections are
// not enough", "accept4() failed (24: Too many open files)"; pickConnectionConfigRead) only
// worker_connections, worker_processes and worker_rlimit_nofile are kept; where it fails to connect
// to an upstream IP again and again (pickUpstreamConfigRead) only proxy_pass, upstream servers and
// resolver — the names it resolved at start; where upstreams close or reset its requests before
// their header again and again (pickKeepaliveConfigRead) only the upstream blocks that keep idle
// connections (keepalive, keepalive_timeout, their servers); where php-fpm behind it answers
// "Primary script unknown" again and again (pickScriptRootConfigRead) only `root` and the
// SCRIPT_FILENAME fastcgi_param. The rest of the data is dropped at once. Never a Secret; nothing
// at all when no log asks for it.
import type { LogEvidence, PodEvidence } from '../../domain/triage/evidence.js';
import type { ProxyConfigEvidence } from '../../domain/triage/evidence-proxy-config.js';
import { findNginxDirective } from '../../domain/triage/proxy-body-limit.js';
import { findNginxDirectiveArgs, pickUpstreamConfigRead, UPSTREAM_SETTINGS } from '../../domain/triage/proxy-upstream-name.js';
import { CONNECTION_SETTINGS, pickConnectionConfigRead } from '../../domain/triage/proxy-worker-connections.js';
import { findUpstreamKeepalive, pickKeepaliveConfigRead } from '../../domain/triage/proxy-keepalive-race.js';
import { pickScriptRootConfigRead, SCRIPT_FILENAME_PARAM, SCRIPT_ROOT_SETTINGS } from '../../domain/triage/php-script-root.js';
import type { CollectContext } from './collect-context.js';
import { getConfigMaps } from './get-config-maps.js';

export async function readProxyConnectionConfig(ctx: CollectContext, seen: { logs: readonly LogEvidence[]; pods: readonly PodEvidence[] }): Promise<ProxyConfigEvidence[]> {
  const exhausted = pickConnectionConfigRead(seen);
  const upstream = pickUpstreamConfigRead(seen);
  const keepalive = pickKeepaliveConfigRead(seen);
  const scriptRoot = pickScriptRootConfigRead(seen);
  const configMap = exhausted ?? upstream ?? keepalive ?? scriptRoot;
  if (configMap === undefined) return [];
  const got = await getConfigMaps(ctx, [configMap], 'ConfigMap mounted by a proxy that runs out of connections, cannot connect upstream or has its upstream answers cut or its scripts not found', (name) => name);
  return got.flatMap(({ item, value }) =>
    Object.entries(value.data ?? {}).flatMap(([key, text]) => [
      ...(exhausted === item ? CONNECTION_SETTINGS.flatMap((setting) => findNginxDirective(text, setting).map((v) => ({ configMap: item, key, setting, value: v, mountedNow: true }))) : []),
      ...(upstream === item ? UPSTREAM_SETTINGS.flatMap((setting) => findNginxDirectiveArgs(text, setting).map((v) => ({ configMap: item, key, setting, value: v, mountedNow: true }))) : []),
      ...(keepalive === item
        ? findUpstreamKeepalive(text).flatMap((b) => {
            const upstream = { name: b.upstream, servers: b.servers };
            return [
              { configMap: item, key, setting: 'keepalive', value: b.connections, mountedNow: true, upstream },
              ...(b.timeout !== undefined ? [{ configMap: item, key, setting: 'keepalive_timeout', value: b.timeout, mountedNow: true, upstream }] : []),
            ];
          })
        : []),
      ...(scriptRoot === item
        ? SCRIPT_ROOT_SETTINGS.flatMap((setting) =>
            findNginxDirectiveArgs(text, setting)
              .filter((v) => setting !== 'fastcgi_param' || SCRIPT_FILENAME_PARAM.test(v))
              .map((v) => ({ configMap: item, key, setting, value: v, mountedNow: true })),
          )
        : []),
    ]),
  );
}
