/**
 * What the ingress controller's log says about the workload's own upstream: requests it answered
 * 5xx (its access log names the upstream `<namespace>-<service>-<port>`) and the error it logged
 * (its error log names the endpoint address it proxied to). Pods that are Ready and log their
 * requests as served can still fail every user when the proxy in front refuses their answers.
 */
import type { EndpointSliceEvidence, IsoTime, ServiceEvidence, TriageEvidence } from './evidence.js';
import { readLineTime } from './request-silence.js';
import { MINUTE_MS, msBetween } from './time-span.js';

/** The newest failure must be this recent to be happening now. */
const CURRENT_MS = 15 * MINUTE_MS;
/** How far back failures are counted. */
const WINDOW_MS = 60 * MINUTE_MS;
/** One failed request may be a client that went away; two make a pattern. */
const MIN_FAILURES = 2;

/** ingress-nginx's default access log: `"GET /p HTTP/2.0" 502 150 "ref" "ua" 611 0.004 [ns-svc-80] [] 10.0.1.5:3000 0 0.004 502 id`. */
const ACCESS = /"[A-Z]+ \S+ HTTP\/[\d.]+" (\d{3}) \d+ "[^"]*" "[^"]*" \d+ [\d.]+ \[([^\]\s]+)\]/;
/** nginx's error log: `2026/11/21 03:12:07 [error] 31#31: *8812 <message>, client: …, upstream: "http://10.0.1.5:3000/p", …`. */
const ERROR = /^(\d{4})\/(\d{2})\/(\d{2}) (\d{2}:\d{2}:\d{2}) \[(error|crit|alert|emerg)\] \d+#\d+: (?:\*\d+ )?(.+?)(?:, client: .*?)?, upstream: "[a-z]+:\/\/([^"/]+?):\d+/;

/**
 * nginx gave up opening the TCP connection, not waiting for an answer: "upstream timed out (110:
 * …) while connecting to upstream" (proxy-connect-timeout) or "connect() failed (110: …)". The SYN
 * got no answer at all: the packets are dropped on the way. A slow answer times out "while reading
 * response header from upstream" instead.
 */
const CONNECT_TIMEOUT = /(?:timed out|\(110: [^)]*\))[^,]*while connecting to upstream/i;

export function isConnectTimeout(message: string | undefined): boolean {
  return message !== undefined && CONNECT_TIMEOUT.test(message);
}

/** The endpoint port of an nginx error line: `upstream: "http://10.0.1.5:8080/p"` → 8080. */
export function readUpstreamPort(line: string): number | undefined {
  const m = /upstream: "[a-z]+:\/\/[^"/]*:(\d+)[/"]/.exec(line);
  return m ? Number(m[1]) : undefined;
}

export interface UpstreamFailure {
  pod: string;
  line: string;
  at: IsoTime;
  /** The access log's status, 5xx. */
  status?: number;
  /** The error log's message: "upstream sent too big header while reading response header from upstream". */
  message?: string;
}

export interface UpstreamErrors {
  controller: string;
  namespace: string;
  /** The upstream names of the workload seen in the access log: "storefront-account-web-80". */
  upstreams: string[];
  /** 5xx answers of the access log, in the window. */
  failed: UpstreamFailure[];
  /** Requests to those upstreams the access log shows in the window, failed or not. */
  requests: number;
  /** Error-log lines about the workload's endpoints, in the window, oldest first. */
  errors: UpstreamFailure[];
  /** Controller pods whose log was read. */
  pods: string[];
}

/** The workload's own Services (they select its pods) that have a ready endpoint: what an ingress routes to. */
export function listServedServices(services: readonly ServiceEvidence[], slices: readonly EndpointSliceEvidence[], podNames: ReadonlySet<string>): ServiceEvidence[] {
  return services.filter((s) => s.type !== 'ExternalName' && Object.keys(s.selector).length > 0 && slices.some((sl) => sl.service === s.name && sl.endpoints.some((e) => e.ready && e.podName !== undefined && podNames.has(e.podName))));
}

/** ingress-nginx names an upstream after the Ingress backend's Service port, by number or by name. */
function upstreamNames(namespace: string, services: readonly ServiceEvidence[]): Set<string> {
  return new Set(services.flatMap((s) => s.ports.flatMap((p) => [`${namespace}-${s.name}-${p.port}`, ...(p.name ? [`${namespace}-${s.name}-${p.name}`] : [])])));
}

function errorTime(m: RegExpExecArray): IsoTime | undefined {
  const t = Date.parse(`${m[1]}-${m[2]}-${m[3]}T${m[4]}Z`);
  return Number.isNaN(t) ? undefined : new Date(t).toISOString();
}

/** "10.0.1.5:3000", "[fd00::5]:3000" → the address alone. */
function hostOf(addressPort: string): string {
  return addressPort.trim().replace(/:\d+$/, '').replace(/^\[|\]$/g, '');
}

/** An error-log line about one try to an endpoint: when, nginx's words, the address it tried. */
export function readProxyError(line: string): { at: IsoTime; message: string; address: string } | undefined {
  const e = ERROR.exec(line.trim());
  const at = e ? errorTime(e) : undefined;
  return e && at ? { at, message: e[6] ?? '', address: hostOf(e[7] ?? '') } : undefined;
}

/** The access log's upstream fields: `[ns-svc-80] [] 10.0.1.5:3000, 10.0.2.6:3000 0, 1893 0.000, 0.018 502, 200 <id>`. */
const TRIES = /\[([^\]\s]+)\] \[[^\]]*\] (.+)$/;

/** An access-log line with every try the controller made for it: the address and the status of each (retries are listed comma-separated). */
export function readProxyTries(line: string): { at?: IsoTime; status: number; upstream: string; tries: { address: string; status?: number }[] } | undefined {
  const a = ACCESS.exec(line);
  const t = a ? TRIES.exec(line.slice(a.index)) : null;
  if (a === null || t === null) return undefined;
  // Fields are space-separated, the values within one comma-separated: addresses, sizes, times, statuses, request id.
  const fields = (t[2] ?? '').split(/(?<!,) /);
  const addresses = (fields[0] ?? '').split(', ');
  const statuses = (fields[3] ?? '').split(', ').map(Number);
  const at = readLineTime(line);
  return {
    ...(at === undefined ? {} : { at }),
    status: Number(a[1]),
    upstream: t[1] ?? '',
    tries: addresses.map((x, i) => ({ address: hostOf(x), ...(Number.isInteger(statuses[i]) ? { status: statuses[i] as number } : {}) })),
  };
}

/** The upstream names the controller gives the workload's served Services (see upstreamNames). */
export function listUpstreamNames(ev: TriageEvidence): Set<string> {
  const podNames = new Set(ev.pods.map((p) => p.name));
  return upstreamNames(ev.target.namespace, listServedServices(ev.services, ev.endpointSlices, podNames));
}

export function findUpstreamErrors(ev: TriageEvidence): UpstreamErrors | undefined {
  const ic = ev.ingressController;
  if (ic === undefined || ic.logs.length === 0) return undefined;
  const podNames = new Set(ev.pods.map((p) => p.name));
  const served = listServedServices(ev.services, ev.endpointSlices, podNames);
  const names = upstreamNames(ev.target.namespace, served);
  const servedNames = new Set(served.map((s) => s.name));
  const addresses = new Set(ev.endpointSlices.filter((s) => servedNames.has(s.service)).flatMap((s) => s.endpoints.filter((e) => e.podName !== undefined && podNames.has(e.podName)).flatMap((e) => e.addresses)));
  const inWindow = (at: IsoTime | undefined): at is IsoTime => at !== undefined && msBetween(at, ev.collectedAt) <= WINDOW_MS;
  const failed: UpstreamFailure[] = [];
  const errors: UpstreamFailure[] = [];
  const seen = new Set<string>();
  let requests = 0;
  for (const log of ic.logs) {
    for (const raw of log.lines) {
      const line = raw.trim();
      const a = ACCESS.exec(line);
      if (a && names.has(a[2] ?? '')) {
        const at = readLineTime(line);
        if (!inWindow(at)) continue;
        requests += 1;
        seen.add(a[2] ?? '');
        const status = Number(a[1]);
        if (status >= 500) failed.push({ pod: log.pod, line, at, status });
        continue;
      }
      const e = ERROR.exec(line);
      if (e && addresses.has((e[7] ?? '').replace(/^\[|\]$/g, ''))) {
        const at = errorTime(e);
        if (inWindow(at)) errors.push({ pod: log.pod, line, at, message: e[6] ?? '' });
      }
    }
  }
  const failures = Math.max(failed.length, errors.length);
  const newest = [...failed, ...errors].map((f) => f.at).sort().at(-1);
  if (failures < MIN_FAILURES || newest === undefined || msBetween(newest, ev.collectedAt) > CURRENT_MS) return undefined;
  const byTime = (x: UpstreamFailure, y: UpstreamFailure) => (x.at < y.at ? -1 : x.at > y.at ? 1 : 0);
  return { controller: ic.controller, namespace: ic.namespace, upstreams: [...seen], failed: failed.sort(byTime), requests, errors: errors.sort(byTime), pods: ic.logs.map((l) => l.pod) };
}
