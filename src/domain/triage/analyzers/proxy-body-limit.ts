/**
 * nginx in the workload's pods refusing request bodies over its client_max_body_size, again and
 * again (413 Request Entity Too Large, proxy-body-limit.ts): the requests never reach the app, so
 * the app's log and the pods' readiness say nothing is wrong. The limit is read from the proxy's
 * mounted config file only when the collector fetched it (that one setting); otherwise the finding
 * says the value was not read rather than guess it.
 */
import type { TriageEvidence } from '../evidence.js';
import type { ProxyConfigEvidence } from '../evidence-proxy-config.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { BODY_LIMIT_SETTING, findBodyRefusals, pickProxyConfigReads } from '../proxy-body-limit.js';
import { listNodesOf } from '../pod-status.js';
import { formatBytes } from '../quantity.js';
import { earliest } from '../time-span.js';
import { type DeliberateBodyLimit, findDeliberateBodyLimit } from '../deliberate-body-limit.js';
import type { BodyRefusals } from '../proxy-body-limit.js';

const size = (bytes: number): string => `${formatBytes(bytes)}B (${bytes} bytes)`;

/** "client_max_body_size 1m (ConfigMap x, nginx.conf)"; several values in one file are all named. */
function describeSetting(found: readonly ProxyConfigEvidence[]): string | undefined {
  if (found.length === 0) return undefined;
  const values = [...new Set(found.map((s) => s.value))].join(', ');
  const first = found[0] as ProxyConfigEvidence;
  return `${BODY_LIMIT_SETTING} ${values} (ConfigMap ${first.configMap}, key ${first.key})`;
}

export function analyzeProxyBodyLimit(ev: TriageEvidence): Finding[] {
  const refusals = findBodyRefusals(ev.logs, ev.pods);
  if (refusals === undefined) return [];
  const deliberate = findDeliberateBodyLimit(refusals, ev.proxyConfig ?? []);
  if (deliberate !== undefined) return [describeDeliberate(ev, refusals, deliberate)];
  const { container, hits, answered413, pods } = refusals;
  const largest = hits.reduce((a, b) => (b.bytes > a.bytes ? b : a));
  const smallest = Math.min(...hits.map((h) => h.bytes));
  const last = hits[hits.length - 1] ?? largest;
  const podObjects = ev.pods.filter((p) => pods.includes(p.name));
  const ready = podObjects.filter((p) => p.ready).length;
  const now = describeSetting((ev.proxyConfig ?? []).filter((s) => s.mountedNow));
  const before = describeSetting((ev.proxyConfig ?? []).filter((s) => !s.mountedNow));
  const setting = now ?? `${BODY_LIMIT_SETTING} (its value was not read)`;
  const was = before !== undefined ? `; the revision before mounted ${before}` : '';
  const answered = answered413 > 0 ? `, ${answered413} answered 413 Request Entity Too Large` : '';
  const range = smallest === largest.bytes ? `${formatBytes(smallest)}B` : `${formatBytes(smallest)}B to ${formatBytes(largest.bytes)}B`;
  const title = `${container} refuses request bodies over its ${setting}: ${hits.length} bodies of ${range} refused${answered} in ${pods.length} ${ready === pods.length ? 'ready ' : ''}pod${pods.length === 1 ? '' : 's'}, before they reach the app`;
  const onset = earliest(hits.flatMap((h) => (h.at ? [h.at] : [])));
  const configMap = pickProxyConfigReads(ev)[0]?.configMap;
  const restore = before !== undefined ? `restore ${before.replace(/ \(.*$/, '')}` : `raise ${BODY_LIMIT_SETTING} to the largest body the app accepts`;
  return [
    {
      id: `container-config/proxy-body-limit/${container}`,
      kind: 'container-config',
      title,
      layer: 'network/routing',
      severity: 'warning',
      confidence: answered413 > 0 ? 'high' : 'medium',
      evidence: [
        `${hits.length} "client intended to send too large body" line${hits.length === 1 ? '' : 's'} of container ${container} in ${pods.slice(0, 3).join(', ')}${pods.length > 3 ? ', …' : ''}; largest ${size(largest.bytes)}`,
        `log ${largest.pod}/${container}: ${largest.line.slice(0, 300)}`,
        ...(answered413 > 0 ? [`${answered413} access-log line${answered413 === 1 ? '' : 's'} of ${container} answered 413: nginx refused them before proxying, so the app behind it never logs them`] : []),
        ...(now !== undefined ? [`${container}'s config file sets ${now}${was}`] : [`${BODY_LIMIT_SETTING} is set in ${container}'s config file (often a mounted ConfigMap); its value was not read`]),
        `${ready}/${podObjects.length} of these pods Ready: their probes send no body`,
      ],
      decisive: last.quote,
      ...(onset !== undefined ? { onset } : {}),
      likelyCause:
        `nginx (container ${container}) answers 413 to any request whose body is larger than ${BODY_LIMIT_SETTING}, without passing it on; it does so again and again, with bodies up to ${size(largest.bytes)}, so the limit is below what this service is meant to take. ` +
        `Usually a lowered ${BODY_LIMIT_SETTING} (or one dropped, leaving nginx's 1m default) in the proxy's config file; a revision that mounts a new ConfigMap there changed that file.`,
      nextAction: `Mitigate: roll back the revision that changed ${container}'s config file, if one did; then ${restore} (to what the app accepts), in ${container}'s config file.`,
      fix: `${restore} in ${container}'s config file (to what the app accepts)`,
      confirmCommands: [formatKubectl(ev.target, `logs ${largest.pod} -c ${container} --tail=200`), formatKubectl(ev.target, configMap !== undefined ? `get configmap ${configMap} -o yaml` : `exec ${largest.pod} -c ${container} -- nginx -T`)],
      affected: { pods, nodes: listNodesOf(podObjects) },
    },
  ];
}

/** A few bodies over a limit set on purpose and kept (deliberate-body-limit.ts): the limit working, told as a note. */
function describeDeliberate(ev: TriageEvidence, refusals: BodyRefusals, limit: DeliberateBodyLimit): Finding {
  const { container, hits, answered413, passed, pods } = refusals;
  const largest = hits.reduce((a, b) => (b.bytes > a.bytes ? b : a));
  const podObjects = ev.pods.filter((p) => pods.includes(p.name));
  const setting = describeSetting((ev.proxyConfig ?? []).filter((s) => s.mountedNow)) ?? `${BODY_LIMIT_SETTING} ${limit.value}`;
  const refused = Math.max(answered413, hits.length);
  const configMap = pickProxyConfigReads(ev)[0]?.configMap;
  return {
    id: `container-config/proxy-body-limit/${container}`,
    kind: 'container-config',
    title: `${container} refuses ${refused} request bod${refused === 1 ? 'y' : 'ies'} over its ${setting}, a limit set on purpose and unchanged, while ${passed} requests pass — the limit working, not a fault of ${ev.target.service}`,
    layer: 'network/routing',
    severity: 'info',
    confidence: 'medium',
    evidence: [
      `${hits.length} "client intended to send too large body" line${hits.length === 1 ? '' : 's'} of container ${container} in ${pods.slice(0, 3).join(', ')}${pods.length > 3 ? ', …' : ''}: every body over ${formatBytes(limit.bytes)}B, the largest ${size(largest.bytes)}`,
      `${answered413} answered 413, ${passed} answered 2xx/3xx by the same container`,
      `${container}'s config file sets ${setting}, ${limit.value} being at least ten times nginx's 1m default, and the revision before had the same value`,
      `${podObjects.filter((p) => p.ready).length}/${podObjects.length} of these pods Ready`,
    ],
    decisive: largest.quote,
    likelyCause: `A ${BODY_LIMIT_SETTING} far above nginx's default was set for large bodies, and is the service's limit for one request; clients that send more get 413. The limit did not change and most requests pass, so these refusals are clients over the limit, not an outage.`,
    nextAction: 'Nothing to fix in the pods. If these clients need to send bodies that large, point them at the way the service takes large files (a chunked or multipart upload), or decide the limit as a product change.',
    fix: 'nothing to fix: clients over the limit use the large-file path',
    confirmCommands: [formatKubectl(ev.target, `logs ${largest.pod} -c ${container} --tail=200`), ...(configMap !== undefined ? [formatKubectl(ev.target, `get configmap ${configMap} -o yaml`)] : [])],
    affected: { pods, nodes: listNodesOf(podObjects) },
  };
}
