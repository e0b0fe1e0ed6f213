/**
 * gRPC calls the server answers UNIMPLEMENTED: it has no such method (or service) registered.
 * The server is up and answers; it runs a version that does not have what the caller calls. Either
 * the caller's new release calls a method its server does not have yet (the server's release with
 * it is not out, or its rollout is stuck), or the server's new release dropped it. So the server is
 * the peer whose rollout history and pods decide which (read-peer-rollout.ts and the called
 * Services' pods are read only when this finds such calls and a peer).
 */
import { splitWords } from './env-dependency.js';
import { type PeerSeen, collectPeerLines, findPeerService } from './peer-hits.js';

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

export function findUnimplementedCalls(seen: PeerSeen): UnimplementedCalls | undefined {
  const hits: UnimplementedHit[] = collectPeerLines(seen, parseUnimplementedCall).map(({ value, ...h }) => ({ ...h, call: value }));
  if (hits.length === 0) return undefined;
  // The lines name the server, or the client's target is in its env (dns:///inventory-api.ns.svc:9090).
  const { peer, peerBy, others } = findPeerService(seen, hits, { selectorOnly: true });
  if (peer && peerBy) return { hits, peer, peerBy };
  // The gRPC package or service names what serves it (inventory.v1.InventoryService → inventory-api): one Service only.
  const words = splitWords(hits.flatMap((h) => (h.call.service ? [h.call.service.replace(/\.v\d+\w*\./g, '.').replace(/Service$/, '')] : [])).join(' '));
  const byName = others.filter((s) => [...splitWords(s.name)].some((w) => words.has(w)));
  return byName.length === 1 && byName[0] ? { hits, peer: byName[0].name, peerBy: 'the gRPC service\'s name' } : { hits };
}
