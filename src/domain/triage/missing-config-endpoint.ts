/**
 * A client configured, in the file its pods mount, to send to an in-cluster Service that does not
 * exist (deleted or renamed by its owners' migration): the cluster DNS answers NXDOMAIN, gRPC's
 * resolver finds "zero addresses", and every call fails before it connects — whatever revision of
 * the client runs, since the name is in its ConfigMap. A Service of that namespace whose name is
 * close (tempo → tempo-distributor) is the likely replacement, the more so when it serves the
 * same port and appeared just before the failures began. A pipeline that cannot send drops what it
 * queued (data-loss-line.ts): the pods stay Ready while the data is lost.
 */
import type { ConfigEndpointEvidence } from './evidence-config-endpoint.js';
import type { ServiceEvidence, TriageEvidence } from './evidence.js';
import { clipMiddle } from './collapse-events.js';
import { condenseStructuredLine } from './evidence-lookup.js';
import { isDataLossLine } from './data-loss-line.js';
import { formatKubectl } from './kubectl-command.js';
import { readLogLineTime } from './log-line-time.js';
import { pickNearNames } from './service-elsewhere.js';
import { earliest, formatAgo, msBetween } from './time-span.js';
import type { ToldReading } from './told-reading.js';

/** A replacement created this long before the failures began (or a little after) reads as the change that left the old name behind. */
const JUST_BEFORE_MS = 60 * 60_000;
const CLOCK_SLACK_MS = 5 * 60_000;

export interface MissingConfigEndpoint {
  endpoint: ConfigEndpointEvidence;
  /** Services of that namespace close to the missing name, those serving the endpoint's port first. */
  near: ServiceEvidence[];
  /** Whether the lines name the block the endpoint is under (`"name": "otlp/tempo"`). */
  named: boolean;
}

/** The Services of the endpoint's namespace, when read whole: the workload's own, or the list read one hop away. */
function servicesOf(ev: TriageEvidence, e: ConfigEndpointEvidence): readonly ServiceEvidence[] | undefined {
  if (e.namespace !== ev.target.namespace) return e.namespaceServices;
  return ev.readFailures.some((f) => f.source === 'services') ? undefined : ev.services;
}

/** The block's own name (`otlp/tempo` of `exporters.otlp/tempo`), as a token of the lines. */
function namesBlock(lines: readonly string[], section: string | undefined): boolean {
  const block = section?.split('.').pop();
  if (block === undefined || block.length < 3) return false;
  const quoted = block.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const token = new RegExp(`(?<![\\w/-])${quoted}(?![\\w/-])`);
  return lines.some((l) => token.test(l));
}

/**
 * The configured name the unnamed lookup failures are about: one whose Service is absent from its
 * namespace's whole list — the one under the block the lines name, or the only such name.
 */
export function findMissingConfigEndpoint(ev: TriageEvidence, lines: readonly string[], dependency: string | undefined): MissingConfigEndpoint | undefined {
  const missing = (ev.configEndpoints ?? []).filter((e) => {
    const services = servicesOf(ev, e);
    return services !== undefined && !services.some((s) => s.name === e.service) && (dependency === undefined || dependency === e.host);
  });
  const named = missing.filter((e) => namesBlock(lines, e.section));
  const pool = named.length > 0 ? named : missing;
  const hosts = new Set(pool.map((e) => e.host));
  const endpoint = pool[0];
  if (endpoint === undefined || hosts.size !== 1) return undefined;
  const services = servicesOf(ev, endpoint) ?? [];
  const port = Number(/:(\d+)$/.exec(endpoint.host)?.[1]);
  const serves = (s: ServiceEvidence) => s.ports.some((p) => p.port === port);
  const near = pickNearNames(endpoint.service, services.map((s) => s.name))
    .flatMap((n) => services.find((s) => s.name === n) ?? [])
    .sort((a, b) => Number(serves(b)) - Number(serves(a)));
  return { endpoint, near, named: named.length > 0 };
}

/** The reading, told (the title dates the change when the replacement appeared just before the failures), with what the refinement adds to it. */
export interface MissingConfigEndpointTold extends ToldReading {
  evidence: string[];
  outsideWorkload: string;
  confirm: string[];
}

/** `tempo.tracing.svc.cluster.local:4317` with `tempo-distributor` in its place, in the form it was written. */
function replaceService(host: string, service: string, by: string): string {
  return host.startsWith(`${service}.`) ? `${by}${host.slice(service.length)}` : by;
}

export function explainMissingConfigEndpoint(ev: TriageEvidence, found: MissingConfigEndpoint, failing: { pods: readonly string[]; lines: readonly string[] }): MissingConfigEndpointTold {
  const { endpoint: e, near } = found;
  const target = ev.target.name;
  const where = `ConfigMap ${e.configMap}${e.section ? `, ${e.section}` : ''}`;
  const port = /:(\d+)$/.exec(e.host)?.[1];
  const best = near[0];
  const servesPort = best !== undefined && port !== undefined && best.ports.some((p) => String(p.port) === port);
  const onset = earliest(failing.lines.map((l) => readLogLineTime(l, ev.collectedAt)));
  const createdAgo = best?.createdAt ? formatAgo(best.createdAt, ev.collectedAt) : undefined;
  const gap = best?.createdAt && onset ? msBetween(best.createdAt, onset) : undefined;
  const justBefore = gap !== undefined && gap >= -CLOCK_SLACK_MS && gap <= JUST_BEFORE_MS;
  const replacement = best ? replaceService(e.host, e.service, best.name) : undefined;
  const nearText = best
    ? ` (it has ${best.name}${servesPort ? ` on port ${port}` : ''}${createdAgo ? `, created ${createdAgo}${justBefore ? ', just before the lookups began failing' : ''}` : ''})`
    : '';
  // What the pods say they threw away because the calls fail.
  const podSet = new Set(failing.pods);
  const lost = ev.logs.filter((l) => !l.previous && podSet.has(l.pod)).flatMap((l) => l.lines.filter(isDataLossLine));
  // Its first sentence: "Dropping data because sending queue is full." without the advice after it.
  const lostQuote = lost.length > 0 ? clipMiddle(condenseStructuredLine((lost[lost.length - 1] ?? '').trim()).replace(/^(.+?[.!])\s.*$/, '$1'), 120) : undefined;
  const lossText = lostQuote ? `; ${target} drops what it cannot send (${lost.length} line${lost.length === 1 ? '' : 's'}: "${lostQuote}")` : '';
  const resolverSaid = /produced zero addresses|no such host|NXDOMAIN/i.exec(failing.lines[failing.lines.length - 1] ?? '')?.[0];
  const title = `${target} sends to ${e.host} (${where}), a Service that does not exist: namespace ${e.namespace} has no Service ${e.service}${nearText}, so the name does not resolve${resolverSaid ? ` ("${resolverSaid}")` : ''} and every call there fails${lossText}`;
  const evidence = [
    `${where} (${e.key}): ${e.line}`,
    `no Service ${e.service} in namespace ${e.namespace}${best ? `; Services there close to it: ${near.map((s) => `${s.name} (ports ${s.ports.map((p) => p.port).join(', ') || 'none'}${s.createdAt ? `, created ${formatAgo(s.createdAt, ev.collectedAt)}` : ''})`).join(', ')}` : ''}`,
    ...(lostQuote ? [`${lost.length} line${lost.length === 1 ? '' : 's'} of dropped data in the same pods, e.g. ${lostQuote}`] : []),
  ];
  const t = { ...ev.target, namespace: e.namespace };
  return {
    title,
    evidence,
    cause: `${e.host} names Service ${e.service} in namespace ${e.namespace}, which does not exist${best ? ` — ${e.namespace} has ${best.name}${servesPort ? ` on the same port` : ''}${justBefore ? ', created just before the failures began: a migration replaced one with the other' : ''}` : ' (deleted or renamed)'}. The cluster DNS answers NXDOMAIN, the client's resolver finds no address and every call fails before it connects.${lost.length > 0 ? ` ${target} retries, its queue fills and it drops what it cannot send: that data is lost while its pods stay Ready.` : ''} Nothing in ${target} changed: the name is in ${where}, so any revision fails the same way.`,
    action: `${replacement ? `Point ${e.section ?? 'that setting'} in ConfigMap ${e.configMap} at ${replacement} (Service ${best?.name ?? ''}, which exists)` : `Point ${e.section ?? 'that setting'} in ConfigMap ${e.configMap} at the Service that now serves ${e.namespace}'s ${e.service}`}, or recreate Service ${e.service} in ${e.namespace}; restart ${target} if it reads its config only at start. A rollback of ${target} would not help${lost.length > 0 ? ', and a bigger queue only delays the drops' : ''}.`,
    fix: replacement ? `point ${e.section ?? 'the endpoint'} (ConfigMap ${e.configMap}) at ${replacement}, the Service that exists` : `point ${e.section ?? 'the endpoint'} (ConfigMap ${e.configMap}) at a Service that exists, or recreate Service ${e.service} in ${e.namespace}`,
    outsideWorkload: `the name is in ConfigMap ${e.configMap} and Service ${e.service} is gone from ${e.namespace}: any revision of ${target} sends there the same way`,
    confirm: [formatKubectl(t, 'get services'), formatKubectl(ev.target, `get configmap ${e.configMap} -o yaml`)],
    ...(justBefore ? { datesChange: true as const } : {}),
  };
}
