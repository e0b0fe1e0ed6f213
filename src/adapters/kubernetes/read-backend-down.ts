// Where the workload's own HAProxy says a backend has no server available and answers <NOSRV>
// 503s (pickBackendDownRead): one get of the ConfigMap its container mounts (only that backend's
// servers' host and health check are kept), and, when the host is a Service of the namespace,
// one list of that Service's ReplicaSets (at most 10) with their probes — whether the servers'
// newest revision moved what the check asks for. Never a Secret; nothing when no log asks.
import type { LogEvidence, PodEvidence, ServiceEvidence } from '../../domain/triage/evidence.js';
import type { BackendDownEvidence } from '../../domain/triage/evidence-backend-down.js';
import { pickBackendDownRead, readHaproxyBackendCheck, serviceOfHost } from '../../domain/triage/haproxy-backend-down.js';
import type { CollectContext } from './collect-context.js';
import { getConfigMaps } from './get-config-maps.js';
import { readPeerRollout } from './read-peer-rollout.js';

export async function readBackendDown(ctx: CollectContext, seen: { logs: readonly LogEvidence[]; pods: readonly PodEvidence[]; services: readonly ServiceEvidence[] }): Promise<BackendDownEvidence | undefined> {
  const lead = pickBackendDownRead(seen);
  if (lead === undefined) return undefined;
  const got = await getConfigMaps(ctx, [lead.configMap], 'ConfigMap mounted by an HAProxy that lost every server of a backend (its servers and health check)', (name) => name);
  let found: { key: string; check: NonNullable<ReturnType<typeof readHaproxyBackendCheck>> } | undefined;
  for (const { value } of got) {
    for (const [key, text] of Object.entries(value.data ?? {})) {
      const check = readHaproxyBackendCheck(text, lead.backend);
      if (check !== undefined && found === undefined) found = { key, check };
    }
  }
  if (found === undefined) return undefined;
  const name = found.check.host === undefined ? undefined : serviceOfHost(found.check.host, ctx.namespace);
  const svc = seen.services.find((s) => s.name === name);
  const rollout = svc === undefined ? undefined : await readPeerRollout(ctx, svc, { probes: true, why: 'the backend its HAProxy marked DOWN (what its servers answer on now)' });
  return {
    configMap: lead.configMap,
    key: found.key,
    check: found.check,
    ...(svc !== undefined ? { service: svc.name } : {}),
    ...(rollout !== undefined ? { rollout } : {}),
  };
}
