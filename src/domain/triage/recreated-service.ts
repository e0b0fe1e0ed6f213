/**
 * Pods that dial a Service's old ClusterIP. With enableServiceLinks (the default) the kubelet
 * injects `<NAME>_SERVICE_HOST=<clusterIP>` into each container when it starts, and never updates
 * it: when the Service is deleted and re-created (a Helm uninstall + install), it gets a new
 * ClusterIP, and the containers started before still connect to the old one, which routes nowhere.
 * The signs: the address the logs dial is no Service's and no endpoint's IP now, a Service of the
 * namespace serves that port and was created after those containers started, and pods started
 * since it was created work. An nginx that proxies to the Service's name without a `resolver`
 * (proxy-upstream-name.ts) is caught the same way: it resolved the name once, at its start.
 */
import type { IsoTime, PodEvidence, ServiceEvidence, TriageEvidence } from './evidence.js';
import { formatKubectl } from './kubectl-command.js';
import { findStaleProxyName, type StaleProxyName } from './proxy-upstream-name.js';
import { formatAgo, msBetween } from './time-span.js';

export interface RecreatedService {
  service: ServiceEvidence;
  createdAt: IsoTime;
  /** "SESSION_STORE_SERVICE_HOST". */
  variable: string;
  /** Whether the logs name the variable themselves. */
  named: boolean;
  /** The failing pods, all started before the Service was created. */
  olderPods: string[];
  /** Ready pods of the workload started since: they got the new address. */
  newerPods: string[];
  /** Set when nginx's config names the Service with no resolver: nginx, not the environment, holds the old address. */
  proxy?: StaleProxyName;
}

function runStart(p: PodEvidence): IsoTime | undefined {
  const starts = p.containers.flatMap((c) => (c.state && 'running' in c.state && c.state.running.startedAt ? [c.state.running.startedAt] : []));
  return starts[0] ?? p.startTime;
}

/** The kubelet's variable for a Service's ClusterIP: upper case, dashes to underscores. */
export function serviceHostVariable(service: string): string {
  return `${service.toUpperCase().replace(/-/g, '_')}_SERVICE_HOST`;
}

/** The re-created Service behind an IP the failing pods dial that is no longer anyone's address. */
export function findRecreatedService(ev: TriageEvidence, ip: string, pods: readonly PodEvidence[], lines: readonly string[]): RecreatedService | undefined {
  if (pods.length === 0) return undefined;
  if (ev.services.some((s) => s.clusterIP === ip)) return undefined;
  if (ev.endpointSlices.some((s) => s.endpoints.some((e) => e.addresses.includes(ip)))) return undefined;
  const portText = new RegExp(`${ip.replace(/\./g, '\\.')}:(\\d{1,5})\\b`).exec(lines.join('\n'))?.[1];
  const port = portText === undefined ? undefined : Number(portText);
  const starts = pods.map(runStart);
  if (starts.some((s) => s === undefined)) return undefined;
  const text = lines.join('\n');
  const candidates = ev.services.flatMap((service) => {
    if (service.clusterIP === undefined || service.type === 'ExternalName' || service.createdAt === undefined) return [];
    if (port !== undefined && !service.ports.some((p) => p.port === port)) return [];
    const createdAt = service.createdAt;
    // Every failing container started before the Service existed in its current form.
    if (!starts.every((s) => msBetween(s as IsoTime, createdAt) > 0)) return [];
    const proxy = findStaleProxyName(ev.proxyConnectionConfig ?? [], service.name, ev.target.namespace, ev.target.namespace);
    return [{ service, createdAt, variable: serviceHostVariable(service.name), ...(proxy ? { proxy } : {}) }];
  });
  // The name nginx's config proxies to with no resolver picks the Service; else the variable the logs name, else the only one.
  const proxied = candidates.filter((c) => c.proxy !== undefined);
  if (proxied.length === 1 && proxied[0] !== undefined) return { ...proxied[0], named: false, olderPods: pods.map((p) => p.name), newerPods: [] };
  if (pods.every((p) => p.enableServiceLinks === false)) return undefined;
  const named = candidates.filter((c) => text.includes(c.variable));
  const pick = named.length === 1 ? named[0] : candidates.length === 1 ? candidates[0] : undefined;
  if (pick === undefined) return undefined;
  const failing = new Set(pods.map((p) => p.name));
  const newerPods = ev.pods.filter((p) => {
    const s = runStart(p);
    return !failing.has(p.name) && p.ready && s !== undefined && msBetween(pick.createdAt, s) > 0;
  }).map((p) => p.name);
  // Without a log naming the variable, a pod started since that works is what shows the address moved.
  if (!named.includes(pick) && newerPods.length === 0) return undefined;
  return { ...pick, named: named.includes(pick), olderPods: pods.map((p) => p.name), newerPods };
}

/** The finding's words: state after the title, evidence, cause, action, fix. */
export function tellRecreatedService(ev: TriageEvidence, r: RecreatedService, ip: string) {
  if (r.proxy !== undefined) return tellStaleProxyName(ev, r, r.proxy, ip);
  const { service, variable } = r;
  const created = formatAgo(r.createdAt, ev.collectedAt);
  const n = r.olderPods.length;
  const evidence = [
    `Service ${service.name} was re-created ${created} (creationTimestamp) with ClusterIP ${service.clusterIP ?? '?'}; no Service or endpoint has ${ip} now`,
    `${n} failing pod${n === 1 ? '' : 's'} (${r.olderPods.slice(0, 3).join(', ')}) started before that: the kubelet injected ${variable}=${ip}, the old ClusterIP, at their start${r.named ? ' (their logs name the variable)' : ''}`,
  ];
  if (r.newerPods.length > 0) evidence.push(`pods started since work with the new address: ${r.newerPods.slice(0, 3).join(', ')}`);
  return {
    state: `: ${ip} is the old ClusterIP of Service ${service.name}, re-created ${created} with ${service.clusterIP ?? 'a new IP'}; pods started before read it from ${variable}`,
    evidence,
    cause: `Service ${service.name} was deleted and re-created ${created} (a re-install) and got a new ClusterIP, ${service.clusterIP ?? '?'}. With enableServiceLinks (the default) the kubelet writes ${variable} into each container when it starts and never updates it: the pods started before still connect to the old address ${ip}, which routes nowhere now, while pods started since work. Neither the network nor ${service.name} is at fault.`,
    action: `Restart the pods started before the re-creation (kubectl rollout restart) so they get the new ${variable}; then make the app use the DNS name ${service.name}${service.ports[0] ? `:${service.ports[0].port}` : ''} instead of the environment variable, which survives a re-created Service.`,
    fix: `restart the pods started before Service ${service.name} was re-created (rollout restart), and use the DNS name ${service.name} instead of ${variable}`,
    services: [service.name],
    confirm: [formatKubectl(ev.target, `get service ${service.name} -o jsonpath='{.spec.clusterIP} {.metadata.creationTimestamp}'`), formatKubectl(ev.target, `exec ${r.olderPods[0] ?? ''} -- printenv ${variable}`)],
  };
}

/** nginx froze the Service's old address at its start: restart or reload it; a resolver keeps it from happening again. */
function tellStaleProxyName(ev: TriageEvidence, r: RecreatedService, proxy: StaleProxyName, ip: string) {
  const { service } = r;
  const created = formatAgo(r.createdAt, ev.collectedAt);
  const newIp = service.clusterIP ?? 'a new IP';
  const n = r.olderPods.length;
  const pods = `${r.olderPods.slice(0, 3).join(', ')}${n > 3 ? ', …' : ''}`;
  const workload = ev.workload !== null ? `${ev.workload.kind.toLowerCase()}/${ev.workload.name}` : undefined;
  const restart = workload !== undefined ? `\`${formatKubectl(ev.target, `rollout restart ${workload}`)}\`` : 'restarting its pods';
  return {
    state: `: nginx still dials ${ip}, the old ClusterIP of Service ${service.name}, re-created ${created} with ClusterIP ${newIp}; nginx resolved ${proxy.host} once at its start (${proxy.directive.split(' ')[0] ?? 'proxy_pass'} with no resolver, ConfigMap ${proxy.configMap})`,
    evidence: [
      `Service ${service.name} was re-created ${created} (creationTimestamp) with ClusterIP ${newIp}; no Service or endpoint has ${ip} now`,
      `ConfigMap ${proxy.configMap} (key ${proxy.key}): ${proxy.directive}; no resolver directive, so nginx looks the name up only when it loads its config`,
      `${n} failing pod${n === 1 ? '' : 's'} (${pods}) started before the re-creation: their nginx still dials ${ip}, the address ${proxy.host} had then`,
    ],
    cause: `Service ${service.name} was deleted and re-created ${created} and got a new ClusterIP, ${newIp}. nginx resolves ${proxy.host} (${proxy.directive.split(' ')[0] ?? 'proxy_pass'} in ConfigMap ${proxy.configMap}) once, when it loads its config, and no resolver makes it look again: it still dials ${ip}, the old ClusterIP, which no kube-proxy rule serves any more. Neither the network nor ${service.name} is at fault.`,
    action: `Restart ${workload ?? 'the proxy'} now (${restart}) or reload its nginx (nginx -s reload) so it resolves ${proxy.host} again; durably, add a resolver (kube-dns: \`resolver kube-dns.kube-system.svc.cluster.local valid=10s;\`) and proxy_pass through a variable so nginx re-resolves the name.`,
    fix: `restart ${workload ?? 'the proxy'} (or reload nginx) so it resolves ${proxy.host} again, and add a resolver with proxy_pass through a variable`,
    services: [service.name],
    confirm: [formatKubectl(ev.target, `get service ${service.name} -o jsonpath='{.spec.clusterIP} {.metadata.creationTimestamp}'`), formatKubectl(ev.target, `get configmap ${proxy.configMap} -o yaml`)],
    // The state dates the re-creation itself: nginx's log times may not date the onset.
    datesChange: true as const,
  };
}
