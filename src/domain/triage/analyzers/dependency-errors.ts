import type { TriageEvidence } from '../evidence.js';
import { findPod } from '../evidence-lookup.js';
import { condenseKeepingFailure } from '../dependency-failure-detail.js';
import type { Finding } from '../finding.js';
import { formatKubectl, previousLogsCommand } from '../kubectl-command.js';
import { getLastTermination, hasRecovered, isPodFailing, listNodesOf, severityForPods, unique } from '../pod-status.js';
import { formatEnvValue, sortRevisions } from '../revision-diff.js';
import { listSlicesOf } from '../service-match.js';
import { describeDownService, findInClusterService, findServiceOf } from '../down-service.js';
import { diagnoseResolver } from '../pod-resolver.js';
import { resolveDependency } from '../name-resolution.js';
import { describeServiceElsewhere, listNearServices } from '../service-elsewhere.js';
import { describeGoneElsewhere } from '../named-namespace-services.js';
import { findDownLoopbackServer } from '../loopback-sibling.js';
import { findEgressReach } from '../egress-reach.js';
import { describeTrustUnchanged, explainUntrusted, findRekeyedCa, findTrustBundle } from '../trust-bundle.js';
import { type EnvDependency, pickEnvDependency } from '../env-dependency.js';
import { describeLoggedPeer, findLoggedPeer } from '../logged-peer.js';
import type { PodEvidence } from '../evidence.js';
import { findOptionalEnvFallback } from '../optional-env-fallback.js';
import { describeSameRead } from '../optional-env-ref.js';
import { ALLOWED_TIMEOUT, DEPENDENCY_TEXT, DNS_READY_UNANSWERED, PASSED_TIMEOUT } from '../dependency-error-text.js';
import { findPolicyPassage } from '../policy-passage.js';
import { REFINEMENTS } from './dependency-refinements.js';
import { isInboundConnection } from '../inbound-connection.js';
import { isPastErrorBout } from '../past-log-errors.js';
import { isSupersededRefusal } from '../superseded-refusal.js';
import { isErrorLine } from '../error-line.js';
import { listSucceededRetryLines } from '../retry-succeeded.js';
import { listCachedFallbackLines } from '../cached-fallback.js';
import { listInboundTransportResetLines } from '../inbound-transport-reset.js';
import { findLeaseLoss, isLeaseCall } from '../leader-election.js';
import { isPasswordExpired } from '../password-expiry.js';
import { findPinnedSuites } from '../tls-cipher-suites.js';
import { describeSrvPortGap } from '../srv-port-name.js';
import { explainTlsTerms, findGoRuntime, findJavaRuntime, findPlaintextSetting, findTlsLibrary, findTlsSchemeSetting, type ImageChange, isTlsTermsProblem } from '../tls-terms.js';
import { maskCredentials } from '../server-address-config.js';
import { readIpv6Dial } from '../ipv6-first-dial.js';

export type { DependencyError, DependencyProblem } from '../dependency-error-line.js';
export { parseDependencyError } from '../dependency-error-line.js';
import { type DependencyHit, parseDependencyError } from '../dependency-error-line.js';
import { readLogLineTime } from '../log-line-time.js';
import { earliest } from '../time-span.js';

/** Matching lines in a ready pod's log tail before its errors count: a blip is not an outage. */
const READY_POD_THRESHOLD = 3;

/**
 * "no Service postgres-primary in crm (it has contacts-api, contacts-db-rw, contacts-db-ro)"
 * when a host that does not resolve names a Service of this namespace that is not there.
 */
export function describeMissingService(ev: TriageEvidence, host: string): string | undefined {
  const ref = findInClusterService(host.replace(/:\d+$/, ''), ev.target.namespace);
  // Of another namespace: the list of that namespace, when it was read, says whether it is gone (named-namespace-services.ts).
  if (ref !== undefined && ref.namespace !== ev.target.namespace) return describeGoneElsewhere(ev.namedNamespaceServices, ref, ev.collectedAt);
  if (ref === undefined || ev.services.some((x) => x.name === ref.name)) return undefined;
  if (ev.readFailures.some((f) => f.source === 'services')) return undefined;
  // Only names close to the missing one are alternatives; unrelated Services would read as suggestions.
  const near = listNearServices(ev, ref.name);
  return `no Service ${ref.name} in ${ref.namespace}${near.length > 0 ? ` (similar: ${near.join(', ')})` : ''}`;
}

/**
 * Dependency failures named in the logs of the workload's containers: connection refused, DNS
 * (no such host vs resolver down), timeouts, each with host:port or the URL's host. Crashed runs
 * and failing pods count at once; a ready pod counts only when its tail keeps reporting the
 * same failure (its probes pass, but its requests fail).
 */
export function analyzeDependencyErrors(ev: TriageEvidence): Finding[] {
  const hits: DependencyHit[] = [];
  for (const log of ev.logs) {
    const pod = findPod(ev, log.pod);
    if (!pod) continue;
    let mine: DependencyHit[] = [];
    const sidecarDown = new Set<string>();
    // A run that held its leader lease and lost it: its lease calls went to an API server that had
    // just answered, and the crash reading tells them (leader-election.ts), not as a dependency.
    const leaseLost = findLeaseLoss(log.lines) !== undefined;
    // A call retried into success (retry-succeeded.ts): the caller got its answer, the dependency served it.
    const retried = listSucceededRetryLines(log.lines);
    // A reset the server's own transport read on a connection it accepted (inbound-transport-reset.ts): a client that left, no call.
    const inbound = listInboundTransportResetLines(log.lines);
    // A refresh that fell back to its cached copy while the requests succeed (cached-fallback.ts): degraded, told as a note.
    const fallbacks = listCachedFallbackLines(log.lines);
    // A pool whose logons are refused for an expired password (password-expiry.ts) times out waiting for a connection: the refusal, not the network.
    const logonExpired = log.lines.some(isPasswordExpired);
    log.lines.forEach((line, index) => {
      if (leaseLost && isLeaseCall(line)) return;
      if (retried.has(index) || inbound.has(index) || fallbacks.has(index)) return;
      const error = parseDependencyError(line);
      if (logonExpired && error?.problem === 'timeout' && error.dependency === undefined) return;
      // A connection the pod accepted on its serving port: the peer is a client, not a dependency.
      if (error && isInboundConnection(ev, pod, line)) return;
      // Refused at a loopback port a crashed neighbour serves: that container's crash, told on its exit.
      if (error && findDownLoopbackServer(pod, log.container, error.dependency)) sidecarDown.add(error.problem);
      else if (error) mine.push({ log, line, index, error });
    });
    // The unnamed "Connection refused" of the same stack trace is the same refusal.
    mine = mine.filter((h) => h.error.dependency !== undefined || !sidecarDown.has(h.error.problem));
    // The crashed run of a container that has long since recovered is history, not the incident.
    const container = pod.containers.find((c) => c.name === log.container);
    const term = container ? getLastTermination(container) : undefined;
    if (log.previous && container && term && hasRecovered(container, term, ev.collectedAt)) continue;
    // A bout the running container rode out hours ago (a broker's rolling restart), with clean work logged since: history.
    if (!log.previous && isPastErrorBout(log.lines, mine.map((h) => h.index), ev.collectedAt, isFailureLine)) continue;
    const ready = !log.previous && !isPodFailing(pod, ev.collectedAt);
    if (!ready || mine.length >= READY_POD_THRESHOLD) hits.push(...mine);
  }
  const groups = new Map<string, DependencyHit[]>();
  for (const h of hits) {
    const key = `${h.error.problem}/${h.error.dependency ?? '?'}`;
    groups.set(key, [...(groups.get(key) ?? []), h]);
  }
  // An unnamed "connection refused" adds nothing when the same logs name the dependency elsewhere.
  for (const key of groups.keys()) {
    if (key.endsWith('/?') && [...groups.keys()].some((k) => k !== key && k.startsWith(key.slice(0, -1)))) groups.delete(key);
  }
  return [...groups.values()].map((group) => demoteSuperseded(ev, group, describeGroup(ev, group)));
}

/**
 * Refusals the client's log has moved past (superseded-refusal.ts): told as the earlier trace they
 * are, low confidence (a hunch explains nothing) and a warning, so the current failure leads.
 */
function demoteSuperseded(ev: TriageEvidence, group: DependencyHit[], f: Finding): Finding {
  const dependency = group[0]?.error.dependency;
  const svc = dependency === undefined ? undefined : findServiceOf(ev, dependency);
  const eps = svc === undefined ? [] : listSlicesOf(ev, svc.name).flatMap((x) => x.endpoints);
  const serviceReady = eps.length > 0 && eps.every((e) => e.ready && !e.terminating);
  if (!isSupersededRefusal(group, serviceReady)) return f;
  return {
    ...f,
    title: `${f.title} — earlier only: the pods log other errors since, and Service ${svc?.name ?? ''} is ready now`,
    severity: 'warning',
    confidence: 'low',
  };
}

/** A line that reports an error or a dependency failure (clients log refusals at WARN): not clean work. */
function isFailureLine(line: string): boolean {
  return isErrorLine(line) || parseDependencyError(line) !== undefined;
}

function describeGroup(ev: TriageEvidence, group: DependencyHit[]): Finding {
  const first = group[0] as DependencyHit;
  const { problem } = first.error;
  // Every cluster DNS pod read and ready: the resolver is not down, so its words do not blame it.
  const dnsReady = problem === 'dns-unavailable' && ev.dns !== undefined && ev.dns.pods.length > 0 && ev.dns.pods.every((p) => p.ready) ? ev.dns.pods.length : undefined;
  const text = dnsReady === undefined ? DEPENDENCY_TEXT[problem] : { ...DEPENDENCY_TEXT[problem], cause: DNS_READY_UNANSWERED.cause(dnsReady), action: DNS_READY_UNANSWERED.action };
  const pods = unique(group.map((h) => h.log.pod));
  const podObjects = pods.flatMap((p) => findPod(ev, p) ?? []);
  // A line that names no host ("Connect timed out"): the pods' env address its stack or client names.
  // Not for dials to IPv6 addresses of pods that have none (ipv6-first-dial.ts): an in-cluster address of the env resolves to IPv4.
  const fromEnv = first.error.dependency === undefined && !group.every((h) => readIpv6Dial(h.line) !== undefined) ? findEnvDependency(podObjects, group) : undefined;
  // Nor the env: a TLS refusal's own lines after it (the app's retry or dead-letter line) may name the server.
  const peer = first.error.dependency === undefined && !fromEnv && isTlsTermsProblem(problem) ? findLoggedPeer(group.flatMap((h) => readContinuation(h.log.lines.slice(h.index + 1, h.index + 1 + CONTEXT_LINES)))) : undefined;
  const dependency = first.error.dependency ?? (fromEnv ? `${fromEnv.host}${fromEnv.port ? `:${fromEnv.port}` : ''}` : peer ? `${peer.host}:${peer.port}` : undefined);
  const failing = podObjects.filter((p) => isPodFailing(p, ev.collectedAt));
  const nearEnd = group.filter((h) => h.index >= h.log.lines.length - 10);
  const host = dependency?.replace(/:\d+$/, '');

  // Condensed, but keeping the words the failure was read from (a proxy's reason in a JSON body field).
  const decisiveLine = condenseKeepingFailure((nearEnd[nearEnd.length - 1] ?? group[group.length - 1] ?? first).line.trim(), problem);
  // Go says when the certificate ran out: "current time … is after 2026-11-21T00:00:00Z".
  const expiredAt = problem === 'tls-expired' ? /is after (\d{4}-\d\d-\d\dT[\d:]+Z)/.exec(decisiveLine)?.[1] : undefined;
  const evidence = [
    `${group.length} log line${group.length === 1 ? '' : 's'} in ${pods.length} pod${pods.length === 1 ? '' : 's'} (${pods.slice(0, 3).join(', ')}${pods.length > 3 ? ', …' : ''})`,
    `log ${first.log.pod}: ${decisiveLine}`,
    ...(fromEnv ? [`the pods connect to ${dependency ?? fromEnv.host} (env ${fromEnv.env}); ${fromEnv.by === 'named' ? 'the lines name it' : 'the failing client and its stack name that protocol'}`] : []),
    ...(peer ? [`the lines logged with the failure name the server: ${describeLoggedPeer(peer)}`] : []),
  ];
  // The dependency's own state, when it is a Service of this namespace: the next place to look.
  const svcRef = host ? findInClusterService(host, ev.target.namespace) : undefined;
  // By its name in this namespace, or by its cluster IP when the client logs the address.
  const svc = dependency ? findServiceOf(ev, dependency) : undefined;
  let dependencyState = '';
  let behind: ReturnType<typeof describeDownService>;
  // An ExternalName Service has no endpoints by design: where it points is its state (name-resolution.ts).
  if (svc && svc.type !== 'ExternalName') {
    const eps = listSlicesOf(ev, svc.name).flatMap((x) => x.endpoints);
    const ready = eps.filter((e) => e.ready && !e.terminating);
    const notReady = eps.filter((e) => !e.ready).flatMap((e) => (e.podName ? [e.podName] : []));
    evidence.push(`Service ${svc.name}${host && host !== svc.name && !host.startsWith(`${svc.name}.`) ? ` (${host})` : ''}: ${ready.length}/${eps.length} endpoints ready${notReady.length > 0 ? ` (not ready: ${notReady.slice(0, 3).join(', ')})` : ''}`);
    behind = ready.length === 0 ? describeDownService(ev, svc.name) : undefined;
    if (behind) evidence.push(behind.text);
    if (ready.length === 0) dependencyState = behind ? `: ${behind.text}` : `: Service ${svc.name} has no ready endpoint${notReady.length > 0 ? ` (${notReady.slice(0, 2).join(', ')} not ready)` : ''}`;
  }
  const missingService = problem === 'dns-missing' && host ? describeMissingService(ev, host) : undefined;
  // Which resolver did not answer: a node-local cache, or one the pods set themselves instead of the cluster DNS.
  const resolver = problem === 'dns-unavailable' ? diagnoseResolver(ev, group.map((h) => h.line), podObjects) : undefined;
  if (resolver) {
    dependencyState = resolver.state;
    evidence.push(...resolver.evidence);
  }
  if (missingService) evidence.push(missingService);
  // An SRV name (_grpc._tcp.ledger…) exists only for a Service port of that name: a renamed port leaves it unanswered.
  const srvGap = problem === 'dns-missing' && host && !missingService ? describeSrvPortGap(ev.services, host, ev.target.namespace) : undefined;
  if (srvGap) {
    evidence.push(srvGap.text);
    if (dependencyState === '') dependencyState = `: ${srvGap.text}`;
  }
  // A short name gone from this namespace that names a Service elsewhere: the dependency moved.
  const elsewhere = missingService && svcRef && host && !host.includes('.') ? describeServiceElsewhere(ev, svcRef.name) : undefined;
  if (elsewhere) evidence.push(elsewhere.text);
  // Where the name really leads (the pod's /etc/hosts, an ExternalName target, a node-local Service): when that explains it, it is the cause.
  const resolution = host && !resolver && !isTlsTermsProblem(problem) ? resolveDependency(ev, problem, host, podObjects, group.map((h) => h.line), /:(\d+)$/.exec(dependency ?? '')?.[1]) : undefined;
  if (resolution) {
    evidence.push(...resolution.evidence);
    if (resolution.cause !== undefined || dependencyState === '') dependencyState = resolution.state;
  }
  const resolved = resolution?.cause !== undefined ? resolution : undefined;
  // A timeout to an address a rule of the pods' egress policies allows: the packets are lost beyond them.
  const allowed = problem === 'timeout' && !resolved && host !== undefined && /^\d{1,3}(\.\d{1,3}){3}$/.test(host) ? findEgressReach(ev, host, /:(\d+)$/.exec(dependency ?? '')?.[1]) : undefined;
  const policyAllows = allowed?.allowedBy !== undefined;
  if (allowed && policyAllows) evidence.push(allowed.text);
  // A timeout to a Service of the namespace whose policies admit these pods at both ends: no policy is the lead.
  const passage = problem === 'timeout' && !resolved && !policyAllows && svc ? findPolicyPassage(ev, svc, portOf(dependency), podObjects) : undefined;
  if (passage) evidence.push(passage.text);
  // An untrusted certificate: what the client trusts, when its spec says, and whether the rollout touched it.
  const trustPod = problem === 'tls-untrusted' ? podObjects.find((p) => p.name === first.log.pod) : undefined;
  const trust = trustPod ? findTrustBundle(trustPod, first.log.container) : undefined;
  const untrusted = trust ? explainUntrusted(dependency ?? 'the server', trust, group.map((h) => findRekeyedCa(h.line)).find((x) => x !== undefined)) : undefined;
  const trustKept = trust && trustPod ? describeTrustUnchanged(ev, trustPod, first.log.container, trust) : undefined;
  if (trust) evidence.push(`the pods trust ${trust.source}${trust.key ? ` (key ${trust.key})` : ''}, via ${trust.via}`);
  const readyOnly = failing.length === 0;
  // A sidecar's logs (a mesh proxy, a log shipper) tell another story than the app's: say whose.
  const logged = unique(group.map((h) => h.log.container));
  const main = podObjects[0]?.containers[0]?.name;
  const sidecarName = logged.length === 1 && main !== undefined && logged[0] !== main ? logged[0] : undefined;
  // A host name that came from a changed env var is the usual story behind "no such host".
  let hostChanged = false;
  const [newest, previous] = sortRevisions(ev.revisions);
  if (host && newest && previous) {
    for (const c of newest.containers) {
      for (const env of c.env) {
        if (!('value' in env) || !env.value.includes(host)) continue;
        const before = previous.containers.find((p) => p.name === c.name)?.env.find((e) => e.name === env.name);
        if (!before || JSON.stringify(before) !== JSON.stringify(env)) {
          evidence.push(`env ${env.name} changed in revision ${newest.revision}: ${before ? formatEnvValue(before) : '(not set)'} → ${formatEnvValue(env)}`);
          hostChanged = true;
        }
      }
    }
  }
  // A name nobody changed that no longer resolves because its Service is gone: that absence is the dependency's state.
  const serviceGone = missingService !== undefined && !hostChanged && dependencyState === '';
  if (serviceGone) dependencyState = `: ${missingService}${elsewhere ? `, but ${elsewhere.text}` : ''}`;
  const moved = serviceGone ? elsewhere : undefined;

  // The address is the app's default because an optional key reference left its variable unset.
  const logPod = podObjects.find((p) => p.name === first.log.pod);
  const container = logPod?.containers.find((c) => c.name === first.log.container);
  const fallback = problem === 'refused' || problem === 'unreachable' || problem === 'timeout' ? findOptionalEnvFallback(ev, container, unique(group.map((h) => h.log)), host) : undefined;
  if (fallback) evidence.push(...fallback.evidence);
  const sameRead = fallback ? describeSameRead(ev.revisions, first.log.container, fallback.unset) : undefined;
  // TLS terms the two sides do not share: the spec's TLS setting, the client's library, the image that brought it.
  const setting = problem === 'tls-required' ? findPlaintextSetting(container?.env ?? []) : undefined;
  const library = problem === 'tls-protocol' ? findTlsLibrary(unique(group.map((h) => h.log)).flatMap((l) => l.lines)) ?? ev.tlsLibrary?.library : undefined;
  const imageChange = problem === 'tls-protocol' ? findImageChange(ev, logPod, first.log.container) : undefined;
  const suites = problem === 'tls-protocol' ? findPinnedSuites(container?.env ?? []) : undefined;
  const java = problem === 'tls-protocol' ? findJavaRuntime(unique(group.map((h) => h.log)).flatMap((l) => l.lines), container?.env ?? []) : undefined;
  const go = problem === 'tls-protocol' ? findGoRuntime(unique(group.map((h) => h.log)).flatMap((l) => l.lines), container?.env ?? []) : undefined;
  // A TLS scheme configured for a plain-text port: the URL in the pod template or the ConfigMap read for it (passwords masked).
  const scheme = problem === 'tls-plaintext'
    ? findTlsSchemeSetting([
      ...(container?.env ?? []).flatMap((e) => ('value' in e ? [{ name: e.name, value: maskCredentials(e.value) }] : [])),
      ...(ev.settingConfig ?? []).filter((c) => c.mechanism === 'server-address').map((c) => ({ name: c.written.slice(0, c.written.indexOf('=')), value: c.written.slice(c.written.indexOf('=') + 1), from: `ConfigMap ${c.configMap}` })),
    ], dependency)
    : undefined;
  const terms = isTlsTermsProblem(problem)
    ? explainTlsTerms({ problem, dependency: peer ? describeLoggedPeer(peer) : dependency, line: decisiveLine, ...(setting ? { setting } : {}), ...(scheme ? { scheme } : {}), ...(library ? { library } : {}), ...(imageChange ? { imageChange } : {}), ...(suites ? { suites } : {}), ...(java ? { java } : {}), ...(go ? { go } : {}) })
    : undefined;
  if (terms) evidence.push(...terms.evidence);

  const confirm = [first.log.previous ? previousLogsCommand(ev.target, first.log.pod, first.log.container) : formatKubectl(ev.target, `logs ${first.log.pod} -c ${first.log.container} --tail=100`)];
  if (problem === 'dns-unavailable') confirm.push(...(resolver?.confirm ?? [resolver?.evidence.length ? formatKubectl(ev.target, `get pod ${pods[0] ?? ''} -o jsonpath='{.spec.dnsPolicy} {.spec.dnsConfig}'`) : formatKubectl(ev.target, 'get pods -n kube-system -l k8s-app=kube-dns -o wide', 'cluster')]));
  else if (svcRef) {
    const t = { ...ev.target, namespace: svcRef.namespace };
    confirm.push(formatKubectl(t, `get service ${svcRef.name}`), formatKubectl(t, `get endpointslices -l kubernetes.io/service-name=${svcRef.name}`));
  }
  confirm.push(...(resolution?.confirm ?? []));
  if (problem === 'timeout' && !resolved && !policyAllows && !passage) confirm.push(formatKubectl(ev.target, 'get networkpolicy'));

  if (fallback) {
    confirm.push(formatKubectl(ev.target, `get ${fallback.unset.kind === 'secret' ? 'secret' : 'configmap'} ${fallback.unset.source} -o jsonpath='{.data}' | jq keys`));
  }
  // Ready pods show no failure of their own: the fault began with the first of these lines that carries its time.
  // Not when the dependency's own state explains it (down, gone): the change to look for is the dependency's, not the pods'.
  const firstLogged = readyOnly && dependencyState === '' ? earliest(group.map((h) => readLogLineTime(h.line, ev.collectedAt))) : undefined;
  // An address the client logs (a pod's, a cluster IP) says less than the Service it belongs to, unless the state names it.
  const named = svc !== undefined && dependency !== undefined && /^\d{1,3}(\.\d{1,3}){3}$/.test(host ?? '') && !dependencyState.includes(`Service ${svc.name}`) ? `${dependency} (Service ${svc.name})` : dependency;
  const finding: Finding = {
    id: `dependency-error/${problem}/${first.error.dependency ?? 'unknown'}`,
    kind: 'dependency-error',
    title: `${terms ? terms.title : expiredAt ? text.title(named).replace('has expired', `expired at ${expiredAt}`) : text.title(named)}${fallback ? `: the pods start without ${fallback.unset.env} — ${fallback.why}, so the app falls back to its default` : dependencyState} (${sidecarName ? `${sidecarName} ` : ''}logs of ${pods.length} ${readyOnly ? 'ready ' : ''}pod${pods.length === 1 ? '' : 's'}${readyOnly ? `, ${group.length} lines` : ''})`,
    // The state the title says came from the resolution, which dated the change that led the name there.
    ...(!fallback && !terms && ((resolved?.datesChange && dependencyState === resolved.state) || (resolver?.datesChange && dependencyState === resolver.state)) ? { datesChange: true } : {}),
    layer: 'network/routing',
    severity: failing.length > 0 ? severityForPods(ev, failing.length) : 'warning',
    confidence: fallback && !fallback.confirmed ? 'medium' : dependency !== undefined && pods.length >= 2 && (nearEnd.length > 0 || readyOnly) ? 'high' : 'medium',
    evidence,
    decisive: decisiveLine,
    fix: fallback
      ? fallback.fix
      : resolved
      ? resolved.fix
      : resolver
      ? resolver.fix
      : untrusted
      ? untrusted.fix
      : terms
      ? terms.fix
      : problem.startsWith('tls-')
      ? `get the certificate of ${host ?? 'the dependency'} fixed by whoever serves it`
      : moved
      ? moved.fix
      : srvGap && dependencyState.includes(srvGap.text)
      ? srvGap.fix
      : serviceGone && svcRef
      ? `restore Service ${svcRef.name} in ${svcRef.namespace} (deleted or renamed), or point the clients at the Service that exists`
      : behind?.fix !== undefined && dependencyState.includes(behind.text)
      ? behind.fix
      : `check ${dependency ?? 'the dependency'}${dependencyState ? ` and why ${svc?.name ?? 'it'} has no ready endpoint` : ''}`,
    likelyCause: fallback
      ? fallback.cause
      : resolved
      ? `${resolved.cause}${nearEnd.some((h) => h.log.previous) ? ' It is among the last lines before the container stopped.' : ''}`
      : resolver
      ? resolver.cause
      : untrusted
      ? `${untrusted.cause}${nearEnd.some((h) => h.log.previous) ? ' It is among the last lines before the container stopped.' : ''}`
      : moved
      ? moved.cause
      : `${terms ? terms.cause : policyAllows ? ALLOWED_TIMEOUT.cause : passage ? PASSED_TIMEOUT.cause : text.cause}${nearEnd.some((h) => h.log.previous) ? ' It is among the last lines before the container stopped.' : ''}`,
    nextAction: fallback?.action ?? resolved?.action ?? (resolver ? resolver.action : untrusted ? untrusted.action : moved ? moved.action : terms ? terms.action : policyAllows ? ALLOWED_TIMEOUT.action : passage ? PASSED_TIMEOUT.action : text.action),
    ...((trustKept ?? sameRead ?? resolved?.outside) !== undefined ? { outsideWorkload: trustKept ?? sameRead ?? resolved?.outside } : {}),
    ...(firstLogged !== undefined ? { onset: firstLogged } : {}),
    confirmCommands: confirm,
    affected: { pods, nodes: listNodesOf(podObjects), ...(resolution?.services?.length ? { services: resolution.services } : {}) },
  };
  const read = { ev, group, finding, pods, podObjects, dependency, decisiveLine, confirm, ...(sidecarName ? { sidecarName } : {}), ...(svc ? { service: svc.name } : {}), plain: !resolved && !fallback };
  for (const refine of REFINEMENTS) {
    const refined = refine(read);
    if (refined !== undefined) return refined;
  }
  return finding;
}

/** The port of "host:port", when the line gives one. */
function portOf(dependency: string | undefined): number | undefined {
  const port = /:(\d+)$/.exec(dependency ?? '')?.[1];
  return port === undefined ? undefined : Number(port);
}

/** Lines after a hit that belong to it: the stack trace that names the driver or client. */
const CONTEXT_LINES = 15;

/**
 * The env address an unnamed failure is about, when the lines and their stack name it or share
 * words with it (a JDBC URL and "Unable to acquire JDBC Connection … org.postgresql"); never the
 * only address by default, and never one picked among several that fit as well.
 */
function findEnvDependency(podObjects: readonly PodEvidence[], group: readonly DependencyHit[]): EnvDependency | undefined {
  const first = group[0];
  const container = podObjects.find((p) => p.name === first?.log.pod)?.containers.find((c) => c.name === first?.log.container);
  const lines = group.flatMap((h) => [h.line, ...readContinuation(h.log.lines.slice(h.index + 1, h.index + 1 + CONTEXT_LINES))]);
  const dep = pickEnvDependency(container, [...new Set(lines)]);
  return dep && dep.by !== 'only' ? dep : undefined;
}

/** A JSON record is whole on its line: the next one is another event, never the hit's stack. */
const JSON_RECORD = /^\s*\{"/;

/** The lines after a hit up to the next JSON record: its stack trace, not the calls logged after it. */
function readContinuation(after: readonly string[]): string[] {
  const end = after.findIndex((l) => JSON_RECORD.test(l));
  return end === -1 ? [...after] : after.slice(0, end);
}

/** The image the logging pod's revision brought in, when it differs from the revision before. */
function findImageChange(ev: TriageEvidence, pod: PodEvidence | undefined, container: string): ImageChange | undefined {
  const sorted = sortRevisions(ev.revisions);
  const i = sorted.findIndex((r) => r.hash === pod?.revisionHash);
  const [now, before] = [sorted[i], sorted[i + 1]];
  const to = now?.containers.find((c) => c.name === container)?.image;
  const from = before?.containers.find((c) => c.name === container)?.image;
  return now && before && to && from && to !== from ? { revision: now.revision, previous: before.revision, from, to } : undefined;
}
