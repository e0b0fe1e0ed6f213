/**
 * A Kubernetes client that reads its projected service-account token once, at start, and never
 * again. The kubelet rewrites the token file at 80 % of the token's lifetime, but the process keeps
 * sending the first token; when it expires the API server answers 401 Unauthorized, the process
 * gives up (leader election lost, a fatal on Unauthorized) and its restart reads the current
 * token: one restart about every token lifetime, with nothing in the workload changed. Client
 * libraries from before bound tokens do this (client-go before v0.15.7, controller-runtime before
 * v0.4, old SDKs); they got by while the API server extended the default 1-hour token to a year.
 * The evidence: the previous run refused late after working, the new run not refused, and a run
 * length within the pod's token lifetime.
 */
import type { ContainerEvidence, PodEvidence, TerminatedStateEvidence, TriageEvidence } from './evidence.js';
import { isKubeApiUnauthorized, pickRefusalLine } from './kube-api-refusal.js';
import { formatSpan, msBetween } from './time-span.js';
import type { ToldReading } from './told-reading.js';

/** The default token of kube-api-access volumes: the API server may extend exactly this lifetime to a year. */
const DEFAULT_TOKEN_SECONDS = 3607;
/** The kubelet rewrites the token file when 80 % of its lifetime has passed. */
const REFRESH_SHARE = 0.8;
/** Leader election's renew deadline and the client's retries come on top of the token's expiry. */
const SLACK_SECONDS = 10 * 60;
/** Lines of the previous run's tail searched for the refusals. */
const TAIL = 60;

export interface StaleToken {
  pod: PodEvidence;
  container: string;
  /** How long the last run lasted before it gave up. */
  ranMs: number;
  /** How long the pod's projected token lives (expirationSeconds). */
  tokenSeconds: number;
  restarts: number;
  /** The previous run's 401 lines. */
  refusals: string[];
  /** How long the new run has gone without a refusal, when its log was read. */
  cleanMs?: number;
  /** The client library the log names, as `client-go v12.0.0+incompatible`. */
  library?: string;
  /** The kubelet's Started event: how often and over how long the container was started. */
  starts?: { count: number; spanMs: number };
}

/** client-go re-reads the token file from v0.15.7 on; the old v1…v12 majors (up to Kubernetes 1.15.0) never do. */
function clientGoReloads(version: string): boolean | undefined {
  const m = /^v(\d+)\.(\d+)\.(\d+)/.exec(version);
  if (!m) return undefined;
  const [major, minor, patch] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (major >= 1) return false;
  return minor > 15 || (minor === 15 && patch >= 7);
}

/** controller-runtime v0.4 is the first built on a client-go that re-reads the token. */
function controllerRuntimeReloads(version: string): boolean | undefined {
  const m = /^v0\.(\d+)\./.exec(version);
  return m ? Number(m[1]) >= 4 : undefined;
}

/** The client library and version the log names, and whether it re-reads the token. */
function findLibrary(lines: readonly string[]): { name: string; reloads: boolean | undefined } | undefined {
  const text = lines.join('\n');
  const go = /client-go@(v\d+\.\d+\.\d+[\w.+-]*)/.exec(text)?.[1];
  if (go !== undefined) return { name: `client-go ${go}`, reloads: clientGoReloads(go) };
  const cr = /controller-runtime(?:@|\\?"\s*[:=]\s*\\?"|\s+)(v0\.\d+\.\d+)/.exec(text)?.[1];
  if (cr !== undefined) return { name: `controller-runtime ${cr}`, reloads: controllerRuntimeReloads(cr) };
  return undefined;
}

/** The first exit that reads as an expired token the process kept; only pods with a projected token (a token Secret there is legacy-token's). */
export function findStaleToken(
  ev: Pick<TriageEvidence, 'logs' | 'events' | 'collectedAt'>,
  hits: readonly { pod: PodEvidence; container: ContainerEvidence; term: TerminatedStateEvidence }[],
): StaleToken | undefined {
  for (const { pod, container, term } of hits) {
    const tokenSeconds = pod.serviceAccountTokenSeconds;
    if (tokenSeconds === undefined || container.restartCount < 2 || term.startedAt === undefined || term.finishedAt === undefined) continue;
    const ranMs = msBetween(term.startedAt, term.finishedAt);
    // The token read at start has at least a fifth of its life left, and no more than all of it.
    if (!(ranMs >= Math.max(120, 0.15 * tokenSeconds) * 1000 && ranMs <= (tokenSeconds + SLACK_SECONDS) * 1000)) continue;
    const logs = ev.logs.filter((l) => l.pod === pod.name && l.container === container.name);
    const previous = logs.find((l) => l.previous);
    const refusals = (previous?.lines ?? []).slice(-TAIL).filter(isKubeApiUnauthorized);
    if (refusals.length < 2) continue;
    // The new run refused as well: that token is not valid at all (a rotated signing key, a deleted ServiceAccount).
    const current = logs.find((l) => !l.previous);
    if (current?.lines.some(isKubeApiUnauthorized)) continue;
    const library = findLibrary(logs.flatMap((l) => l.lines));
    if (library?.reloads === true) continue;
    const started = container.state !== undefined && 'running' in container.state ? container.state.running.startedAt : undefined;
    const startedEvent = ev.events.find((e) => e.object.kind === 'Pod' && e.object.name === pod.name && e.reason === 'Started' && e.count >= 3 && (e.object.fieldPath === undefined || e.object.fieldPath.includes(`{${container.name}}`)));
    return {
      pod,
      container: container.name,
      ranMs,
      tokenSeconds,
      restarts: container.restartCount,
      refusals,
      ...(current !== undefined && started !== undefined ? { cleanMs: msBetween(started, ev.collectedAt) } : {}),
      ...(library ? { library: library.name } : {}),
      ...(startedEvent ? { starts: { count: startedEvent.count, spanMs: msBetween(startedEvent.firstSeen, startedEvent.lastSeen) } } : {}),
    };
  }
  return undefined;
}

export interface StaleTokenTold extends ToldReading {
  line: string;
  evidence: string[];
}

/** The finding's words: the 401 a run-length after start, the token the process never re-reads, and the upgrade (restarts only mitigate). */
export function tellStaleToken(t: StaleToken): StaleTokenTold {
  const ran = formatSpan(t.ranMs);
  const life = formatSpan(t.tokenSeconds * 1000);
  const extended = t.tokenSeconds === DEFAULT_TOKEN_SECONDS
    ? 'The API server can extend this default token to a year for such clients (--service-account-extend-token-expiration); this one does not, so the token really expires.'
    : `The spec sets this lifetime itself, and the API server extends only the default 3607s token.`;
  const every = t.starts && t.starts.count > 1 ? t.starts.spanMs / (t.starts.count - 1) : undefined;
  const fix = `upgrade ${t.container}'s Kubernetes client library to one that re-reads the token file`;
  return {
    title: `: the API server answers 401 Unauthorized ${ran} after start — the process never re-reads its expiring service-account token`,
    cause:
      `The process read its service-account token once, at start, and keeps sending it. The pod's projected token lives ${t.tokenSeconds}s (${life}); the kubelet writes a fresh one to the volume at ${REFRESH_SHARE * 100} % of that, but the process never re-reads the file, so ${ran} into the run the token it holds expires, the API server answers 401 Unauthorized and the process exits; the restart reads the current token and works until that one expires (${t.restarts} restarts so far). ` +
      `Client libraries from before bound tokens do this (client-go before v0.15.7, controller-runtime before v0.4, old SDKs)${t.library ? `; the log names ${t.library}` : ''}. ${extended} Nothing in the workload has to change for it to start.`,
    action: `Upgrade the client library (client-go v0.15.7+, controller-runtime v0.4+, or the SDK's current release; usually a newer release of the image) so it re-reads the token; restarts only mitigate, each new token lasts at most ${life}.`,
    fix,
    line: (pickRefusalLine(t.refusals) ?? '').trim(),
    evidence: [
      `previous run lasted ${ran} before the API server refused it (401 Unauthorized); ${t.restarts} restarts${every !== undefined ? `, one every ~${formatSpan(every)} (${t.starts?.count} starts in ${formatSpan(t.starts?.spanMs ?? 0)})` : ''}`,
      `projected service-account token lives ${t.tokenSeconds}s; the kubelet rewrites it after ${formatSpan(REFRESH_SHARE * t.tokenSeconds * 1000)}`,
      ...(t.cleanMs !== undefined ? [`the new run has gone ${formatSpan(t.cleanMs)} without a refusal: its fresh token is accepted`] : []),
      ...(t.library ? [`client library in the log: ${t.library}`] : []),
    ],
  };
}
