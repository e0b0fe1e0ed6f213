/**
 * Why a probe cannot reach an app that may be perfectly alive, told by the app's own log: it
 * listens on loopback only (the kubelet probes the pod IP), it speaks TLS where the probe speaks
 * plain HTTP (or the reverse), or its host check rejects the probe's Host (the pod IP). Either
 * way the port is right and the app is up; the probe, the listen address or the host check is
 * what to fix, and a longer start-up allowance would change nothing.
 */
import type { ContainerSpecEvidence, EventEvidence, LogEvidence, ProbeEvidence, TerminatedStateEvidence, TriageEvidence } from './evidence.js';
import { condenseStructuredLine, eventContainer, listPodEvents } from './evidence-lookup.js';
import { findListenAddresses } from './listen-lines.js';
import { explainGrpcHealthProbe } from './probe-grpc-health.js';
import { explainHostRejectedProbe } from './probe-host-check.js';
import { explainMovedBasePath } from './probe-base-path.js';
import type { ProbeMiss } from './probe-miss.js';
import { explainOtherPortProbe } from './probe-other-port.js';
import type { ContainerRef } from './pod-status.js';
import { MINUTE_MS, msBetween } from './time-span.js';

// The kubelet says "failed" when the check ran and failed, "errored" when it could not run (an exec probe's binary gone).
export const PROBE_FAILED = /^(Liveness|Startup) probe (failed|errored)/i;
export const PROBE_KILL = /failed (liveness|startup) probe/i;
/** An exec probe whose command cannot start in the container: the image does not have it (a distroless or slimmer base). */
export const EXEC_CANNOT_RUN = /exec: "[^"]*": (stat [^:]*: no such file or directory|executable file not found)|exec failed: unable to start container process/i;

/** The command an exec probe could not start (`exec: "curl": executable file not found` → curl), and the runtime's words. */
export function findMissingProbeCommand(messages: string): { command?: string; quote: string } | undefined {
  const m = EXEC_CANNOT_RUN.exec(messages);
  if (m === null) return undefined;
  const named = /exec: "([^"]+)": (?:stat [^:]*: no such file or directory|executable file not found(?: in \$PATH)?)/i.exec(messages);
  return named ? { command: named[1] ?? '', quote: named[0] } : { quote: m[0] };
}

/** Liveness and startup probe failures and kills of one container. */
export function listProbeEvents(ev: TriageEvidence, ref: ContainerRef): EventEvidence[] {
  return listPodEvents(ev, ['Unhealthy', 'Killing'], [ref.pod.name]).filter(
    (e) => (PROBE_FAILED.test(e.message) || PROBE_KILL.test(e.message)) && mentionsContainer(e, ref.container.name, ref.pod.containers.length),
  );
}

/**
 * A run that ended although it exited 0 (or any code an app gives on SIGTERM): the kubelet
 * killed it for a failed probe when a probe kill was last seen just before it finished.
 */
export function wasKilledByProbe(ev: TriageEvidence, ref: ContainerRef, term: TerminatedStateEvidence): boolean {
  if (term.finishedAt === undefined) return false;
  const finished = term.finishedAt;
  return listProbeEvents(ev, ref).some((e) => PROBE_KILL.test(e.message) && Math.abs(msBetween(e.lastSeen, finished)) <= 2 * MINUTE_MS);
}

/**
 * A run the kubelet ended for a probe whose exec command the image does not have: the probe can
 * never pass, so whatever code the app gives on the SIGTERM (a fatal "shutdown interrupted", exit 1)
 * is the probe's kill, not the app failing on its own.
 */
export function wasKilledByUnrunnableProbe(ev: TriageEvidence, ref: ContainerRef, term: TerminatedStateEvidence): boolean {
  const events = listProbeEvents(ev, ref);
  return events.some((e) => PROBE_FAILED.test(e.message) && EXEC_CANNOT_RUN.test(e.message)) && wasKilledByProbe(ev, ref, term);
}

/** Probe events name their container in fieldPath or the message; single-container pods need not. */
function mentionsContainer(e: EventEvidence, container: string, containers: number): boolean {
  const named = eventContainer(e);
  if (named !== undefined) return named === container;
  return containers === 1 || e.message.includes(container) || !/container \S+/i.test(e.message);
}

/** The app says it serves TLS. */
const SERVES_TLS = /\bserving HTTPS\b|\b(?:listening|serving|server)\b[^\n]*\b(?:https:\/\/|TLS\b)|"tls"\s*:\s*true|\btls=true\b|TLS handshake error[^\n]*HTTP request to an HTTPS server/i;
/** What an HTTPS probe gets from a plain-HTTP listener. */
const HTTPS_TO_PLAIN = /server gave HTTP response to HTTPS client|first record does not look like a TLS handshake/i;

/** The probe's port as a number: a named port resolved through the container's ports. */
export function resolveProbePort(probe: ProbeEvidence | undefined, spec: Pick<ContainerSpecEvidence, 'ports'>): number | undefined {
  if (probe?.port === undefined) return undefined;
  if (typeof probe.port === 'number') return probe.port;
  if (/^\d+$/.test(probe.port)) return Number(probe.port);
  return spec.ports.find((p) => p.name === probe.port)?.containerPort;
}

/** The probe failure `messages` (joined event texts) read against the logs of the probed containers. */
export function explainProbeMiss(
  probe: ProbeEvidence | undefined,
  spec: Pick<ContainerSpecEvidence, 'ports' | 'env'>,
  messages: string,
  logs: readonly LogEvidence[],
): ProbeMiss | undefined {
  if (probe === undefined || probe.type === 'exec') return undefined;
  const port = resolveProbePort(probe, spec);
  const lines = logs.flatMap((l) => l.lines);
  const at = port === undefined ? '' : `:${port}`;

  if (/connection refused/i.test(messages) && port !== undefined) {
    const listeners = lines.map((line) => ({ line, addresses: findListenAddresses(line) }));
    const loopback = listeners.filter((l) => l.addresses.some((a) => a.scope === 'loopback' && a.port === port));
    const everywhere = listeners.some((l) => l.addresses.some((a) => a.scope !== 'loopback' && a.port === port));
    const quoted = (loopback.find((l) => /127\.0\.0\.1/.test(l.line)) ?? loopback[0])?.line;
    if (quoted !== undefined && !everywhere) {
      const hosts = loopback.flatMap((l) => l.addresses.filter((a) => a.scope === 'loopback' && a.port === port).map((a) => `${a.host}${at}`));
      const addresses = [...new Set(hosts)].sort().join(' and ');
      return {
        scope: `the app listens on ${addresses} only — its log: "${quote(quoted)}" — and the kubelet probes the pod IP, so it is refused`,
        why: `the app listens on ${addresses} (loopback) only, while the kubelet (and every client) connects to the pod IP${at}: the port is right, the address is not`,
        fix: `make the app listen on 0.0.0.0${at} (its host / bind address setting)`,
      };
    }
    // Or the app serves, on another port: its log names the port, the probes dial this one.
    const otherPort = explainOtherPortProbe(port, messages, lines);
    if (otherPort !== undefined) return otherPort;
  }
  // The app's host check refusing the probe's Host (the pod IP) says so in its log: read before TLS and auth, which answer the same codes.
  const hostRejected = probe.type === 'http' ? explainHostRejectedProbe(probe, port, spec, messages, lines) : undefined;
  if (hostRejected !== undefined) return hostRejected;
  if (probe.type === 'http' && (probe.scheme ?? 'HTTP').toUpperCase() === 'HTTP' && /statuscode: 400|HTTP request to an HTTPS server/i.test(messages)) {
    // The line that says it plainest: "serving HTTPS" or a handshake error before a mere "tls": true.
    const tls = lines.find((l) => /serving HTTPS|TLS handshake error|https:\/\//i.test(l) && SERVES_TLS.test(l)) ?? lines.find((l) => SERVES_TLS.test(l));
    if (tls !== undefined) {
      return {
        scope: `it sends plain HTTP to ${at || 'a port'} that serves TLS (its log: "${quote(tls)}"), which answers 400`,
        why: `the probe's scheme is HTTP but the app serves HTTPS on ${at || 'that port'}: a TLS server answers a plain HTTP request with 400 Bad Request`,
        fix: 'set scheme: HTTPS on the probe (httpGet.scheme)',
      };
    }
  }
  if (probe.type === 'http' && (probe.scheme ?? '').toUpperCase() === 'HTTPS' && HTTPS_TO_PLAIN.test(messages)) {
    return {
      scope: `it speaks HTTPS to ${at || 'a port'} that serves plain HTTP`,
      why: `the probe's scheme is HTTPS but the app serves plain HTTP on ${at || 'that port'}`,
      fix: 'set scheme: HTTP on the probe, or serve TLS on that port',
    };
  }
  // A 404 from an app whose base path moved (a context path set) says so in its start log or env.
  if (probe.type === 'http') return explainMovedBasePath(probe, port, spec, messages, lines) ?? explainAuthenticatedProbe(probe, messages, lines);
  return explainGrpcHealthProbe(probe, port, messages, lines);
}

/** The status the kubelet got from an HTTP probe that authentication refused. */
const AUTH_REFUSED = /statuscode: (401|403)\b/i;
/** Spring Security announces its filter chain at start-up; actuator paths are Spring Boot's. */
const SPRING_SECURITY = /DefaultSecurityFilterChain|springframework\.security/;

/**
 * A health path behind authentication (an OAuth2/OIDC filter, basic auth, an auth proxy) answers
 * the kubelet 401 or 403: the probe sends no credentials (and should not), so it fails however
 * healthy the app is. The fix is to exempt the health path, not to relax or remove the probe.
 */
function explainAuthenticatedProbe(probe: ProbeEvidence, messages: string, lines: readonly string[]): ProbeMiss | undefined {
  const code = AUTH_REFUSED.exec(messages)?.[1];
  if (code === undefined) return undefined;
  const path = probe.path ?? '/';
  const spring = path.startsWith('/actuator') || lines.some((l) => SPRING_SECURITY.test(l));
  const pattern = path.startsWith('/actuator/health') ? '/actuator/health/**' : path;
  const refusal = code === '401' ? 'requires authentication' : 'refuses callers without credentials';
  return {
    scope: `GET ${path} answers ${code}: the path requires authentication, and the kubelet's probe sends no credentials`,
    why: `the health endpoint ${path} ${refusal} (HTTP ${code}), and the kubelet's probe carries no token or session: it fails however healthy the app is`,
    fix: `exempt ${path} from authentication${spring ? ` (permitAll for ${pattern} in the security filter chain)` : ''}, or serve health on an unauthenticated management port and probe that`,
  };
}

function quote(line: string): string {
  return condenseStructuredLine(line.trim()).slice(0, 120);
}
