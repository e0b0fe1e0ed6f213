/**
 * The requests a workload's containers logged having answered (access-log lines: nginx's combined
 * format, gunicorn, Apache, and the like): method, path, status, and — when the log format carries
 * them — the Location it answered with and the X-Forwarded-Proto the request came with. Kubelet
 * probes are kept apart: they are not the callers' traffic, and a server often exempts their paths
 * from what breaks the rest.
 */
import type { IsoTime, LogEvidence, PodEvidence } from './evidence.js';
import { readLineTime } from './request-silence.js';

/** `"GET /a/b?c HTTP/1.1" 301` — the request line and the status answered. */
const ACCESS = /"(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) (\/\S*) HTTP\/([\d.]+)"\s+(\d{3})\b/;
/** A kubelet probe: its user agent, or a health path. */
const PROBE = /kube-probe|"(?:GET|HEAD) \/(?:healthz?|readyz?|livez?|ready|live|ping|status)\/?(?:\?\S*)? HTTP/i;
/** The Location answered, as a logged field (`loc=https://…`, `location="https://…"`). */
const LOCATION = /\b(?:loc|location|redirect(?:_?to)?)[=:]\s*"?(https?:\/\/[^\s"]+)/i;
/** The X-Forwarded-Proto the request came with, as a logged field (`xfp=https`, `x_forwarded_proto="https"`). */
const FORWARDED_PROTO = /\b(?:xfp|x[_-]forwarded[_-]proto|forwarded[_-]proto|scheme)[=:]\s*"?(https?)\b/i;
/** A client address opening the line (`10.0.4.7 - - [`). */
const CLIENT = /^(\S+) \S+ \S+ \[/;

export interface ServedRequest {
  pod: string;
  container: string;
  method: string;
  path: string;
  /** The HTTP version the request line names (`1.1`, `1.0`). */
  version: string;
  status: number;
  probe: boolean;
  client?: string;
  location?: string;
  forwardedProto?: string;
  at?: IsoTime;
  line: string;
}

/** The current (not previous) access-log lines of the workload's own pods, in log order. */
export function readServedRequests(logs: readonly LogEvidence[], pods: readonly PodEvidence[]): ServedRequest[] {
  const own = new Set(pods.map((p) => p.name));
  const out: ServedRequest[] = [];
  for (const log of logs) {
    if (log.previous || !own.has(log.pod)) continue;
    for (const raw of log.lines) {
      const m = ACCESS.exec(raw);
      if (m === null) continue;
      const line = raw.trim();
      const at = readLineTime(line);
      const client = CLIENT.exec(line)?.[1];
      const location = LOCATION.exec(line)?.[1];
      const forwardedProto = FORWARDED_PROTO.exec(line)?.[1];
      out.push({
        pod: log.pod,
        container: log.container,
        method: m[1] ?? '',
        path: m[2] ?? '',
        version: m[3] ?? '',
        status: Number(m[4]),
        probe: PROBE.test(line),
        line,
        ...(client ? { client } : {}),
        ...(location ? { location } : {}),
        ...(forwardedProto ? { forwardedProto: forwardedProto.toLowerCase() } : {}),
        ...(at ? { at } : {}),
      });
    }
  }
  return out;
}
