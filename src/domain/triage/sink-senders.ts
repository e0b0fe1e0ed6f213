/**
 * A shared sink that refuses data for its own load — an OpenTelemetry Collector whose
 * memory_limiter refuses everything above its soft limit — is filled by what its senders send.
 * When nothing of its own changed, a senior SRE looks at the workloads that send to it and at which
 * of them rolled out shortly before the refusals began: a sender whose release started a new
 * high-cardinality attribute (a raw path as http.route) is the trigger, though the sink's log never
 * names it. A sender is a workload whose env names the sink's Service (`name.namespace[.svc…]`,
 * a bare name in the sink's own namespace), or, for an OTLP sink, whose OTLP exporter endpoint is
 * its node's address (status.hostIP): a node agent that forwards to the gateway. Pure.
 */
import type { EnvVarEvidence, IsoTime } from './evidence-spec.js';
import type { LogEvidence, PodEvidence } from './evidence-pod.js';
import type { SinkSenderEvidence } from './evidence-sink-senders.js';
import { isMemoryLimiterRefusal } from './collector-memory-limiter.js';
import { readLineTime } from './request-silence.js';
import { earliest, formatAgo, msBetween } from './time-span.js';
import { TRIGGER_WINDOW_MS, isInTriggerWindow } from './trigger-window.js';

/** The sink: its Services (name and namespace), and whether it takes OTLP (an OpenTelemetry Collector). */
export interface Sink {
  services: readonly { name: string; namespace: string }[];
  otlp: boolean;
}

/** An OTLP exporter's endpoint, all signals or one (the SDKs' standard variables). */
const OTLP_ENDPOINT = /^OTEL_EXPORTER_OTLP_(?:(?:TRACES|METRICS|LOGS)_)?ENDPOINT$/;

/** When to read the sink's senders: its own pods' logs show it refusing data for its memory; since when to look for their rollouts. */
export function needsSinkSenders(seen: { logs: readonly LogEvidence[]; pods: readonly PodEvidence[]; collectedAt: IsoTime }): { since: IsoTime; otlp: boolean } | undefined {
  const own = new Set(seen.pods.map((p) => p.name));
  const refusals = seen.logs.filter((l) => !l.previous && own.has(l.pod)).flatMap((l) => l.lines.filter(isMemoryLimiterRefusal));
  if (refusals.length === 0) return undefined;
  const onset = earliest(refusals.flatMap((l) => readLineTime(l) ?? [])) ?? seen.collectedAt;
  return { since: new Date(Date.parse(onset) - TRIGGER_WINDOW_MS).toISOString(), otlp: true };
}

/** Whether an address names one of the sink's Services: `name.namespace[.svc[.zone]]` anywhere, or a bare `name` from the sink's own namespace. */
function namesService(value: string, sink: Sink, fromNamespace: string): boolean {
  return sink.services.some((s) => {
    const name = s.name.replace(/[.]/g, '\\.');
    const ns = s.namespace.replace(/[.]/g, '\\.');
    const qualified = new RegExp(`(?:^|[/@=,\\s])${name}\\.${ns}(?:\\.svc(?:\\.[a-z0-9.-]+)?)?(?=$|[:/,\\s])`, 'i');
    const bare = new RegExp(`(?:^|[/@=,\\s])${name}(?=$|[:/,\\s])`, 'i');
    return qualified.test(value) || (fromNamespace === s.namespace && bare.test(value));
  });
}

/** How a container's env points at the sink, or undefined: its Service by name, or (OTLP) its node's agent. */
export function findSinkReference(env: readonly EnvVarEvidence[], sink: Sink, namespace: string): { via: string; throughNodeAgent?: true } | undefined {
  for (const e of env) {
    if ('value' in e && namesService(e.value, sink, namespace)) return { via: `${e.name}=${e.value}` };
  }
  if (!sink.otlp) return undefined;
  const hostIpVars = new Set(env.filter((e) => 'ref' in e && e.ref.kind === 'field' && e.ref.key === 'status.hostIP').map((e) => e.name));
  for (const e of env) {
    if (!OTLP_ENDPOINT.test(e.name)) continue;
    const local = 'ref' in e ? e.ref.kind === 'field' && e.ref.key === 'status.hostIP' : [...hostIpVars].some((v) => e.value.includes(`$(${v})`));
    if (local) return { via: `${e.name}=${'value' in e ? e.value : 'status.hostIP'}`, throughNodeAgent: true };
  }
  return undefined;
}

export interface SinkSender {
  deployment: string;
  namespace: string;
  revision: number;
  at: IsoTime;
  via: string;
  throughNodeAgent?: true;
  /** "web-api (namespace web) rolled out revision 12 (1h 5m ago)". */
  text: string;
}

/** The sender whose newest revision rolled out in the window before the onset — the nearest to it — or undefined. */
export function findSinkSender(senders: readonly SinkSenderEvidence[] | undefined, onset: IsoTime | undefined, now: IsoTime): SinkSender | undefined {
  const rolled = (senders ?? []).flatMap((s) => {
    const newest = s.revisions[0];
    // A first install sends what it always sent; a new revision changed what it sends.
    if (newest === undefined || s.revisions.length < 2 || !isInTriggerWindow(newest.createdAt, onset)) return [];
    return [{ s, newest }];
  });
  const [picked] = rolled.sort((a, b) => msBetween(a.newest.createdAt, b.newest.createdAt));
  if (picked === undefined) return undefined;
  const { s, newest } = picked;
  return {
    deployment: s.deployment,
    namespace: s.namespace,
    revision: newest.revision,
    at: newest.createdAt,
    via: s.via,
    ...(s.throughNodeAgent ? { throughNodeAgent: true as const } : {}),
    text: `${s.deployment} (namespace ${s.namespace}) rolled out revision ${newest.revision} (${formatAgo(newest.createdAt, now)})`,
  };
}
