/**
 * HTTP calls a peer of the namespace answers 404 Not Found, again and again, on one path: the peer
 * is up and answers, but the version it runs has no such route. When the peer's newest revision
 * came just before the first 404 and the caller did not change, that release removed or moved the
 * route its callers still use (an API version retired, a legacy-routes flag dropped). The peer's
 * rollout history decides (read-peer-rollout.ts, read only when this finds such calls and a peer).
 * Only a client's words count (a URL with its host, a client exception): a server's own access log
 * of 404s to strangers is no sign.
 */
import { type PeerSeen, collectPeerLines, findPeerService } from './peer-hits.js';

export interface MissingRoute {
  /** The words that say it: "404 Not Found", else the client's own ("status=404", "Request failed with status code 404"). */
  quote: string;
  /** The path answered 404 ("/v1/quotes"), without its query, when the line says it. */
  path?: string;
}

/** A 404 as HTTP clients report it: Spring's NotFound, requests' HTTPError, axios, Go's "unexpected status", a logged status. */
const STATUS_404 = /\b404 Not Found\b|HttpClientErrorException\$NotFound|\b404 Client Error: Not Found\b|Request failed with status code 404\b|\bunexpected (?:status|response)(?: code)?:? 404\b|\bstatus(?:Code|_code)?"?\s*[=:]\s*404\b/i;
/** The signs the line is the client's: a URL with a host it called, or a client library's exception. */
const CLIENT = /\bhttps?:\/\/[\w.-]+|HttpClientErrorException|\bfor url:|Request failed with status code|\bAxiosError\b|\bFeignException\b/i;
/** The path: of the URL called, else of a Spring error body ("path":"/v1/quotes"). */
const URL_PATH = /\bhttps?:\/\/[\w.-]+(?::\d+)?(\/[\w./~%-]*)/i;
const BODY_PATH = /"path"\s*:\s*"(\/[^"?\s]*)"/;

export function parseMissingRoute(line: string): MissingRoute | undefined {
  const m = STATUS_404.exec(line);
  if (m === null || !CLIENT.test(line)) return undefined;
  const path = URL_PATH.exec(line)?.[1] ?? BODY_PATH.exec(line)?.[1];
  return { quote: /404 Not Found/i.test(line) ? '404 Not Found' : m[0], ...(path && path !== '/' ? { path } : {}) };
}

export interface MissingRouteHit {
  pod: string;
  container: string;
  line: string;
  route: MissingRoute;
}

export interface MissingRoutes {
  hits: MissingRouteHit[];
  /** The path most of them name. */
  path?: string;
  /** The Service of the namespace that answers them, when the lines or the env say. */
  peer?: string;
  peerBy?: string;
}

export function findMissingRoutes(seen: PeerSeen): MissingRoutes | undefined {
  const hits: MissingRouteHit[] = collectPeerLines(seen, parseMissingRoute).map(({ value, ...h }) => ({ ...h, route: value }));
  if (hits.length === 0) return undefined;
  const counts = new Map<string, number>();
  for (const h of hits) if (h.route.path) counts.set(h.route.path, (counts.get(h.route.path) ?? 0) + 1);
  const path = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  const { peer, peerBy } = findPeerService(seen, hits, { selectorOnly: true });
  return { hits, ...(path ? { path } : {}), ...(peer && peerBy ? { peer, peerBy } : {}) };
}
