/**
 * A peer's HTTP answers whose status line says what is wrong with the request itself, as the
 * calling client logged them (the peer's error page in the body, or the client library's words):
 * - a plain HTTP request to a port that serves TLS: nginx's 400 "The plain HTTP request was sent to
 *   HTTPS port", Go's net/http "Client sent an HTTP request to an HTTPS server.", Apache's "speaking
 *   plain HTTP to an SSL-enabled server port". The peer turned TLS on where its callers speak HTTP.
 * - a request line past the server's limit: 414 "Request-URI Too Large" (nginx, whose request line
 *   must fit one of large_client_header_buffers, 8k by default), "Request-URI Too Long" (Apache's
 *   LimitRequestLine, 8190), "URI Too Long" (RFC 9110; Kestrel's MaxRequestLineSize, 8192). What
 *   the client puts in the URL (a query string) grew past the limit.
 * - a request sent with "Expect: 100-continue" (curl for a body past 1 MB, .NET's HttpClient, the
 *   AWS SDKs for PUTs): 417 "Expectation Failed" from a server or proxy that does not take the
 *   Expect mechanism — an HTTP/1.0 one such as squid 2.x, whose ignore_expect_100 is off by
 *   default. Only requests with a body fail; small GETs pass.
 * The peer is up and answers; its pods stay Ready and the caller's own pods too. Either way it is
 * one side's change against the other's unchanged setting, so whose rollout came first decides the
 * since. The peer is the Service the lines name, else the one the client's env points at, else the
 * forward proxy of the namespace its HTTP(S)_PROXY sends calls to outside the cluster through.
 */
import type { ContainerSpecEvidence } from './evidence.js';
import { type PeerSeen, collectPeerLines, findPeerService } from './peer-hits.js';
import { findProxyPeer } from './proxy-peer.js';

export type RequestRefusalKind = 'plain-http-to-tls' | 'uri-too-long' | 'expectation-failed';

export interface RequestRefusal {
  kind: RequestRefusalKind;
  status: '400' | '414' | '417';
  /** The words that say it, as the peer wrote them. */
  quote: string;
  /** The server software whose limit or page it is, when the answer says (its error page's footer). */
  server?: 'nginx' | 'apache' | 'kestrel';
  /** The length of the refused URL, when the client logs it (`"urlLength":9120`). */
  uriLength?: number;
}

/** A TLS server's answer to a plain HTTP request, in its own words (never its own log's: Go's server logs the same words in lower case after "TLS handshake error"). */
const PLAIN_TO_TLS: readonly { words: RegExp; server?: RequestRefusal['server'] }[] = [
  { words: /The plain HTTP request was sent to HTTPS port/, server: 'nginx' },
  { words: /Client sent an HTTP request to an HTTPS server/ },
  { words: /speaking plain HTTP to an SSL-enabled server port/, server: 'apache' },
];
/** 414's reason phrases: RFC 2616's and nginx's, RFC 9110's. */
const URI_TOO_LONG = /\bRequest-URI Too (?:Large|Long)\b|\bURI Too Long\b|HttpClientErrorException\$UriTooLong/i;
/**
 * A client library's own words for a 414, counted only beside the URL it called. A bare `status: 414`
 * field is left out: a proxy's own JSON access log has one too, with a referer for its URL.
 */
const STATUS_414 = /Request failed with status code 414\b|\bunexpected (?:status|response)(?: code)?:? 414\b|\b414 Client Error\b/i;
/** 417's reason phrase, and a client library's words for a 417, counted only beside the URL it called. */
const EXPECTATION_FAILED = /\b(?:417 )?Expectation Failed\b|HttpClientErrorException\$ExpectationFailed/i;
const STATUS_417 = /Request failed with status code 417\b|\bunexpected (?:status|response)(?: code)?:? 417\b|\b417 Client Error\b|\bstatus(?:[_ ]?code)?"?\s*[:=]\s*"?417\b/i;
const CALLED_URL = /\bhttps?:\/\/[\w.-]+/i;
const URI_LENGTH = /"?(?:url|uri|request[_-]?line|query)[_-]?(?:len|length|size|bytes)"?\s*[:=]\s*(\d{3,})/i;

function serverOf(line: string): RequestRefusal['server'] {
  if (/\bnginx\b|openresty/i.test(line)) return 'nginx';
  if (/\bApache\b|\bhttpd\b/.test(line)) return 'apache';
  if (/\bKestrel\b/i.test(line)) return 'kestrel';
  return undefined;
}

/** One client log line → the request refusal it reports, if any. */
export function parseRequestRefusal(line: string): RequestRefusal | undefined {
  if (/TLS handshake error/i.test(line)) return undefined;
  const server = serverOf(line);
  const on = server === undefined ? {} : { server };
  for (const p of PLAIN_TO_TLS) {
    const quote = p.words.exec(line)?.[0];
    const by = p.server ?? server;
    if (quote !== undefined) return { kind: 'plain-http-to-tls', status: '400', quote, ...(by === undefined ? {} : { server: by }) };
  }
  if (EXPECTATION_FAILED.test(line) || (STATUS_417.test(line) && CALLED_URL.test(line))) return { kind: 'expectation-failed', status: '417', quote: '417 Expectation Failed', ...on };
  const phrase = URI_TOO_LONG.exec(line)?.[0];
  if (phrase === undefined && !(STATUS_414.test(line) && CALLED_URL.test(line))) return undefined;
  const length = URI_LENGTH.exec(line)?.[1];
  const quote = phrase === undefined ? '414' : /UriTooLong/.test(phrase) ? '414 URI Too Long' : `414 ${phrase}`;
  return { kind: 'uri-too-long', status: '414', quote, ...on, ...(length === undefined ? {} : { uriLength: Number(length) }) };
}

export interface RequestRefusalHit {
  pod: string;
  container: string;
  line: string;
  refusal: RequestRefusal;
}

export interface RequestRefusals {
  kind: RequestRefusalKind;
  hits: RequestRefusalHit[];
  /** The server software, when any answer names it. */
  server?: RequestRefusal['server'];
  /** The longest refused URL a line states. */
  longestUri?: number;
  /** The Service of the namespace that answers, when the lines or the env say. */
  peer?: string;
  peerBy?: string;
}

/** The refusals of the most frequent kind, from every crashed or failing pod and from a ready pod's tail past the threshold. */
export function findRequestRefusals(seen: PeerSeen): RequestRefusals | undefined {
  const all: RequestRefusalHit[] = collectPeerLines(seen, parseRequestRefusal).map(({ value, ...h }) => ({ ...h, refusal: value }));
  if (all.length === 0) return undefined;
  const count = (k: RequestRefusalKind) => all.filter((h) => h.refusal.kind === k).length;
  const kinds: RequestRefusalKind[] = ['plain-http-to-tls', 'uri-too-long', 'expectation-failed'];
  const kind = kinds.reduce((a, b) => (count(b) > count(a) ? b : a));
  const hits = all.filter((h) => h.refusal.kind === kind);
  const server = hits.find((h) => h.refusal.server !== undefined)?.refusal.server;
  const lengths = hits.flatMap((h) => (h.refusal.uriLength === undefined ? [] : [h.refusal.uriLength]));
  const named = findPeerService(seen, hits, { selectorOnly: true });
  // Calls to a host outside the cluster reach it through the namespace's forward proxy, when the env names one: it answers first.
  const { peer, peerBy } = named.peer !== undefined ? named : findProxyPeer(seen, hits, named.others);
  return {
    kind,
    hits,
    ...(server === undefined ? {} : { server }),
    ...(lengths.length > 0 ? { longestUri: Math.max(...lengths) } : {}),
    ...(peer && peerBy ? { peer, peerBy } : {}),
  };
}

/** The limit a request line meets, by server: its setting, its default, how to raise it. */
export const REQUEST_LINE_LIMITS: Readonly<Record<NonNullable<RequestRefusal['server']>, { setting: string; defaultText: string }>> = {
  nginx: { setting: 'large_client_header_buffers', defaultText: "nginx's large_client_header_buffers, 4 8k by default: the request line must fit one buffer" },
  apache: { setting: 'LimitRequestLine', defaultText: "Apache's LimitRequestLine, 8190 bytes by default" },
  kestrel: { setting: 'KestrelServerOptions.Limits.MaxRequestLineSize', defaultText: "Kestrel's Limits.MaxRequestLineSize, 8192 bytes by default" },
};

/** The env variable of the client's container that calls the peer in plain http:// (its host names the peer). */
export function findPlainHttpAddress(c: ContainerSpecEvidence | undefined, peer: string, namespace: string): { env: string; value: string } | undefined {
  const host = new RegExp(`^http://${peer.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:\\.${namespace.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:\\.svc(?:\\.[\\w.-]+)?)?)?(?::\\d+)?(?:[/?#]|$)`, 'i');
  for (const e of c?.env ?? []) if ('value' in e && host.test(e.value.trim())) return { env: e.name, value: e.value.trim() };
  return undefined;
}
