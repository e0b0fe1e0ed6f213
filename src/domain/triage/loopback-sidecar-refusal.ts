/**
 * An app that reaches its dependency through a sidecar on a loopback port (a database auth proxy
 * such as cloud-sql-proxy, pgbouncer, an ambassador, a mesh proxy) sees only that its connection
 * to 127.0.0.1 was refused, closed or reset. The sidecar accepted it and could not pass it on: its
 * own log says why (its cloud identity lost a permission, the server refuses its login), and that
 * refusal is the fault, not the app's connection error.
 */
import type { IsoTime, LogEvidence, PodEvidence } from './evidence.js';
import { listErrorLines } from './error-line.js';
import { condenseStructuredLine } from './evidence-lookup.js';
import { findListenSetting } from './host-port-holders.js';
import { findLoopbackFailure, type LocalUpstreamError } from './local-upstream.js';
import { readLogLineTime } from './log-line-time.js';
import { parseLoopbackPort } from './loopback-sibling.js';

/** A refusal of the sidecar's identity by the API or server behind it. */
export interface SidecarDenial {
  /** 401 or 403, when the line gives it. */
  status?: string;
  /** NOT_AUTHORIZED, PERMISSION_DENIED, AccessDenied…; "permission denied" when only words say it. */
  code: string;
  /** The permission it lacks, when the line names it: cloudsql.instances.connect, rds-db:connect. */
  permission?: string;
}

export interface LoopbackSidecarRefusal {
  /** The container whose connections fail. */
  client: string;
  sidecar: string;
  /** As the client dialled it: "127.0.0.1:6432". */
  address: string;
  /** How the sidecar serves that port: "args --port=6432", "declares port 6432". */
  served: string;
  clientError: LocalUpstreamError;
  /** The sidecar's newest refusal, condensed. */
  line: string;
  /** Pods whose sidecar logs a refusal while their client fails at its port. */
  pods: string[];
  /** The sidecar's first refusal in those logs. */
  since?: IsoTime;
  denial?: SidecarDenial;
}

const STATUS = /\b(?:Error|status(?: ?code)?[:= ]*|HTTP\/[\d.]+)\s*(401|403)\b|\b(401|403) (?:Forbidden|Unauthorized)\b/i;
const CODE = /\b(NOT_AUTHORIZED|PERMISSION_DENIED|UNAUTHENTICATED|AccessDenied(?:Exception)?|AuthorizationFailed|Unauthorized|Forbidden)\b|\b(permission denied|not authori[sz]ed|access denied)\b/i;
const PERMISSION = [
  /missing (?:the )?permissions? '?([\w.:-]+?)'?\.?(?=\s|,|$)/i, // Google: "Possibly missing permission cloudsql.instances.connect on …"
  /Required '([^']+)' permission/i, // Google, older wording
  /not authori[sz]ed to perform:? ([\w-]+:[\w*]+)/i, // AWS
  /authorization to perform action '([^']+)'/i, // Azure
];

/** The denial a sidecar's line reports; undefined when the line refuses for another reason. */
export function parseSidecarDenial(line: string): SidecarDenial | undefined {
  const code = CODE.exec(line);
  if (code === null) return undefined;
  const s = STATUS.exec(line);
  const status = s?.[1] ?? s?.[2];
  const permission = PERMISSION.map((re) => re.exec(line)?.[1]).find((p) => p !== undefined);
  return { code: code[1] ?? (code[2] ?? 'permission denied').toLowerCase(), ...(status !== undefined ? { status } : {}), ...(permission !== undefined ? { permission } : {}) };
}

/** The running containers of `pod` other than `client` that serve loopback `port`, with how. */
function listServers(pod: PodEvidence, client: string, port: number): { name: string; served: string }[] {
  return [...pod.containers, ...pod.initContainers.filter((c) => c.sidecar)].flatMap((c) => {
    if (c.name === client || c.state === undefined || !('running' in c.state)) return [];
    const served = findListenSetting(c, port);
    return served === undefined ? [] : [{ name: c.name, served }];
  });
}

/** Proxies that log with no level (Go's standard log: cloud-sql-proxy, many ambassadors) say it in words. */
const FAILURE_WORDS = /\b(?:failed|failure|error|refused|denied|unable to|cannot|could not)\b/i;

/** The sidecar's refusal lines: its error lines and lines that say a failure, denials first when it logs any. */
function listRefusals(log: LogEvidence): string[] {
  const marked = new Set(listErrorLines(log.lines));
  const errors = log.lines.filter((l) => marked.has(l) || FAILURE_WORDS.test(l));
  const denials = errors.filter((l) => parseSidecarDenial(l) !== undefined);
  return denials.length > 0 ? denials : errors;
}

/**
 * Where a container's current log shows its connections to a loopback port failing (refused,
 * closed, reset) and the running neighbour that serves that port logs refusals of its own: that
 * neighbour, and its newest refusal. Undefined when no such sidecar log was read.
 */
export function findLoopbackSidecarRefusal(pods: readonly PodEvidence[], logs: readonly LogEvidence[], now: IsoTime): LoopbackSidecarRefusal | undefined {
  let found: LoopbackSidecarRefusal | undefined;
  const seen: { pod: string; lines: string[] }[] = [];
  for (const log of logs) {
    if (log.previous) continue;
    const pod = pods.find((p) => p.name === log.pod);
    const error = findLoopbackFailure(log);
    const port = parseLoopbackPort(error?.address);
    if (pod === undefined || error === undefined || port === undefined) continue;
    for (const server of listServers(pod, log.container, port)) {
      if (found !== undefined && (server.name !== found.sidecar || log.container !== found.client)) continue;
      const own = logs.find((l) => l.pod === pod.name && l.container === server.name && !l.previous);
      const refusals = own === undefined ? [] : listRefusals(own);
      if (refusals.length === 0 || seen.some((s) => s.pod === pod.name)) continue;
      seen.push({ pod: pod.name, lines: refusals });
      const line = condenseStructuredLine((refusals.at(-1) ?? '').trim());
      const denial = parseSidecarDenial(line);
      found ??= { client: log.container, sidecar: server.name, address: error.address, served: server.served, clientError: error, line, pods: [], ...(denial !== undefined ? { denial } : {}) };
    }
  }
  if (found === undefined) return undefined;
  const times = seen.flatMap((s) => s.lines.flatMap((l) => readLogLineTime(l, now) ?? [])).sort();
  return { ...found, pods: listAlike(found, pods, logs, seen.map((s) => s.pod)), ...(times[0] !== undefined ? { since: times[0] } : {}) };
}

/**
 * The pods the refusal holds for: those whose sidecar log says it, those whose client fails the
 * same way at the same port in front of the same sidecar (their sidecar's log was not read), and,
 * when the sidecar's identity is denied, the unready pods running that sidecar: they share it.
 */
function listAlike(found: LoopbackSidecarRefusal, pods: readonly PodEvidence[], logs: readonly LogEvidence[], read: readonly string[]): string[] {
  const port = parseLoopbackPort(found.address) ?? 0;
  const runsSidecar = (p: PodEvidence) => listServers(p, found.client, port).some((s) => s.name === found.sidecar);
  const failing = logs.filter((l) => !l.previous && l.container === found.client && parseLoopbackPort(findLoopbackFailure(l)?.address) === port).map((l) => l.pod);
  const alike = pods.filter((p) => runsSidecar(p) && (read.includes(p.name) || failing.includes(p.name) || (found.denial !== undefined && !p.ready)));
  return alike.map((p) => p.name);
}

/** The refusal as a headline says it: the denial's status, code and permission, or the sidecar's own line. */
export function describeSidecarRefusal(r: LoopbackSidecarRefusal): string {
  const d = r.denial;
  if (d === undefined) return `refuses: "${stripLogTime(r.line)}"`;
  const lacks = d.permission !== undefined ? `: its identity lacks permission ${d.permission}` : ': its identity is not authorized';
  return `is refused with ${[d.status, d.code].filter((x) => x !== undefined).join(' ')}${lacks}`;
}

/** Go's log stamp ("2026/11/21 03:02:10 "), an ISO or syslog-like stamp at the start, and a pid in brackets. */
function stripLogTime(line: string): string {
  return line.replace(/^\[?\d{4}[-/]\d\d[-/]\d\d[ T]\d\d:\d\d:\d\d(?:[.,]\d+)?(?:Z| ?UTC|[+-]\d\d:?\d\d)?\]?\s+(?:\[\d+\]\s+)?/, '');
}
