/**
 * Calls an outside API refuses for the address they come from: "403 Forbidden: source IP
 * 52.214.87.19 not allowed", an `ip_not_allowed` code. The API keeps an allow-list of the source
 * IPs it accepts, and what it sees is the egress address of the nodes the pod runs on (their NAT
 * gateway), not the pod's. So the refusal follows the nodes: pods on a new node group, in subnets
 * behind another NAT, are refused while the same revision's pods on the old nodes are served. The
 * answer quotes the refused IP. A workload's own allow-list answering its callers is not one.
 */
import type { LogEvidence } from './evidence.js';

const IPV4 = String.raw`\d{1,3}(?:\.\d{1,3}){3}`;
const NOT_LISTED = String.raw`(?:is\s+)?(?:not\s+(?:allowed|permitted|authori[sz]ed|allow-?listed|white-?listed|in\s+(?:the\s+|our\s+)?(?:allow|white)[ -]?list)|(?:was\s+)?(?:denied|blocked|rejected|forbidden))`;
/** The refused address, in the orders APIs put it: "source IP x not allowed", "not allowed for IP x". */
const REFUSED_IP = [
  new RegExp(String.raw`\b(?:source|client|caller|origin|remote|request(?:ing|er)?|your)?[ _-]?(?:ip|address)(?:[ _-]?address)?\s*[:=]?\s*['"(]?(${IPV4})['")]?\s*${NOT_LISTED}`, 'i'),
  new RegExp(String.raw`(?:not\s+(?:allowed|permitted|allow-?listed|white-?listed)|denied|blocked|forbidden)\s+(?:for|from)\s+(?:the\s+)?(?:source\s+|client\s+|caller\s+)?(?:ip|address)(?:\s+address)?\s*:?\s*['"]?(${IPV4})`, 'i'),
];
/** The machine codes APIs answer with; the address is then any IPv4 the line names. */
const IP_CODE = /\b(?:ip_not_allowed|ip_not_(?:allow|white)listed|ip_address_not_allowed|ip_blocked|ip_restricted|IpNotAllowed|IP_NOT_ALLOWED)\b/;
const ANY_IPV4 = new RegExp(String.raw`\b(${IPV4})\b`);
/** A call the workload made: the other host's URL, or its HTTP client's exception. */
const OUTBOUND = /\bhttps?:\/\/|[\w$]*(?:Exception|Error)\b|\b(?:failed|refused|rejected)\b[^\n]{0,20}\b40[13]\b/;
const URL_HOST = /\bhttps?:\/\/([A-Za-z0-9][A-Za-z0-9.-]*[A-Za-z0-9])(?::\d+)?/;
const STATUS = /\b(40[13])\b(?:\s*(?:Forbidden|Unauthorized))?/;
/** Lines back to look for the request's own line (its URL) when the refusal's line names none. */
const REQUEST_LINES = 5;

/** The IP a line says an outside API refuses the call from; undefined when it says none. */
export function readRefusedSourceIp(line: string): string | undefined {
  const said = REFUSED_IP.map((re) => re.exec(line)?.[1]).find((ip) => ip !== undefined);
  const ip = said ?? (IP_CODE.test(line) ? ANY_IPV4.exec(line)?.[1] : undefined);
  return ip !== undefined && OUTBOUND.test(line) ? ip : undefined;
}

export function isSourceIpRefusal(line: string): boolean {
  return readRefusedSourceIp(line) !== undefined;
}

export interface SourceIpRefusals {
  /** The refused lines, by pod. */
  hits: { pod: string; line: string }[];
  /** The refused addresses, most named first. */
  ips: string[];
  /** The API's host, from the line or the request's line just before it. */
  host?: string;
  /** 403 or 401, when the line gives it. */
  status?: string;
}

/** The source-IP refusals in the current logs; one is enough, the API refuses by design. */
export function findSourceIpRefusals(logs: readonly LogEvidence[]): SourceIpRefusals | undefined {
  const found = logs.filter((l) => !l.previous).flatMap((l) => l.lines.flatMap((line, i) => {
    const ip = readRefusedSourceIp(line);
    if (ip === undefined) return [];
    const host = l.lines.slice(Math.max(0, i - REQUEST_LINES), i + 1).reverse().map((x) => URL_HOST.exec(x)?.[1]).find((h) => h !== undefined);
    return [{ pod: l.pod, line: line.trim(), ip, host, status: STATUS.exec(line)?.[1] }];
  }));
  if (found.length === 0) return undefined;
  const mostNamed = (values: (string | undefined)[]) => {
    const counts = new Map<string, number>();
    for (const v of values) if (v !== undefined) counts.set(v, (counts.get(v) ?? 0) + 1);
    return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([v]) => v);
  };
  const [host] = mostNamed(found.map((f) => f.host));
  const [status] = mostNamed(found.map((f) => f.status));
  return {
    hits: found.map(({ pod, line }) => ({ pod, line })),
    ips: mostNamed(found.map((f) => f.ip)),
    ...(host ? { host } : {}),
    ...(status ? { status } : {}),
  };
}
