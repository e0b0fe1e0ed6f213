/**
 * Who calls the workload, and what they saw while it had no serving pod or served slowly. The workload's own
 * evidence shows the outage (pods gone, not ready); its effect is only in its callers' logs. A
 * caller is a pod of another workload of the namespace whose env or args name one of the
 * workload's Services (`quote-cache:6379`, `redis://quote-cache.ns.svc`, its ClusterIP). Pure: the
 * adapter lists the namespace's pods and reads a log tail of at most two callers only when
 * `pickOutageServices`, `pickRolloutOutageServices` (a rollout of the last hour left no ready pod) or
 * `pickStrainedServices` (its own log reports slow requests, sustained GC overhead or a RED search cluster) names a Service.
 */
import { findHeaderOverflow } from './header-overflow.js';
import type { CallerCandidate, ServiceCallerEvidence } from './evidence-callers.js';
import type { LogEvidence } from './evidence-pod.js';
import { measureRequestActivity } from './request-activity.js';
import type { RequestActivity } from './request-activity.js';
import type { EventEvidence, IsoTime, PodEvidence, RevisionEvidence, ServiceEvidence, TriageEvidence } from './evidence.js';
import { findPreStopOverrun, hasOverrunStops } from './prestop-grace.js';
import { parseGcPressure, SUSTAINED_GC_LINES } from './gc-pressure.js';
import { findSearchClusterRed } from './search-cluster-health.js';
import type { Finding } from './finding.js';
import { parseDependencyError } from './dependency-error-line.js';
import type { DependencyProblem } from './dependency-error-line.js';
import { RECENT_MS } from './pod-status.js';
import { findRolloutGap } from './rollout-outage.js';
import { redactSecrets } from './redact-secrets.js';
import { isWithin } from './time-span.js';
import { escapeRegExp } from '../text.js';

/** At most this many caller pods (of distinct workloads) get a log read. */
export const MAX_SERVICE_CALLERS = 2;

/** A Service the callers may name: its name and ClusterIP. */
export interface CalledService {
  name: string;
  clusterIP?: string;
}

/** Events that say a pod was taken down (its Service lost that endpoint). */
const STOPPED = /^(Killing|Evicted|Preempted|Preempting|TaintManagerEviction)$/;

function selects(s: ServiceEvidence, p: PodEvidence): boolean {
  const entries = Object.entries(s.selector);
  return entries.length > 0 && entries.every(([k, v]) => p.labels[k] === v);
}

/**
 * The workload's Services, when it had no serving pod: none of its pods is ready now, or its
 * only pod was stopped in the last hour (a single replica: every stop is an outage). Empty
 * otherwise: a healthy workload's callers are not read.
 */
export function pickOutageServices(input: { pods: readonly PodEvidence[]; services: readonly ServiceEvidence[]; events: readonly EventEvidence[]; collectedAt: IsoTime }): CalledService[] {
  const { pods, services, events, collectedAt } = input;
  const mine = ownServices(services, pods);
  if (mine.length === 0) return [];
  const noneReady = pods.every((p) => !p.ready);
  const names = new Set(pods.map((p) => p.name));
  const loneStopped = pods.length === 1 && events.some((e) => e.object.kind === 'Pod' && names.has(e.object.name) && STOPPED.test(e.reason) && isWithin(e.lastSeen, collectedAt, RECENT_MS));
  if (!noneReady && !loneStopped) return [];
  return mine;
}

/**
 * The workload's Services when its rollout of the last hour left no ready pod for a minute or more
 * (the old ReplicaSet scaled to 0 before a new pod passed readiness, rollout-outage.ts): it is Ready
 * now, and only its callers' logs show what the gap cost them. Empty otherwise.
 */
export function pickRolloutOutageServices(input: { pods: readonly PodEvidence[]; services: readonly ServiceEvidence[]; events: readonly EventEvidence[]; revisions: readonly RevisionEvidence[]; collectedAt: IsoTime }): CalledService[] {
  return findRolloutGap({ ...input, pods: [...input.pods], events: [...input.events], revisions: [...input.revisions] }) === undefined ? [] : ownServices(input.services, input.pods);
}

/** Slow-request lines (or requests past their deadline) in one pod's log tail from which a served workload is strained: its callers feel it. */
const STRAINED_SLOW_LINES = 3;

/**
 * The workload's Services, when it serves (a pod is ready) but a pod's own log reports slow
 * requests (or requests still running when their deadline passed) again and again, or its JVM's sustained GC overhead, or a search cluster's master logs
 * it RED now: its callers' logs say what that costs them (deadlines that expire, requests refused).
 * Empty otherwise.
 */
export function pickStrainedServices(input: { pods: readonly PodEvidence[]; services: readonly ServiceEvidence[]; logs: readonly LogEvidence[] }): CalledService[] {
  const { pods, services, logs } = input;
  if (!pods.some((p) => p.ready)) return [];
  const names = new Set(pods.map((p) => p.name));
  const own = logs.filter((l) => !l.previous && names.has(l.pod));
  const late = (a: RequestActivity) => a.slow + a.expired;
  const slow = own.some((l) => late(measureRequestActivity(l)) >= STRAINED_SLOW_LINES);
  // A JVM collecting most of the time answers slowly or refuses (a 429 from a breaker): only its callers see it.
  const gc = own.reduce((n, l) => n + l.lines.filter((x) => parseGcPressure(x) !== undefined).length, 0) >= SUSTAINED_GC_LINES;
  // A search cluster its master logs RED: the pods serve, but writes to a shard without a primary fail, in the callers.
  const red = findSearchClusterRed(own) !== undefined;
  // A server refusing requests for their headers' size (431): a caller sends the grown headers, and its log says so.
  const headers = findHeaderOverflow(own, pods) !== undefined;
  return slow || gc || red || headers ? ownServices(services, pods) : [];
}

/** The Services that select the workload's pods, as the callers may name them. */
function ownServices(services: readonly ServiceEvidence[], pods: readonly PodEvidence[]): CalledService[] {
  return services
    .filter((s) => s.type !== 'ExternalName' && pods.some((p) => selects(s, p)))
    .map((s) => ({ name: s.name, ...(s.clusterIP === undefined ? {} : { clusterIP: s.clusterIP }) }));
}

/** The Service's name as a host (short, `.ns`, `.ns.svc…`) or its ClusterIP, not inside a longer name (`quote-cache-headless`). */
function namePattern(s: CalledService, namespace: string): RegExp {
  const host = `${escapeRegExp(s.name)}(?:\\.${escapeRegExp(namespace)}(?:\\.svc(?:\\.cluster\\.local)?)?)?`;
  const ip = s.clusterIP === undefined ? '' : `|${escapeRegExp(s.clusterIP)}`;
  // Service names are lowercase DNS labels: case-sensitive, so an env name like CACHE is no match.
  return new RegExp(`(?<![\\w.-])(?:${host}${ip})(?![\\w-]|\\.[a-z])`);
}

/** Caller pods of other workloads (at most `max`, one per workload): running ones whose container names a Service; then, when asked, reverse proxies of the namespace. */
export function pickServiceCallers(candidates: readonly CallerCandidate[], services: readonly CalledService[], namespace: string, own: ReadonlySet<string>, max = MAX_SERVICE_CALLERS, opts: { proxies?: boolean } = {}): Omit<ServiceCallerEvidence, 'log'>[] {
  const patterns = services.map((s) => ({ s, re: namePattern(s, namespace) }));
  const out: Omit<ServiceCallerEvidence, 'log'>[] = [];
  const owners = new Set<string>();
  for (const c of candidates) {
    if (out.length >= max) break;
    if (!c.running || own.has(c.pod) || (c.owner !== undefined && owners.has(c.owner))) continue;
    const hit = c.containers.flatMap((k) => k.refs.flatMap((ref) => patterns.filter((p) => p.re.test(ref.value)).map((p) => ({ container: k.name, ref: `${ref.via}=${ref.value}`, service: p.s.name }))))[0];
    if (hit === undefined) continue;
    if (c.owner !== undefined) owners.add(c.owner);
    out.push({ service: hit.service, pod: c.pod, ...(c.owner === undefined ? {} : { owner: c.owner }), container: hit.container, via: hit.ref });
  }
  const [first] = services;
  if (opts.proxies !== true || first === undefined) return out;
  // A reverse proxy names its upstreams in a config file, not its env: its log says whether it calls the Service.
  for (const c of candidates) {
    if (out.length >= max) break;
    if (!c.running || own.has(c.pod) || (c.owner !== undefined && owners.has(c.owner)) || out.some((o) => o.pod === c.pod)) continue;
    const proxy = c.containers.find((k) => k.image !== undefined && isProxyImage(k.image));
    if (proxy === undefined) continue;
    if (c.owner !== undefined) owners.add(c.owner);
    out.push({ service: first.name, pod: c.pod, ...(c.owner === undefined ? {} : { owner: c.owner }), container: proxy.name, via: `image ${proxy.image ?? ''}`, proxy: true });
  }
  return out;
}

/**
 * nginx, Envoy, HAProxy, Traefik, Caddy, Kong, and the auth proxies put in front of an app
 * (oauth2-proxy, Pomerium): the image's own name, whatever registry it comes from.
 */
const PROXY_IMAGE = /^(nginx(-unprivileged)?|openresty|envoy|haproxy|traefik|caddy|kong|oauth2-proxy|pomerium)$/;

export function isProxyImage(image: string): boolean {
  const name = image.replace(/@sha256:[0-9a-f]+$/, '').replace(/:[\w.-]+$/, '').split('/').pop() ?? '';
  return PROXY_IMAGE.test(name);
}

/** A proxy picked by its image is a caller only when its log names one of the Services: then attributed to that one. */
export function confirmProxyCaller(c: ServiceCallerEvidence, services: readonly CalledService[], namespace: string): ServiceCallerEvidence | undefined {
  if (c.proxy !== true) return c;
  const named = c.log === undefined ? undefined : services.find((s) => listLinesNaming(c.log?.lines ?? [], s, namespace).length > 0);
  return named === undefined ? undefined : { ...c, service: named.name };
}

/** The workload's Services when pods that carry a preStop hook outlasting their grace period stopped lately: callers lost connections at each stop. */
export function pickCutOffServices(input: { pods: readonly PodEvidence[]; services: readonly ServiceEvidence[]; revisions: readonly RevisionEvidence[]; events: readonly EventEvidence[]; collectedAt: IsoTime }): CalledService[] {
  const o = findPreStopOverrun(input);
  return o !== undefined && hasOverrunStops(o.stops) ? ownServices(input.services, input.pods) : [];
}

const PROBLEM_WORDS: Record<DependencyProblem, string> = {
  refused: 'connection refused',
  unreachable: 'unreachable',
  reset: 'connection reset',
  'closed-idle': 'pooled connection closed before reuse',
  timeout: 'timeouts',
  'dns-missing': 'name not found',
  'dns-unavailable': 'DNS lookups failing',
  'tls-expired': 'TLS: certificate expired',
  'tls-untrusted': 'TLS: certificate not trusted',
  'tls-name': 'TLS: certificate name mismatch',
  'tls-required': 'TLS required, client without it',
  'tls-protocol': 'TLS: no shared protocol version',
  'tls-plaintext': 'TLS: plain text on the port',
};

/** A structured line's error field (`"error":"rpc error: …"`, `err=…`): what failed, ahead of the rest of the line. */
function errorField(line: string): string | undefined {
  const m = /"(?:error|err|exception)"\s*:\s*"((?:[^"\\]|\\.)*)"|\b(?:error|err)="((?:[^"\\]|\\.)*)"/i.exec(line);
  return m?.[1] ?? m?.[2];
}

function clip(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}

/** The lines of a caller's log that name the Service (its name as a host, or its ClusterIP). */
export function listLinesNaming(lines: readonly string[], s: CalledService, namespace: string): string[] {
  const re = namePattern(s, namespace);
  return lines.filter((l) => re.test(l));
}

/** A caller's errors that name no peer at all, at least this many: not a blip, worth saying next to "no error naming" the Service. */
const MIN_UNNAMED_ERRORS = 2;

function describeProblems(errors: readonly { problem: DependencyProblem }[]): string {
  return [...new Set(errors.map((e) => PROBLEM_WORDS[e.problem]))].join(', ');
}

/** The newest error's message, then the newest line itself. */
function quoteErrors(errors: readonly { line: string }[]): string {
  const newest = errors[errors.length - 1]?.line.trim() ?? '';
  const said = errorField(newest);
  const quoted = said === undefined ? '' : `: "${clip(said, 160)}"`;
  return `${quoted}; newest: "${clip(newest, 240)}"`;
}

/** One line per caller whose log was read: the errors it logged reaching the workload's Service, or that it logged none (and those naming no peer). */
export function describeCallerImpact(callers: readonly ServiceCallerEvidence[], services: readonly CalledService[], namespace: string): string[] {
  return callers.flatMap((c) => {
    if (c.log === undefined) return [];
    const s = services.find((x) => x.name === c.service) ?? { name: c.service };
    const re = namePattern(s, namespace);
    // Also the name as a word of a longer token: a gRPC method path (`/scorer.v1.Scorer/Score`) names the service.
    const word = new RegExp(`(?<![\\w-])${escapeRegExp(s.name)}(?![\\w-])`, 'i');
    const errors = c.log.lines.flatMap((line) => {
      const e = re.test(line) || word.test(line) ? parseDependencyError(line) : undefined;
      return e === undefined ? [] : [{ line, problem: e.problem }];
    });
    const who = `caller ${c.owner ?? `pod ${c.pod}`} (pod ${c.pod}, ${c.via})`;
    const total = c.log.lines.length;
    if (errors.length === 0) {
      // A client's error often names only the call ("rpc error: code = DeadlineExceeded"), not the peer: a caller that logs such errors is not error-free.
      const unnamed = c.log.lines.flatMap((line) => {
        const e = parseDependencyError(line);
        return e === undefined || e.dependency !== undefined ? [] : [{ line, problem: e.problem }];
      });
      if (unnamed.length < MIN_UNNAMED_ERRORS) return [`${who}: no error naming ${c.service} in its last ${total} log lines`];
      return [`${who}: no error naming ${c.service}, but ${unnamed.length} errors naming no peer (${describeProblems(unnamed)}) in its last ${total} log lines${quoteErrors(unnamed)}`];
    }
    return [`${who} logged ${errors.length} error${errors.length === 1 ? '' : 's'} reaching ${c.service} (${describeProblems(errors)}) in its last ${total} log lines${quoteErrors(errors)}`];
  });
}

/** The callers' side of an outage joins the first problem finding as evidence: what it cost them. */
export function attachCallerImpact(ev: TriageEvidence, findings: readonly Finding[]): Finding[] {
  const callers = ev.serviceCallers ?? [];
  const at = findings.findIndex((f) => f.severity !== 'info');
  if (callers.length === 0 || at < 0) return [...findings];
  const services = ev.services.map((s) => ({ name: s.name, ...(s.clusterIP === undefined ? {} : { clusterIP: s.clusterIP }) }));
  // A caller the finding already quotes (what it was refused, by its pod) needs no second, blunter line.
  const quoted = findings[at]?.evidence.join('\n') ?? '';
  const rest = callers.filter((c) => !quoted.includes(`pod ${c.pod}`));
  const lines = describeCallerImpact(rest, services, ev.target.namespace).map(redactSecrets);
  if (lines.length === 0) return [...findings];
  return findings.map((f, i) => (i === at ? { ...f, evidence: [...f.evidence, ...lines] } : f));
}
