/**
 * nginx in the workload's pods with no resolver for the upstream it proxies to (nginx-no-resolver.ts):
 * a variable in proxy_pass makes nginx resolve the name per request, which needs a `resolver`
 * directive; without one every such request is a 502 though the config test and reload pass. The
 * proxy_pass and resolver lines come from the ConfigMap the container mounts, when the collector
 * read it; otherwise the finding says the file was not read rather than guess its lines.
 */
import type { TriageEvidence } from '../evidence.js';
import type { ProxyConfigEvidence } from '../evidence-proxy-config.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { findUnresolvedUpstream, pickResolverConfigReads } from '../nginx-no-resolver.js';
import { listNodesOf } from '../pod-status.js';

/** The resolver kube-dns answers at in every cluster (CoreDNS keeps the kube-dns Service name). */
const CLUSTER_RESOLVER = 'resolver kube-dns.kube-system.svc.cluster.local valid=10s;';

export function analyzeNginxNoResolver(ev: TriageEvidence): Finding[] {
  const found = findUnresolvedUpstream(ev.logs, ev.pods);
  if (found === undefined) return [];
  const { container, hosts, count, answered502, pods } = found;
  const podObjects = ev.pods.filter((p) => pods.includes(p.name));
  const ready = podObjects.filter((p) => p.ready).length;
  const config: ProxyConfigEvidence[] = (ev.proxyConfig ?? []).filter((s) => s.mountedNow && (s.setting === 'proxy_pass' || s.setting === 'resolver'));
  const file = config[0] !== undefined ? `ConfigMap ${config[0].configMap} (key ${config[0].key})` : undefined;
  const configMap = config[0]?.configMap ?? pickResolverConfigReads(ev)[0]?.configMap;
  const variablePasses = [...new Set(config.filter((s) => s.setting === 'proxy_pass' && s.value.includes('$')).map((s) => s.value))];
  const resolvers = config.filter((s) => s.setting === 'resolver').map((s) => s.value);
  const host = hosts.slice(0, 2).join(', ');
  const failed = `${count} request${count === 1 ? '' : 's'} failed${answered502 > 0 ? ` (${answered502} answered 502)` : ''} in ${pods.length} ${ready === pods.length ? 'ready ' : ''}pod${pods.length === 1 ? '' : 's'}`;
  const why =
    file !== undefined && variablePasses.length > 0
      ? `${file} has proxy_pass ${variablePasses.slice(0, 2).join(', ')}: a variable, so nginx resolves the name per request and needs a resolver directive${resolvers.length === 0 ? ', and the file sets none' : ''}`
      : `proxy_pass with a variable makes nginx resolve the name per request, which needs a resolver directive${file !== undefined ? ` (${file} was read; it sets ${resolvers.length === 0 ? 'no resolver' : `resolver ${resolvers.join(', ')}`})` : ` (its config file was not read)`}`;
  const title = `${container} has no resolver for its upstream ${host}: ${failed} — ${why}`;
  const fix = `add \`${CLUSTER_RESOLVER}\` to ${container}'s config${configMap !== undefined ? ` (ConfigMap ${configMap})` : ''}, or go back to a literal proxy_pass host`;
  return [
    {
      id: `container-config/nginx-no-resolver/${container}`,
      kind: 'container-config',
      title,
      layer: 'network/routing',
      severity: 'critical',
      confidence: file !== undefined && variablePasses.length > 0 && resolvers.length === 0 ? 'high' : 'medium',
      evidence: [
        `${count} "no resolver defined to resolve" line${count === 1 ? '' : 's'} of container ${container} in ${pods.slice(0, 3).join(', ')}${pods.length > 3 ? ', …' : ''}`,
        `log ${found.pod}/${container}: ${found.line.slice(0, 300)}`,
        ...(answered502 > 0 ? [`${answered502} access-log line${answered502 === 1 ? '' : 's'} of ${container} answered 502: nginx failed them before reaching ${host}`] : []),
        ...config.map((s) => `ConfigMap ${s.configMap} (key ${s.key}): ${s.setting} ${s.value}`),
        ...(file !== undefined && resolvers.length === 0 ? [`${file} sets no resolver directive`] : []),
        `${ready}/${podObjects.length} of these pods Ready: the config test and reload passed; only requests through that proxy_pass fail`,
      ],
      decisive: found.quote,
      ...(found.firstAt !== undefined ? { onset: found.firstAt } : {}),
      likelyCause:
        `nginx resolves a literal proxy_pass host once, at start or reload, with the system resolver; a proxy_pass with a variable ($host-like) is resolved on each request with nginx's own resolver, which only a \`resolver\` directive defines. ` +
        `With none, every request through it fails at once with "no resolver defined to resolve ${hosts[0] ?? 'the host'}" and a 502, while ${host} itself may be fine. Usually a config edit that put a variable in proxy_pass.`,
      nextAction: `Mitigate: revert the edit of ${container}'s config${configMap !== undefined ? ` (ConfigMap ${configMap})` : ''} that put a variable in proxy_pass; then ${fix}.`,
      fix,
      confirmCommands: [
        formatKubectl(ev.target, `logs ${found.pod} -c ${container} --tail=200`),
        formatKubectl(ev.target, configMap !== undefined ? `get configmap ${configMap} -o yaml` : `exec ${found.pod} -c ${container} -- nginx -T`),
      ],
      affected: { pods, nodes: listNodesOf(podObjects), ...(configMap !== undefined ? { configMaps: [configMap] } : {}) },
    },
  ];
}
