/**
 * gRPC calls the server answers UNIMPLEMENTED: it has no such method (or service) registered.
 * The server is up and answers; it runs a version that does not have what the caller calls. Either
 * the caller's new release calls a method its server does not have yet (the server's release with
 * it is not out, or its rollout is stuck), or the server's new release dropped it. So the server is
 * the peer whose rollout history and pods decide which (read-peer-rollout.ts and the called
 * Services' pods are read only when this finds such calls and a peer).
 */
import type { LogEvidence, PodEvidence } from './evidence-pod.js';
import type { IsoTime } from './evidence-spec.js';
import type { ServiceEvidence } from './evidence-network.js';
import { namesService } from './called-service.js';
import { findInClusterService } from './down-service.js';
import { pickEnvDependency, splitWords } from './env-dependency.js';
import { isPodFailing } from './pod-status.js';

/** Such answers in a ready pod's log tail before they count: one stray call is not an outage. */
const READY_POD_THRESHOLD = 3;

export interface UnimplementedCall {
  /** The words that say it: "code = Unimplemented desc = Method not found: pkg.Svc/Method". */
  quote: string;
  /** "inventory.v1.InventoryService/ReserveBatch", when the answer names it. */
  method?: string;
  /** "inventory.v1.InventoryService", when the answer names it. */
  service?: string;
}

/** A status the client reports: grpc-go's "code = Unimplemented", grpc-java's and grpc-node's "UNIMPLEMENTED:" (12). */
const STATUS = /(?:code = Unimplemented desc = |\bUNIMPLEMENTED: |\b12 UNIMPLEMENTED: )([^"\n]*)/;
/** What the server said it lacks: grpc-java "Method not found: pkg.Svc/M"; grpc-go "unknown method M for service pkg.Svc", "unknown service pkg.Svc"; grpc-node "does not implement the method /pkg.Svc/M". */
const FULL_METHOD = /(?:Method not found|does not implement the method):? \/?([\w.]+)\/(\w+)/i;
const GO_METHOD = /unknown method (\w+) for service ([\w.]+)/;
const GO_SERVICE = /unknown service ([\w.]+)/;

/** The server's own infrastructure services (health, reflection): a client probing them is not a failing call. */
const INFRA_SERVICE = /^grpc\./;

export function parseUnimplementedCall(line: string): UnimplementedCall | undefined {
  const m = STATUS.exec(line);
  if (m === null) return undefined;
  const desc = (m[1] ?? '').trim();
  const quote = m[0].replace(/[\s,;]+$/, '').trim();
  const full = FULL_METHOD.exec(desc);
  const go = GO_METHOD.exec(desc);
  const service = full?.[1] ?? go?.[2] ?? GO_SERVICE.exec(desc)?.[1];
  if (service !== undefined && INFRA_SERVICE.test(service)) return undefined;
  const name = full?.[2] ?? go?.[1];
  return { quote, ...(service ? { service } : {}), ...(service && name ? { method: `${service}/${name}` } : {}) };
}

export interface UnimplementedHit {
  pod: string;
  container: string;
  line: string;
  call: UnimplementedCall;
}

export interface UnimplementedCalls {
  hits: UnimplementedHit[];
  /** The Service of the namespace that answers them, when the lines, the env or the gRPC service's name say. */
  peer?: string;
  /** How the peer was found: "env INVENTORY_GRPC_TARGET", "the lines name it", "the gRPC service's name". */
  peerBy?: string;
}

export function findUnimplementedCalls(seen: { logs: readonly LogEvidence[]; pods: readonly PodEvidence[]; services: readonly ServiceEvidence[]; namespace: string; collectedAt: IsoTime }): UnimplementedCalls | undefined {
  const hits: UnimplementedHit[] = [];
  for (const log of seen.logs) {
    const pod = seen.pods.find((p) => p.name === log.pod);
    if (pod === undefined) continue;
    const mine = log.lines.flatMap((line) => {
      const call = parseUnimplementedCall(line);
      return call === undefined ? [] : [{ pod: log.pod, container: log.container, line: line.trim(), call }];
    });
    if (mine.length > 0 && (log.previous || isPodFailing(pod, seen.collectedAt) || mine.length >= READY_POD_THRESHOLD)) hits.push(...mine);
  }
  if (hits.length === 0) return undefined;
  const own = new Set(seen.pods.flatMap((p) => seen.services.filter((s) => Object.keys(s.selector).length > 0 && Object.entries(s.selector).every(([k, v]) => p.labels[k] === v)).map((s) => s.name)));
  const others = seen.services.filter((s) => !own.has(s.name) && s.type !== 'ExternalName' && Object.keys(s.selector).length > 0);
  const named = others.find((s) => hits.some((h) => namesService(h.line, s, seen.namespace)));
  if (named) return { hits, peer: named.name, peerBy: 'the lines name it' };
  // The client's target is in its env (dns:///inventory-api.ns.svc:9090), picked by the words the lines share with it.
  const first = hits[0] as UnimplementedHit;
  const container = seen.pods.find((p) => p.name === first.pod)?.containers.find((c) => c.name === first.container);
  const dep = pickEnvDependency(container, [...new Set(hits.map((h) => h.line))]);
  const ref = dep === undefined ? undefined : findInClusterService(dep.host, seen.namespace);
  const fromEnv = ref?.namespace === seen.namespace ? others.find((s) => s.name === ref.name) : undefined;
  if (fromEnv && dep) return { hits, peer: fromEnv.name, peerBy: `env ${dep.env}` };
  // The gRPC package or service names what serves it (inventory.v1.InventoryService → inventory-api): one Service only.
  const words = splitWords(hits.flatMap((h) => (h.call.service ? [h.call.service.replace(/\.v\d+\w*\./g, '.').replace(/Service$/, '')] : [])).join(' '));
  const byName = others.filter((s) => [...splitWords(s.name)].some((w) => words.has(w)));
  return byName.length === 1 && byName[0] ? { hits, peer: byName[0].name, peerBy: 'the gRPC service\'s name' } : { hits };
}
