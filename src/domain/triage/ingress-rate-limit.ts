/**
 * The ingress controller refusing a client's requests to the workload before they reach it: an
 * Ingress's rate-limit annotation (nginx.ingress.kubernetes.io/limit-rps, limit-rpm,
 * limit-connections) makes ingress-nginx log "limiting requests, excess: … by zone "…", client: …"
 * and answer 503 (limit-req-status-code) with no upstream at all. The pods look healthy and simply
 * see less of that client's traffic; only the controller's log tells.
 */
import type { IsoTime, TriageEvidence } from './evidence.js';
import { listUpstreamNames } from './ingress-upstream-errors.js';
import { readLineTime } from './request-silence.js';
import { MINUTE_MS, msBetween } from './time-span.js';

const CURRENT_MS = 15 * MINUTE_MS;
const WINDOW_MS = 60 * MINUTE_MS;
/** One refusal may be a burst; two make a pattern. */
const MIN_REFUSALS = 2;

/** nginx's limit_req / limit_conn refusal: `2026/11/21 03:12:07 [error] 38#38: *88 limiting requests, excess: 100.123 by zone "ns_ing_rps", client: 203.0.113.9, …`. */
const REFUSAL = /^(\d{4})\/(\d{2})\/(\d{2}) (\d{2}:\d{2}:\d{2}) \[(?:error|warn|notice|info)\] \d+#\d+: (?:\*\d+ )?limiting (requests|connections)(?:, excess: [\d.]+)? by zone "([^"]+)", client: ([^,\s]+)/;
/** ingress-nginx names an Ingress's zones `<namespace>_<ingress>_<rps|rpm|conn>`. */
const ZONE = /^([a-z0-9.-]+)_([a-z0-9.-]+)_(rps|rpm|conn)$/;
/** The access log's status and upstream name (empty `[]` when nginx answered itself). */
const ACCESS = /^(\S+) .*?"[A-Z]+ \S+ HTTP\/[\d.]+" (\d{3}) \d+ "[^"]*" "[^"]*" \d+ [\d.]+ \[([^\]\s]*)\]/;

export interface RateLimitRefusals {
  controller: string;
  namespace: string;
  /** The zones named in the refusals: "shop_public-api_rps". */
  zones: string[];
  /** The Ingress the zone belongs to, where the zone follows ingress-nginx's naming. */
  ingress?: string;
  /** The annotation that made the zone: limit-rps, limit-rpm or limit-connections. */
  annotation: string;
  /** The refused clients, most refused first, with their refusal counts. */
  clients: { address: string; refused: number }[];
  refused: number;
  /** The statuses the access log gives those clients' unrouted requests (503 by default). */
  statuses: number[];
  /** Requests of those clients that did reach the workload's upstream in the window. */
  served: number;
  first: IsoTime;
  /** Two refusal lines, to quote. */
  lines: { pod: string; line: string }[];
  pods: string[];
}

function errorTime(m: RegExpExecArray): IsoTime | undefined {
  const t = Date.parse(`${m[1]}-${m[2]}-${m[3]}T${m[4]}Z`);
  return Number.isNaN(t) ? undefined : new Date(t).toISOString();
}

const ANNOTATION: Record<string, string> = { rps: 'limit-rps', rpm: 'limit-rpm', conn: 'limit-connections' };

/**
 * Refusals count for the workload only when the refused client also reaches the workload's own
 * upstream through the controller (the same traffic, partly let through), and the zone, where it
 * follows ingress-nginx's naming, belongs to an Ingress of the workload's namespace.
 */
export function findRateLimitRefusals(ev: TriageEvidence): RateLimitRefusals | undefined {
  const ic = ev.ingressController;
  if (ic === undefined || ic.logs.length === 0) return undefined;
  const names = listUpstreamNames(ev);
  if (names.size === 0) return undefined;
  const inWindow = (at: IsoTime | undefined): at is IsoTime => at !== undefined && msBetween(at, ev.collectedAt) <= WINDOW_MS;
  const refusals: { pod: string; line: string; at: IsoTime; zone: string; client: string; kind: string }[] = [];
  const served = new Map<string, number>();
  const unrouted = new Map<string, number[]>();
  for (const log of ic.logs) {
    for (const raw of log.lines) {
      const line = raw.trim();
      const r = REFUSAL.exec(line);
      if (r) {
        const at = errorTime(r);
        if (!inWindow(at)) continue;
        const zone = r[6] ?? '';
        const z = ZONE.exec(zone);
        if (z && z[1] !== ev.target.namespace) continue;
        refusals.push({ pod: log.pod, line, at, zone, client: r[7] ?? '', kind: r[5] ?? '' });
        continue;
      }
      const a = ACCESS.exec(line);
      if (a === null || !inWindow(readLineTime(line))) continue;
      const client = a[1] ?? '';
      if (names.has(a[3] ?? '')) served.set(client, (served.get(client) ?? 0) + 1);
      else if (a[3] === '' && Number(a[2]) >= 400) unrouted.set(client, [...(unrouted.get(client) ?? []), Number(a[2])]);
    }
  }
  const ours = refusals.filter((r) => (served.get(r.client) ?? 0) > 0);
  const newest = ours.map((r) => r.at).sort().at(-1);
  if (ours.length < MIN_REFUSALS || newest === undefined || msBetween(newest, ev.collectedAt) > CURRENT_MS) return undefined;
  const byClient = new Map<string, number>();
  for (const r of ours) byClient.set(r.client, (byClient.get(r.client) ?? 0) + 1);
  const clients = [...byClient.entries()].sort((x, y) => y[1] - x[1]).map(([address, refused]) => ({ address, refused }));
  const zones = [...new Set(ours.map((r) => r.zone))];
  const z = ZONE.exec(zones[0] ?? '');
  const statuses = [...new Set(clients.flatMap((c) => unrouted.get(c.address) ?? []))].sort();
  const sorted = [...ours].sort((x, y) => (x.at < y.at ? -1 : x.at > y.at ? 1 : 0));
  return {
    controller: ic.controller,
    namespace: ic.namespace,
    zones,
    ...(z ? { ingress: z[2] ?? '' } : {}),
    annotation: z ? (ANNOTATION[z[3] ?? ''] ?? 'limit-rps') : ours[0]?.kind === 'connections' ? 'limit-connections' : 'limit-rps',
    clients,
    refused: ours.length,
    statuses,
    served: clients.reduce((n, c) => n + (served.get(c.address) ?? 0), 0),
    first: sorted[0]?.at ?? newest,
    lines: sorted.slice(-2).map((r) => ({ pod: r.pod, line: r.line })),
    pods: ic.logs.map((l) => l.pod),
  };
}
