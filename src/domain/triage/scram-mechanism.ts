/**
 * A SASL/SCRAM login refused for its mechanism rather than its password: SCRAM-SHA-256 and
 * SCRAM-SHA-512 are separate credentials a Kafka cluster keeps per user, and a client configured
 * with one mechanism (sasl.mechanism) is refused "invalid credentials with SASL mechanism X" when
 * the user only has credentials for the other — a cluster migrated or its users re-created with
 * one mechanism only, while the clients' Secret and config did not change. The client's refusal
 * names the mechanism it used; the brokers' logs (a KRaft controller replaying its
 * UserScramCredentialRecords, kafka-configs describing a user) name those the user has. Pure: the
 * adapter reads the brokers' logs only when this holds.
 */
import type { LogEvidence, PodEvidence } from './evidence-pod.js';
import type { ScramCredentialLine } from './evidence-scram-credentials.js';
import { findInClusterService } from './down-service.js';

/** The broker's refusal as the client logs it: "… invalid credentials with SASL mechanism SCRAM-SHA-256". */
const REFUSED_MECHANISM = /invalid credentials with SASL mechanism (SCRAM-SHA-(?:256|512))\b/i;

/** The brokers' words for a user's SCRAM credentials: a KRaft record replayed (created, changed, removed), kafka-configs describing the user. */
const RECORD = /(Remove)?UserScramCredentialRecord\b[^\n]*?\bfor (?:user )?'?([\w.@-]+?)'? with mechanism (SCRAM[_-]SHA[_-](?:256|512))\b/i;
const DESCRIBED = /SCRAM credential configs for user-principal '([^']+)' are ([^\n]+)/i;

/** Lines kept from one member's log: the newest records. */
const KEEP_PER_POD = 12;

/** Env names that carry the client's user name as a literal value. */
const USER_ENV = /(?:^|_)(?:SASL_)?(?:USER|USERNAME)$/i;

export type ScramMechanism = 'SCRAM-SHA-256' | 'SCRAM-SHA-512';

function normalize(m: string): ScramMechanism {
  return m.toUpperCase().replace(/_/g, '-') as ScramMechanism;
}

export interface ScramRefusal {
  /** The mechanism the clients log in with, as the refusal names it. */
  mechanism: ScramMechanism;
  /** The refused lines, newest last. */
  lines: { log: LogEvidence; line: string }[];
}

/** The clients' SCRAM logins refused with the mechanism they used; undefined when no refusal names one. */
export function findScramRefusal(logs: readonly LogEvidence[]): ScramRefusal | undefined {
  const lines = logs.flatMap((log) => log.lines.flatMap((line) => (REFUSED_MECHANISM.test(line) ? [{ log, line: line.trim() }] : [])));
  const first = lines[0];
  const m = first ? REFUSED_MECHANISM.exec(first.line)?.[1] : undefined;
  return m === undefined ? undefined : { mechanism: normalize(m), lines };
}

/** In-cluster host names in a line: "broker.queue.svc.cluster.local", "broker-0.broker-headless.queue.svc". */
const SVC_HOST = /\b[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+\.svc(?:\.cluster\.local)?\b/g;

/**
 * The brokers' Service the refused lines name, when the clients' env does not (their address in a
 * config file): a Service's own name first (the bootstrap address), else the headless one of a pod address.
 */
export function pickScramRefusalServer(logs: readonly LogEvidence[], namespace: string): { name: string; namespace: string } | undefined {
  const refusal = findScramRefusal(logs);
  if (refusal === undefined || refusal.lines.length < 2) return undefined;
  const hosts = refusal.lines.flatMap((h) => h.line.match(SVC_HOST) ?? []);
  const own = hosts.find((h) => h.split('.')[2] === 'svc') ?? hosts[0];
  return own === undefined ? undefined : findInClusterService(own, namespace);
}

/** A member's log lines about its users' SCRAM credentials, the newest KEEP_PER_POD. */
export function keepScramCredentialLines(pod: string, lines: readonly string[]): ScramCredentialLine[] {
  return lines.filter((l) => RECORD.test(l) || DESCRIBED.test(l)).slice(-KEEP_PER_POD).map((line) => ({ pod, line: line.trim() }));
}

/** The user the clients log in as, when their env holds it as a literal value (KAFKA_USERNAME=…, SASL_USERNAME=…). */
export function findClientUser(pods: readonly PodEvidence[], container: string | undefined): string | undefined {
  for (const p of pods) {
    const c = p.containers.find((x) => x.name === container) ?? p.containers[0];
    const e = (c?.env ?? []).find((x) => USER_ENV.test(x.name) && 'value' in x && x.value.trim() !== '');
    if (e !== undefined && 'value' in e) return e.value.trim();
  }
  return undefined;
}

export interface HeldMechanisms {
  /** The users the brokers' lines name, each with the mechanisms it holds now (a removal drops one). */
  users: Map<string, { mechanisms: Set<ScramMechanism>; line: ScramCredentialLine }>;
}

/** What the brokers' lines say each user holds, replayed in order. */
export function readHeldMechanisms(lines: readonly ScramCredentialLine[]): HeldMechanisms {
  const users: HeldMechanisms['users'] = new Map();
  for (const l of lines) {
    const r = RECORD.exec(l.line);
    if (r) {
      const user = r[2] ?? '';
      const held = users.get(user)?.mechanisms ?? new Set<ScramMechanism>();
      if (r[1]) held.delete(normalize(r[3] ?? ''));
      else held.add(normalize(r[3] ?? ''));
      users.set(user, { mechanisms: held, line: l });
      continue;
    }
    const d = DESCRIBED.exec(l.line);
    if (d) {
      const held = new Set((d[2] ?? '').match(/SCRAM-SHA-(?:256|512)/gi)?.map(normalize) ?? []);
      users.set(d[1] ?? '', { mechanisms: held, line: l });
    }
  }
  return { users };
}

export interface ScramMismatch {
  client: ScramMechanism;
  /** What the brokers hold instead, for the client's user (or, not knowing it, for every user they name). */
  held: ScramMechanism[];
  /** The client's user, when known and named by the brokers; else every user named. */
  users: string[];
  /** The broker line that says it. */
  said: ScramCredentialLine;
}

/**
 * The mechanism the clients use is not one the brokers hold for their user: the client's user's
 * credentials (or, when the user is not known, every user's the brokers name) lack it. Undefined
 * when the brokers hold it (a wrong password, not a mechanism) or said nothing of credentials.
 */
export function findScramMismatch(refusal: ScramRefusal, lines: readonly ScramCredentialLine[], user: string | undefined): ScramMismatch | undefined {
  const { users } = readHeldMechanisms(lines);
  const named = user !== undefined && users.has(user) ? [user] : user === undefined ? [...users.keys()] : [];
  const entries = named.flatMap((u) => { const e = users.get(u); return e ? [{ user: u, ...e }] : []; });
  if (entries.length === 0 || entries.some((e) => e.mechanisms.has(refusal.mechanism) || e.mechanisms.size === 0)) return undefined;
  const held = [...new Set(entries.flatMap((e) => [...e.mechanisms]))].sort();
  const said = entries[0]?.line;
  return said === undefined ? undefined : { client: refusal.mechanism, held, users: entries.map((e) => e.user), said };
}

/** The client's SASL mechanism as a properties or YAML file sets it, or an env var names it: `sasl.mechanism=SCRAM-SHA-256`, `KAFKA_SASL_MECHANISM`. */
export const SASL_MECHANISM_KEY = /sasl[._-]?mechanisms?$/i;
const SASL_MECHANISM_LINE = /^\s*(sasl[._]mechanisms?)\s*[=:]\s*["']?([\w-]+)/i;

/** The line of a client's config file that sets its SASL mechanism, as `sasl.mechanism=SCRAM-SHA-256`. */
export function findSaslMechanismLine(text: string): string | undefined {
  for (const line of text.split('\n')) {
    const m = SASL_MECHANISM_LINE.exec(line);
    if (m !== null) return `${m[1] ?? ''}=${m[2] ?? ''}`;
  }
  return undefined;
}
