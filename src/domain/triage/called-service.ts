/**
 * Services of the workload's own namespace that its logs fail to connect to: a connection refused,
 * reset, unreachable or timed out, naming the Service by its DNS name, `name:port` or cluster IP.
 * Such a Service is usually another workload of the cluster (a pooler, a cache, a broker), and
 * when its own pods keep dying, that is why these pods, Ready as they are, answer errors.
 * The collector reads the pods behind the Services named here, at most `MAX_CALLED`.
 */
import type { LogEvidence, ServiceEvidence, TriageTarget } from './evidence.js';
import { parseDependencyError } from './dependency-error-line.js';
import { findInClusterService } from './down-service.js';
import type { EnvServiceRef } from './env-service-ref.js';
import { type UpstreamAnswerKind, parseUpstreamAnswer } from './upstream-answer.js';

/** Services followed at most per triage. */
export const MAX_CALLED = 2;

const CONNECTION_FAILURES = new Set(['refused', 'reset', 'unreachable', 'timeout']);

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Whether the line names the Service: `name.namespace[.svc…]`, `name:port`, or its cluster IP. */
export function namesService(line: string, s: ServiceEvidence, namespace: string): boolean {
  const edge = (re: string) => new RegExp(`(?<![\\w.-])${re}(?![\\w-])`, 'i').test(line);
  if (edge(`${escape(s.name)}\\.${escape(namespace)}(\\.svc(\\.[\\w.-]+)?)?`)) return true;
  if (s.ports.some((p) => edge(`${escape(s.name)}:${p.port}`))) return true;
  return s.clusterIP !== undefined && s.clusterIP !== 'None' && new RegExp(`(?<![\\d.])${escape(s.clusterIP)}(?![\\d])`).test(line);
}

export interface CalledServiceLine {
  service: string;
  pod: string;
  line: string;
}

/** Connection failures in the logs that name a Service of the namespace other than the workload's own. */
export function findCalledServiceFailures(logs: readonly LogEvidence[], services: readonly ServiceEvidence[], target: Pick<TriageTarget, 'namespace'>, own: ReadonlySet<string> = new Set()): CalledServiceLine[] {
  const others = services.filter((s) => !own.has(s.name) && s.type !== 'ExternalName');
  return logs.flatMap((l) => l.lines.flatMap((line) => {
    const problem = parseDependencyError(line)?.problem;
    if (problem === undefined || !CONNECTION_FAILURES.has(problem)) return [];
    const s = others.find((x) => namesService(line, x, target.namespace));
    return s ? [{ service: s.name, pod: l.pod, line: line.trim() }] : [];
  }));
}

/** An error answer a Service gave (through whatever proxy fronts it), as the client logged it. */
export interface AnsweredServiceLine extends CalledServiceLine {
  kind: UpstreamAnswerKind;
  status?: string;
}

/**
 * Error answers in the logs that come from a Service of the namespace (upstream-answer.ts): the
 * line's URL host is the Service's DNS name or a host an env var dials for it (env-service-ref.ts).
 * A line naming no host (a decoder's error) is laid on a Service only when the env points at
 * exactly one of `suspects` and the same log names no host it failed on.
 */
export function findServiceAnswerFailures(logs: readonly LogEvidence[], services: readonly ServiceEvidence[], namespace: string, refs: readonly EnvServiceRef[], suspects: ReadonlySet<string>): AnsweredServiceLine[] {
  const byHost = new Map(refs.flatMap((r) => r.hosts.map((h) => [h, r.service] as const)));
  const serviceOf = (host: string) => {
    const ref = findInClusterService(host, namespace);
    const named = ref?.namespace === namespace && services.some((s) => s.name === ref.name) ? ref.name : undefined;
    return named ?? byHost.get(host);
  };
  const referenced = [...new Set(refs.map((r) => r.service))].filter((s) => suspects.has(s));
  const sole = referenced.length === 1 ? referenced[0] : undefined;
  return logs.flatMap((l) => {
    const answers = l.lines.flatMap((line) => {
      const a = parseUpstreamAnswer(line);
      return a ? [{ a, line: line.trim() }] : [];
    });
    const hosted = answers.filter(({ a }) => a.host !== undefined);
    const picked = hosted.length > 0 ? hosted : answers.filter(({ a }) => a.kind === 'undecodable');
    return picked.flatMap(({ a, line }) => {
      const service = a.host !== undefined ? serviceOf(a.host) : sole;
      return service === undefined ? [] : [{ service, pod: l.pod, line, kind: a.kind, ...(a.status ? { status: a.status } : {}) }];
    });
  });
}

/** The Services to read the pods of, most named first, at most `max`. */
export function pickCalledServices(logs: readonly LogEvidence[], services: readonly ServiceEvidence[], target: Pick<TriageTarget, 'namespace'>, own: ReadonlySet<string>, max = MAX_CALLED): ServiceEvidence[] {
  const counts = new Map<string, number>();
  for (const f of findCalledServiceFailures(logs, services, target, own)) counts.set(f.service, (counts.get(f.service) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1]).slice(0, max).flatMap(([name]) => services.filter((s) => s.name === name && Object.keys(s.selector).length > 0));
}

/** The Services that select one of the workload's pods: its own, never followed as a dependency. */
export function listOwnServiceNames(services: readonly ServiceEvidence[], pods: readonly { labels: Record<string, string> }[]): Set<string> {
  const selects = (s: ServiceEvidence, labels: Record<string, string>) => Object.keys(s.selector).length > 0 && Object.entries(s.selector).every(([k, v]) => labels[k] === v);
  return new Set(services.filter((s) => pods.some((p) => selects(s, p.labels))).map((s) => s.name));
}
