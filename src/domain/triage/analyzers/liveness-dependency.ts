import type { ContainerEvidence, EventEvidence, LogEvidence, PodEvidence, TriageEvidence } from '../evidence.js';
import { condenseStructuredLine, eventContainer, formatProbe, listPodEvents } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { describePodCommand, formatKubectl, previousLogsCommand } from '../kubectl-command.js';
import { formatPodShare, getLastTermination, listNodesOf, severityForPods, unique } from '../pod-status.js';
import { type DependencyError, parseDependencyError } from '../dependency-error-line.js';
import { HEALTH_CHECK_FAILED, findLivenessGroup } from '../liveness-group.js';

/**
 * A liveness probe that checks a dependency: the health endpoint it calls aggregates the
 * dependencies' checks (Spring Boot's /actuator/health with its DataSource indicator, an ASP.NET
 * health check of the database), so when a dependency fails the endpoint answers 5xx and the
 * kubelet kills processes that are up — every replica at once, and a restart brings nothing back.
 * Told by liveness failures that are HTTP 5xx (the app answered) while the same containers log
 * a dependency's health check failing. The same with the kubelet's native gRPC probe: the gRPC
 * health service answers NOT_SERVING while the process logs that a dependency check set it so.
 */

const LIVENESS_5XX = /^Liveness probe failed: HTTP probe failed with statuscode: (5\d\d)/i;
/** The native gRPC probe's failure when the health service answers (the process is up): the status it gave. */
const LIVENESS_GRPC_STATUS = /^Liveness probe failed: service unhealthy \(responded with "?(NOT_SERVING|SERVICE_UNKNOWN|UNKNOWN)"?\)/i;
/** A gRPC health service set NOT_SERVING for a dependency's check ("dependency check failed, reporting NOT_SERVING"). */
const GRPC_DEPENDENCY_CHECK = /\bdependency\b[^\n]*\bcheck failed\b[^\n]*NOT_SERVING|NOT_SERVING[^\n]*\bdependency\b/i;
/** The dependency a structured health line names: "dependency":"billing-db", dependency=billing-db. */
const DEPENDENCY_FIELD = /"dependency"\s*:\s*"([^"]+)"|\bdependency=([\w.-]+)/;
/** A new log record: a timestamp, a bracketed time or a JSON object; anything else continues the record before it. */
const NEW_RECORD = /^(\d{4}-\d\d-\d\d|\[|\{)/;
/** Members of a liveness group that check the process itself (Spring's default group is livenessState alone). */
const PROCESS_ONLY = /^(?:livenessState|ping)$/i;

/** A structured access line of a health endpoint that answered 5xx: its status. */
const HEALTH_5XX = /"status"\s*:\s*"?(5\d\d)\b|\bstatus=(5\d\d)\b/;
/** The per-check results a structured health line carries: "checks":{"cache":"...","db":"ok"}. */
const CHECKS_OBJECT = /"checks"\s*:\s*\{([^{}]*)\}/;
const CHECK_ENTRY = /"([\w.-]+)"\s*:\s*"([^"]*)"/g;
/** A check result that says the check passed. */
const CHECK_PASSED = /^(?:ok|up|pass(?:ed)?|healthy|serving|true)$/i;

/** How far a record's stack is read for its cause. */
const BLOCK_LINES = 60;

const FAILS: Record<DependencyError['problem'], string> = {
  'dns-missing': 'does not resolve',
  'dns-unavailable': 'cannot be resolved (DNS does not answer)',
  refused: 'refuses connections',
  unreachable: 'is unreachable',
  timeout: 'does not answer in time',
  reset: 'drops connections',
  'closed-idle': 'closes pooled connections before their reuse',
  'tls-expired': 'presents an expired certificate',
  'tls-untrusted': 'presents an untrusted certificate',
  'tls-name': 'presents a certificate for another name',
  'tls-required': 'requires TLS the client does not use',
  'tls-protocol': 'shares no TLS version with the client',
  'tls-plaintext': 'does not answer in TLS',
};

interface HealthFailure {
  /** "DataSource", "npgsql"; undefined when the line names no check. */
  check?: string;
  /** The deepest line of the record that names what failed, else the health line itself. */
  cause: string;
  dependency?: DependencyError;
  /** What the failing check reported, when the line gives it per check. */
  state?: string;
}

/**
 * Structured access lines of the probed endpoint that answered 5xx and list their checks:
 * each check that did not pass, with what it reported (a dependency still loading, refusing).
 */
function findCheckedHealthLines(path: string | undefined) {
  return (log: LogEvidence): HealthFailure[] => {
    if (path === undefined) return [];
    return log.lines.flatMap((line) => {
      if (!line.includes(path) || !HEALTH_5XX.test(line)) return [];
      const body = CHECKS_OBJECT.exec(line)?.[1];
      if (body === undefined) return [];
      return [...body.matchAll(CHECK_ENTRY)].filter((m) => !CHECK_PASSED.test(m[2] ?? '')).map((m) => {
        const check = m[1] ?? '';
        const state = m[2] ?? '';
        const dep = parseDependencyError(state);
        return { check, state, cause: `${check}: ${state}`, ...(dep ? { dependency: dep } : {}) };
      });
    });
  };
}

/** The address the container is given for a check's dependency: an env value naming it (REDIS_ADDR=cache-store.ns.svc:6379). */
function findDependencyAddress(container: ContainerEvidence, check: string): string | undefined {
  const key = check.toLowerCase();
  for (const e of container.env ?? []) {
    if (!('value' in e) || typeof e.value !== 'string' || e.value === '') continue;
    if (!e.name.toLowerCase().includes(key) && !e.value.toLowerCase().includes(key)) continue;
    if (/^[\w.-]+(?::\d+)?$|^[a-z]+:\/\//i.test(e.value)) return `${e.value}, ${e.name}`;
  }
  return undefined;
}

/** Health-check failures in one log, each with the cause its stack gives. */
function findHealthFailures(log: LogEvidence): HealthFailure[] {
  const out: HealthFailure[] = [];
  log.lines.forEach((line, i) => {
    const m = HEALTH_CHECK_FAILED.exec(line);
    if (!m) return;
    const block: string[] = [];
    for (const next of log.lines.slice(i + 1, i + 1 + BLOCK_LINES)) {
      if (NEW_RECORD.test(next) || HEALTH_CHECK_FAILED.test(next)) break;
      block.push(next);
    }
    const parsed = [line, ...block].flatMap((l) => {
      const dep = parseDependencyError(l);
      return dep ? [{ line: l, dep }] : [];
    });
    const deepest = parsed.filter((p) => p.dep.dependency !== undefined).at(-1) ?? parsed.at(-1);
    const check = m[1] ?? m[2] ?? m[3];
    out.push({ ...(check ? { check } : {}), cause: (deepest?.line ?? line).trim(), ...(deepest ? { dependency: deepest.dep } : {}) });
  });
  return out;
}

/** gRPC health lines that report NOT_SERVING for a dependency's check, with the dependency the line names. */
function findGrpcHealthFailures(log: LogEvidence): HealthFailure[] {
  return log.lines.filter((l) => GRPC_DEPENDENCY_CHECK.test(l)).map((line) => {
    const f = DEPENDENCY_FIELD.exec(line);
    const name = f?.[1] ?? f?.[2];
    const dep = parseDependencyError(line);
    const dependency = dep ? { ...dep, ...(dep.dependency === undefined && name !== undefined ? { dependency: name } : {}) } : undefined;
    return { cause: line.trim(), ...(dependency ? { dependency } : {}) };
  });
}

/** The liveness failure's status: the HTTP code, or the gRPC health status. */
function statusOf(message: string): string | undefined {
  return LIVENESS_5XX.exec(message)?.[1] ?? LIVENESS_GRPC_STATUS.exec(message)?.[1];
}

interface Hit {
  pod: PodEvidence;
  container: ContainerEvidence;
  failures: EventEvidence[];
  health: HealthFailure[];
}

export function analyzeLivenessDependency(ev: TriageEvidence): Finding[] {
  const hits: Hit[] = [];
  for (const pod of ev.pods) {
    const events = listPodEvents(ev, ['Unhealthy'], [pod.name]);
    for (const container of pod.containers) {
      const type = container.probes.liveness?.type;
      if ((type !== 'http' && type !== 'grpc') || container.restartCount === 0) continue;
      const failures = events.filter((e) => (eventContainer(e) ?? container.name) === container.name && (type === 'http' ? LIVENESS_5XX : LIVENESS_GRPC_STATUS).test(e.message));
      if (failures.length === 0) continue;
      const logs = ev.logs.filter((l) => l.pod === pod.name && l.container === container.name);
      const health = logs.flatMap(type === 'grpc' ? findGrpcHealthFailures : findHealthFailures);
      if (health.length === 0 && type === 'http') health.push(...logs.flatMap(findCheckedHealthLines(container.probes.liveness?.path)));
      if (health.length > 0) hits.push({ pod, container, failures, health });
    }
  }
  const [first] = hits;
  if (first === undefined) return [];
  const { container } = first;
  const mine = hits.filter((h) => h.container.name === container.name);
  const pods = unique(mine.map((h) => h.pod.name));
  const probe = container.probes.liveness;
  const health = mine.flatMap((h) => h.health);
  const named = health.find((h) => h.dependency?.dependency !== undefined) ?? health.find((h) => h.dependency !== undefined) ?? health[0];
  const dep = named?.dependency;
  const address = named?.state !== undefined && named.check !== undefined ? findDependencyAddress(container, named.check) : undefined;
  const what = dep?.dependency !== undefined ? `${dep.dependency} ${FAILS[dep.problem]}`
    : named?.state !== undefined ? `${named.check ?? 'a dependency'}${address ? ` (${address})` : ''} ${dep ? FAILS[dep.problem] : `reports "${named.state.slice(0, 120)}"`}`
    : dep ? `a dependency ${FAILS[dep.problem]}` : 'a dependency fails';
  const check = named?.check ? `its ${named.check} health check` : 'a dependency check';
  const statuses = unique(mine.flatMap((h) => h.failures.map((e) => statusOf(e.message) ?? ''))).join('/');
  const grpc = probe?.type === 'grpc';
  const codes = unique(mine.flatMap((h) => { const t = getLastTermination(h.container); return t ? [t.exitCode] : []; })).join('/');
  const endpoint = grpc ? `the gRPC health service${probe?.service ? ` "${probe.service}"` : ''} on :${String(probe?.port ?? '')}` : probe ? `${probe.path ?? '/'} on :${String(probe.port ?? '')}` : 'the health endpoint';
  // Spring Boot has a liveness group of the process alone beside the aggregate.
  const aggregate = probe?.path !== undefined && /\/actuator\/health\/?$/.test(probe.path);
  const processOnly = aggregate ? `${probe?.path?.replace(/\/?$/, '')}/liveness`
    : grpc ? 'a gRPC health service name whose status does not follow the dependencies (the probe\'s grpc.service), or a tcpSocket probe' : 'an endpoint that checks the process alone (or a tcpSocket probe)';
  const restarts = mine.reduce((n, h) => n + h.container.restartCount, 0);
  const total = mine.reduce((n, h) => n + h.failures.reduce((k, e) => k + e.count, 0), 0);
  // The liveness group as configured, when it adds a dependency's check to the process's own.
  const group = findLivenessGroup(container, ev.settingConfig ?? []);
  const added = group?.members.filter((m) => !PROCESS_ONLY.test(m)) ?? [];
  const kept = group?.members.filter((m) => PROCESS_ONLY.test(m)) ?? [];
  const setting = group === undefined || added.length === 0 ? undefined : { ...group, added, without: `${group.written.replace(/=.*$/s, '')}=${(kept.length > 0 ? kept : ['livenessState']).join(',')}` };
  const groupClause = setting ? `; its liveness health group adds ${setting.added.join(', ')} (${setting.written} in ${setting.source})` : '';
  const groupFix = setting ? `take ${setting.added.join(', ')} out of the liveness health group (${setting.without} in ${setting.source}; keep ${setting.added.join(', ')} in readiness)` : undefined;

  return [{
    id: `liveness-dependency/${container.name}`,
    kind: 'liveness-dependency',
    title: `Liveness probe of ${container.name} checks a dependency: ${endpoint} answers ${statuses} because ${check} fails (${what}), so the kubelet kills ${formatPodShare(ev, pods.length)}${codes ? ` (exit ${codes})` : ''} though the process is up${groupClause}`,
    layer: 'runtime/probes',
    severity: severityForPods(ev, pods.length),
    confidence: pods.length >= 2 || health.length >= 3 ? 'high' : 'medium',
    evidence: [
      `${total} liveness failures with ${grpc ? '' : 'HTTP '}${statuses} on ${pods.length} pod${pods.length === 1 ? '' : 's'}; ${restarts} restarts`,
      ...(probe ? [`liveness probe: ${formatProbe(probe)}`] : []),
      ...(setting ? [`liveness health group: ${setting.written} (${setting.source})`] : []),
      ...unique(health.map((h) => condenseStructuredLine(h.cause).slice(0, 240))).slice(0, 2).map((l) => `log: ${l}`),
    ],
    decisive: condenseStructuredLine(named?.cause ?? '').slice(0, 240),
    likelyCause:
      `The liveness probe ${grpc ? 'asks a gRPC health service whose status follows' : 'calls a health endpoint that includes'} the dependencies' checks. When one fails (${what}), the endpoint answers ${statuses}, ` +
      `and the kubelet restarts containers whose process is fine: every replica at once, and no restart can bring the dependency back. Liveness should say only whether the process must be restarted.`,
    nextAction:
      `${groupFix ? `Mitigate: ${groupFix} and restart the pods so they read it (or switch the liveness probe to a tcpSocket probe) so the kills stop` : `Mitigate: point the liveness probe at ${processOnly} so the kills stop`}; a dependency belongs in readiness at most. ` +
      `Then restore ${dep?.dependency ?? named?.check ?? 'the dependency'} or take it out of the health check. Restarting pods ${groupFix ? 'alone ' : ''}will not help.`,
    fix: groupFix ? `${groupFix}, and restore ${dep?.dependency ?? named?.check ?? 'the dependency'}` : `point the liveness probe at ${processOnly}, and restore ${dep?.dependency ?? named?.check ?? 'the dependency'} or drop it from the health check`,
    confirmCommands: [
      describePodCommand(ev.target, first.pod.name),
      previousLogsCommand(ev.target, first.pod.name, container.name),
      formatKubectl(ev.target, `get pod ${first.pod.name} -o jsonpath='{.spec.containers[?(@.name=="${container.name}")].livenessProbe}'`),
    ],
    affected: { pods, nodes: listNodesOf(mine.map((h) => h.pod)) },
  }];
}
