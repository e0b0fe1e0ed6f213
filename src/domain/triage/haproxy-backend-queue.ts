/**
 * HAProxy queuing requests in front of healthy pods. A per-server `maxconn` caps how many requests
 * HAProxy sends each server at once; the rest wait in the backend's queue and, after `timeout
 * queue`, HAProxy answers 503 itself with termination state "sQ" (the session expired in the queue)
 * and server <NOSRV>. The pods behind never see those requests: their logs stay clean while the
 * users get 503s. Read from HAProxy's config (the backend section naming the Service) and its
 * httplog lines.
 */
import type { LogEvidence } from './evidence-pod.js';
import type { FrontProxyBackend } from './evidence-front-proxy.js';

/** HAProxy images (official, HAProxy Technologies', Bitnami's). */
export function isHaproxyImage(image: string): boolean {
  const name = image.replace(/@sha256:[0-9a-f]+$/, '').replace(/:[\w.-]+$/, '').split('/').pop() ?? '';
  return /^haproxy(?:-ingress)?$/.test(name);
}

/** The host names a Service answers to in its namespace's configs. */
export function serviceHosts(service: string, namespace: string): string[] {
  return [`${service}.${namespace}.svc.cluster.local`, `${service}.${namespace}.svc`, `${service}.${namespace}`];
}

/** The backend section of an haproxy.cfg whose servers name one of the hosts; its per-server maxconn and queue timeout. */
export function readHaproxyBackend(text: string, hosts: readonly string[]): FrontProxyBackend | undefined {
  const sections: { head: string; lines: string[] }[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\s+#.*$/, '').trimEnd();
    if (/^\s*#/.test(raw) || line.trim() === '') continue;
    if (/^(global|defaults|frontend|backend|listen|resolvers|peers|userlist|cache|program)\b/.test(line)) sections.push({ head: line.trim(), lines: [] });
    else sections.at(-1)?.lines.push(line.trim());
  }
  for (const s of sections) {
    const [kind, name] = s.head.split(/\s+/);
    if (kind !== 'backend' && kind !== 'listen') continue;
    const host = hosts.find((h) => s.lines.some((l) => /^server(?:-template)?\s/.test(l) && new RegExp(`(^|\\s)${h.replace(/\./g, '\\.')}(:|\\s|$)`).test(l)));
    if (host === undefined) continue;
    const capLine = s.lines.find((l) => /^(default-server|server(?:-template)?)\s.*\bmaxconn\s+\d+/.test(l) && (l.startsWith('default-server') || l.includes(host)));
    const maxconn = capLine === undefined ? undefined : Number(/\bmaxconn\s+(\d+)/.exec(capLine)?.[1]);
    const queueIn = (lines: readonly string[]) => lines.map((l) => /^timeout\s+queue\s+(\S+)/.exec(l)?.[1]).find((v) => v !== undefined);
    const queueTimeout = queueIn(s.lines) ?? queueIn(sections.filter((x) => x.head.startsWith('defaults')).flatMap((x) => x.lines));
    return { name: name ?? '', host, ...(maxconn !== undefined ? { maxconn, maxconnLine: capLine } : {}), ...(queueTimeout !== undefined ? { queueTimeout } : {}) };
  }
  return undefined;
}

/** httplog: `client [date] frontend backend/server Tq/Tw/Tc/Tr/Tt status bytes - - TERM actconn/feconn/beconn/srv_conn/retries srv_queue/backend_queue "req"`. */
const HTTPLOG = /\]\s+\S+\s+([\w.-]+)\/(\S+)\s+[-\d]+\/([-\d]+)\/[-\d]+\/[-\d]+\/\+?[-\d]+\s+(\d{3})\s+\S+\s+\S+\s+\S+\s+(\S{4})\s+[\d/]+\s+(\d+)\/(\d+)\s+"/;

export interface BackendQueue {
  requests: number;
  /** 503s HAProxy answered itself after the queue timeout (termination state sQ). */
  queueTimeouts: number;
  /** Requests that waited in the queue (Tw > 0) and got a server. */
  queued: number;
  maxBackendQueue: number;
  lastTimeout?: string;
}

/** What HAProxy's logs say of one backend's queue. */
export function readBackendQueue(logs: readonly LogEvidence[], backend: string): BackendQueue {
  const out: BackendQueue = { requests: 0, queueTimeouts: 0, queued: 0, maxBackendQueue: 0 };
  for (const log of logs) {
    for (const line of log.lines) {
      const m = HTTPLOG.exec(line);
      if (m === null || m[1] !== backend) continue;
      out.requests++;
      out.maxBackendQueue = Math.max(out.maxBackendQueue, Number(m[7]));
      if (m[5]?.startsWith('sQ') && m[4] === '503') {
        out.queueTimeouts++;
        out.lastTimeout = line.trim();
      } else if (Number(m[3]) > 0) out.queued++;
    }
  }
  return out;
}
