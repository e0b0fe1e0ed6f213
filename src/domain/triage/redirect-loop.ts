/**
 * An app that answers (nearly) every caller's request with a redirect to the https form of the
 * very URL asked: behind a proxy that ends TLS and forwards plain HTTP (with X-Forwarded-Proto:
 * https), an app told to force https (Django's SECURE_SSL_REDIRECT, Rails' force_ssl, a
 * FORCE_HTTPS switch) that does not trust the proxy's header sees every request as insecure and
 * redirects it to where it already is — browsers follow until "too many redirects". The probes'
 * paths are often exempt, so the pods stay Ready. Read from the access log: redirects are most of
 * the callers' requests, and they loop (the Location is the same URL over https and the request
 * came over https at the edge, or one client asks the same path again and again).
 */
import type { ContainerSpecEvidence, LogEvidence, PodEvidence } from './evidence-pod.js';
import type { IsoTime } from './evidence.js';
import type { NamespaceObjectEvidence } from './evidence-context.js';
import { readServedRequests } from './served-requests.js';
import type { ServedRequest } from './served-requests.js';
import { earliest } from './time-span.js';

const REDIRECT = new Set([301, 302, 303, 307, 308]);
/** Redirects it takes, and their share of the callers' requests: the rule, not a few moved pages. */
export const MIN_REDIRECTS = 8;
export const MIN_REDIRECT_SHARE = 0.8;
/** The same client asking the same path this often, each answered a redirect, is going round. */
const MIN_REPEATS = 3;

/** Keys that switch a forced https redirect on, by the names frameworks and charts give them. */
export const SSL_REDIRECT_KEY = /SSL_REDIRECT|FORCE_SSL|FORCE_HTTPS|HTTPS_REDIRECT|REDIRECT_(?:TO_)?HTTPS|REQUIRE_HTTPS|HTTPS_ONLY/i;
/** Keys that make the app trust the proxy's scheme header. */
const TRUST_KEY = /PROXY_SSL_HEADER|FORWARDED_PROTO|TRUST(?:ED)?_PROX(?:Y|IES)|PROXY_HEADERS|FORWARDED_ALLOW_IPS|FORWARD_HEADERS_STRATEGY/i;

export interface RedirectLoop {
  container: string;
  status: number;
  redirects: number;
  /** The callers' requests (probes left out). */
  total: number;
  /** Redirects whose Location is the same path over https. */
  sameUrl: number;
  /** Redirects of requests that came over https at the edge (X-Forwarded-Proto). */
  forwardedHttps: number;
  /** Redirects of a path one client asked again and again. */
  repeated: number;
  probesServed: number;
  paths: string[];
  pods: string[];
  line: string;
  pod: string;
  firstAt?: IsoTime;
}

function pathOnly(p: string): string {
  return p.replace(/[?#].*$/, '');
}

function isSameUrl(r: ServedRequest): boolean {
  if (r.location === undefined || !r.location.toLowerCase().startsWith('https://')) return false;
  const m = /^https:\/\/[^/]+(\/[^?#]*)?/i.exec(r.location);
  return pathOnly(m?.[1] ?? '/') === pathOnly(r.path);
}

/** The container whose callers are (nearly) all answered a looping redirect; else undefined. */
export function findRedirectLoop(logs: readonly LogEvidence[], pods: readonly PodEvidence[]): RedirectLoop | undefined {
  const served = readServedRequests(logs, pods);
  const byContainer = new Map<string, ServedRequest[]>();
  for (const r of served) byContainer.set(r.container, [...(byContainer.get(r.container) ?? []), r]);
  let best: RedirectLoop | undefined;
  for (const [container, all] of byContainer) {
    const callers = all.filter((r) => !r.probe);
    const redirects = callers.filter((r) => REDIRECT.has(r.status));
    if (redirects.length < MIN_REDIRECTS || redirects.length < MIN_REDIRECT_SHARE * callers.length) continue;
    const asks = new Map<string, number>();
    for (const r of redirects) if (r.client !== undefined) asks.set(`${r.pod} ${r.client} ${pathOnly(r.path)}`, (asks.get(`${r.pod} ${r.client} ${pathOnly(r.path)}`) ?? 0) + 1);
    const isRepeated = (r: ServedRequest) => r.client !== undefined && (asks.get(`${r.pod} ${r.client} ${pathOnly(r.path)}`) ?? 0) >= MIN_REPEATS;
    const sameUrl = redirects.filter(isSameUrl);
    const forwardedHttps = redirects.filter((r) => r.forwardedProto === 'https');
    // A loop, not a redirector: the Location is where the request already was (https at the edge), or callers come back for the same path.
    const looping = redirects.filter((r) => (isSameUrl(r) && r.forwardedProto === 'https') || isRepeated(r));
    if (looping.length < MIN_REDIRECTS || looping.length * 2 < redirects.length) continue;
    if (best !== undefined && best.redirects >= redirects.length) continue;
    const counts = new Map<number, number>();
    for (const r of redirects) counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
    const status = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 301;
    const last = looping[looping.length - 1];
    const first = earliest(redirects.map((r) => r.at));
    best = {
      container,
      status,
      redirects: redirects.length,
      total: callers.length,
      sameUrl: sameUrl.length,
      forwardedHttps: forwardedHttps.length,
      repeated: redirects.filter(isRepeated).length,
      probesServed: all.filter((r) => r.probe && r.status >= 200 && r.status < 300).length,
      paths: [...new Set(redirects.map((r) => pathOnly(r.path)))].slice(0, 3),
      pods: [...new Set(redirects.map((r) => r.pod))],
      line: last?.line ?? '',
      pod: last?.pod ?? '',
      ...(first ? { firstAt: first } : {}),
    };
  }
  return best;
}

export interface RedirectSetting {
  /** `ConfigMap account-env` or `env of container app`. */
  source: string;
  configMap?: string;
  key: string;
  changedAt?: IsoTime;
  /** Whether a key that trusts the proxy's scheme header sits beside it. */
  trustKey?: string;
}

/**
 * Where the container's forced https redirect is switched on, by the key's name (values are not
 * read): an env var of its own, or a key of a ConfigMap it takes its variables from (envFrom).
 */
export function findRedirectSetting(container: ContainerSpecEvidence | undefined, objects: readonly NamespaceObjectEvidence[]): RedirectSetting | undefined {
  if (container === undefined) return undefined;
  const ownNames = (container.env ?? []).map((e) => e.name);
  const ownTrust = ownNames.find((n) => TRUST_KEY.test(n));
  for (const from of container.envFrom ?? []) {
    if (from.kind !== 'configMap') continue;
    const cm = objects.find((o) => o.kind === 'ConfigMap' && o.name === from.name);
    const key = cm?.keys?.find((k) => SSL_REDIRECT_KEY.test(k));
    if (cm === undefined || key === undefined) continue;
    const trust = cm.keys?.find((k) => TRUST_KEY.test(k)) ?? ownTrust;
    return { source: `ConfigMap ${cm.name}`, configMap: cm.name, key: `${from.prefix ?? ''}${key}`, ...(cm.changedAt ? { changedAt: cm.changedAt } : {}), ...(trust ? { trustKey: trust } : {}) };
  }
  const own = (container.env ?? []).find((e) => SSL_REDIRECT_KEY.test(e.name));
  if (own === undefined) return undefined;
  const cmName = 'ref' in own && own.ref.kind === 'configMap' ? own.ref.name : undefined;
  const cm = cmName === undefined ? undefined : objects.find((o) => o.kind === 'ConfigMap' && o.name === cmName);
  return {
    source: cmName ? `ConfigMap ${cmName}` : `the env of container ${container.name}`,
    ...(cmName ? { configMap: cmName } : {}),
    key: own.name,
    ...(cm?.changedAt ? { changedAt: cm.changedAt } : {}),
    ...(ownTrust ? { trustKey: ownTrust } : {}),
  };
}
