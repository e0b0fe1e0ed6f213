/**
 * A proxy that expects the PROXY protocol on a listener its clients do not speak it to: nginx with
 * `listen … proxy_protocol` (ingress-nginx's use-proxy-protocol) logs `broken header: "…" while
 * reading PROXY protocol` for each connection whose first bytes are not a PROXY header, HAProxy
 * with accept-proxy that it "does not look like a PROXY protocol header", and drops it — every
 * request through that listener fails while a probe on another port keeps the pods Ready. Both
 * sides must agree: the load balancer in front sends the header only when told to (on AWS the
 * Service annotation aws-load-balancer-proxy-protocol, or the NLB target group's
 * proxy_protocol_v2.enabled). What the proxy quotes as the broken header says what came instead: a
 * plain HTTP request or a TLS handshake means nothing in front sends the header. Pure: logs only.
 */
import type { IsoTime, LogEvidence } from './evidence.js';
import { readLineTime } from './request-silence.js';

/** nginx quotes the bytes it got raw, so a request's own line breaks split the message over lines: its start, then its end a few lines on. */
const NGINX_BROKEN_START = /broken header: "(.*)$/;
const NGINX_BROKEN_END = /" while reading PROXY protocol(?:.*?\bserver: ([^\s,]+))?/;
/** Lines the quoted bytes may run over (a request's first header lines). */
const QUOTED_LINES = 8;
const HAPROXY_BROKEN = /does not look like a PROXY protocol header|Received something which does not look like a PROXY protocol/i;
const HTTP_START = /^(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|CONNECT|PRI) \S+ HTTP\/|^(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) \//;
const TLS_START = /^(?:\\x16\\x03|\x16\x03)/;
/** nginx's error-log time stamp: `2026/11/21 03:02:36 [error] 29#29: …` (UTC in the official images). */
const NGINX_TIME = /^(\d{4})\/(\d{2})\/(\d{2}) (\d{2}:\d{2}:\d{2}) \[\w+\]/;

function timeOf(line: string): IsoTime | undefined {
  const t = NGINX_TIME.exec(line.trim());
  return t ? `${t[1] ?? ''}-${t[2] ?? ''}-${t[3] ?? ''}T${t[4] ?? ''}Z` : readLineTime(line);
}

/** Below this many refused connections, a stray scanner may have sent them. */
const MIN_CONNECTIONS = 3;

export interface ProxyProtocolMismatch {
  container: string;
  hits: { pod: string; line: string; at?: IsoTime }[];
  pods: string[];
  /** The listener nginx names ("0.0.0.0:8080"). */
  listener?: string;
  /** What came instead of the header, when the quoted bytes say: "plain HTTP requests", "TLS handshakes". */
  received?: string;
  first?: IsoTime;
}

function receivedOf(quoted: string): string | undefined {
  if (HTTP_START.test(quoted)) return 'plain HTTP requests';
  if (TLS_START.test(quoted)) return 'TLS handshakes';
  return undefined;
}

/** An nginx "broken header" message starting at line i: what it quoted first, and the listener it names. */
function readNginxBroken(lines: readonly string[], i: number): { quoted: string; listener?: string } | undefined {
  const start = NGINX_BROKEN_START.exec(lines[i] ?? '');
  if (!start) return undefined;
  for (let j = i; j < Math.min(lines.length, i + QUOTED_LINES); j++) {
    const end = NGINX_BROKEN_END.exec(j === i ? start[1] ?? '' : lines[j] ?? '');
    if (end) return { quoted: (start[1] ?? '').replace(NGINX_BROKEN_END, ''), ...(end[1] ? { listener: end[1] } : {}) };
  }
  return undefined;
}

export function findProxyProtocolMismatch(logs: readonly LogEvidence[]): ProxyProtocolMismatch | undefined {
  const hits = logs.filter((l) => !l.previous).flatMap((l) => l.lines.flatMap((line, i) => {
    const nginx = readNginxBroken(l.lines, i);
    if (!nginx && !HAPROXY_BROKEN.test(line)) return [];
    const at = timeOf(line);
    return [{ pod: l.pod, container: l.container, line: line.trim(), ...(nginx ? { nginx } : {}), ...(at ? { at } : {}) }];
  }));
  if (hits.length < MIN_CONNECTIONS) return undefined;
  const nginx = hits.flatMap((h) => (h.nginx ? [h.nginx] : []));
  const kinds = [...new Set(nginx.map((m) => receivedOf(m.quoted)))];
  const listener = nginx.find((m) => m.listener !== undefined)?.listener;
  const received = kinds.length === 1 ? kinds[0] : undefined;
  const first = hits.map((h) => h.at).filter((t) => t !== undefined).sort()[0];
  return {
    container: hits[0]?.container ?? '',
    hits: hits.map(({ pod, line, at }) => ({ pod, line, ...(at ? { at } : {}) })),
    pods: [...new Set(hits.map((h) => h.pod))],
    ...(listener ? { listener } : {}),
    ...(received ? { received } : {}),
    ...(first ? { first } : {}),
  };
}
