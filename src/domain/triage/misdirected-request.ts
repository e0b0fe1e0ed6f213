/**
 * HTTP 421 Misdirected Request answered to the workload's own outbound calls: an HTTP/2 client
 * reuses a connection it opened for one host for another host (connection coalescing, RFC 7540
 * §9.1.1: allowed when the certificate covers both names, a wildcard, and they resolve to the same
 * address), and the server refuses the request on that connection for that host (nginx when the
 * two server blocks differ in TLS settings, a CDN or an ingress keyed on SNI). HTTP/1.1 never
 * coalesces, so the change that turned HTTP/2 on in the client (its protocols, a library upgrade)
 * is what brought it on. The fix stops the sharing: HTTP/1.1 (or no coalescing) for that host, or
 * a certificate or address of its own; or the server accepts the coalesced host.
 */
import type { ClientDiagnosis } from './client-diagnosis-reading.js';
import type { RevisionEvidence } from './evidence.js';
import { diffRevisions, sortRevisions } from './revision-diff.js';

const MISDIRECTED = /\b421\b[^\n]{0,40}Misdirected Request|Misdirected Request[^\n]{0,40}\b421\b|\bstatus(?:Code)?[=:"\s]+421\b/i;
const HOST = /https?:\/\/([\w.-]+\.[a-z][\w-]*)/i;
/** A diff line of the newest revision that bears on the client's HTTP version. */
const HTTP2_CHANGE = /\bh2\b|\bh2c\b|http\/?2|http2|HTTP_?2|PROTOCOLS?\b/i;

export function explainMisdirectedRequest(errors: readonly string[], revisions: readonly RevisionEvidence[]): ClientDiagnosis | undefined {
  const line = [...errors].reverse().find((l) => MISDIRECTED.test(l));
  if (line === undefined) return undefined;
  const host = HOST.exec(line)?.[1];
  const target = host ?? 'that host';
  const [newest, previous] = sortRevisions(revisions);
  const change = newest && previous ? diffRevisions(previous, newest).find((l) => HTTP2_CHANGE.test(l)) : undefined;
  const fix = `stop sharing connections for ${target}: speak HTTP/1.1 to it (or turn off HTTP/2 connection coalescing in the client), or give ${target} its own certificate or IP address`;
  return {
    summary: `HTTP 421 Misdirected Request${host ? ` from ${host}` : ''}: the HTTP/2 client reuses a connection opened for another host of the same certificate and address (connection coalescing), which the server refuses${change ? `; revision ${newest?.revision ?? ''}: ${change.trim()}` : ''}`,
    decisive: line.trim(),
    likelyCause: `421 means the server received the request on a connection it will not serve for that host. An HTTP/2 client coalesces: it sends requests for ${target} over a connection it already holds for another name when the certificate covers both (a wildcard) and they resolve to the same address, and a server that keys its TLS settings or virtual hosts on the SNI the connection was opened with refuses them. HTTP/1.1 never does this${change ? `; revision ${newest?.revision ?? ''} changed ${change.trim()}, which is when the client began to speak HTTP/2` : ''}. The server and the pods are healthy; restarting them only resets the pool until the next shared connection. The server could also accept requests for ${target} on connections opened for its other names.`,
    nextAction: `${fix.charAt(0).toUpperCase()}${fix.slice(1)}.`,
    fix,
    ...(change ? { datesChange: true as const, evidence: [`revision ${newest?.revision ?? ''}: ${change.trim()}`] } : {}),
  };
}
