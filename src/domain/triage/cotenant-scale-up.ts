/**
 * A dependency that caps connections for all its clients together (PgBouncer's max_client_conn, a
 * database's max_connections) refuses the workload because ANOTHER client of it grew: a Deployment
 * of the namespace scaled up by hand or by its HPA just before the refusals began, each of its new
 * replicas opening its own pool. The workload's own history shows no change; the co-tenant's
 * scale-up is the "since". Pure: the adapter reads the co-tenants only while the logs show such a
 * refusal (needsCotenantScaleUps), tied by the host the refusals name.
 */
import type { LogEvidence, TriageEvidence } from './evidence.js';
import type { IsoTime } from './evidence-spec.js';
import { isInTriggerWindow } from './trigger-window.js';
import { readLineTime } from './request-silence.js';
import { formatAgo, msBetween } from './time-span.js';

/** Refusals of a connection cap every client shares: the pooler's client slots, the server's max_connections. */
export const SHARED_SLOTS_REFUSAL = /no more connections allowed \(max_client_conn\)|too many clients already|remaining connection slots are reserved|Too many connections\b|ERROR 1040/i;

/** Host names in a connection string or a client's error: "user@host:5432", "//host:6432", `at "host"`, "(host)". */
const HOST = /(?:@|\/\/|server at "|\()([a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)+)(?=[:"/)]|$)/gi;

export function listHosts(text: string): string[] {
  return [...new Set([...text.matchAll(HOST)].map((m) => (m[1] ?? '').toLowerCase()).filter((h) => !/^\d+(\.\d+)+$/.test(h)))];
}

/** The hosts the workload's refusal lines name (at most a few lines read), or none when no such refusal is logged. */
export function findRefusingHosts(logs: readonly LogEvidence[]): string[] {
  const lines = logs.flatMap((l) => l.lines.filter((x) => SHARED_SLOTS_REFUSAL.test(x))).slice(-20);
  return [...new Set(lines.flatMap(listHosts))];
}

/** The names a host is written by: its full name, and its first label (the Service) once the namespace is known. */
export function matchesHost(value: string, hosts: readonly string[]): string | undefined {
  const own = listHosts(value);
  return hosts.find((h) => own.includes(h) || own.some((o) => h.startsWith(`${o}.`) || o.startsWith(`${h}.`)));
}

function findFirstRefusal(logs: readonly LogEvidence[]): IsoTime | undefined {
  return logs.flatMap((l) => l.lines.flatMap((x) => (SHARED_SLOTS_REFUSAL.test(x) ? [readLineTime(x)] : []))).filter((t): t is IsoTime => t !== undefined).sort()[0];
}

const SCALED_UP = /Scaled up replica set \S+? from (\d+) to (\d+)/;

export interface CotenantScaleUp {
  deployment: string;
  from?: number;
  to: number;
  at: IsoTime;
  by?: string;
  text: string;
}

/** The co-tenant scale-up just before the onset (the latest one), with from how many to how many. */
export function findCotenantScaleUp(ev: Pick<TriageEvidence, 'cotenantScaleUps' | 'collectedAt' | 'logs'>, found: IsoTime | undefined): CotenantScaleUp | undefined {
  const now = ev.collectedAt;
  // Ready pods whose requests are refused show no onset in their status: the first refusal a log stamps is it.
  const onset = found ?? findFirstRefusal(ev.logs);
  const ups = (ev.cotenantScaleUps ?? []).flatMap((c) => {
    const event = c.events.filter((e) => SCALED_UP.test(e.message) && isInTriggerWindow(e.lastSeen, onset)).sort((a, b) => msBetween(a.lastSeen, b.lastSeen))[0];
    const m = event ? SCALED_UP.exec(event.message) : null;
    const owner = c.replicasOwners.find((o) => o.at !== undefined && o.manager !== 'kube-controller-manager');
    const at = event?.lastSeen ?? (owner?.at !== undefined && isInTriggerWindow(owner.at, onset) ? owner.at : undefined);
    if (at === undefined) return [];
    const from = m?.[1] !== undefined ? Number(m[1]) : undefined;
    const to = m?.[2] !== undefined ? Number(m[2]) : c.replicas;
    if (from !== undefined && from >= to) return [];
    const by = owner?.manager !== undefined && owner.at !== undefined && Math.abs(msBetween(owner.at, at)) <= 10 * 60_000 ? owner.manager : undefined;
    const size = from !== undefined ? `from ${from} to ${to}` : `to ${to}`;
    return [{ deployment: c.deployment, ...(from !== undefined ? { from } : {}), to, at, ...(by ? { by } : {}), text: `${c.deployment}, which also connects to ${c.sharedHost} (${c.sharedEnv}), was scaled up ${size}${by ? ` by ${by}` : ''} ${formatAgo(at, now)}` }];
  });
  return ups.sort((a, b) => msBetween(b.at, a.at))[0];
}
