/**
 * Calls to an in-cluster service that a CNI's L7 proxy answers itself: Cilium enforces the HTTP
 * rules of a CiliumNetworkPolicy (toPorts.rules.http: method, path) in its Envoy proxy, and a
 * request no rule allows gets 403 with the body "Access denied" from the proxy — the server never
 * sees it (its own log shows only the paths the rules allow). Pods stay Ready; every call on the
 * new method/path fails. Istio's RBAC filter says "RBAC: access denied" (another reading); a body
 * of exactly "Access denied" on a 403 is Cilium's.
 */
import type { LogEvidence, TriageEvidence } from './evidence.js';
import { unique } from './pod-status.js';

/** A 403 status on the line, as a field or in the status text. */
const STATUS_403 = /"(?:status|status_code|statusCode|code)"\s*:\s*"?403\b|\bstatus[=: ]+403\b|\b403 Forbidden\b|\bHTTP\/[12](?:\.[01])? 403\b/i;
/** The body Cilium's L7 proxy answers with, alone (not Istio's "RBAC: access denied", not a database's "Access denied for user"). */
const ACCESS_DENIED_BODY = /(?:"body"\s*:\s*"|body[=: ]+"?|: )(?<!RBAC: )Access denied(?:\\r)?(?:\\n)?(?:"|$|\s*[,}])/;
/** An HTTP call's URL: host and path. */
const URL = /\bhttps?:\/\/([\w.-]+)(?::\d+)?(\/[^\s"'?]*)?/;
const METHOD = /"method"\s*:\s*"([A-Z]+)"|\b(GET|POST|PUT|PATCH|DELETE)\s+(?:https?:\/\/|\/)/;

/** Refused calls in a ready pod's log before they are read as a policy denial: one is a blip. */
export const MIN_L7_DENIALS = 2;

export interface L7Denial {
  /** The in-cluster Service called. */
  service: string;
  /** Its namespace when the host says it ("ledger.billing.svc.cluster.local"). */
  namespace?: string;
  /** "POST /v3/holds", or the path alone when no method is logged. */
  calls: string[];
  hits: { log: LogEvidence; line: string }[];
}

/** Whether a line is a client's report of a 403 "Access denied" answer. */
export function isL7AccessDenied(line: string): boolean {
  return STATUS_403.test(line) && ACCESS_DENIED_BODY.test(line) && !/RBAC: access denied/i.test(line);
}

/** The in-cluster Service a URL host names: "<svc>", "<svc>.<ns>", "<svc>.<ns>.svc[.cluster.local]". */
function serviceOf(host: string, ev: TriageEvidence): { service: string; namespace?: string } | undefined {
  const parts = host.toLowerCase().split('.');
  const name = parts[0] ?? '';
  if (parts.length === 1) return ev.services.some((s) => s.name === name) ? { service: name } : undefined;
  if (parts[2] === 'svc' || (parts.length === 2 && ev.services.some((s) => s.name === name) && parts[1] === ev.target.namespace)) {
    return { service: name, ...(parts[1] ? { namespace: parts[1] } : {}) };
  }
  return undefined;
}

/** The L7 policy denials the workload's current logs show, on the service most of them call. */
export function findL7Denials(ev: TriageEvidence): L7Denial | undefined {
  const pods = new Set(ev.pods.map((p) => p.name));
  const byService = new Map<string, L7Denial>();
  for (const log of ev.logs) {
    if (log.previous || !pods.has(log.pod)) continue;
    for (const line of log.lines) {
      if (!isL7AccessDenied(line)) continue;
      const url = URL.exec(line);
      if (!url) continue;
      const svc = serviceOf(url[1] ?? '', ev);
      if (svc === undefined) continue;
      const key = `${svc.namespace ?? ''}/${svc.service}`;
      const m = METHOD.exec(line);
      const method = m?.[1] ?? m?.[2];
      const path = url[2] ?? '/';
      const d = byService.get(key) ?? { ...svc, calls: [], hits: [] };
      d.calls = unique([...d.calls, method ? `${method} ${path}` : path]);
      d.hits.push({ log, line });
      byService.set(key, d);
    }
  }
  const best = [...byService.values()].sort((a, b) => b.hits.length - a.hits.length)[0];
  return best !== undefined && best.hits.length >= MIN_L7_DENIALS ? best : undefined;
}
