import type { TriageEvidence } from '../evidence.js';
import { condenseStructuredLine, pickDecisiveLine } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { formatKubectl, formatSelector, formatWorkloadRef } from '../kubectl-command.js';
import { type OrphanedReplicaSet, findOrphanedReplicaSet } from '../orphaned-replica-set.js';
import { listSelectingServices, listSlicesOf } from '../service-match.js';
import { type CanaryEndpoints, findCanaryEndpoints } from '../canary-endpoints.js';
import type { ServiceEvidence } from '../evidence-network.js';
import type { PodEvidence } from '../evidence-pod.js';
import { formatAgo } from '../time-span.js';

/**
 * Whether a pod name is one of this workload's: listed among its pods, or named the way its
 * controller names them (Deployment: name-<revision hash>-xxxxx; StatefulSet: name-<ordinal>;
 * DaemonSet and Job: name-xxxxx) when the pod list was capped.
 */
function isOwnPod(ev: TriageEvidence, podName: string): boolean {
  if (ev.pods.some((p) => p.name === podName)) return true;
  if (ev.census?.complete !== false && ev.pods.length > 0) return false;
  const name = ev.target.name;
  if (!podName.startsWith(`${name}-`)) return false;
  const rest = podName.slice(name.length + 1);
  if (ev.target.kind === 'Deployment') return ev.revisions.some((r) => rest.startsWith(`${r.hash}-`));
  if (ev.target.kind === 'StatefulSet') return /^\d+$/.test(rest);
  return /^[a-z0-9]{5}$/.test(rest);
}

/**
 * Whether a pod behind a headless Service is one of a StatefulSet family sharing it: the target is a
 * StatefulSet and the pod another StatefulSet's (its owner, when read; else its ordinal name). A
 * headless Service has no virtual IP to balance: a StatefulSet names it (serviceName) for its pods'
 * DNS names (pod.service.namespace.svc), and a chart's primary and replicas (bitnami Redis, a Kafka's
 * controllers and brokers) share one on purpose, each client naming the pod it means.
 */
function isFamilyMember(ev: TriageEvidence, svc: ServiceEvidence, podName: string): boolean {
  if (!svc.headless || ev.target.kind !== 'StatefulSet') return false;
  const owner = ev.foreignPods?.find((f) => f.pod.name === podName)?.pod.ownerWorkload;
  return owner !== undefined ? owner.kind === 'StatefulSet' : /-\d+$/.test(podName);
}

const METHOD = String.raw`(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)`;
/**
 * A request the pod answered with an error: a status field of 4xx/5xx, "404 POST /path", "POST
 * /path 404" (an access log's "POST /path HTTP/1.1" 404), or Express's "Cannot POST /path".
 */
const ERROR_ANSWER = new RegExp(String.raw`"?status(?:_?code)?"?\s*[:=]\s*"?[45]\d\d|(?:^|[\s"'])[45]\d\d\s+${METHOD}\s+\/|${METHOD}\s+\/\S*\s+(?:HTTP\/[\d.]+"?\s+)?[45]\d\d|Cannot ${METHOD} \/`);

/**
 * The decisive line of a foreign pod's log, keeping the HTTP status a request log gave (what the
 * users routed there got), which condensing a structured line drops. A request it answered with an
 * error comes first: that is what the Service's share of callers sent there get.
 */
function pickLine(lines: readonly string[]): string | undefined {
  const answered = lines.filter((l) => ERROR_ANSWER.test(l));
  const picked = pickDecisiveLine(answered.length > 0 ? answered : lines);
  if (picked === undefined) return undefined;
  const raw = [...lines].reverse().find((l) => condenseStructuredLine(l.trim()) === picked);
  const status = raw === undefined ? undefined : /"?status(?:_code)?"?\s*[:=]\s*"?([1-5]\d\d)\b/.exec(raw)?.[1];
  return status !== undefined && !picked.includes(status) ? `${picked}: HTTP ${status}` : picked;
}

/**
 * Which labels the foreign pods share with the Service's selector: all it selects on, by
 * definition, named so the engineer sees which one the copy kept ("app.kubernetes.io/name=x, the
 * only label Service x selects on").
 */
function describeSharedLabels(svc: ServiceEvidence, owners: readonly string[], pods: readonly PodEvidence[]): string {
  const selector = Object.entries(svc.selector);
  const whose = owners.length > 0 ? `${owners.join(', ')} pods` : "Another workload's pods";
  if (pods.length === 0 || selector.length === 0) return `${whose} carry the labels ${svc.name} selects (a canary or a copy applied by hand, a debug deployment)`;
  const which = selector.length === 1 ? `the only label Service ${svc.name} selects on` : `every label Service ${svc.name} selects on`;
  return `${whose.charAt(0).toUpperCase()}${whose.slice(1)} carry ${formatSelector(svc.selector)}, ${which} (a copy of its chart or manifest that kept them, a canary, a debug deployment)`;
}

/**
 * "Deployment x's", as the pod's owner was named. Named after the target itself, the name is only
 * the ReplicaSet's (`<deployment>-<hash>`, its ReplicaSet unread): a pod the target does not own
 * is a ReplicaSet's that is not one of the target's (orphaned, or left by a Deployment since re-created).
 */
function nameOwner(ev: TriageEvidence, pod: PodEvidence): string {
  const owner = pod.ownerWorkload ?? { kind: '?', name: '?' };
  const hash = pod.labels['pod-template-hash'];
  if (owner.kind !== ev.target.kind || owner.name !== ev.target.name || hash === undefined) return `${owner.kind} ${owner.name}'s`;
  return `ReplicaSet ${owner.name}-${hash}'s, named like ${formatWorkloadRef(ev.target)}'s but not one of its ReplicaSets`;
}

/**
 * Endpoints of the workload's Services that are pods of something else: another Deployment (a
 * canary applied by hand, a copy, a debug pod) whose pods carry the labels the Service selects,
 * and so take a share of the real traffic. Its failures are the users' failures, though every pod
 * of the workload is healthy. Another StatefulSet's pods behind a StatefulSet's headless Service are
 * its family, not strays (isFamilyMember).
 */
export function analyzeForeignEndpoints(ev: TriageEvidence): Finding[] {
  return listSelectingServices(ev).flatMap((svc) => {
    const endpoints = listSlicesOf(ev, svc.name).flatMap((s) => s.endpoints);
    const foreign = endpoints.filter((e) => e.podName !== undefined && !isOwnPod(ev, e.podName) && !isFamilyMember(ev, svc, e.podName));
    if (foreign.length === 0) return [];
    const canary = findCanaryEndpoints(ev, foreign);
    if (canary !== undefined) return [describeCanary(ev, svc, canary, foreign.length, endpoints.length)];
    const serving = foreign.filter((e) => e.ready && !e.terminating);
    const names = foreign.map((e) => e.podName ?? '');
    const ref = formatWorkloadRef(ev.target);
    // What the foreign pods run and say, when they were read: the image and the log line that decide.
    const read = (ev.foreignPods ?? []).filter((f) => names.includes(f.pod.name));
    const ownImages = new Set(ev.pods.flatMap((p) => p.containers.map((c) => c.image)));
    const seen = read.flatMap(({ pod, logs }) => {
      const image = pod.containers.find((c) => !ownImages.has(c.image))?.image ?? pod.containers[0]?.image;
      const line = pickLine(logs.flatMap((l) => l.lines));
      return [`${pod.name} runs ${image ?? 'an unknown image'}${ownImages.size > 0 && image && !ownImages.has(image) ? ` (${ref} runs ${[...ownImages][0] ?? '?'})` : ''}`, ...(line ? [`log ${pod.name}: ${line}`] : [])];
    });
    const decisive = read.map(({ logs }) => pickLine(logs.flatMap((l) => l.lines))).find((l) => l !== undefined);
    const orphan = findOrphanedReplicaSet(ev, names);
    if (orphan !== undefined) return [describeOrphan(ev, svc, orphan, { names, serving: serving.length, total: endpoints.length, seen, decisive })];
    // Whose pods they are says what to fix: the copy or canary that kept the labels.
    const owners = [...new Set(read.flatMap(({ pod }) => (pod.ownerWorkload ? [nameOwner(ev, pod)] : [])))];
    const born = read.map(({ pod }) => pod.createdAt).filter((t): t is string => t !== undefined).sort()[0];
    const whose = `${owners.length > 0 ? owners.join(', ') : `not ${ref}'s`}${born ? ` (created ${formatAgo(born, ev.collectedAt)})` : ''}`;
    return [
      {
        id: `service-foreign-endpoints/${svc.name}`,
        kind: 'service-foreign-endpoints',
        title: `Service ${svc.name} also sends traffic to ${foreign.length} pod${foreign.length === 1 ? '' : 's'} that ${foreign.length === 1 ? 'is' : 'are'} ${whose}: ${names.slice(0, 2).join(', ')}${names.length > 2 ? ', …' : ''} (${serving.length} ready; ${foreign.length} of the ${endpoints.length} endpoints)`,
        layer: 'network/routing',
        severity: serving.length > 0 ? 'warning' : 'info',
        confidence: 'high',
        evidence: [
          `Service ${svc.name} selector: ${Object.entries(svc.selector).map(([k, v]) => `${k}=${v}`).join(',')}`,
          ...foreign.slice(0, 3).map((e) => `endpoint ${e.addresses[0] ?? '?'}: pod ${e.podName ?? '?'}${e.nodeName ? ` on ${e.nodeName}` : ''}, ${e.ready ? 'ready' : 'not ready'} — not a pod of ${ref}`),
          ...seen,
        ],
        ...(decisive ? { decisive } : {}),
        likelyCause: `${describeSharedLabels(svc, owners, read.map((r) => r.pod))}, so the Service load-balances real traffic onto them: whatever they answer, a share of users gets${decisive ? ` ("${decisive}")` : ''}, while ${ref} itself is healthy.`,
        nextAction: `See what those pods run (\`${formatKubectl(ev.target, `get pod ${names[0] ?? ''} -o wide --show-labels`)}\`); remove or relabel them, or add a label only ${ref}'s pods carry to the Service selector.`,
        fix: `take the foreign pods out of Service ${svc.name} (relabel them, or narrow its selector)`,
        confirmCommands: [formatKubectl(ev.target, `get endpointslices -l kubernetes.io/service-name=${svc.name} -o wide`), formatKubectl(ev.target, `get pods -l ${Object.entries(svc.selector).map(([k, v]) => `${k}=${v}`).join(',')} --show-labels`)],
        affected: { services: [svc.name] },
      },
    ];
  });
}

/** A deliberate canary of the same app that serves normally: its share of the traffic is the point, told as context. */
function describeCanary(ev: TriageEvidence, svc: ServiceEvidence, canary: CanaryEndpoints, n: number, of: number): Finding {
  const selector = Object.entries(svc.selector).map(([k, v]) => `${k}=${v}`).join(',');
  const beside = canary.stableVersion ? `; ${ev.target.name} runs ${canary.stableVersion}` : '';
  return {
    id: `service-canary-endpoints/${svc.name}`,
    kind: 'service-canary-endpoints',
    title: `${n} of the ${of} endpoints of Service ${svc.name} ${n === 1 ? 'is' : 'are'} the canary ${canary.name} (${canary.version}${beside}), ready and serving without errors`,
    layer: 'network/routing',
    severity: 'info',
    confidence: 'medium',
    evidence: [
      `Service ${svc.name} selector: ${selector} — it balances over ${ev.target.name}'s pods and ${canary.name}'s`,
      `${canary.name}: named or labelled as a canary, same image repository, version ${canary.version}; every endpoint ready, no recent restart, no error lines read`,
    ],
    likelyCause: `${canary.name} runs beside ${ev.target.name} with the labels ${svc.name} selects, so it takes about ${n} in ${of} requests: the usual way to canary a release behind one Service.`,
    nextAction: `Nothing to fix. Compare the canary's error rate and latency with the other endpoints before promoting it.`,
    confirmCommands: [formatKubectl(ev.target, `get pods -l ${selector} -L track,version -o wide`)],
    affected: { services: [svc.name] },
  };
}

/**
 * The foreign pods are a ReplicaSet's that has no owner: told as the leftover it is (its
 * Deployment deleted with --cascade=orphan and, when it is the workload, re-created), with what
 * it runs against what the workload runs. Deleting it is the fix: nothing else scales it down.
 */
function describeOrphan(ev: TriageEvidence, svc: ServiceEvidence, o: OrphanedReplicaSet, seen: { names: string[]; serving: number; total: number; seen: string[]; decisive: string | undefined }): Finding {
  const rs = o.replicaSet;
  const n = seen.names.length;
  const target = ev.target.name;
  const selector = formatSelector(svc.selector);
  const recreated = o.recreatedAt !== undefined ? ` when Deployment ${o.madeBy ?? target} was re-created ${formatAgo(o.recreatedAt, ev.collectedAt)}` : '';
  const older = o.recreatedAt !== undefined || (rs.createdAt !== undefined && ev.revisions.some((r) => r.createdAt > (rs.createdAt ?? '')));
  const runs = o.versions ? ` and runs ${older ? 'the old version ' : ''}${o.versions.old} (${target} runs ${o.versions.now})` : '';
  const unmatched = formatSelector(o.unmatched);
  const ready = ev.workload?.readyReplicas ?? 0;
  const how = o.recreatedAt !== undefined
    ? `Deployment ${o.madeBy ?? target} was deleted with --cascade=orphan (how an immutable selector is changed) and re-created ${formatAgo(o.recreatedAt, ev.collectedAt)}, which left its ReplicaSet ${rs.name} running without an ownerReference`
    : `the Deployment that made ReplicaSet ${rs.name}${o.madeBy ? ` (${o.madeBy})` : ''} was deleted with --cascade=orphan, which left it running without an ownerReference`;
  const adopt = unmatched !== '' ? `${formatWorkloadRef(ev.target)}'s selector (${formatSelector(ev.workload?.selector ?? {})}) does not match its pods, so nothing adopts or scales it down` : 'nothing scales it down';
  const narrow = unmatched !== '' ? `narrow Service ${svc.name}'s selector to ${formatSelector({ ...svc.selector, ...o.unmatched })}` : `add a label only ${target}'s pods carry to Service ${svc.name}'s selector`;
  return {
    id: `service-foreign-endpoints/${svc.name}`,
    kind: 'service-foreign-endpoints',
    title: `Service ${svc.name} also sends traffic to ${n} pod${n === 1 ? '' : 's'} of ReplicaSet ${rs.name}, which has no owner (orphaned${recreated})${runs}: ${seen.names.slice(0, 2).join(', ')}${n > 2 ? ', …' : ''} (${seen.serving} ready; ${n} of the ${seen.total} endpoints)`,
    layer: 'network/routing',
    severity: seen.serving > 0 ? 'warning' : 'info',
    confidence: 'high',
    evidence: [
      `Service ${svc.name} selector: ${selector}`,
      `ReplicaSet ${rs.name}: no ownerReferences${rs.createdAt ? `, created ${formatAgo(rs.createdAt, ev.collectedAt)}` : ''}${rs.specReplicas !== undefined ? `, ${rs.specReplicas} replica${rs.specReplicas === 1 ? '' : 's'}` : ''}${rs.images.length > 0 ? `, image ${rs.images.join(', ')}` : ''}`,
      ...(o.recreatedAt !== undefined ? [`Deployment ${target} created ${formatAgo(o.recreatedAt, ev.collectedAt)} (its creationTimestamp), after ReplicaSet ${rs.name}`] : []),
      ...(unmatched !== '' ? [`${formatWorkloadRef(ev.target)} selects ${formatSelector(ev.workload?.selector ?? {})}; the ReplicaSet's pods lack ${unmatched}`] : []),
      ...seen.seen,
    ],
    ...(seen.decisive ? { decisive: seen.decisive } : {}),
    likelyCause: `${how}. ${adopt.charAt(0).toUpperCase()}${adopt.slice(1)}, while its pods keep the labels Service ${svc.name} selects (${selector}): ${n} of the ${seen.total} endpoints serve ${o.versions ? `${o.versions.old}, not ${o.versions.now}` : 'its template, not the Deployment\'s'}, and that share of the requests gets what it answers.`,
    nextAction: `Delete the orphaned ReplicaSet (\`${formatKubectl(ev.target, `delete rs ${rs.name}`)}\`)${ready > 0 ? `; ${target}'s ${ready} ready pod${ready === 1 ? '' : 's'} keep serving` : ''}. Then ${narrow}, so a leftover cannot join it again.`,
    fix: `delete the orphaned ReplicaSet ${rs.name} (\`${formatKubectl(ev.target, `delete rs ${rs.name}`)}\`), and ${narrow}`,
    confirmCommands: [formatKubectl(ev.target, `get rs ${rs.name} -o jsonpath='{.metadata.ownerReferences}'`), formatKubectl(ev.target, `get pods -l ${selector} -L pod-template-hash --show-labels`)],
    affected: { services: [svc.name] },
  };
}
