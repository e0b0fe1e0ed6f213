/**
 * The workload's proxy expects a PROXY protocol header its clients do not send
 * (proxy-protocol-mismatch.ts): named with the listener, what came instead, the load balancer in
 * front (the LoadBalancer Service that selects the pods) and the ConfigMap its config comes from.
 * When every revision mounts that same ConfigMap, a rollback would keep the setting: the fix is the
 * config (or the load balancer), and the edit of the ConfigMap is the trigger the verdict finds.
 */
import type { TriageEvidence } from '../evidence.js';
import { condenseStructuredLine } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { isPodFailing, listNodesOf } from '../pod-status.js';
import { findProxyProtocolMismatch } from '../proxy-protocol-mismatch.js';
import { matchesLabels } from '../service-match.js';
import { formatAgo } from '../time-span.js';

export function analyzeProxyProtocolMismatch(ev: TriageEvidence): Finding[] {
  const m = findProxyProtocolMismatch(ev.logs);
  if (m === undefined) return [];
  const podObjects = ev.pods.filter((p) => m.pods.includes(p.name));
  const ready = podObjects.filter((p) => !isPodFailing(p, ev.collectedAt)).length;
  const lb = (ev.services ?? []).find((s) => s.type === 'LoadBalancer' && Object.keys(s.selector).length > 0 && podObjects.some((p) => matchesLabels(s.selector, p.labels)));
  // The ConfigMaps the proxy's container mounts: where its listen directive lives.
  const pod = podObjects[0];
  const mounts = pod?.containers.find((c) => c.name === m.container)?.volumeMounts ?? [];
  const configMaps = (pod?.volumes ?? []).filter((v) => v.source === 'configMap' && v.ref !== undefined && mounts.some((x) => x.name === v.name)).map((v) => v.ref ?? '');
  const edited = (ev.namespaceObjects ?? []).filter((o) => o.kind === 'ConfigMap' && configMaps.includes(o.name) && o.changedAt !== undefined && o.changedAt !== o.createdAt);
  const configMap = edited[0]?.name ?? configMaps[0];
  const editedAt = edited[0]?.changedAt;
  const front = lb ? `the load balancer in front (Service ${lb.name})` : 'whatever connects to it';
  const instead = m.received ? `: connections arrive as ${m.received}` : '';
  const count = `${m.hits.length} connections dropped in ${m.pods.length} pod${m.pods.length === 1 ? '' : 's'}${ready === m.pods.length ? ' (all ready)' : ''}`;
  const title = `${m.container} expects the PROXY protocol (listen … proxy_protocol${m.listener ? ` on ${m.listener}` : ''}) that ${front} does not send${instead} — ${count}`;
  // The edit of the ConfigMap (affected.configMaps) is found as the trigger by the verdict; a rollout restart only picked it up.
  const lbFix = lb ? `have the load balancer send it (on AWS: annotation service.beta.kubernetes.io/aws-load-balancer-proxy-protocol: "*" on Service ${lb.name})` : 'make whatever connects to it send the PROXY header';
  const fix = `remove proxy_protocol from the listen directive${configMap ? ` in ConfigMap ${configMap}` : ''} and restart the pods, or ${lbFix}: both sides must agree`;
  return [{
    id: `container-config/proxy-protocol/${m.container}`,
    kind: 'container-config',
    title,
    layer: 'network/routing',
    severity: 'critical',
    confidence: 'high',
    evidence: [
      ...m.pods.slice(0, 2).map((p) => `log ${p}/${m.container}: ${(m.hits.findLast((h) => h.pod === p)?.line ?? '').slice(0, 300)}`),
      ...(lb ? [`Service ${lb.name} (LoadBalancer${lb.loadBalancerIngress?.length ? `, ${lb.loadBalancerIngress.join(', ')}` : ''}) selects these pods`] : []),
      ...(configMap ? [`${m.container} mounts ConfigMap ${configMap}${editedAt ? `, whose data was last written ${formatAgo(editedAt, ev.collectedAt)}` : ''}`] : []),
    ],
    decisive: condenseStructuredLine(m.hits.at(-1)?.line ?? '').slice(0, 240),
    likelyCause: `The proxy listens with the PROXY protocol and reads a PROXY header before anything else on each connection; ${front} sends none${m.received ? ` (the "broken header" it quotes is the client's own ${m.received.replace(/s$/, '')})` : ''}, so every connection through that listener is dropped and the service is down for its clients, while probes on a listener without proxy_protocol keep the pods Ready. Both sides must agree: a load balancer sends the header only when configured to.`,
    nextAction: `${fix.charAt(0).toUpperCase()}${fix.slice(1)}.`,
    fix,
    ...(m.first ? { onset: m.first } : {}),
    confirmCommands: [
      formatKubectl(ev.target, `logs ${m.pods[0] ?? ''} -c ${m.container} --tail=100`),
      ...(configMap ? [formatKubectl(ev.target, `get configmap ${configMap} -o yaml`)] : []),
      ...(lb ? [formatKubectl(ev.target, `get service ${lb.name} -o yaml`)] : []),
    ],
    affected: { pods: m.pods, nodes: listNodesOf(podObjects), ...(lb ? { services: [lb.name] } : {}), ...(configMap ? { configMaps: [configMap] } : {}) },
  }];
}
