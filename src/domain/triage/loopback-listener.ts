/**
 * A container refused at a loopback address while the neighbour that serves that port runs, and
 * that neighbour's own log says it listens on another address: localhost resolved to ::1 while
 * the server listens on 127.0.0.1 only (Node.js 17+ no longer puts IPv4 first), or the server
 * binds only its pod IP or hostname (Next.js standalone binds $HOSTNAME, the pod name) while its
 * neighbour dials 127.0.0.1. Nothing is down: the two containers disagree on the address. Where
 * the neighbour listens is read from its log, or from its own bind flag or variable
 * ("--addr=127.0.0.1:9000", "BIND=127.0.0.1"), whose log may print no address or not be read.
 */
import type { ContainerEvidence, LogEvidence, PodEvidence } from './evidence.js';
import { condenseStructuredLine } from './evidence-lookup.js';
import { findListenSetting } from './host-port-holders.js';
import { findListenAddresses } from './listen-lines.js';
import { parseLoopbackPort } from './loopback-sibling.js';

/** ipv4-loopback: 127.x; ipv6-loopback: ::1; ipv4-any: 0.0.0.0; everywhere: ::, *, or a bare port; host: one named host or address (the pod IP, the pod name). */
type BindKind = 'ipv4-loopback' | 'ipv6-loopback' | 'ipv4-any' | 'everywhere' | 'host';

interface Bind {
  kind: BindKind;
  host: string;
  line: string;
  /** Where it is said: "its log", "its args", "its command", "its env". */
  seenIn: string;
}

export interface LoopbackListenerMiss {
  pod: string;
  client: string;
  server: string;
  /** As dialed: "::1:5432", "127.0.0.1:3000". */
  dialed: string;
  port: number;
  /** What the server listens on, as its log prints it: "127.0.0.1:5432", "backoffice-web-7c9-x2:3000". */
  listens: string;
  /** The family the client dials where the server listens on the other one, or the server binds one host only. */
  mismatch: 'ipv6-to-ipv4' | 'ipv4-to-ipv6' | 'host-only';
  /** The server's line, flag or variable that says where it listens. */
  line: string;
  /** "its log", "its args", "its command", "its env". */
  seenIn: string;
  /** The server's host is the pod's name: it binds $HOSTNAME, which Kubernetes sets to the pod name. */
  hostnameBind: boolean;
  /** Next.js announces itself in the server's log (its standalone server.js listens on $HOSTNAME). */
  nextjs: boolean;
}

/** Next.js prints where it serves as "- Local: http://host:3000" and "- Network: http://ip:3000". */
const NEXT_LISTEN = /^\s*-\s*(?:Local|Network):\s+https?:\/\/(\[[0-9a-f:]+\]|[\w.-]+):(\d{2,5})\b/i;
/** A listen line naming one host: "listening on http://10.0.4.7:3000", "Server running at http://web-7c9:3000/". */
const NAMED_LISTEN = /\b(?:listen\w*|serving|running|bound|started)\b[^\n]*?(?:https?:\/\/|\bon |\bat )(\[[0-9a-f:]+\]|[\w.-]+):(\d{2,5})\b/i;

function bindsOf(line: string, port: number): Bind[] {
  const out: Bind[] = findListenAddresses(line)
    .filter((a) => a.port === port)
    .map((a) => {
      if (a.scope === 'loopback') return { kind: /:/.test(a.host) ? 'ipv6-loopback' : 'ipv4-loopback', host: a.host, line, seenIn: 'its log' } as const;
      if (a.scope === 'ipv4-any') return { kind: 'ipv4-any', host: a.host, line, seenIn: 'its log' } as const;
      return { kind: 'everywhere', host: a.host, line, seenIn: 'its log' } as const;
    });
  if (out.length > 0) return out;
  const m = NEXT_LISTEN.exec(line) ?? NAMED_LISTEN.exec(line);
  if (m === null || Number(m[2]) !== port) return [];
  const host = m[1] ?? '';
  if (/^(localhost|127\.|\[::1\]$)/i.test(host)) return [{ kind: /:/.test(host) ? 'ipv6-loopback' : 'ipv4-loopback', host, line, seenIn: 'its log' }];
  if (host === '0.0.0.0') return [{ kind: 'ipv4-any', host, line, seenIn: 'its log' }];
  return [{ kind: 'host', host, line, seenIn: 'its log' }];
}

/** A flag or variable that names the container's own bind address (--addr, --listen, BIND_ADDRESS, HOST)… */
const BIND_NAME = /addr|listen|bind|host/i;
/** …not a peer's address it dials (--upstream-addr, BACKEND_HOST, TARGET_URL). */
const PEER_NAME = /upstream|backend|target|remote|peer|connect|dial|url|endpoint|forward|proxy-to|server-addr/i;
/** An explicit address and port: "127.0.0.1:9000", "[::1]:9000", "0.0.0.0:9000", ":9000", "tcp://127.0.0.1:9000". */
const HOST_PORT = /^(?:[a-z]+:\/\/)?(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|0\.0\.0\.0|\[[0-9a-f:]*\]|::1?|\*)?:(\d{2,5})$/i;
/** A bare address, its port set elsewhere: "127.0.0.1", "::1", "0.0.0.0". */
const BARE_HOST = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|0\.0\.0\.0|\[?::1?\]?)$/i;

function kindOfHost(host: string): BindKind {
  if (host.startsWith('127.')) return 'ipv4-loopback';
  if (/^\[?::1\]?$/.test(host)) return 'ipv6-loopback';
  return host === '0.0.0.0' ? 'ipv4-any' : 'everywhere';
}

/** The bind a setting's name and value say for `port`; a bare host only when the spec serves the port otherwise. */
function bindOfSetting(name: string, value: string, port: number, servesPort: boolean): { host: string; kind: BindKind } | undefined {
  if (!BIND_NAME.test(name) || PEER_NAME.test(name)) return undefined;
  const v = value.trim();
  const hp = HOST_PORT.exec(v);
  if (hp !== null) return Number(hp[2]) === port ? { host: hp[1] ?? '', kind: kindOfHost(hp[1] ?? '') } : undefined;
  return servesPort && BARE_HOST.test(v) ? { host: v, kind: kindOfHost(v) } : undefined;
}

/** Where the container's own flags or variables say it listens on `port`. Localhost and names are left out: the server resolves them itself. */
function specBindsOf(c: ContainerEvidence, port: number): Bind[] {
  const servesPort = findListenSetting(c, port) !== undefined;
  const out: Bind[] = [];
  const command = c.command ?? [];
  const words = [...command, ...(c.args ?? [])];
  words.forEach((w, i) => {
    if (!w.startsWith('-')) return;
    const eq = w.indexOf('=');
    const next = words[i + 1];
    const [name, value, shown] = eq > 0 ? [w.slice(0, eq), w.slice(eq + 1), w] : next !== undefined && !next.startsWith('-') ? [w, next, `${w} ${next}`] : [w, '', w];
    const b = bindOfSetting(name, value, port, servesPort);
    if (b !== undefined) out.push({ ...b, line: shown, seenIn: i < command.length ? 'its command' : 'its args' });
  });
  for (const e of c.env ?? []) {
    const value = 'value' in e ? e.value : undefined;
    const b = value === undefined ? undefined : bindOfSetting(e.name, value, port, servesPort);
    if (b !== undefined) out.push({ ...b, line: `${e.name}=${value ?? ''}`, seenIn: 'its env' });
  }
  return out;
}

/** Which listens the dialed loopback address cannot reach, or undefined when one of them can. */
function findMismatch(dialed: string, binds: readonly Bind[]): LoopbackListenerMiss['mismatch'] | undefined {
  if (binds.length === 0 || binds.some((b) => b.kind === 'everywhere')) return undefined;
  const ipv6 = /^\[?::1\]?:/.test(dialed);
  if (ipv6) {
    if (binds.some((b) => b.kind === 'ipv6-loopback')) return undefined;
    return binds.some((b) => b.kind === 'ipv4-loopback' || b.kind === 'ipv4-any') ? 'ipv6-to-ipv4' : 'host-only';
  }
  if (binds.some((b) => b.kind === 'ipv4-loopback' || b.kind === 'ipv4-any')) return undefined;
  return binds.some((b) => b.kind === 'ipv6-loopback') ? 'ipv4-to-ipv6' : 'host-only';
}

/**
 * For a client refused at loopback `dialed` in these pods: the running neighbour whose log says it
 * listens on that port at another address. Undefined when no neighbour's log names the port.
 */
export function findLoopbackListenerMiss(pods: readonly PodEvidence[], logs: readonly LogEvidence[], client: string, dialed: string): LoopbackListenerMiss | undefined {
  const port = parseLoopbackPort(dialed);
  if (port === undefined) return undefined;
  for (const pod of pods) {
    const running = [...pod.containers, ...pod.initContainers.filter((c) => c.sidecar)].filter((c) => c.name !== client && c.state !== undefined && 'running' in c.state);
    for (const c of running) {
      const lines = logs.filter((l) => l.pod === pod.name && l.container === c.name).flatMap((l) => l.lines);
      const binds = [...lines.flatMap((l) => bindsOf(l, port)), ...specBindsOf(c, port)];
      const mismatch = findMismatch(dialed, binds);
      if (mismatch === undefined) continue;
      const shown = binds.find((b) => b.kind !== 'host' || b.host === pod.name) ?? binds[0];
      if (shown === undefined) continue;
      return {
        pod: pod.name,
        client,
        server: c.name,
        dialed,
        port,
        listens: `${shown.host}:${port}`,
        mismatch,
        line: condenseStructuredLine(shown.line.trim()).replace(/\s+/g, ' ').slice(0, 120),
        seenIn: shown.seenIn,
        hostnameBind: binds.some((b) => b.kind === 'host' && b.host === pod.name),
        nextjs: lines.some((l) => /▲ Next\.js|\bnext(?:\.js)? start\b/i.test(l)),
      };
    }
  }
  return undefined;
}

export interface LoopbackListenerTold {
  title: string;
  cause: string;
  fix: string;
  action: string;
  evidence: string[];
}

/** The reading in words: who dials what, who listens where, and which side to change. */
export function explainLoopbackListenerMiss(m: LoopbackListenerMiss, nodeClient: boolean): LoopbackListenerTold {
  const evidence = [`${m.pod}/${m.server} ${m.seenIn.replace(/^its /, '')}: "${m.line}"`];
  if (m.mismatch === 'ipv6-to-ipv4' || m.mismatch === 'ipv4-to-ipv6') {
    const v6 = m.mismatch === 'ipv6-to-ipv4';
    const node = v6 && nodeClient ? ' (Node.js 17+ returns localhost\'s addresses in the resolver\'s order, ::1 first, where Node 16 put IPv4 first)' : '';
    const use = v6 ? `127.0.0.1:${m.port}` : `[::1]:${m.port}`;
    return {
      title: `${m.client} dials ${m.dialed} (localhost resolved to IPv${v6 ? '6' : '4'}), but ${m.server} in the same pod listens on ${m.listens} only (IPv${v6 ? '4' : '6'}) — ${m.seenIn}: "${m.line}"`,
      cause: `${m.client} connects to localhost, which resolves to ${v6 ? '::1' : '127.0.0.1'}${node}, while ${m.server} in the same pod listens on ${m.listens} only: the two containers disagree on the address family; ${m.server} and what it fronts are not at fault.`,
      fix: `point ${m.client} at ${use} instead of localhost, or make ${m.server} listen on both loopback addresses${v6 && nodeClient ? ' (or NODE_OPTIONS=--dns-result-order=ipv4first)' : ''}`,
      action: `Point ${m.client} at ${use} instead of localhost (or make ${m.server} listen on ${v6 ? '::1' : '127.0.0.1'} too); ${m.server} and what it fronts are fine, restarting pods will not help.`,
      evidence,
    };
  }
  const bind = m.hostnameBind ? ' only (its $HOSTNAME, the pod name: the pod IP, not loopback)' : ' only (the pod IP, not loopback)';
  const nextFix = m.nextjs ? `set HOSTNAME=0.0.0.0 in ${m.server} (Next.js standalone's server.js listens on $HOSTNAME)` : `make ${m.server} listen on 0.0.0.0:${m.port} (its bind address)`;
  return {
    title: `${m.server} in the same pod listens on ${m.listens}${bind}, while ${m.client} dials ${m.dialed} — ${m.seenIn}: "${m.line}"`,
    cause: `${m.server} binds ${m.listens} only${m.hostnameBind ? ` ($HOSTNAME is the pod name${m.nextjs ? '; Next.js standalone listens on it' : ''})` : ''}, so connections to ${m.dialed} from ${m.client} in the same pod are refused, while the kubelet's probes on the pod IP still pass.`,
    fix: `${nextFix}, or point ${m.client} at the pod IP`,
    action: `${nextFix.charAt(0).toUpperCase()}${nextFix.slice(1)}; until then every request through ${m.client} fails. Restarting pods will not help.`,
    evidence,
  };
}
