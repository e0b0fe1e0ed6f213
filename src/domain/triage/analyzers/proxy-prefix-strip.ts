/**
 * nginx in the workload's pods stripping the prefix of a location before proxying
 * (proxy-prefix-strip.ts): most requests under one prefix, on many paths, are answered 404, and
 * the location they fall in has a proxy_pass whose URI part replaces that prefix — so the upstream
 * gets the paths without it. Said only when the collector read that location from the ConfigMap
 * the container mounts; a 404 share alone is left to the other readings.
 */
import type { TriageEvidence } from '../evidence.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { listNodesOf } from '../pod-status.js';
import { findPrefixMisses, findPrefixStrip, uriPartOf } from '../proxy-prefix-strip.js';

export function analyzeProxyPrefixStrip(ev: TriageEvidence): Finding[] {
  const misses = findPrefixMisses(ev.logs, ev.pods);
  if (misses === undefined) return [];
  const strip = findPrefixStrip(misses, ev.proxyRoutes ?? []);
  if (strip === undefined) return [];
  const { container, prefix, missed, total, servedElsewhere, pods } = misses;
  const { route, uri, example } = strip;
  const podObjects = ev.pods.filter((p) => pods.includes(p.name));
  const ready = podObjects.filter((p) => p.ready).length;
  const base = route.proxyPass.slice(0, route.proxyPass.length - uri.length);
  const before = (ev.proxyRoutes ?? []).find((r) => !r.mountedNow && r.location === route.location && r.proxyPass !== undefined);
  const keep = `proxy_pass ${base};`;
  const block = `location ${route.location} { proxy_pass ${route.proxyPass}; }`;
  const file = `ConfigMap ${route.configMap} (key ${route.key})`;
  const counted = `${missed} of ${total} requests under ${prefix} answered 404 in ${pods.length} ${ready === pods.length ? 'ready ' : ''}pod${pods.length === 1 ? '' : 's'}`;
  const title =
    `${container} strips the ${route.location} prefix before proxying: ${file} has ${block}, whose URI part "${uri}" replaces ${route.location}, ` +
    `so ${example.sent} reaches the upstream as ${example.passed} — ${counted}`;
  const fix = `in ${file}, drop the URI part from that proxy_pass (\`${keep}\`, which passes ${route.location} on unchanged)${before?.proxyPass !== undefined && uriPartOf(before.proxyPass) === undefined ? `, as the revision before had it (ConfigMap ${before.configMap})` : ''}, or restore the file's previous version; then restart ${ev.target.name} so nginx reads it`;
  return [
    {
      id: `container-config/proxy-prefix-strip/${container}`,
      kind: 'container-config',
      title,
      layer: 'network/routing',
      severity: 'critical',
      confidence: 'high',
      evidence: [
        `${counted}, on ${misses.paths.length}+ different paths (${misses.paths.map((p) => `"${p}"`).join(', ')})${servedElsewhere > 0 ? `; ${servedElsewhere} requests outside ${prefix} answered 2xx/3xx` : ''}`,
        `log ${misses.pod}/${container}: ${misses.line.slice(0, 300)}`,
        `${file}: ${block}`,
        `proxy_pass with a URI part replaces the part of the request URI the location matched: ${route.location} becomes "${uri}", so ${example.sent} is sent upstream as ${example.passed}`,
        ...(before !== undefined ? [`the revision before mounted ConfigMap ${before.configMap}: location ${before.location} { proxy_pass ${before.proxyPass}; }`] : []),
        `${ready}/${podObjects.length} of these pods Ready: the probes do not go through ${route.location}`,
      ],
      decisive: misses.line.slice(0, 300),
      ...(misses.firstAt !== undefined ? { onset: misses.firstAt } : {}),
      likelyCause:
        `In nginx, \`proxy_pass ${base};\` (no URI part) passes the request URI on as it came, while \`proxy_pass ${route.proxyPass};\` replaces the matched location prefix ${route.location} with "${uri}". ` +
        `The upstream gets the paths without ${route.location}, and its 404 to nearly every call through that location says it serves them only with the prefix; the proxy itself is healthy and its other locations work. Usually a config edit that added a slash or path to proxy_pass.`,
      nextAction: `Mitigate: restore ${container}'s previous config (${file}) and restart ${ev.target.name}; the fix: ${fix}.`,
      fix,
      confirmCommands: [
        formatKubectl(ev.target, `logs ${misses.pod} -c ${container} --tail=200`),
        formatKubectl(ev.target, `get configmap ${route.configMap} -o yaml`),
        formatKubectl(ev.target, `exec ${misses.pod} -c ${container} -- nginx -T`),
      ],
      affected: { pods, nodes: listNodesOf(podObjects), configMaps: [route.configMap] },
    },
  ];
}
