/**
 * A proxy that cannot reload: its controller renders a new config on every change and tests it
 * first (`nginx -t`, `haproxy -c`); the test rejects it, so the reload is skipped and the running
 * process keeps serving the last config it accepted. The pods stay Ready and nothing restarts;
 * only the controller's events ("Error reloading NGINX: … test failed") and its log (nginx's
 * `[emerg]` lines, HAProxy's `[ALERT]`) say so. Read here: the proxy's own message, the directive
 * it names, and the ConfigMap the controller renders from (its `--configmap=ns/name` argument).
 */
import type { EventEvidence, IsoTime, LogEvidence, PodEvidence } from './evidence.js';
import { readLineTime } from './request-silence.js';
import { earliest, latest } from './time-span.js';
import { unique } from './pod-status.js';

export interface ReloadFailure {
  proxy: 'nginx' | 'HAProxy';
  /** The proxy's own message, as it gave it: `unknown directive "proxy_buffers_size" in /tmp/nginx/nginx-cfg2988479454:312`. */
  message: string;
  /** The directive (or keyword, or `$variable`) the message names, when it names one. */
  directive?: string;
  /** Pods of the workload whose events or current log report the failed reload. */
  pods: string[];
  /** The Warning events that report it. */
  events: EventEvidence[];
  /** Failed reloads counted: the events' counts, else the log lines quoting the message. */
  count: number;
  /** A current-log line that quotes the message, with the line saying the reload failed when the log has one. */
  logLines: { pod: string; container: string; line: string }[];
  firstSeen?: IsoTime;
  lastSeen?: IsoTime;
}

/** A reload that failed, as the controller (ingress-nginx, HAProxy Ingress…) or a reloader reports it. */
const RELOAD_FAILED = /Error reloading NGINX|failure reloading the backend|reload(ing)? (failed|error)|error reloading|failed to reload|configuration file \S+ test failed|Fatal errors found in configuration/i;
/** nginx's `[emerg] 1359#1359: unknown directive "x" in /tmp/nginx/nginx-cfg…:312` (or `nginx: [emerg] …`): the message up to the line's end or the next `nginx:`. */
const NGINX_EMERG = /\[emerg\]\s+(?:\d+#\d+:\s+)?(.+?)(?=\s+nginx:|\n|$)/;
/** HAProxy's `[ALERT] (1) : config : parsing [/etc/haproxy/haproxy.cfg:37] : unknown keyword 'x' in 'backend' section`. */
const HAPROXY_ALERT = /\[ALERT\][^\n]*?:\s*(parsing \[[^\]\n]+\]\s*:\s*[^\n]+?)\s*$/m;

/** The directive a config-test message names (nginx's wordings, HAProxy's keyword); a variable comes back with its `$`. */
export function findRejectedDirective(message: string): string | undefined {
  const forms: [RegExp, (m: RegExpExecArray) => string][] = [
    [/unknown directive "([^"]+)"/, (m) => m[1] ?? ''],
    [/unknown "([^"]+)" variable/, (m) => `$${m[1] ?? ''}`],
    // "is not allowed here", "is duplicate", "invalid number of arguments in", "invalid value … in", "is not terminated by".
    [/"([\w.-]+)" directive/, (m) => m[1] ?? ''],
    [/directive "([\w.-]+)"/, (m) => m[1] ?? ''],
    [/unknown keyword '([^']+)'/, (m) => m[1] ?? ''],
  ];
  for (const [re, pick] of forms) {
    const m = re.exec(message);
    if (m) return pick(m);
  }
  return undefined;
}

/** The proxy's message in a text (an event's message, a log line), when it carries one. */
function readProxyMessage(text: string): { proxy: ReloadFailure['proxy']; message: string } | undefined {
  const nginx = NGINX_EMERG.exec(text);
  if (nginx?.[1]) return { proxy: 'nginx', message: nginx[1].trim() };
  const haproxy = HAPROXY_ALERT.exec(text);
  if (haproxy?.[1]) return { proxy: 'HAProxy', message: haproxy[1].trim() };
  return undefined;
}

/** The message without its temporary file and line (`… in /tmp/nginx/nginx-cfg298…:312`), to tell one rejection from another. */
function shapeOf(message: string): string {
  return message.replace(/\s+in \/\S+$/, '').replace(/\[[^\]]*:\d+\]/, '[…]');
}

/**
 * The reloads the workload's proxy fails at its config test, from its Warning events and its pods'
 * current logs; undefined when none does. A process that cannot start with that config is a crash
 * (read elsewhere): only pods still running (Ready) keep serving an older config, so at least one must be.
 */
export function findReloadFailure(ev: { events: readonly EventEvidence[]; logs: readonly LogEvidence[]; pods: readonly PodEvidence[] }): ReloadFailure | undefined {
  const own = new Map(ev.pods.map((p) => [p.name, p]));
  const events = ev.events.filter((e) => e.type === 'Warning' && RELOAD_FAILED.test(e.message) && readProxyMessage(e.message) !== undefined && (e.object.kind !== 'Pod' || own.has(e.object.name)));
  const logLines: ReloadFailure['logLines'] = [];
  const fromLogs: { pod: string; proxy: ReloadFailure['proxy']; message: string; at?: IsoTime }[] = [];
  for (const l of ev.logs) {
    if (l.previous || !own.has(l.pod) || !l.lines.some((x) => RELOAD_FAILED.test(x))) continue;
    for (const line of l.lines) {
      const m = readProxyMessage(line);
      if (m === undefined) continue;
      const at = readLineTime(line) ?? readNginxTime(line);
      fromLogs.push({ pod: l.pod, ...m, ...(at ? { at } : {}) });
    }
    const last = [...l.lines].reverse().find((x) => readProxyMessage(x) !== undefined);
    // The controller's own word on the reload ("Unexpected failure reloading the backend") rather than nginx's closing "test failed".
    const failed = [...l.lines].reverse().find((x) => RELOAD_FAILED.test(x) && /reload/i.test(x) && readProxyMessage(x) === undefined);
    if (last !== undefined) logLines.push(...[failed, last].flatMap((x) => (x === undefined ? [] : [{ pod: l.pod, container: l.container, line: x.trim() }])));
  }
  const messages = [...events.flatMap((e) => readProxyMessage(e.message) ?? []), ...fromLogs];
  // The newest rejection is what blocks the reload now (an earlier one may have been fixed since).
  const newest = [...events].sort((a, b) => b.lastSeen.localeCompare(a.lastSeen))[0];
  const pick = (newest !== undefined ? readProxyMessage(newest.message) : undefined) ?? messages.at(-1);
  if (pick === undefined) return undefined;
  const pods = unique([...events.flatMap((e) => (e.object.kind === 'Pod' ? [e.object.name] : [])), ...fromLogs.map((m) => m.pod)]);
  if (!pods.some((p) => own.get(p)?.ready === true)) return undefined;
  if (hasReloadedSince(ev, events, pods)) return undefined;
  const same = fromLogs.filter((m) => shapeOf(m.message) === shapeOf(pick.message));
  const sameEvents = events.filter((e) => shapeOf(readProxyMessage(e.message)?.message ?? '') === shapeOf(pick.message));
  const count = sameEvents.length > 0 ? sameEvents.reduce((n, e) => n + e.count, 0) : unique(same.map((m) => `${m.pod} ${m.at ?? m.message}`)).length;
  const directive = findRejectedDirective(pick.message);
  const firstSeen = earliest([...sameEvents.map((e) => e.firstSeen), ...same.map((m) => m.at)]);
  const lastSeen = latest([...sameEvents.map((e) => e.lastSeen), ...same.map((m) => m.at)]);
  return {
    ...pick,
    ...(directive ? { directive } : {}),
    pods,
    events,
    count,
    logLines: logLines.filter((l) => readProxyMessage(l.line) === undefined || shapeOf(readProxyMessage(l.line)?.message ?? '') === shapeOf(pick.message)),
    ...(firstSeen ? { firstSeen } : {}),
    ...(lastSeen ? { lastSeen } : {}),
  };
}

/** A reload that succeeded after the last failure (a Normal event, or the log's own word after its last rejection): the config was fixed. */
const RELOADED = /Backend successfully reloaded|reload triggered due to a change|Configuration reloaded|reload(ed)? successful/i;

function hasReloadedSince(ev: { events: readonly EventEvidence[]; logs: readonly LogEvidence[] }, failures: readonly EventEvidence[], pods: readonly string[]): boolean {
  const lastFailure = latest(failures.map((e) => e.lastSeen));
  const okEvent = ev.events.some((e) => e.type === 'Normal' && RELOADED.test(e.message) && pods.includes(e.object.name) && lastFailure !== undefined && e.lastSeen > lastFailure);
  const okLog = ev.logs.some((l) => {
    if (l.previous || !pods.includes(l.pod)) return false;
    const lastBad = l.lines.findLastIndex((x) => readProxyMessage(x) !== undefined);
    return lastBad >= 0 && l.lines.slice(lastBad + 1).some((x) => RELOADED.test(x));
  });
  return okEvent || okLog;
}

/** nginx's error-log stamp, `2026/11/21 03:12:48` (local time of the container, UTC in these images). */
function readNginxTime(line: string): IsoTime | undefined {
  const m = /\b(\d{4})\/(\d\d)\/(\d\d) (\d\d:\d\d:\d\d)\b/.exec(line);
  if (!m) return undefined;
  const t = Date.parse(`${m[1] ?? ''}-${m[2] ?? ''}-${m[3] ?? ''}T${m[4] ?? ''}Z`);
  return Number.isNaN(t) ? undefined : new Date(t).toISOString();
}

/** The ConfigMap a controller renders its proxy's config from: `--configmap=ns/name` (ingress-nginx, HAProxy Ingress). */
export interface ControllerConfigMapRef {
  namespace: string;
  name: string;
}

/**
 * The ConfigMap the workload's controller container names in its arguments; `$(POD_NAMESPACE)` and
 * other `$(VAR)`s are resolved from the container's env (a literal, or the pod's own namespace by
 * the downward API). Undefined when no container names one, or a variable cannot be resolved.
 */
export function findControllerConfigMap(pods: readonly PodEvidence[], namespace: string): ControllerConfigMapRef | undefined {
  for (const c of pods.flatMap((p) => p.containers)) {
    const words = [...(c.command ?? []), ...(c.args ?? [])];
    const i = words.findIndex((w) => /^--?configmap(=|$)/.test(w));
    if (i < 0) continue;
    const raw = words[i]?.includes('=') === true ? words[i]?.slice(words[i]?.indexOf('=') + 1) : words[i + 1];
    if (raw === undefined || raw === '') continue;
    const resolved = raw.replace(/\$\(([A-Za-z_][\w]*)\)/g, (whole, name: string) => {
      const env = c.env?.find((e) => e.name === name);
      if (env === undefined) return whole;
      if ('value' in env) return env.value;
      return env.ref.kind === 'field' && env.ref.key === 'metadata.namespace' ? namespace : whole;
    });
    if (resolved.includes('$(')) continue;
    const [ns, name] = resolved.includes('/') ? resolved.split('/', 2) : [namespace, resolved];
    if (ns && name) return { namespace: ns, name };
  }
  return undefined;
}

/** What to read when a reload fails on a directive: the controller's ConfigMap, and the tokens to look for in it. */
export function pickReloadConfigRead(ev: { events: readonly EventEvidence[]; logs: readonly LogEvidence[]; pods: readonly PodEvidence[] }, namespace: string): (ControllerConfigMapRef & { directive: string }) | undefined {
  const failure = findReloadFailure(ev);
  if (failure?.directive === undefined) return undefined;
  const ref = findControllerConfigMap(ev.pods, namespace);
  return ref === undefined ? undefined : { ...ref, directive: failure.directive };
}

/** Lines kept per matching key, and their length: the line with the directive is what to correct. */
const MAX_LINES = 3;
const MAX_LINE_CHARS = 200;

/**
 * The keys of a ConfigMap's data whose value uses the directive as a word (a snippet), with the
 * lines that do; and an option key the controller renders as that directive (ingress-nginx's
 * `proxy-buffer-size` → `proxy_buffer_size`), with its value. Comment lines are skipped.
 */
export function findDirectiveLines(data: Record<string, string>, directive: string): { key: string; line: string }[] {
  const escaped = directive.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const word = new RegExp(`(^|[^\\w$])${escaped}(?![\\w])`);
  return Object.entries(data).flatMap(([key, value]) => {
    if (key.replace(/-/g, '_') === directive) return [{ key, line: `${key}: ${value}`.slice(0, MAX_LINE_CHARS) }];
    return value
      .split('\n')
      .filter((l) => word.test(l) && !/^\s*#/.test(l))
      .slice(0, MAX_LINES)
      .map((l) => ({ key, line: l.trim().slice(0, MAX_LINE_CHARS) }));
  });
}
