/**
 * Readings that tell a dependency failure more precisely than its kind does, tried in order on
 * the finding a group of log lines made; the first that explains the group replaces its words
 * and the rest are not tried. Each keeps the base finding's evidence after its own.
 */
import type { PodEvidence, TriageEvidence } from '../evidence.js';
import type { Finding } from '../finding.js';
import type { DependencyHit } from '../dependency-error-line.js';
import { explainIdleDrops, findIdleDrops } from '../idle-dropped-connections.js';
import { explainClosedIdle, findClientKeepAlive, findServerIdleTimeout } from '../closed-idle-http.js';
import { explainKeepaliveRace, findUpstreamHeaderCuts, isUpstreamHeaderCut, listCutsToward, listUpstreamKeepalive, pickUpstreamFor } from '../proxy-keepalive-race.js';
import { findServiceOf } from '../down-service.js';
import { explainMeshProtocol, findMeshProtocolMismatch } from '../mesh-protocol.js';
import { explainMeshOriginatedTls, findMeshOriginatedTls } from '../mesh-originated-tls.js';
import { formatKubectl } from '../kubectl-command.js';
import { explainExpiredRootPath, findOldChainBuilder } from '../tls-expired-root-path.js';
import { explainProxyRefusal, findProxyRefusal } from '../proxy-refusal.js';
import { dated, explainHeadlessPortGap, findHeadlessPortGap } from '../headless-port.js';
import { explainStaleConfigMount, findStaleConfigMount, readDependencyHost } from '../stale-config-mount.js';
import { explainMissingConfigEndpoint, findMissingConfigEndpoint } from '../missing-config-endpoint.js';
import { explainTimeoutCut, findFailingMethod, findTimeoutCut } from '../timeout-cut.js';
import { readLogLineTime } from '../log-line-time.js';
import { earliest } from '../time-span.js';
import { findLegacyCommonName, tellLegacyCommonName } from '../legacy-common-name.js';
import { INSECURE_SIGNATURE, findSha1Signature, tellSha1Signature } from '../sha1-signature.js';
import { sortRevisions } from '../revision-diff.js';
import { findLookupStall } from '../lookup-stall.js';
import { describeLookupStall } from './lookup-stall.js';
import { explainLogShipperBlock, findLogShipperBlock } from '../log-shipper-block.js';
import { explainHashCostRaise, explainHashPoolLoad, findHashCostRaise, findHashPoolLoad } from '../hash-cost-threadpool.js';
import { explainAdvertisedHost, parsePerPodHost } from '../per-pod-host.js';
import { explainLoopbackListenerMiss, findLoopbackListenerMiss } from '../loopback-listener.js';
import { explainSearchLineCut, findSearchLineCut } from '../search-line-cut.js';
import { DEPENDENCY_TEXT } from '../dependency-error-text.js';
import { findSniDisabled, tellSniDisabled } from '../sni-disabled.js';
import { explainVoterGone, findVoterGone } from '../quorum-voter-gone.js';
import { explainNlbHairpin, findNlbHairpin } from '../nlb-hairpin.js';
import { findDnsUdpOnly } from '../dns-udp-only.js';
import { explainProxyBypass, findProxyBypass } from '../proxy-bypassed.js';
import { explainRenamedProperty, findRenamedProperty } from '../spring-renamed-property.js';
import { explainBandwidthCap, findBandwidthCap } from '../bandwidth-cap.js';
import { explainTlsNowRequired, findTlsNowRequired } from '../plaintext-to-tls.js';
import { formatAgo } from '../time-span.js';
import { explainOwnClientTimeout, findOwnClientTimeout } from '../stated-client-timeout.js';
import { explainReplacedTrustStore, findReplacedTrustStore, isPublicHost } from '../replaced-trust-store.js';
import { findTrustBundle } from '../trust-bundle.js';
import { explainIpv6FirstDial, findIpv6FirstDial } from '../ipv6-first-dial.js';
import { explainImplicitTlsOnStarttls, findImplicitTlsOnStarttls, listLinesAround } from '../smtp-implicit-tls.js';
import { findParallelConnectionCap, tellParallelConnectionCap } from '../parallel-connection-cap.js';

/** A group of one dependency failure, the finding told from it, and what that finding was read from. */
export interface DependencyGroup {
  ev: TriageEvidence;
  group: readonly DependencyHit[];
  finding: Finding;
  pods: readonly string[];
  podObjects: readonly PodEvidence[];
  dependency: string | undefined;
  /** The Service of the namespace the dependency is, when it is one. */
  service?: string;
  /** The sidecar whose logs these are, when not the main container's. */
  sidecarName?: string;
  decisiveLine: string;
  confirm: readonly string[];
  /** No resolution of the name and no unset env explained the failure already. */
  plain: boolean;
}

/** Where a refined finding was read, for its title: "(istio-proxy logs of 2 pods, 12 lines)". */
function whereSeen(g: DependencyGroup, withLines: boolean): string {
  const n = g.pods.length;
  return `(${g.sidecarName ? `${g.sidecarName} ` : ''}logs of ${n} pod${n === 1 ? '' : 's'}${withLines ? `, ${g.group.length} lines` : ''})`;
}

type Refinement = (g: DependencyGroup) => Finding | undefined;

/**
 * Resets in bursts after lulls, the retries served: pooled connections a middlebox dropped while
 * idle. Not toward a Service of the namespace: pod-to-pod traffic crosses no NAT gateway or load
 * balancer, and a server that restarts resets the same way.
 */
const idleDrops: Refinement = (g) => {
  const first = g.group[0];
  if (first === undefined || first.error.problem !== 'reset' || !g.plain || g.service !== undefined) return undefined;
  const idle = findIdleDrops(g.group, g.podObjects, g.ev.revisions, g.ev.collectedAt);
  if (idle === undefined) return undefined;
  const told = explainIdleDrops(idle, g.ev.target.name, g.dependency);
  return {
    ...g.finding,
    id: `dependency-error/idle-dropped/${first.error.dependency ?? 'unknown'}`,
    title: told.title,
    ...(idle.pathChange ? { datesChange: true as const } : {}),
    confidence: 'medium',
    ...toldParts(g.finding, told),
  };
};

/**
 * Resets in pods of one Job run whose other pods got through to the same server, the run starting
 * more pods at once than the last good one (parallel-connection-cap.ts): the server's cap on
 * simultaneous connections cut them at setup — not a mesh policy, a protocol or a port.
 */
const parallelCap: Refinement = (g) => {
  if (g.group[0]?.error.problem !== 'reset') return undefined;
  const jobName = g.podObjects[0]?.jobName;
  const run = jobName === undefined ? undefined : g.ev.jobs?.find((j) => j.name === jobName);
  const cap = run ? findParallelConnectionCap(g.ev, run) : undefined;
  if (run === undefined || cap === undefined || !g.pods.every((p) => cap.refused.includes(p))) return undefined;
  const told = tellParallelConnectionCap(cap, g.ev.target.kind === 'CronJob' ? 'CronJob' : 'Job');
  return {
    ...g.finding,
    id: `dependency-error/parallel-cap/${run.name}`,
    title: `Connections to ${cap.peer ?? g.dependency ?? cap.server} are cut off at setup in ${cap.refused.length} pods of Job ${run.name} while ${cap.succeeded} got through: ${cap.atOnce} at once are more than it accepts (${cap.server} ${cap.setting}) ${whereSeen(g, false)}`,
    ...toldParts(g.finding, { ...told, evidence: [] }),
  };
};

/**
 * Keep-alive connections the server closed before the pool reused them ("unexpected end of stream"):
 * the server's idle timeout, from its pod when one was read, against the client pool's keep-alive.
 */
const closedIdle: Refinement = (g) => {
  const first = g.group[0];
  if (first === undefined || first.error.problem !== 'closed-idle') return undefined;
  const peer = g.service === undefined ? undefined : g.ev.dependencyPods?.find((d) => d.service === g.service && (d.namespace === undefined || d.namespace === g.ev.target.namespace));
  const server = peer === undefined ? undefined : findServerIdleTimeout(peer);
  const container = g.podObjects.find((p) => p.name === first.log.pod)?.containers.find((c) => c.name === first.log.container);
  const told = explainClosedIdle({ dependency: g.dependency ?? 'a dependency', ...(g.service ? { service: g.service } : {}), ...(server ? { server } : {}), client: findClientKeepAlive(container), now: g.ev.collectedAt });
  return {
    ...g.finding,
    id: `dependency-error/closed-idle/${first.error.dependency ?? 'unknown'}`,
    title: `${told.title} ${whereSeen(g, true)}`,
    ...toldParts(g.finding, told),
  };
};

/**
 * A proxy's upstream cuts its requests before their header, on connections the proxy keeps idle
 * longer than the upstream server does (nginx upstream keepalive against a shorter server idle
 * timeout): both timeouts side by side, from the proxy's mounted ConfigMap and the server's pod.
 */
const proxyKeepaliveRace: Refinement = (g) => {
  const first = g.group[0];
  const service = g.service;
  if (first === undefined || service === undefined || !isUpstreamHeaderCut(first.line)) return undefined;
  const { ev } = g;
  const cuts = findUpstreamHeaderCuts(ev.logs, ev.pods);
  if (cuts === undefined) return undefined;
  const belongsTo = (a: string): boolean => findServiceOf(ev, a)?.name === service;
  const block = pickUpstreamFor(listUpstreamKeepalive(ev.proxyConnectionConfig ?? []), service, ev.target.namespace, cuts.addresses.filter(belongsTo));
  if (block === undefined) return undefined;
  const peer = ev.dependencyPods?.find((d) => d.service === service && (d.namespace === undefined || d.namespace === ev.target.namespace));
  const server = peer === undefined ? undefined : findServerIdleTimeout(peer);
  const changedAt = ev.namespaceObjects?.find((o) => o.kind === 'ConfigMap' && o.name === block.configMap)?.changedAt;
  const told = explainKeepaliveRace({
    service,
    block,
    ...(server ? { server } : {}),
    cuts: { ...cuts, addresses: cuts.addresses.filter(belongsTo) },
    lines: listCutsToward(ev.logs, ev.pods, belongsTo),
    ...(changedAt ? { configChanged: formatAgo(changedAt, ev.collectedAt) } : {}),
  });
  if (told === undefined) return undefined;
  // The revision before mounts the same ConfigMap: going back loads the same file.
  const [, previous] = sortRevisions(ev.revisions);
  const sameFile = previous?.template?.volumes.some((v) => v.source === 'configMap' && v.ref === block.configMap);
  return {
    ...g.finding,
    id: `dependency-error/keepalive-race/${service}`,
    title: `${told.title} ${whereSeen({ ...g, pods: cuts.pods }, false)}`,
    confidence: server?.ms !== undefined ? 'high' : 'medium',
    ...toldParts(g.finding, told),
    ...(sameFile && previous ? { noRollback: `a rollback would not help: revision ${previous.revision} mounts the same ConfigMap ${block.configMap}` } : {}),
    confirmCommands: [...g.confirm, formatKubectl(ev.target, `get configmap ${block.configMap} -o yaml`)],
  };
};

/**
 * The mesh parses the dependency's TCP protocol as HTTP (its Service port's name says so): that
 * breaks every connection, whatever the client reports of it (a timeout, a reset, a failed SSL request).
 */
const meshProtocol: Refinement = (g) => {
  if (g.dependency === undefined || !g.plain) return undefined;
  const mesh = findMeshProtocolMismatch(g.ev, g.podObjects, g.dependency);
  if (mesh === undefined) return undefined;
  const told = explainMeshProtocol(g.ev, mesh, g.pods);
  return {
    ...g.finding,
    id: `dependency-error/mesh-protocol/${mesh.namespace}/${mesh.service.name}`,
    title: `${told.title} ${whereSeen(g, false)}`,
    confidence: mesh.garbage.length > 0 ? 'high' : 'medium',
    evidence: [...told.evidence, ...g.finding.evidence],
    decisive: told.decisive ?? g.decisiveLine,
    fix: told.fix,
    likelyCause: told.cause,
    nextAction: told.action,
    outsideWorkload: told.outsideWorkload,
    ...(told.onset ? { onset: told.onset } : {}),
    confirmCommands: [...told.confirm, g.confirm[0] ?? ''].filter((c) => c !== ''),
    affected: { ...g.finding.affected, ...(mesh.namespace === g.ev.target.namespace ? { services: [mesh.service.name] } : {}) },
  };
};

/**
 * An expired certificate seen by a client on an OpenSSL older than 1.1.0: the old library's path
 * to an expired cross-signed root (tls-expired-root-path.ts), not the server's certificate.
 */
const expiredRootPath: Refinement = (g) => {
  const first = g.group[0];
  if (first === undefined || first.error.problem !== 'tls-expired') return undefined;
  const spec = g.podObjects.find((p) => p.name === first.log.pod)?.containers.find((c) => c.name === first.log.container);
  // The tails, and the start line that named the library when they did not (tls-library-lead.ts).
  const lines = [...[...new Set(g.group.map((h) => h.log))].flatMap((l) => l.lines), ...(g.ev.tlsLibrary ? [g.ev.tlsLibrary.line] : [])];
  const found = findOldChainBuilder(lines, spec?.env ?? []);
  if (found === undefined) return undefined;
  const host = g.dependency?.replace(/:\d+$/, '') ?? 'the server';
  const told = explainExpiredRootPath(found, g.dependency ?? host, host);
  return {
    ...g.finding,
    id: `dependency-error/tls-expired-root-path/${host}`,
    title: `${told.title} ${whereSeen(g, true)}`,
    ...toldParts(g.finding, { ...told, evidence: told.evidence ?? [] }),
  };
};

/**
 * A plain-text answer to TLS from an app that calls http://: its mesh sidecar originates the mutual
 * TLS (mesh-originated-tls.ts), toward a server outside the mesh.
 */
const meshOriginatedTls: Refinement = (g) => {
  const first = g.group[0];
  if (first === undefined || first.error.problem !== 'tls-plaintext') return undefined;
  const host = g.dependency?.replace(/:\d+$/, '');
  const pod = g.podObjects.find((p) => p.name === first.log.pod);
  const found = findMeshOriginatedTls(pod, first.log.container, g.group.map((h) => h.line), host);
  if (found === undefined || host === undefined) return undefined;
  const told = explainMeshOriginatedTls(found, host, g.dependency ?? host, g.ev.target.name);
  return {
    ...g.finding,
    id: `dependency-error/mesh-originated-tls/${host}`,
    title: `${told.title} ${whereSeen(g, true)}`,
    ...toldParts(g.finding, { ...told, evidence: told.evidence ?? [] }),
    outsideWorkload: told.outsideWorkload,
    confirmCommands: [...g.confirm, formatKubectl(g.ev.target, `logs ${first.log.pod} -c ${found.sidecar} --tail=50`), formatKubectl(g.ev.target, 'get destinationrules -A', 'cluster')],
  };
};

/**
 * The client reports the refusal as a proxy error (ProxyError, proxyconnect, tunneling socket):
 * the proxy of HTTP(S)_PROXY refused it, the destination was never called. A node-local proxy
 * down on the failing pods' node is the cause, named with its state and log.
 */
const proxyRefusal: Refinement = (g) => {
  const found = findProxyRefusal(g.ev, g.group, g.podObjects);
  if (found === undefined) return undefined;
  const told = explainProxyRefusal(g.ev, found, g.dependency, g.pods.length);
  return {
    ...g.finding,
    id: `dependency-error/proxy-refused/${found.proxy}`,
    title: told.title,
    confidence: told.confidence,
    evidence: [...told.evidence, ...g.finding.evidence],
    decisive: told.decisive ?? g.decisiveLine,
    likelyCause: told.cause,
    nextAction: told.action,
    fix: told.fix,
    outsideWorkload: told.outsideWorkload,
    ...(told.datesChange ? { datesChange: true as const } : {}),
    confirmCommands: [...told.confirm, ...g.confirm],
    affected: { ...g.finding.affected, nodes: found.refusedOn },
  };
};

/**
 * Refused at a pod IP (or the name) on the port of a headless Service whose targetPort is another
 * number: no virtual IP, no port translation, so the clients dial the pods on a port nothing
 * listens on. The Service, not the bare address, is what to name and fix.
 */
const headlessPort: Refinement = (g) => {
  if (g.group[0]?.error.problem !== 'refused' || g.dependency === undefined || !g.plain) return undefined;
  const gap = findHeadlessPortGap(g.ev, g.dependency, g.group.map((h) => h.line), g.podObjects);
  if (gap === undefined) return undefined;
  const told = explainHeadlessPortGap(g.ev, gap);
  return {
    ...g.finding,
    id: `dependency-error/headless-port/${gap.namespace}/${gap.service.name}`,
    title: `${told.title} ${whereSeen(g, false)}`,
    ...(dated(g.ev, gap) ? { datesChange: true as const } : {}),
    confidence: 'high',
    ...toldParts(g.finding, told),
    outsideWorkload: `Service ${gap.service.name} sends the clients to a port its pods do not listen on; any revision of ${g.ev.target.name} is refused the same way`,
    confirmCommands: [...told.confirm, ...g.confirm],
    affected: { ...g.finding.affected, ...(gap.namespace === g.ev.target.namespace ? { services: [gap.service.name] } : {}) },
  };
};

/**
 * The host that does not resolve (or now refuses: its Service scaled to zero) is the old value of a ConfigMap the failing pods read through
 * subPath or env, edited since they started: they never saw the edit. A restart is the fix.
 */
const staleConfig: Refinement = (g) => {
  const first = g.group[0];
  const problem = first?.error.problem;
  if (problem !== 'dns-missing' && problem !== 'refused') return undefined;
  const found = findStaleConfigMount(g.ev.staleConfig, readDependencyHost(g.dependency), g.podObjects, g.ev.pods, g.ev.collectedAt);
  if (found === undefined) return undefined;
  const told = explainStaleConfigMount(found, g.ev.target, problem);
  return {
    ...g.finding,
    id: `dependency-error/stale-config/${found.config.configMap}`,
    title: told.title,
    datesChange: true,
    confidence: found.fresh.length > 0 ? 'high' : 'medium',
    ...toldParts(g.finding, told),
  };
};

/**
 * Calls that time out at the client's own deadline, which the newest revision cut to a fraction
 * shortly before (timeout-cut.ts): that env change is the trigger and the fix, not the dependency.
 */
const deadlineCut: Refinement = (g) => {
  if (g.group[0]?.error.problem !== 'timeout' || !g.plain) return undefined;
  const lines = g.group.map((h) => h.line);
  const onset = earliest(lines.map((l) => readLogLineTime(l, g.ev.collectedAt)));
  const cut = findTimeoutCut(g.ev, g.group.map((h) => ({ pod: h.log.pod, container: h.log.container })), onset, lines);
  if (cut === undefined) return undefined;
  const told = explainTimeoutCut(cut, findFailingMethod(lines));
  return {
    ...g.finding,
    id: `dependency-error/timeout/deadline-cut/${cut.env}`,
    title: `${told.title} ${whereSeen(g, true)}`,
    datesChange: true,
    confidence: 'high',
    evidence: [`env ${cut.env} of container ${cut.container}: ${cut.from} in revision ${cut.previous.revision} → ${cut.to} in revision ${cut.revision.revision}`, ...g.finding.evidence],
    likelyCause: told.cause,
    nextAction: told.action,
    fix: told.fix,
    latent: told.latent,
    ...(onset !== undefined ? { onset } : {}),
    confirmCommands: [...g.confirm.filter((c) => !/get networkpolicy/.test(c))],
  };
};

/**
 * Timeouts at the client's own limit, as the error states it: far below any round trip, or equal to
 * a timeout setting the pods read (stated-client-timeout.ts). The setting is the cause, not the dependency.
 */
const ownClientTimeout: Refinement = (g) => {
  const first = g.group[0];
  if (first?.error.problem !== 'timeout' || !g.plain) return undefined;
  const container = g.podObjects.find((p) => p.name === first.log.pod)?.containers.find((c) => c.name === first.log.container);
  const own = findOwnClientTimeout(g.group.map((h) => h.line), container, g.ev.settingConfig ?? [], g.ev.namespaceObjects ?? []);
  if (own === undefined) return undefined;
  const told = explainOwnClientTimeout(own, g.dependency);
  return {
    ...g.finding,
    id: `dependency-error/timeout/own-limit/${first.error.dependency ?? 'unknown'}`,
    title: `${told.title} ${whereSeen(g, true)}`,
    confidence: own.setting?.written.includes('=') === true ? 'high' : 'medium',
    ...toldParts(g.finding, told),
    confirmCommands: [...g.confirm.filter((c) => !/get networkpolicy/.test(c))],
  };
};

/** What a Go TLS refusal is read against: the failing logs, the revision the pods run if it is the newest, the container's env. */
function readGoTlsContext(g: DependencyGroup) {
  const logs = [...new Set(g.group.map((h) => h.log))];
  const [newest] = sortRevisions(g.ev.revisions);
  const revision = newest !== undefined && g.podObjects.some((p) => p.revisionHash === newest.hash) ? newest : undefined;
  const container = g.group[0]?.log.container;
  const env = g.podObjects[0]?.containers.find((c) => c.name === container)?.env ?? [];
  return { lines: g.group.map((h) => h.line), logs, revision, env };
}

/**
 * A chain signed with SHA-1 that Go refuses (sha1-signature.ts): its words often come inside an
 * "unknown authority" error ("possibly because of …"), and the inner reason is the one told, with
 * the toolchain the revision brought and the GODEBUG switch it no longer honours.
 */
const sha1Signature: Refinement = (g) => {
  const problem = g.group[0]?.error.problem;
  if (problem !== 'tls-untrusted' || !g.group.some((h) => INSECURE_SIGNATURE.test(h.line))) return undefined;
  const { lines, logs, revision, env } = readGoTlsContext(g);
  const found = findSha1Signature(lines, g.dependency, logs, revision, env);
  if (found === undefined) return undefined;
  const told = tellSha1Signature(found);
  const onset = earliest(g.group.map((h) => readLogLineTime(h.line, g.ev.collectedAt)));
  return {
    ...g.finding,
    id: `dependency-error/tls-sha1-signature/${found.server}`,
    title: `${told.title} ${whereSeen(g, true)}`,
    confidence: 'high',
    ...toldParts(g.finding, told),
    rollbackUndoes: told.rollbackUndoes,
    latent: told.latent,
    // The verifier's inner reason, without the "unknown authority" around it.
    decisive: /x509: cannot verify signature: insecure algorithm [^"\\]*/.exec(g.decisiveLine)?.[0]?.trim() ?? g.decisiveLine,
    ...(onset !== undefined ? { onset } : {}),
  };
};

/**
 * A certificate Go refuses for naming its host only in the Common Name: the toolchain the build
 * moved to is why now, the certificate is the fix, and a rollback only mitigates.
 */
const legacyCommonName: Refinement = (g) => {
  if (g.group[0]?.error.problem !== 'tls-name') return undefined;
  const { lines, logs, revision, env } = readGoTlsContext(g);
  const found = findLegacyCommonName(lines, g.dependency, logs, revision, env);
  if (found === undefined) return undefined;
  const told = tellLegacyCommonName(found);
  const onset = earliest(g.group.map((h) => readLogLineTime(h.line, g.ev.collectedAt)));
  return {
    ...g.finding,
    id: `dependency-error/tls-legacy-cn/${found.server}`,
    title: `${told.title} ${whereSeen(g, true)}`,
    confidence: 'high',
    ...toldParts(g.finding, told),
    rollbackUndoes: told.rollbackUndoes,
    latent: told.latent,
    // The verifier's own words, without the request around them.
    decisive: /(?:tls: failed to verify certificate: )?x509: certificate relies on legacy Common Name field[^"\\]*/.exec(g.decisiveLine)?.[0] ?? g.decisiveLine,
    // Ready pods show no failure: the first refusal dates it.
    ...(onset !== undefined ? { onset } : {}),
  };
};

/**
 * A certificate for another name, presented to a client that sends no SNI: the server's default
 * certificate, not a wrong one. The client's switch is the cause; the certificate needs no fix.
 */
const sniDisabled: Refinement = (g) => {
  if (g.group[0]?.error.problem !== 'tls-name') return undefined;
  const container = g.group[0].log.container;
  const spec = g.podObjects[0]?.containers.find((c) => c.name === container);
  const found = findSniDisabled(spec, g.group.flatMap((h) => h.log.lines));
  if (found === undefined) return undefined;
  const host = (g.dependency ?? 'the server').replace(/:\d+$/, '');
  const told = tellSniDisabled(found, host);
  return {
    ...g.finding,
    id: `dependency-error/tls-no-sni/${host}`,
    title: `TLS certificate of ${host} does not match the host name because ${told.title} ${whereSeen(g, true)}`,
    confidence: 'high',
    ...toldParts(g.finding, told),
  };
};

/**
 * A name that does not resolve, which the lines do not give (gRPC's "produced zero addresses"):
 * the config file the pods mount names a Service its namespace no longer has. That absence, and
 * the Service there instead, is the cause; a rollback sends to the same name.
 */
const missingConfigEndpoint: Refinement = (g) => {
  if (g.group[0]?.error.problem !== 'dns-missing' || !g.plain) return undefined;
  const lines = g.group.map((h) => h.line);
  const found = findMissingConfigEndpoint(g.ev, lines, g.dependency);
  if (found === undefined) return undefined;
  const told = explainMissingConfigEndpoint(g.ev, found, { pods: g.pods, lines });
  return {
    ...g.finding,
    id: `dependency-error/missing-config-endpoint/${found.endpoint.namespace}/${found.endpoint.service}`,
    title: `${told.title} ${whereSeen(g, true)}`,
    ...(told.datesChange ? { datesChange: true as const } : {}),
    severity: 'critical',
    confidence: found.named || found.near.length > 0 ? 'high' : 'medium',
    ...toldParts(g.finding, told),
    outsideWorkload: told.outsideWorkload,
    confirmCommands: [...told.confirm, ...g.confirm],
  };
};

/**
 * Calls that time out in pods whose lookups wait out the resolver's timeout (lookup-stall.ts):
 * when the client gives up before the resolver retries, or the timeouts spread over several
 * hosts, the stalled lookup is the failure — not the host, not a policy. Told as the stall
 * itself (same id), so it merges with the lookup-stall analyzer's finding.
 */
const lookupStall: Refinement = (g) => {
  if (g.group[0]?.error.problem !== 'timeout' || !g.plain) return undefined;
  const stall = findLookupStall(g.ev);
  if (stall === undefined || !stall.pods.some((p) => g.pods.includes(p.name))) return undefined;
  if (stall.timeouts.clientTimeout === undefined && stall.timeouts.hosts.length < 2) return undefined;
  return describeLookupStall(g.ev, stall);
};

/**
 * The dependency that times out is the app's own log server, and the pods hang with it (probes
 * time out, containers killed): the logging call blocks the request threads (log-shipper-block.ts).
 * The failure and its trigger stay as told; the words add the mechanism in the app and its fix.
 */
const logShipperBlock: Refinement = (g) => {
  const problem = g.group[0]?.error.problem;
  if (problem !== 'timeout' && problem !== 'unreachable') return undefined;
  // Each hit with the stack after it: the appender and its async worker are named there.
  const lines = g.group.flatMap((h) => h.log.lines.slice(h.index, h.index + 16));
  const block = findLogShipperBlock(lines, g.dependency, g.podObjects, g.ev.events);
  if (block === undefined) return undefined;
  const told = explainLogShipperBlock(block, g.dependency);
  return {
    ...g.finding,
    title: `${g.finding.title}${told.title}`,
    evidence: [told.evidence, ...g.finding.evidence],
    likelyCause: `${g.finding.likelyCause} ${told.cause}`,
    nextAction: told.action,
    fix: told.fix,
  };
};

/**
 * Calls of a Node app that time out, with other calls of the same logs, after its newest revision
 * raised a password-hashing cost: the hashes fill libuv's threadpool and starve the lookups of
 * every dependency (hash-cost-threadpool.ts). That revision is the trigger; the dependency is not.
 */
const hashCostThreadpool: Refinement = (g) => {
  if (g.group[0]?.error.problem !== 'timeout' || !g.plain) return undefined;
  const lines = g.group.map((h) => h.line);
  const onset = earliest(lines.map((l) => readLogLineTime(l, g.ev.collectedAt)));
  const raise = findHashCostRaise(g.ev, g.group, g.dependency, onset);
  if (raise === undefined) return undefined;
  const told = explainHashCostRaise(raise, `calls to ${g.dependency ?? 'its dependencies'}`);
  return {
    ...g.finding,
    id: `dependency-error/timeout/hash-cost/${raise.env}`,
    title: `${told.title} ${whereSeen(g, true)}`,
    datesChange: true,
    confidence: 'high',
    evidence: [told.evidence, ...g.finding.evidence],
    likelyCause: told.cause,
    nextAction: told.action,
    fix: told.fix,
    ...(onset !== undefined ? { onset } : {}),
    confirmCommands: [...g.confirm.filter((c) => !/get networkpolicy/.test(c))],
  };
};

/**
 * Node's getaddrinfo EAI_AGAIN while every cluster DNS pod is ready, in a Node app that hashes
 * passwords at a real cost on libuv's default pool, with other calls timing out too: the lookups
 * queue behind the hashes in the pool (hash-cost-threadpool.ts). The cluster DNS is not the cause.
 */
const hashPoolLoad: Refinement = (g) => {
  if (g.group[0]?.error.problem !== 'dns-unavailable' || !g.plain) return undefined;
  const load = findHashPoolLoad(g.ev, g.group, g.dependency);
  if (load === undefined) return undefined;
  const told = explainHashPoolLoad(load, `lookups of ${g.dependency ?? 'its dependencies'}`);
  return {
    ...g.finding,
    id: `dependency-error/dns-unavailable/hash-pool/${load.env}`,
    title: `${told.title} ${whereSeen(g, true)}`,
    confidence: 'high',
    evidence: [told.evidence, ...g.finding.evidence],
    likelyCause: told.cause,
    nextAction: told.action,
    fix: told.fix,
    confirmCommands: [...g.confirm],
  };
};

/**
 * A per-pod name under a ClusterIP Service that does not resolve: the StatefulSet behind it hands
 * its clients names under the wrong Service (per-pod-host.ts). Its revision that changed them is
 * the trigger; the clients are not at fault and a rollback of theirs changes nothing.
 */
const advertisedHost: Refinement = (g) => {
  const found = g.ev.advertisedHost;
  if (g.group[0]?.error.problem !== 'dns-missing' || found === undefined) return undefined;
  // Any member's name under the same Service: the clients are handed them all.
  const host = g.group.map((h) => parsePerPodHost(h.error.dependency ?? '')).find((p) => p?.service === found.service && p.namespace === found.namespace && p.statefulSet === found.statefulSet);
  if (host === undefined) return undefined;
  const told = explainAdvertisedHost({ ...found, host: host.host }, g.ev.collectedAt);
  return { ...layTold(g.finding, `dependency-error/advertised-host/${found.namespace}/${found.statefulSet}`, told), ...(told.dated ? { datesChange: true as const } : {}) };
};

/** What a reading of a quorum's or a set's members tells, laid over the finding it refines: its evidence first. */
interface MembersTold {
  title: string;
  evidence: readonly string[];
  cause: string;
  action: string;
  fix: string;
  outsideWorkload: string;
}

/** A reading's account laid over the finding: its evidence before the finding's, its cause, next action and fix. */
function toldParts(finding: Finding, told: { evidence: readonly string[]; cause: string; action: string; fix?: string }): Pick<Finding, 'evidence' | 'likelyCause' | 'nextAction' | 'fix'> {
  return { evidence: [...told.evidence, ...finding.evidence], likelyCause: told.cause, nextAction: told.action, fix: told.fix };
}

function layTold(finding: Finding, id: string, told: MembersTold): Finding {
  return {
    ...finding,
    id,
    title: `${finding.title}${told.title}`,
    confidence: 'high',
    evidence: [...told.evidence, ...finding.evidence],
    likelyCause: told.cause,
    nextAction: told.action,
    fix: told.fix,
    outsideWorkload: told.outsideWorkload,
  };
}

/**
 * A per-pod name of a quorum member that no longer exists, while the logs list a KRaft voter set
 * larger than the members left (quorum-voter-gone.ts): the controllers were scaled below the voter
 * count, so the quorum has no leader. Not a DNS fault and not the host to "check".
 */
const quorumVoterGone: Refinement = (g) => {
  if (g.group[0]?.error.problem !== 'dns-missing') return undefined;
  const host = parsePerPodHost(g.dependency ?? g.group[0].error.dependency ?? '');
  if (host === undefined) return undefined;
  const gone = findVoterGone(host, g.ev.logs, g.ev.endpointSlices);
  if (gone === undefined) return undefined;
  return layTold(g.finding, `dependency-error/quorum-voter-gone/${host.namespace}/${gone.statefulSet}`, explainVoterGone(gone));
};

/**
 * Dials that time out toward the NLB of a Service of the namespace whose targets are instances
 * with the client IP kept (nlb-hairpin.ts): the NLB cannot hairpin a call back to the caller's own
 * node. Not the server and not a NetworkPolicy: the path through the NLB.
 */
const nlbHairpin: Refinement = (g) => {
  const first = g.group[0];
  if (first?.error.problem !== 'timeout' || g.dependency === undefined) return undefined;
  const dialed = /dial tcp (\d{1,3}(?:\.\d{1,3}){3}):\d+/.exec(first.line)?.[1];
  const found = findNlbHairpin(g.dependency, dialed, g.ev.services);
  if (found === undefined) return undefined;
  const told = explainNlbHairpin(found, g.ev.target.namespace, g.ev.collectedAt);
  return {
    ...g.finding,
    id: `dependency-error/nlb-hairpin/${found.service.name}`,
    title: `${g.finding.title}${told.title}`,
    ...(told.dated ? { datesChange: true as const } : {}),
    confidence: 'high',
    ...toldParts(g.finding, told),
  };
};

/**
 * Refused at a loopback address while the neighbour serving that port runs and logs where it
 * listens: the two containers disagree on the address (::1 against 127.0.0.1, loopback against a
 * pod-IP-only bind) — loopback-listener.ts. Nothing is down; the address is what to change.
 */
const loopbackListener: Refinement = (g) => {
  const first = g.group[0];
  if (first?.error.problem !== 'refused' || g.dependency === undefined) return undefined;
  const miss = findLoopbackListenerMiss(g.podObjects, g.ev.logs, first.log.container, g.dependency);
  if (miss === undefined) return undefined;
  // Node.js words its refusals "connect ECONNREFUSED <address>".
  const told = explainLoopbackListenerMiss(miss, g.group.some((h) => /\bconnect ECONNREFUSED\b/.test(h.line)));
  // Ready pods show no failure: the first refusal dates it.
  const onset = earliest(g.group.map((h) => readLogLineTime(h.line, g.ev.collectedAt)));
  return {
    ...g.finding,
    id: `dependency-error/loopback-listener/${miss.server}/${miss.port}`,
    title: `Dependency ${g.dependency} refuses connections: ${told.title} ${whereSeen(g, false)}`,
    confidence: 'high',
    ...toldParts(g.finding, told),
    ...(onset !== undefined ? { onset } : {}),
  };
};

/**
 * Refused at the loopback default of a server whose properties the app's config still sets under a
 * prefix Spring Boot 3 renamed (spring-renamed-property.ts): Boot ignores them and the client dials
 * localhost. Nothing is down; the keys' names are what to change.
 */
const renamedProperty: Refinement = (g) => {
  const first = g.group[0];
  if (first?.error.problem !== 'refused' || g.dependency === undefined) return undefined;
  const logs = [...new Set(g.group.map((h) => h.log))];
  const containers = g.podObjects.flatMap((p) => p.containers.filter((c) => c.name === first.log.container)).slice(0, 1);
  const found = findRenamedProperty(g.dependency, containers, g.ev.settingConfig ?? [], g.ev.revisions, logs.flatMap((l) => l.lines));
  if (found === undefined) return undefined;
  const told = explainRenamedProperty(found, g.dependency);
  return {
    ...g.finding,
    id: `dependency-error/renamed-property/${found.rename.from}`,
    title: `Dependency ${g.dependency} refuses connections: ${told.title} ${whereSeen(g, false)}`,
    confidence: 'high',
    ...toldParts(g.finding, told),
  };
};

/**
 * A short name that does not resolve in pods whose DNS search list the kubelet cut
 * (DNSConfigForming, search-line-cut.ts): the dropped domain is why, not a missing Service.
 */
const searchLineCut: Refinement = (g) => {
  if (g.group[0]?.error.problem !== 'dns-missing' || !g.plain) return undefined;
  const cut = findSearchLineCut(g.ev, g.dependency, g.pods);
  if (cut === undefined) return undefined;
  const told = explainSearchLineCut(cut);
  return {
    ...g.finding,
    id: `dependency-error/search-line-cut/${cut.name}`,
    title: `${DEPENDENCY_TEXT['dns-missing'].title(g.dependency)}${told.title} ${whereSeen(g, false)}`,
    confidence: 'high',
    evidence: [told.evidence, ...g.finding.evidence],
    likelyCause: told.cause,
    nextAction: told.action,
    fix: told.fix,
  };
};

/**
 * Lookups the resolver does not answer, of one headless Service whose answer is too large for UDP,
 * from pods whose egress policy allows DNS only over UDP 53 (dns-udp-only.ts): the retry over TCP
 * 53 is dropped; the DNS server is not at fault.
 */
const udpOnlyDns: Refinement = (g) => {
  if (g.group[0]?.error.problem !== 'dns-unavailable') return undefined;
  const hit = findDnsUdpOnly(g.ev);
  if (hit === undefined || !hit.pods.some((p) => g.pods.includes(p))) return undefined;
  return {
    ...g.finding,
    title: `DNS lookups of ${hit.service} time out: its answer (${hit.endpoints} endpoints) needs TCP 53, which NetworkPolicy ${hit.policy} does not allow ${whereSeen(g, false)}`,
    likelyCause: `The answer for headless Service ${hit.service} is about ${hit.bytes} bytes, over the 512 a UDP reply carries: it comes back truncated and the resolver retries over TCP 53, which ${hit.policy} drops. Smaller answers fit in UDP, so other names resolve; the DNS server answers.`,
    nextAction: `Allow TCP 53 next to UDP 53 in ${hit.policy}'s DNS rule${hit.example ? ` (as NetworkPolicy ${hit.example} does)` : ''}.`,
    fix: `allow TCP 53 as well as UDP 53 to the cluster DNS in ${hit.policy}`,
  };
};

/**
 * Timeouts at an outside host's own address from pods that have a proxy in their env: the
 * client ignores the proxy and dials directly (proxy-bypassed.ts); its release is the trigger.
 */
const proxyBypassed: Refinement = (g) => {
  const first = g.group[0];
  if (first?.error.problem !== 'timeout' || !g.plain) return undefined;
  const lines = g.group.map((h) => h.line);
  const onset = earliest(lines.map((l) => readLogLineTime(l, g.ev.collectedAt)));
  const container = g.podObjects.find((p) => p.name === first.log.pod)?.containers.find((c) => c.name === first.log.container);
  const found = findProxyBypass({ container, objects: g.ev.namespaceObjects ?? [], services: g.ev.services, revisions: g.ev.revisions, dependency: g.dependency, lines, onset });
  if (found === undefined) return undefined;
  const told = explainProxyBypass(found);
  return {
    ...g.finding,
    id: `dependency-error/timeout/proxy-bypassed/${found.dependency}`,
    title: `${told.title} ${whereSeen(g, true)}`,
    ...(found.revision ? { datesChange: true as const } : {}),
    confidence: 'high',
    ...toldParts(g.finding, told),
    ...(onset !== undefined ? { onset } : {}),
  };
};

/**
 * Calls that time out from pods whose revision caps their traffic with the bandwidth plugin's
 * annotation (bandwidth-cap.ts): the transfers are slowed to that rate, not dropped. The cap, and
 * the revision that set it, are the cause; no policy or dependency is.
 */
const bandwidthCap: Refinement = (g) => {
  if (g.group[0]?.error.problem !== 'timeout' || !g.plain) return undefined;
  const onset = earliest(g.group.map((h) => readLogLineTime(h.line, g.ev.collectedAt)));
  const cap = findBandwidthCap(g.ev.revisions, g.podObjects, onset);
  if (cap === undefined) return undefined;
  const told = explainBandwidthCap(cap, g.dependency, g.ev.collectedAt);
  return {
    ...g.finding,
    id: `dependency-error/timeout/bandwidth-cap/${cap.annotation}`,
    title: `${told.title} ${whereSeen(g, true)}`,
    confidence: cap.dated ? 'high' : 'medium',
    ...toldParts(g.finding, told),
    ...(onset !== undefined ? { onset } : {}),
    confirmCommands: [...g.confirm.filter((c) => !/get networkpolicy/.test(c))],
  };
};

/**
 * Every call reset by the peer, from a client whose address is plaintext (redis://…), while a
 * ConfigMap describing that endpoint changed its TLS settings just before (plaintext-to-tls.ts):
 * the endpoint now requires in-transit encryption. That change dates it; the client's scheme is the fix.
 */
const tlsNowRequired: Refinement = (g) => {
  const first = g.group[0];
  if (first?.error.problem !== 'reset' || g.dependency === undefined || !g.plain) return undefined;
  const onset = earliest(g.group.map((h) => readLogLineTime(h.line, g.ev.collectedAt)));
  const env = g.podObjects.find((p) => p.name === first.log.pod)?.containers.find((c) => c.name === first.log.container)?.env ?? [];
  const found = findTlsNowRequired({ dependency: g.dependency, env, objects: g.ev.namespaceObjects ?? [], onset });
  if (found === undefined) return undefined;
  const told = explainTlsNowRequired(found, g.dependency, formatAgo(found.changedAt, g.ev.collectedAt));
  return {
    ...g.finding,
    id: `dependency-error/reset/tls-now-required/${found.host}`,
    title: `${told.title} ${whereSeen(g, false)}`,
    datesChange: true,
    confidence: 'medium',
    ...toldParts(g.finding, told),
    outsideWorkload: `the endpoint ${found.host} now requires TLS: any revision of ${g.ev.target.name} that connects in plaintext is reset the same way`,
    ...(onset !== undefined ? { onset } : {}),
  };
};

/**
 * Plain text back from a TLS handshake of a mail client whose settings switch implicit TLS on
 * toward a STARTTLS port (smtp-implicit-tls.ts): the mail server is the target, whatever other
 * address the env holds; the revision that moved the port dates it.
 */
const implicitTlsOnStarttls: Refinement = (g) => {
  const first = g.group[0];
  if (first?.error.problem !== 'tls-plaintext') return undefined;
  const lines = [...new Set(g.group.flatMap((h) => listLinesAround(h.log.lines, h.index)))];
  const pod = g.podObjects.find((p) => p.name === first.log.pod);
  const found = findImplicitTlsOnStarttls({ pod, container: first.log.container, lines, revisions: g.ev.revisions });
  if (found === undefined) return undefined;
  const told = explainImplicitTlsOnStarttls(found, found.change ? formatAgo(found.change.createdAt, g.ev.collectedAt) : undefined);
  return {
    ...g.finding,
    id: `dependency-error/tls-plaintext/implicit-tls-on-starttls/${found.host}`,
    title: `${told.title} ${whereSeen(g, true)}`,
    ...(found.change ? { datesChange: true as const } : {}),
    confidence: 'high',
    // Another address the env holds is not the TLS target: drop the base reading's guess of it.
    ...toldParts({ ...g.finding, evidence: g.finding.evidence.filter((e) => !/^the (pods connect to|lines logged with the failure name the server)/.test(e)) }, told),
    confirmCommands: [...g.confirm.slice(0, 1)],
  };
};

/**
 * Dials to IPv6 addresses that fail at once from pods with IPv4 only (ipv6-first-dial.ts): the
 * client picks the AAAA answer first. Not the host, not another dependency of the env.
 */
const ipv6FirstDial: Refinement = (g) => {
  const first = g.group[0];
  if (first?.error.problem !== 'unreachable') return undefined;
  const container = g.podObjects.find((p) => p.name === first.log.pod)?.containers.find((c) => c.name === first.log.container);
  const found = findIpv6FirstDial(g.group.map((h) => h.line), g.podObjects, container, g.ev.target.namespace);
  if (found === undefined) return undefined;
  const told = explainIpv6FirstDial(found);
  return {
    ...g.finding,
    id: `dependency-error/ipv6-first/${found.destination?.host ?? 'unknown'}`,
    title: `${told.title} ${whereSeen(g, true)}`,
    confidence: g.pods.length >= 2 ? 'high' : 'medium',
    ...toldParts(g.finding, told),
  };
};

/**
 * An outside host's certificate not trusted since the revision the pods run mounted a ConfigMap or
 * Secret over the runtime's own trust store (replaced-trust-store.ts): the public roots are gone.
 */
const replacedTrustStore: Refinement = (g) => {
  const first = g.group[0];
  if (first?.error.problem !== 'tls-untrusted' || g.dependency === undefined || !isPublicHost(g.dependency, g.ev.target.namespace)) return undefined;
  const pod = g.podObjects.find((p) => p.name === first.log.pod);
  const bundle = pod ? findTrustBundle(pod, first.log.container) : undefined;
  const replaced = pod && bundle ? findReplacedTrustStore(g.ev, pod, first.log.container, bundle) : undefined;
  if (replaced === undefined) return undefined;
  const told = explainReplacedTrustStore(replaced, g.dependency.replace(/:443$/, ''), g.ev.collectedAt);
  const { outsideWorkload: _kept, ...finding } = g.finding;
  return {
    ...finding,
    id: `dependency-error/replaced-trust-store/${replaced.revision.revision}`,
    title: `${told.title} ${whereSeen(g, true)}`,
    datesChange: true,
    confidence: 'high',
    ...toldParts(g.finding, told),
  };
};

export const REFINEMENTS: readonly Refinement[] = [ipv6FirstDial, replacedTrustStore, parallelCap, closedIdle, proxyKeepaliveRace, quorumVoterGone, nlbHairpin, staleConfig, proxyRefusal, tlsNowRequired, implicitTlsOnStarttls, idleDrops, meshProtocol, meshOriginatedTls, expiredRootPath, headlessPort, deadlineCut, ownClientTimeout, sha1Signature, legacyCommonName, sniDisabled, missingConfigEndpoint, udpOnlyDns, proxyBypassed, bandwidthCap, lookupStall, logShipperBlock, hashCostThreadpool, hashPoolLoad, advertisedHost, renamedProperty, loopbackListener, searchLineCut];
