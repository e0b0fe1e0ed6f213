/**
 * A load balancer that is itself Ready and answers 503 to everything because ITS OWN health checks
 * marked every server of a backend DOWN. HAProxy says so in its log, at WARNING/ALERT or in its
 * access-log format, never as an "error": "Server be_x/srv1 is DOWN, reason: Layer7 wrong status,
 * code: 404", "backend 'be_x' has no server available!", and then httplog lines
 * "be_x/<NOSRV> … 503 … SC--". The servers behind are often fine: the check itself is what fails
 * (a path they no longer serve, a status it no longer expects). Read here: which backend, why its
 * checks fail, and from its config (the ConfigMap the proxy container mounts) which Service its
 * servers resolve and what the check asks for.
 */
import type { LogEvidence, PodEvidence } from './evidence-pod.js';
import type { IsoTime } from './evidence-spec.js';
import type { HaproxyBackendCheck } from './evidence-backend-down.js';
import { findMountedConfigMap } from './proxy-worker-connections.js';
import { findInClusterService } from './down-service.js';

/** `Server be_x/srv1 is DOWN, reason: Layer7 wrong status, code: 404, info: "Not Found", …`. */
const SERVER_DOWN = /\bServer ([\w.-]+)\/([\w.-]+) is DOWN(?:, reason: ([^,]+(?:, code: \d{3})?))?/;
const SERVER_UP = /\bServer ([\w.-]+)\/([\w.-]+) is UP\b/;
/** `backend 'be_x' has no server available!` (quoted or not, by HAProxy version). */
const NO_SERVER = /\bbackend '?([\w.-]+)'? has no server available/;
/** httplog: `client [date] frontend backend/<NOSRV> Tq/Tw/Tc/Tr/Tt 503 …`. */
const NOSRV = /\[(\d{2})\/(\w{3})\/(\d{4}):(\d{2}:\d{2}:\d{2})(?:\.\d+)?\]\s+\S+\s+([\w.-]+)\/<NOSRV>\s+\S+\s+(50[34])\s+\S+\s+\S+\s+\S+\s+(\S{4})/;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** 503s it takes, after the backend lost its last server, to call it an outage rather than a blip. */
const MIN_REFUSED = 3;

export interface BackendDown {
  backend: string;
  /** Servers marked DOWN and not UP again since, in the order HAProxy marked them. */
  servers: string[];
  /** The reason HAProxy gave, as it gave it: `Layer7 wrong status, code: 404`. */
  reason?: string;
  /** 503s HAProxy answered itself with no server (<NOSRV>) after the backend lost its last server. */
  refused: number;
  /** The status and termination flags of the last of them (`503 SC--`). */
  answer?: string;
  firstRefusedAt?: IsoTime;
  pods: string[];
  container: string;
  /** The log lines that say it: the last DOWN, the no-server alert, the last refused request. */
  lines: string[];
}

function haproxyTime(m: RegExpExecArray): IsoTime | undefined {
  const month = MONTHS.indexOf(m[2] ?? '') + 1;
  const t = Date.parse(`${m[3] ?? ''}-${String(month).padStart(2, '0')}-${m[1] ?? ''}T${m[4] ?? ''}Z`);
  return month > 0 && !Number.isNaN(t) ? new Date(t).toISOString() : undefined;
}

/** One pod's log: a backend that lost every server and still refuses requests at the log's end. */
function readOneLog(log: LogEvidence): BackendDown | undefined {
  const down = new Map<string, Map<string, string | undefined>>();
  const empty = new Map<string, number>();
  const said = new Map<string, string[]>();
  let found: BackendDown | undefined;
  log.lines.forEach((line, i) => {
    const d = SERVER_DOWN.exec(line);
    if (d !== null) {
      const servers = down.get(d[1] ?? '') ?? new Map<string, string | undefined>();
      servers.set(d[2] ?? '', d[3]?.trim());
      down.set(d[1] ?? '', servers);
      said.set(d[1] ?? '', [line.trim()]);
      return;
    }
    const u = SERVER_UP.exec(line);
    if (u !== null) {
      down.get(u[1] ?? '')?.delete(u[2] ?? '');
      // A server back UP: the backend serves again, whatever it refused before.
      empty.delete(u[1] ?? '');
      return;
    }
    const n = NO_SERVER.exec(line);
    if (n !== null) {
      empty.set(n[1] ?? '', i);
      said.set(n[1] ?? '', [...(said.get(n[1] ?? '') ?? []), line.trim()].slice(-2));
    }
  });
  for (const [backend, at] of empty) {
    let refused = 0;
    let last: RegExpExecArray | undefined;
    let lastLine: string | undefined;
    let first: IsoTime | undefined;
    let servedAfter = false;
    for (const line of log.lines.slice(at + 1)) {
      const m = NOSRV.exec(line);
      if (m !== null && m[5] === backend) {
        refused++;
        last = m;
        lastLine = line.trim();
        first ??= haproxyTime(m);
        servedAfter = false;
      } else if (new RegExp(`\\]\\s+\\S+\\s+${backend.replace(/\./g, '\\.')}/(?!<NOSRV>)\\S+\\s+[-\\d]+/`).test(line)) servedAfter = true;
    }
    // The log must end refusing: a backend that served again after it has recovered.
    if (refused < MIN_REFUSED || servedAfter) continue;
    const servers = [...(down.get(backend)?.keys() ?? [])];
    const reasons = [...(down.get(backend)?.values() ?? [])].filter((r): r is string => r !== undefined);
    const candidate: BackendDown = {
      backend,
      servers,
      ...(reasons.at(-1) !== undefined ? { reason: reasons.at(-1) } : {}),
      refused,
      ...(last !== undefined ? { answer: `${last[6]} ${last[7]}` } : {}),
      ...(first !== undefined ? { firstRefusedAt: first } : {}),
      pods: [log.pod],
      container: log.container,
      lines: [...(said.get(backend) ?? []), ...(lastLine !== undefined ? [lastLine] : [])],
    };
    if (found === undefined || candidate.refused > found.refused) found = candidate;
  }
  return found;
}

/** The backend HAProxy refuses requests for, having marked all its servers DOWN, across the current logs. */
export function findBackendDown(logs: readonly LogEvidence[]): BackendDown | undefined {
  let out: BackendDown | undefined;
  for (const log of logs) {
    if (log.previous) continue;
    const one = readOneLog(log);
    if (one === undefined) continue;
    if (out === undefined) out = one;
    else if (out.backend === one.backend) {
      out = {
        ...out,
        refused: out.refused + one.refused,
        pods: [...out.pods, log.pod],
        servers: [...new Set([...out.servers, ...one.servers])],
        ...(one.firstRefusedAt !== undefined && (out.firstRefusedAt === undefined || one.firstRefusedAt < out.firstRefusedAt) ? { firstRefusedAt: one.firstRefusedAt } : {}),
      };
    }
  }
  return out;
}

/** Where HAProxy lost a backend: the ConfigMap its container mounts (one get), and the backend to read from it. */
export function pickBackendDownRead(ev: { logs: readonly LogEvidence[]; pods: readonly PodEvidence[] }): { configMap: string; backend: string } | undefined {
  const found = findBackendDown(ev.logs);
  if (found === undefined) return undefined;
  const configMap = findMountedConfigMap(ev.pods, found.pods[0], found.container);
  return configMap === undefined ? undefined : { configMap, backend: found.backend };
}

/** The named backend section of an haproxy.cfg: its servers' host and its health check. */
export function readHaproxyBackendCheck(text: string, backend: string): HaproxyBackendCheck | undefined {
  let lines: string[] | undefined;
  for (const raw of text.split('\n')) {
    if (/^\s*#/.test(raw)) continue;
    const line = raw.replace(/\s+#.*$/, '').trim();
    if (line === '') continue;
    if (/^(global|defaults|frontend|backend|listen|resolvers|peers|userlist|cache|program|http-errors|ring|mailers)\b/.test(raw)) {
      const [kind, name] = line.split(/\s+/);
      if (lines !== undefined) break;
      if ((kind === 'backend' || kind === 'listen') && name === backend) lines = [];
      continue;
    }
    lines?.push(line);
  }
  if (lines === undefined) return undefined;
  const server = lines.find((l) => /^server(?:-template)?\s/.test(l));
  const addr = server === undefined ? undefined : (/^server-template\s+\S+\s+\S+\s+(\S+)/.exec(server)?.[1] ?? /^server\s+\S+\s+(\S+)/.exec(server)?.[1]);
  const host = addr?.replace(/:\d+$/, '');
  const checkLine = lines.find((l) => /^option\s+httpchk\b/.test(l) || /^http-check\s+send\b.*\buri\s/.test(l));
  const checkPath = checkLine === undefined ? undefined : (/\buri\s+(\/\S*)/.exec(checkLine)?.[1] ?? /^option\s+httpchk(?:\s+[A-Z]+)?\s+(\/\S*)/.exec(checkLine)?.[1]);
  const expectLine = lines.find((l) => /^http-check\s+expect\b/.test(l));
  return {
    backend,
    ...(host !== undefined && host !== '' ? { host } : {}),
    ...(checkLine !== undefined ? { checkLine } : {}),
    ...(checkPath !== undefined ? { checkPath } : {}),
    ...(expectLine !== undefined ? { expectLine } : {}),
  };
}

/** The Service of the namespace a host names (`api`, `api.shop`, `api.shop.svc`, `api.shop.svc.cluster.local`); undefined for another namespace's or an outside host. */
export function serviceOfHost(host: string, namespace: string): string | undefined {
  const svc = host === '' ? undefined : findInClusterService(host, namespace);
  return svc?.namespace === namespace ? svc.name : undefined;
}

/** The HTTP paths a rendered probe (`GET :8080/ready every 10s, …`) asks for. */
export function probePath(rendered: string | undefined): string | undefined {
  return rendered === undefined ? undefined : /^GET :\S*?(\/\S*?),?(?:\s|$)/.exec(rendered)?.[1];
}
