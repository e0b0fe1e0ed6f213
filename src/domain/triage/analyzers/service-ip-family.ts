import type { ServiceEvidence, TriageEvidence } from '../evidence.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { findFamilyMismatch, readServiceFamilies } from '../listen-family.js';
import { severityForPods } from '../pod-status.js';
import { findRequestSilence, parseServedRequest, readLineTime } from '../request-silence.js';
import { listSelectingServices } from '../service-match.js';
import { sortRevisions } from '../revision-diff.js';
import { formatAgo, msBetween } from '../time-span.js';
import { listContainerSpecs } from './service-target-port.js';

/** Since when the Service stands as it is: its last write, else its creation (a new primary family re-creates it). */
function dateService(ev: TriageEvidence, svc: ServiceEvidence): string | undefined {
  const object = ev.namespaceObjects?.find((o) => o.kind === 'Service' && o.name === svc.name);
  return object?.changedAt ?? object?.createdAt ?? svc.createdAt;
}

/** Requests the workload's logs served to callers after `since` (probes aside); undefined when no line tells. */
function countRequestsAfter(ev: TriageEvidence, since: string): number | undefined {
  const names = new Set(ev.pods.map((p) => p.name));
  let told = false;
  let after = 0;
  for (const line of ev.logs.filter((l) => !l.previous && names.has(l.pod)).flatMap((l) => l.lines)) {
    const at = readLineTime(line);
    if (at === undefined || parseServedRequest(line) === undefined) continue;
    told = true;
    if (msBetween(since, at) > 0) after++;
  }
  return told ? after : undefined;
}

/**
 * A Service that reaches its pods over IPv6 only (ipFamilies [IPv6], SingleStack) in front of a
 * server that listens on the IPv4 wildcard 0.0.0.0 only: kube-proxy sends every connection to the
 * pods' IPv6 addresses, where nothing listens, and the callers are refused. The kubelet probes the
 * pod's IPv4 address, so the pods stay Ready and look healthy. Typical of an IPv6 migration that
 * re-creates Services single-stack.
 */
export function analyzeServiceIpFamilies(ev: TriageEvidence): Finding[] {
  const names = new Set(ev.pods.map((p) => p.name));
  const logs = ev.logs.filter((l) => names.has(l.pod));
  return listSelectingServices(ev).flatMap((svc): Finding[] => {
    const binds = findFamilyMismatch(svc, listContainerSpecs(ev), logs)?.binds ?? [];
    const [first] = binds;
    if (first === undefined) return [];
    const families = readServiceFamilies(svc);
    const since = dateService(ev, svc);
    const silence = since === undefined ? undefined : findRequestSilence(logs, since);
    const after = since === undefined ? undefined : countRequestsAfter(ev, since);
    // Requests still served since then reach the pods some other way (their IPv4 address): the Service may carry none.
    const contradicted = silence === undefined && after !== undefined && after > 0;
    const newest = sortRevisions(ev.revisions)[0];
    const serviceIsNewer = since !== undefined && newest !== undefined && msBetween(newest.createdAt, since) > 0;
    const stack = `${families.length === 1 ? `${families[0] ?? 'IPv6'} single-stack` : 'IPv6 only'} (ipFamilies [${families.join(', ')}]${svc.clusterIP ? `, ClusterIP ${svc.clusterIP}` : ''})`;
    const sinceText = since === undefined ? '' : ` ${formatAgo(since, ev.collectedAt)}`;
    const dualBind = `[::]:${first.port}`;
    const probed = listContainerSpecs(ev).flatMap((c) => [c.probes.readiness?.port, c.probes.liveness?.port]).filter((p) => p !== undefined);
    return [{
      id: `service-target-port/${svc.name}/ip-family`,
      kind: 'service-target-port',
      title: `Service ${svc.name} is ${stack} but the app listens only on IPv4 ${first.bind.address}: every connection through the Service is refused`,
      layer: 'network/routing',
      severity: contradicted ? 'warning' : severityForPods(ev, ev.pods.length),
      confidence: contradicted ? 'low' : silence !== undefined ? 'high' : 'medium',
      evidence: [
        `Service ${svc.name}: ipFamilyPolicy ${svc.ipFamilyPolicy ?? '(not set)'}, ipFamilies [${families.join(', ')}]${svc.clusterIP ? `, ClusterIP ${svc.clusterIP}` : ''}${svc.createdAt ? `, created ${formatAgo(svc.createdAt, ev.collectedAt)}` : ''}: its endpoints are the pods' IPv6 addresses`,
        ...binds.map((b) => `the app binds ${b.bind.address} (IPv4 only; ${b.bind.source}): nothing listens on the pods' IPv6 address at port ${b.port}, so a connection there is refused (ECONNREFUSED)`),
        ...(probed.length > 0 ? ['the kubelet probes the pod\'s first address, IPv4, straight on the container port: the probes pass and the pods stay Ready'] : []),
        ...(silence !== undefined && since !== undefined ? [`no request but the kubelet's probes since${sinceText}: ${silence.before} request${silence.before === 1 ? '' : 's'} served before, the last ${formatAgo(silence.lastRequest, ev.collectedAt)}, while the logs kept writing`] : []),
        ...(contradicted ? [`${after ?? 0} requests served since the Service changed: some callers still reach the pods over IPv4; check whether any come through the Service`] : []),
      ],
      likelyCause: `Service ${svc.name} serves only IPv6: kube-proxy forwards its ClusterIP to the pods' IPv6 addresses. The app's socket is bound to 0.0.0.0, the IPv4 wildcard, which accepts no IPv6 connection, so every caller through the Service is refused (connection refused / ECONNREFUSED to an IPv6 address), while the probes, which use the pod's IPv4 address, keep the pods Ready.${serviceIsNewer ? ` The Service changed${sinceText}, after the running revision rolled out: the app is not at fault and a rollback would not help.` : ''}${silence === undefined && !contradicted ? ' No access log showed the requests stop: confirm with a caller\'s errors.' : ''}`,
      nextAction: `Mitigate: make Service ${svc.name} reach IPv4 again (ipFamilyPolicy PreferDualStack with ipFamilies [IPv4, IPv6], or IPv4 single-stack; a new primary family re-creates the Service), or bind the app to ${dualBind} too (dual-stack) and roll it out.`,
      fix: `bind the app to ${dualBind} (dual-stack) as well as 0.0.0.0, or set Service ${svc.name} to PreferDualStack with IPv4`,
      ...(since ? { onset: since } : {}),
      ...(serviceIsNewer ? { outsideWorkload: `Service ${svc.name} became IPv6-only${sinceText}, after the running revision rolled out` } : {}),
      confirmCommands: [
        formatKubectl(ev.target, `get service ${svc.name} -o jsonpath='{.spec.ipFamilyPolicy} {.spec.ipFamilies} {.spec.clusterIPs}'`),
        formatKubectl(ev.target, `get endpointslices -l kubernetes.io/service-name=${svc.name} -o jsonpath='{.items[*].addressType}'`),
        formatKubectl(ev.target, `get pods -l ${Object.entries(svc.selector).map(([k, v]) => `${k}=${v}`).join(',')} -o jsonpath='{.items[*].status.podIPs}'`),
      ],
      affected: { services: [svc.name] },
    }];
  });
}
