/**
 * An ingress controller or proxy reporting that a route references an object that does not exist:
 * Traefik's `middleware "strip@kubernetescrd" does not exist` (or `the service "x" does not exist`,
 * `secret ns/x does not exist`, a TLS option or servers transport) with the router that references
 * it (`routerName=…`, `ingress=…`). Traefik does not build such a router at all: the requests it
 * would have matched fall through to no router and get the proxy's own 404 (or a lower-priority
 * route), while the proxy's pods stay Ready. A missing TLS secret leaves the route on the default
 * certificate instead. The fault is in the routing objects (renamed or deleted, or a reference
 * with a typo), not in the proxy. Pure: reads log lines only.
 */
import { isErrorLine } from './error-line.js';

/** `middleware "x@provider" does not exist`, `the service "x" does not exist`, `secret ns/x not found`. */
const MISSING = /\b(middleware|service|secret|tls ?option|servers ?transport|certificate)s?\s+"?([\w.@/:-]+?)"?\s+(?:does not exist|doesn't exist|(?:was |is )?not found)\b/i;
/** The router (Traefik's `routerName=`, JSON `"routerName":`) or Ingress that references it. */
const ROUTER = /\b(?:routerName|router)"?\s*[=:]\s*"?([^"\s,}]+)/;
const INGRESS = /\bingress(?:Name)?"?\s*[=:]\s*"?([^"\s,}]+)/i;
const NAMESPACE = /\bnamespace"?\s*[=:]\s*"?([^"\s,}]+)/;
const ENTRY_POINT = /\bentryPointName"?\s*[=:]\s*"?([^"\s,}]+)/;

export type MissingKind = 'middleware' | 'service' | 'secret' | 'TLS option' | 'servers transport' | 'certificate';

export interface MissingReference {
  kind: MissingKind;
  /** The missing object as the proxy names it: `strip@kubernetescrd`, `shop/tls-cert`. */
  name: string;
  /** The router or Ingress whose configuration references it. */
  router?: string;
  /** 'router' (Traefik's routers) or 'Ingress'. */
  routerKind?: 'router' | 'Ingress';
  entryPoint?: string;
  /** The proxy's words: `middleware "strip@kubernetescrd" does not exist`. */
  quote: string;
}

function kindOf(word: string): MissingKind {
  const w = word.toLowerCase().replace(/\s+/g, '');
  if (w === 'tlsoption') return 'TLS option';
  if (w === 'serverstransport') return 'servers transport';
  return w as MissingKind;
}

/** The missing reference one error line of a proxy reports; undefined for any other line. */
export function parseMissingReference(line: string): MissingReference | undefined {
  if (!isErrorLine(line)) return undefined;
  // Quotes escaped inside a quoted field (`error="middleware \"x\" does not exist"`) or a JSON string.
  const plain = line.replace(/\\+"/g, '"');
  const m = MISSING.exec(plain);
  if (m === null) return undefined;
  const kind = kindOf(m[1] ?? '');
  const router = ROUTER.exec(plain)?.[1];
  const ingress = router === undefined ? INGRESS.exec(plain)?.[1] : undefined;
  // A route's reference: a router or Ingress names it, or the object is one only a proxy's route has.
  if (router === undefined && ingress === undefined && kind !== 'middleware') return undefined;
  const ns = ingress !== undefined ? NAMESPACE.exec(plain)?.[1] : undefined;
  const entryPoint = ENTRY_POINT.exec(plain)?.[1];
  const owner = router ?? (ingress !== undefined ? `${ns !== undefined && !ingress.includes('/') ? `${ns}/` : ''}${ingress}` : undefined);
  return {
    kind,
    name: m[2] ?? '',
    ...(owner !== undefined ? { router: owner, routerKind: router !== undefined ? 'router' as const : 'Ingress' as const } : {}),
    ...(entryPoint !== undefined ? { entryPoint } : {}),
    quote: m[0],
  };
}

/** Where the reference is written, from the provider suffix Traefik gives names (`x@kubernetescrd`). */
export function describeReferenceSource(ref: MissingReference): string {
  const provider = /@([\w-]+)$/.exec(ref.router ?? ref.name)?.[1];
  if (provider === 'kubernetescrd') return 'its IngressRoute';
  if (provider === 'kubernetes' || ref.routerKind === 'Ingress') return 'its Ingress (annotations, TLS section or backend)';
  if (provider === 'kubernetesgateway') return 'its HTTPRoute';
  if (provider === 'file') return 'the dynamic configuration file';
  if (provider === 'docker' || provider === 'swarm') return 'the container labels';
  return 'its route configuration';
}
