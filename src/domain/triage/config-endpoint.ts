/**
 * A client whose log says a name does not resolve, without naming it (grpc-go's "name resolver
 * error: produced zero addresses", logged by an OpenTelemetry Collector exporter, a gRPC client):
 * the name is in the config file its container mounts. What to read (those ConfigMaps), and the
 * in-cluster Service names written in them, each with the block it sits under.
 */
import { parseDependencyError } from './dependency-error-line.js';
import type { LogEvidence, PodEvidence } from './evidence.js';
import type { ConfigEndpointEvidence } from './evidence-config-endpoint.js';

/** ConfigMaps got per triage, endpoints kept, and namespaces whose Services are listed. */
const MAX_CONFIGMAPS = 2;
const MAX_ENDPOINTS = 8;
const MAX_NAMESPACES = 2;
const MAX_LINE_CHARS = 200;

/** A Service's DNS name: service.namespace.svc[.cluster.local][:port]. */
const SERVICE_NAME = /(?<![\w.-])([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)\.([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)\.svc(?:\.cluster\.local)?\.?(?::(\d{1,5}))?(?![\w-])/;

/** Whether a current log line of the pod says a name does not resolve and does not name it. */
function isUnnamedLookupFailure(line: string): boolean {
  const e = parseDependencyError(line);
  return e?.problem === 'dns-missing' && e.dependency === undefined;
}

/** The ConfigMaps mounted by the containers whose current log says a name does not resolve without naming it; never a Secret. */
export function pickConfigEndpointRead(seen: { logs: readonly LogEvidence[]; pods: readonly PodEvidence[] }): string[] {
  const picked = new Set<string>();
  for (const log of seen.logs) {
    if (log.previous || !log.lines.some(isUnnamedLookupFailure)) continue;
    const pod = seen.pods.find((p) => p.name === log.pod);
    const mounts = new Set((pod?.containers.find((c) => c.name === log.container)?.volumeMounts ?? []).map((m) => m.name));
    for (const v of pod?.volumes ?? []) if (v.source === 'configMap' && v.ref !== undefined && mounts.has(v.name)) picked.add(v.ref);
  }
  return [...picked].slice(0, MAX_CONFIGMAPS);
}

/** The in-cluster Service names a config file's text holds, each with the YAML keys above it. */
export function findConfigEndpoints(text: string): Omit<ConfigEndpointEvidence, 'configMap' | 'key'>[] {
  const found: Omit<ConfigEndpointEvidence, 'configMap' | 'key'>[] = [];
  // The keys open at each indent, for the block a line sits under.
  const open: { indent: number; key: string }[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\s+#.*$/, '');
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    const indent = line.length - line.trimStart().length;
    while (open.length > 0 && (open[open.length - 1]?.indent ?? 0) >= indent) open.pop();
    const m = SERVICE_NAME.exec(line);
    if (m !== null && found.length < MAX_ENDPOINTS) {
      const section = open.map((o) => o.key).join('.');
      found.push({ line: line.trim().slice(0, MAX_LINE_CHARS), host: m[0].replace(/\.(?=:|$)/, ''), service: m[1] ?? '', namespace: m[2] ?? '', ...(section ? { section } : {}) });
    }
    const key = /^\s*(?:-\s+)?([^\s:'"][^:]*?|'[^']*'|"[^"]*"):(?:\s|$)/.exec(line);
    if (key?.[1] !== undefined) open.push({ indent, key: key[1].replace(/^['"]|['"]$/g, '') });
  }
  return found;
}

/** Namespaces other than the workload's that the endpoints name: their Services are listed to see which exist. */
export function pickEndpointNamespaces(endpoints: readonly Pick<ConfigEndpointEvidence, 'namespace'>[], own: string): string[] {
  return [...new Set(endpoints.map((e) => e.namespace).filter((n) => n !== own))].slice(0, MAX_NAMESPACES);
}
