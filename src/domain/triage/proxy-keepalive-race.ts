/**
 * A proxy that keeps idle upstream connections open longer than the upstream server does. nginx
 * with `keepalive N;` in an `upstream` block holds idle connections for `keepalive_timeout` (60 s
 * by default); a server that closes idle sockets sooner (Node's keepAliveTimeout is 5 s) closes one
 * just as nginx sends the next request on it, and nginx reads the close or a reset where the
 * response header should be ("upstream prematurely closed connection", "recv() failed (104:
 * Connection reset by peer) while reading response header from upstream"). nginx retries only
 * idempotent requests, and none with `proxy_next_upstream off`: the rest become 502s, while both
 * sides are ready. The proxy's setting is read from the ConfigMap its container mounts (only
 * where its log shows such cuts); the server's from one of its Service's pods (closed-idle-http.ts).
 */
import type { LogEvidence, PodEvidence } from './evidence.js';
import type { ProxyConfigEvidence } from './evidence-proxy-config.js';
import { findInClusterService } from './down-service.js';
import { findMountedConfigMap } from './proxy-worker-connections.js';
import { formatSpan, parseGoDuration } from './time-span.js';

/** nginx's words when an upstream ends a connection before its response header, and the upstream it names. */
const UPSTREAM_HEADER_CUT = /(?:upstream prematurely closed connection|recv\(\) failed \(104: Connection reset by peer\)) while reading response header from upstream\b.*?\bupstream: "\w+:\/\/([^/"]+)/;

/** A combined-format access log line's status: `"POST /v1/x HTTP/1.1" 502 157`. */
const ACCESS_STATUS = /"[A-Z]+ [^"]* HTTP\/[\d.]+" (\d{3}) /;

/** Cuts it takes to call it the proxy's steady failure rather than one upstream's restart. */
const MIN_CUTS = 2;

/** nginx's keepalive_timeout for upstream connections when the block sets none. */
export const NGINX_UPSTREAM_IDLE_DEFAULT = '60s';

export interface UpstreamHeaderCuts {
  container: string;
  pods: string[];
  /** Lines in all, by upstream address ("10.0.15.224:8080"), most first. */
  count: number;
  addresses: string[];
  /** Requests the access log answered 502. */
  badGateway: number;
  /** The last cut line. */
  decisive: string;
}

/** The workload's current proxy logs cutting upstream answers before their header, at least twice; else undefined. */
export function findUpstreamHeaderCuts(logs: readonly LogEvidence[], pods: readonly PodEvidence[]): UpstreamHeaderCuts | undefined {
  const own = new Set(pods.map((p) => p.name));
  const byAddress = new Map<string, number>();
  const where: { pod: string; container: string }[] = [];
  let badGateway = 0;
  let decisive = '';
  for (const log of logs) {
    if (log.previous || !own.has(log.pod)) continue;
    let hit = false;
    for (const line of log.lines) {
      if (ACCESS_STATUS.exec(line)?.[1] === '502') badGateway++;
      const m = UPSTREAM_HEADER_CUT.exec(line);
      if (m === null) continue;
      hit = true;
      decisive = line.trim();
      byAddress.set(m[1] ?? '', (byAddress.get(m[1] ?? '') ?? 0) + 1);
    }
    if (hit) where.push({ pod: log.pod, container: log.container });
  }
  const count = [...byAddress.values()].reduce((a, b) => a + b, 0);
  if (count < MIN_CUTS) return undefined;
  const container = where[0]?.container ?? '';
  return {
    container,
    pods: [...new Set(where.filter((w) => w.container === container).map((w) => w.pod))],
    count,
    addresses: [...byAddress.entries()].sort((a, b) => b[1] - a[1]).map(([a]) => a),
    badGateway,
    decisive,
  };
}

/** Where nginx cuts upstream answers before their header again and again: the ConfigMap its container mounts (one get). */
export function pickKeepaliveConfigRead(ev: { logs: readonly LogEvidence[]; pods: readonly PodEvidence[] }): string | undefined {
  const cuts = findUpstreamHeaderCuts(ev.logs, ev.pods);
  return cuts === undefined ? undefined : findMountedConfigMap(ev.pods, cuts.pods[0], cuts.container);
}

/** An `upstream` block that keeps idle connections: its name, servers, pool size and idle timeout as written. */
export interface UpstreamKeepalive {
  upstream: string;
  servers: string[];
  connections: string;
  /** keepalive_timeout in the block; undefined when it sets none (nginx's 60 s). */
  timeout?: string;
}

/** The `upstream` blocks of an nginx file that set `keepalive` (comments dropped). */
export function findUpstreamKeepalive(text: string): UpstreamKeepalive[] {
  const src = text.split('\n').map((l) => l.replace(/#.*$/, '')).join('\n');
  const found: UpstreamKeepalive[] = [];
  for (const m of src.matchAll(/(?:^|[;{}\s])upstream\s+([\w.-]+)\s*\{/g)) {
    const start = (m.index ?? 0) + m[0].length;
    let depth = 1;
    let end = start;
    while (end < src.length && depth > 0) {
      if (src[end] === '{') depth++;
      else if (src[end] === '}') depth--;
      end++;
    }
    const body = src.slice(start, end - 1);
    const arg = (name: string): string[] => [...body.matchAll(new RegExp(`(?:^|[;{}\\s])${name}\\s+([^;{}]+?)\\s*;`, 'g'))].map((x) => x[1] ?? '');
    const connections = arg('keepalive')[0];
    if (connections === undefined) continue;
    const timeout = arg('keepalive_timeout')[0];
    found.push({ upstream: m[1] ?? '', servers: arg('server').map((s) => s.split(/\s+/)[0] ?? s), connections, ...(timeout !== undefined ? { timeout } : {}) });
  }
  return found;
}

/** The blocks back from the entries the read kept (setting `keepalive`, `keepalive_timeout`, with their upstream). */
export function listUpstreamKeepalive(config: readonly ProxyConfigEvidence[]): (UpstreamKeepalive & { configMap: string; key: string })[] {
  return config.flatMap((c) => {
    if (c.setting !== 'keepalive' || c.upstream === undefined) return [];
    const timeout = config.find((t) => t.setting === 'keepalive_timeout' && t.configMap === c.configMap && t.key === c.key && t.upstream?.name === c.upstream?.name)?.value;
    return [{ configMap: c.configMap, key: c.key, upstream: c.upstream.name, servers: c.upstream.servers, connections: c.value, ...(timeout !== undefined ? { timeout } : {}) }];
  });
}

/** The keepalive block whose servers name Service `service` (by name or address), else the only keepalive block. */
export function pickUpstreamFor<T extends UpstreamKeepalive>(blocks: readonly T[], service: string, namespace: string, addresses: readonly string[]): T | undefined {
  const named = blocks.find((b) => b.servers.some((s) => {
    const host = s.replace(/:\d+$/, '');
    return findInClusterService(host, namespace)?.name === service || addresses.some((a) => a.replace(/:\d+$/, '') === host);
  }));
  return named ?? (blocks.length === 1 ? blocks[0] : undefined);
}

/** An nginx time ("60s", "1m", "500ms"; a bare number is seconds) in milliseconds. */
export function parseNginxTimeMs(value: string): number | undefined {
  const v = value.trim();
  return /^\d+$/.test(v) ? Number(v) * 1000 : parseGoDuration(v);
}

/** An idle timeout as people write it: "250ms", "5s", "1m". */
export function formatIdleMs(ms: number): string {
  return ms < 1000 ? `${ms}ms` : formatSpan(ms);
}

/** A line of the proxy that cut an upstream's answer before its header. */
export function isUpstreamHeaderCut(line: string): boolean {
  return UPSTREAM_HEADER_CUT.test(line);
}

/** nginx's two wordings of the cut, as they appear in the lines. */
function listCutWords(lines: readonly string[]): string[] {
  return [
    ...(lines.some((l) => /upstream prematurely closed connection/.test(l)) ? ['"upstream prematurely closed connection"'] : []),
    ...(lines.some((l) => /recv\(\) failed \(104: Connection reset by peer\)/.test(l)) ? ['"recv() failed (104: Connection reset by peer)"'] : []),
  ];
}

export interface KeepaliveRaceInput {
  /** The Service the cut addresses belong to. */
  service: string;
  block: UpstreamKeepalive & { configMap: string; key: string };
  /** The server's idle timeout as its pod sets it, when it was read and told. */
  server?: { setting: string; ms?: number; pod: string };
  cuts: UpstreamHeaderCuts;
  /** The cut lines toward this Service. */
  lines: readonly string[];
  /** When the ConfigMap was last written, as "2h 5m ago". */
  configChanged?: string;
}

export interface KeepaliveRaceTold {
  title: string;
  cause: string;
  action: string;
  fix: string;
  evidence: string[];
}

/**
 * Both timeouts side by side; undefined when the server's is known and not shorter than the
 * proxy's (then the cuts are something else: a server that drops requests mid-answer).
 */
export function explainKeepaliveRace(input: KeepaliveRaceInput): KeepaliveRaceTold | undefined {
  const { service, block, server, cuts } = input;
  const proxyMs = parseNginxTimeMs(block.timeout ?? NGINX_UPSTREAM_IDLE_DEFAULT);
  if (proxyMs === undefined || (server?.ms !== undefined && server.ms >= proxyMs)) return undefined;
  const keeps = `keepalive_timeout ${block.timeout ?? `${NGINX_UPSTREAM_IDLE_DEFAULT} (nginx's default)`}`;
  const where = `ConfigMap ${block.configMap}${input.configChanged ? `, changed ${input.configChanged}` : ''}`;
  const serverSays = server?.ms !== undefined ? `${formatIdleMs(server.ms)} (${server.setting})` : server !== undefined ? `${server.setting}` : undefined;
  const words = listCutWords(input.lines);
  const n = input.lines.length;
  const answered = cuts.badGateway > 0 ? `; ${cuts.badGateway} request${cuts.badGateway === 1 ? '' : 's'} answered 502` : '';
  // A little under the server's: the proxy must give a connection up before the server does.
  const below = server?.ms !== undefined ? formatIdleMs(server.ms > 2000 ? server.ms - 1000 : Math.floor(server.ms / 2)) : undefined;
  const serverShort = server?.ms !== undefined ? `${service}'s ${formatIdleMs(server.ms)} idle timeout (${server.setting})` : server !== undefined ? `${service}'s idle timeout (${server.setting})` : `${service}'s idle timeout`;
  const title = `nginx reuses keep-alive connections after ${service} has closed them: upstream ${keeps} (${where}) outlasts ${serverShort}; ${n} request${n === 1 ? '' : 's'} cut before the response header${answered.replace(';', ',')}`;
  const proxySays = block.timeout ?? NGINX_UPSTREAM_IDLE_DEFAULT;
  return {
    title,
    cause: `nginx keeps up to ${block.connections} idle connections per worker open to ${service} (\`keepalive ${block.connections}\` in upstream ${block.upstream}) for ${keeps.replace('keepalive_timeout ', '')}, while ${service} closes a connection that has been idle for ${serverSays ?? 'less than that (its idle timeout was not read)'}. A request nginx sends on a connection ${service} is closing at that moment meets the close (${words.join(' or ') || 'a closed connection'}) before any response header; nginx does not retry a POST (nor anything with proxy_next_upstream off) and answers 502. Both sides are up and serving; what fails is the race between their two idle timeouts, not either process or the network. A rollback or a restart of the proxy brings the same file back.`,
    action: `Set keepalive_timeout in upstream ${block.upstream} (${`ConfigMap ${block.configMap}`}, key ${block.key}) below ${service}'s idle timeout${below ? ` (e.g. ${below})` : ''} and reload nginx, or raise ${service}'s idle timeout${server ? ` (${server.setting})` : ''} above ${proxySays}; then confirm the "${words[0]?.replace(/"/g, '') ?? 'upstream'}" lines and the 502s stop.`,
    fix: `set keepalive_timeout of upstream ${block.upstream} (ConfigMap ${block.configMap}) below ${service}'s idle timeout${below ? ` (e.g. ${below})` : ''}, or raise ${service}'s idle timeout above ${proxySays}`,
    evidence: [
      `upstream ${block.upstream} in ConfigMap ${block.configMap} (key ${block.key}): keepalive ${block.connections}, ${keeps}; servers ${block.servers.join(', ') || '(none listed)'}`,
      ...(server !== undefined ? [`${service} runs with ${server.setting} (pod ${server.pod})`] : [`${service}'s idle timeout was not found in its pod's env or log`]),
      `${n} cut${n === 1 ? '' : 's'} toward Service ${service} (${cuts.addresses.length} upstream address${cuts.addresses.length === 1 ? '' : 'es'} in all: ${cuts.addresses.slice(0, 3).join(', ')}${cuts.addresses.length > 3 ? ', …' : ''})${answered}`,
    ],
  };
}

/** The workload's current cut lines whose upstream address `belongsTo` says is the Service's. */
export function listCutsToward(logs: readonly LogEvidence[], pods: readonly PodEvidence[], belongsTo: (address: string) => boolean): string[] {
  const own = new Set(pods.map((p) => p.name));
  return logs.filter((l) => !l.previous && own.has(l.pod)).flatMap((l) => l.lines.filter((line) => {
    const address = UPSTREAM_HEADER_CUT.exec(line)?.[1];
    return address !== undefined && belongsTo(address);
  }));
}
