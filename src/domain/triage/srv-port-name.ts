/**
 * An SRV name for a port a Service does not name. The cluster DNS publishes
 * `_<port-name>._<proto>.<service>.<namespace>.svc.<domain>` only for a Service port with that
 * name; a client that finds its peer by SRV (gRPC's dns-srv resolver, Consul-style discovery)
 * gets NXDOMAIN as soon as the port is renamed (a chart that now calls `grpc` `grpc-api`), while
 * the Service, its endpoints and its A record are all fine. Pure: reads the Services of the namespace.
 */
import type { ServiceEvidence } from './evidence-network.js';
import { findInClusterService } from './down-service.js';

const SRV = /^_([\w-]+)\._(tcp|udp|sctp)\.(.+)$/i;

export interface SrvPortGap {
  /** "Service ledger has no port named grpc (its ports: grpc-api, metrics), so the cluster DNS publishes no SRV record _grpc._tcp for it". */
  text: string;
  fix: string;
}

export function describeSrvPortGap(services: readonly ServiceEvidence[], host: string, namespace: string): SrvPortGap | undefined {
  const m = SRV.exec(host.replace(/:\d+$/, ''));
  if (!m) return undefined;
  const [port, proto, rest] = [m[1] ?? '', (m[2] ?? '').toUpperCase(), m[3] ?? ''];
  const ref = findInClusterService(rest, namespace);
  if (ref === undefined || ref.namespace !== namespace) return undefined;
  const svc = services.find((s) => s.name === ref.name);
  if (!svc || svc.ports.length === 0) return undefined;
  if (svc.ports.some((p) => p.name === port && p.protocol === proto)) return undefined;
  const named = svc.ports.flatMap((p) => (p.name ? [`${p.name} (${p.port}/${p.protocol})`] : [`${p.port}/${p.protocol} (unnamed)`]));
  return {
    text: `Service ${svc.name} has no ${proto === 'TCP' ? '' : `${proto} `}port named ${port} (its ports: ${named.join(', ')}), so the cluster DNS publishes no SRV record _${port}._${proto.toLowerCase()} for it`,
    fix: `name the port of Service ${svc.name} ${port} again (or add a port named ${port}), or point the client's SRV name at the port's new name`,
  };
}
