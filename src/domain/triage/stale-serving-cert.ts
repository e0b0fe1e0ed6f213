/**
 * One replica serving a certificate its peers no longer serve. A server that reads its TLS
 * certificate from a mounted Secret only at start keeps the one it loaded: when cert-manager (or
 * anyone) renews the Secret, the kubelet updates the files, pods started since serve the new
 * certificate, and a pod started before keeps the old one until it restarts — and once that one
 * expires, clients reject its handshakes. The server's own log shows it as the alert its clients
 * send ("http: TLS handshake error from 10.0.3.4:41000: remote error: tls: bad certificate", nginx's
 * "… alert certificate expired … while SSL handshaking"), on that pod only; where the app logs the
 * certificate's notAfter when it loads it, that date is past on that pod and ahead on the others.
 * Read from the logs and pods already read; nothing more is fetched, and no Secret is read.
 */
import type { IsoTime } from './evidence-spec.js';
import type { LogEvidence, PodEvidence } from './evidence-pod.js';

/** The alert a client sends when it refuses the certificate a server presents, as the server logs it. */
const CLIENT_REFUSED_SERVER_CERT =
  /handshake error from \S+: remote error: tls: (?:bad certificate|expired certificate|certificate expired|unknown certificate authority|certificate unknown)|alert (?:bad certificate|certificate expired|unknown ca|certificate unknown)[^\n]*while SSL handshaking/i;
/** notAfter as an app logs it when it loads a certificate: `"not_after":"2026-11-21T00:00:00Z"`, `notAfter=…`, `expires_at: …`. */
const NOT_AFTER = /(?:not_?after|expires?_?(?:at|on)?|valid_?until)"?\s*[:=]\s*"?(\d{4}-\d\d-\d\d[T ][\d:.]+(?:Z|[+-]\d\d:?\d\d)?)/i;
/** A line that says a certificate was loaded (the one carrying its notAfter). */
const LOADED_CERT = /cert/i;
/** Refused handshakes before it counts: one is a client's own trouble. */
const MIN_ALERTS = 2;
/** How much earlier than a clean peer the suspect pod must have started: a renewal falls between. */
const MIN_AGE_GAP_MS = 24 * 60 * 60_000;
/** A Secret volume that by its name holds a TLS certificate. */
const CERT_SECRET = /tls|cert|ssl|x509|pem/i;

export interface StaleServingCert {
  pod: string;
  /** When the pod (its main container) started: when it loaded the certificate. */
  startedAt?: IsoTime;
  alerts: number;
  /** The newest alert line, as logged. */
  line: string;
  /** The notAfter the pod logged when it loaded its certificate, when it did. */
  notAfter?: string;
  /** notAfter is past. */
  expired: boolean;
  /** The Secret the pods mount their certificate from, when one looks like it. */
  secret?: string;
  /** Peers whose logs were read and show no such alert: the newest-started first. */
  cleanPeers: { pod: string; startedAt?: IsoTime; notAfter?: string }[];
}

function startOf(p: PodEvidence): IsoTime | undefined {
  const main = p.containers[0];
  const running = main?.state !== undefined && 'running' in main.state ? main.state.running.startedAt : undefined;
  return running ?? p.startTime ?? p.createdAt;
}

/** The notAfter of the newest certificate-load line of a log that states one. */
export function loadedNotAfter(lines: readonly string[]): string | undefined {
  return [...lines].reverse().filter((l) => LOADED_CERT.test(l)).map((l) => NOT_AFTER.exec(l)?.[1]).find((x) => x !== undefined);
}

export function isClientCertAlert(line: string): boolean {
  return CLIENT_REFUSED_SERVER_CERT.test(line);
}

/**
 * The pod whose current log shows clients refusing its certificate again and again, while a peer's
 * log read shows none, where either the certificate it loaded is past its notAfter or it started well
 * before that peer (before a renewal); and the workload mounts a Secret volume it could reload from.
 */
export function findStaleServingCert(seen: { logs: readonly LogEvidence[]; pods: readonly PodEvidence[]; now: IsoTime }): StaleServingCert | undefined {
  const current = seen.logs.filter((l) => !l.previous);
  const byPod = new Map<string, LogEvidence>();
  for (const l of current) {
    const pod = seen.pods.find((p) => p.name === l.pod);
    if (pod !== undefined && pod.containers[0]?.name === l.container) byPod.set(l.pod, l);
  }
  const hits = [...byPod.values()].map((l) => ({ log: l, alerts: l.lines.filter(isClientCertAlert) }));
  const struck = hits.filter((h) => h.alerts.length >= MIN_ALERTS).sort((a, b) => b.alerts.length - a.alerts.length);
  const clean = hits.filter((h) => h.alerts.length === 0);
  // Every pod read refuses alike: the certificate itself is wrong, not one pod's copy of it.
  if (struck.length !== 1 || clean.length === 0) return undefined;
  const hit = struck[0]!;
  const pod = seen.pods.find((p) => p.name === hit.log.pod);
  if (pod === undefined) return undefined;
  const secrets = (pod.volumes ?? []).filter((v) => v.source === 'secret' && v.ref !== undefined);
  const projected = (pod.volumes ?? []).flatMap((v) => (v.projectedSources ?? []).filter((s) => s.kind === 'secret').map((s) => s.name));
  const secret = secrets.find((v) => CERT_SECRET.test(`${v.name} ${v.ref ?? ''}`))?.ref ?? projected.find((n) => CERT_SECRET.test(n)) ?? secrets[0]?.ref;
  if (secret === undefined) return undefined;
  const notAfter = loadedNotAfter(hit.log.lines);
  const expired = notAfter !== undefined && Date.parse(notAfter.replace(' ', 'T')) <= Date.parse(seen.now);
  const startedAt = startOf(pod);
  const peers = clean.flatMap((h) => {
    const p = seen.pods.find((x) => x.name === h.log.pod);
    if (p === undefined) return [];
    const s = startOf(p);
    const n = loadedNotAfter(h.log.lines);
    return [{ pod: p.name, ...(s ? { startedAt: s } : {}), ...(n ? { notAfter: n } : {}) }];
  }).sort((a, b) => Date.parse(b.startedAt ?? '') - Date.parse(a.startedAt ?? ''));
  const older = startedAt !== undefined && peers.some((p) => p.startedAt !== undefined && Date.parse(p.startedAt) - Date.parse(startedAt) >= MIN_AGE_GAP_MS);
  // A peer whose loaded certificate is still valid while this one's is past: the same decision.
  if (!expired && !older) return undefined;
  return {
    pod: pod.name,
    ...(startedAt ? { startedAt } : {}),
    alerts: hit.alerts.length,
    line: hit.alerts.at(-1) ?? '',
    ...(notAfter ? { notAfter } : {}),
    expired,
    secret,
    cleanPeers: peers,
  };
}
