/**
 * The workload's proxy answered 426 Upgrade Required by its upstream on (nearly) every proxied
 * call (upgrade-required.ts): it forwards with HTTP/1.0 and an Envoy sidecar requires HTTP/1.1.
 * With an Istio sidecar in the pods, the namespace's injection setting (when its edit came before
 * the first 426) is the since: the pods restarted into the mesh, and their old proxy config met it.
 */
import type { TriageEvidence } from '../evidence.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { findIstioSidecar } from '../mesh-protocol.js';
import { listNodesOf } from '../pod-status.js';
import { formatAgo, msBetween } from '../time-span.js';
import { TRIGGER_WINDOW_MS } from '../trigger-window.js';
import { findUpgradeRequired } from '../upgrade-required.js';
import { capitalize } from '../../text.js';

const ENVOY = /envoy|istio\/proxyv2/i;

export function analyzeUpgradeRequired(ev: TriageEvidence): Finding[] {
  const found = findUpgradeRequired(ev.logs, ev.pods);
  if (found === undefined) return [];
  const podObjects = ev.pods.filter((p) => found.pods.includes(p.name));
  const ready = podObjects.filter((p) => p.ready).length;
  const istio = podObjects.map(findIstioSidecar).find((c) => c !== undefined);
  const envoy = istio ?? podObjects.flatMap((p) => p.containers).find((c) => ENVOY.test(c.name) || ENVOY.test(c.image))?.name;
  const spec = ev.workload?.templateContainers.find((c) => c.name === found.container);
  const nginx = /nginx|openresty/i.test(`${found.container} ${spec?.image ?? ''}`);
  const ns = (ev.namespaceObjects ?? []).find((o) => o.kind === 'Namespace' && o.meshInjection !== undefined);
  const labelled = ns?.changedAt;
  const dated = istio !== undefined && labelled !== undefined && (found.firstAt === undefined || (msBetween(labelled, found.firstAt) >= 0 && msBetween(labelled, found.firstAt) <= TRIGGER_WINDOW_MS));
  const since = dated && ns?.meshInjection && labelled ? ` since Istio sidecar injection was turned on (namespace ${ns.name} ${ns.meshInjection.setting}, changed ${formatAgo(labelled, ev.collectedAt)})` : '';
  const proxy = nginx ? `nginx's proxy_pass speaks HTTP/1.0 upstream (no proxy_http_version 1.1)` : `${found.container} forwards with HTTP/1.0`;
  const upstream = envoy !== undefined ? `the Envoy sidecar${istio ? ' (Istio)' : ''} refuses HTTP/1.0 and requires HTTP/1.1` : 'its upstream requires HTTP/1.1';
  const counted = `${found.refused} of ${found.total} calls under ${found.prefixes.join(', ')} in ${found.pods.length} ${ready === found.pods.length ? 'ready ' : ''}pod${found.pods.length === 1 ? '' : 's'}`;
  const title = `${found.container} of ${ev.target.name} gets 426 Upgrade Required on its proxied calls (${counted})${since}: ${proxy}, and ${upstream}`;
  const fix = nginx
    ? `add \`proxy_http_version 1.1;\` and \`proxy_set_header Connection "";\` to the proxied location(s) of ${found.container}'s config${envoy !== undefined ? ', or let the sidecar accept HTTP/1.0 (Istio: ISTIO_META_HTTP10=1 in the proxy\'s environment, or meshConfig.defaultConfig.proxyMetadata)' : ''}`
    : `make ${found.container} forward with HTTP/1.1${envoy !== undefined ? ', or let the sidecar accept HTTP/1.0 (Istio: ISTIO_META_HTTP10=1)' : ''}`;
  return [{
    id: `container-config/upgrade-required/${found.container}`,
    kind: 'container-config',
    title,
    ...(dated ? { datesChange: true as const } : {}),
    layer: 'network/routing',
    severity: 'critical',
    confidence: envoy !== undefined ? 'high' : 'medium',
    evidence: [
      `${counted} answered 426 (paths ${found.paths.map((p) => `"${p}"`).join(', ')})`,
      `log ${found.pod}/${found.container}: ${found.line.slice(0, 300)}`,
      ...(found.envoyLine ? [`Envoy's access log: ${found.envoyLine.slice(0, 300)} (the request reached it as HTTP/1.0)`] : []),
      ...(istio !== undefined ? [`the pods run an Istio sidecar (${istio})${ns?.meshInjection ? `; namespace ${ns.name} has ${ns.meshInjection.setting}${labelled ? `, changed ${formatAgo(labelled, ev.collectedAt)}` : ''}` : ''}`] : []),
      `${ready}/${podObjects.length} of these pods Ready: the probes do not go through the proxied path`,
    ],
    decisive: found.line.slice(0, 300),
    ...(found.firstAt !== undefined ? { onset: found.firstAt } : {}),
    likelyCause:
      `${nginx ? 'nginx proxies with HTTP/1.0 unless `proxy_http_version 1.1` is set. ' : ''}Envoy does not accept HTTP/1.0 by default and answers 426 Upgrade Required, so every call ${found.container} forwards fails while the upstream itself is healthy. ` +
      `${istio !== undefined ? 'The pods carry an Envoy sidecar now, which intercepts the proxy\'s outbound calls: the proxy config that worked without the mesh meets Envoy\'s HTTP/1.1 requirement.' : 'The upstream is fronted by a proxy (Envoy or a mesh) that requires HTTP/1.1.'}`,
    nextAction: `${capitalize(fix)}, then reload ${found.container}${istio !== undefined ? '; to mitigate meanwhile, take the namespace out of the mesh (remove the injection label) and restart' : ''}. Restarting alone will not help.`,
    fix,
    confirmCommands: [
      formatKubectl(ev.target, `logs ${found.pod} -c ${found.container} --tail=100`),
      ...(istio !== undefined ? [formatKubectl(ev.target, `logs ${found.pod} -c ${istio} --tail=100`)] : []),
      formatKubectl(ev.target, `exec ${found.pod} -c ${found.container} -- ${nginx ? 'nginx -T' : 'env'}`),
    ],
    affected: { pods: found.pods, nodes: listNodesOf(podObjects) },
  }];
}
