/**
 * Writes refused as read-only while the client's address is a Service of the replicas: a
 * read-only endpoint (a "-ro" / "-replica" / "-read" Service, or one whose selector picks the
 * replica role) beside a read-write sibling. No failover is needed for that: the replicas serve
 * reads and refuse every write, and the address (an env value, or a ConfigMap key the pods take
 * at start) is the change. Only Services already read are judged; nothing is read for it.
 */
import type { ServiceEvidence } from './evidence.js';

/** A selector value that picks the read-only members: role=replica, spilo-role=standby. */
const READ_ROLE = /^(replicas?|standby|secondary|slave|reader|read-?only|ro)$/i;
/** The value the read-write sibling picks by the same key. */
const WRITE_ROLE = /^(primary|master|leader|writer|read-?write|rw|main)$/i;
/** A name that marks the read-only endpoint: app-db-ro, app-db-replica, app-db-read. */
const READ_SUFFIX = /-(ro|replicas?|read|reader|readonly|read-only|standby|slave|secondary)$/i;
/** What the read-write sibling of the same stem is called. */
const WRITE_SUFFIXES = ['rw', 'primary', 'master', 'writer', 'write', 'leader'];

export interface ReplicaService {
  service: string;
  /** What marks it as the replicas' Service: "selector role=replica", "by its name". */
  sign: string;
  /** The read-write sibling Service of the namespace, when one was read. */
  writer?: string;
}

/** Same pairs but the role key: the two Services split one set of pods by role. */
function sameBesides(a: Record<string, string>, b: Record<string, string>, key: string): boolean {
  const rest = (s: Record<string, string>) => Object.entries(s).filter(([k]) => k !== key).map(([k, v]) => `${k}=${v}`).sort().join(',');
  return rest(a) === rest(b);
}

/** The Service `name` (already read) routes to the replicas only, by its selector's role or its name; with its read-write sibling. */
export function findReplicaService(services: readonly ServiceEvidence[], name: string): ReplicaService | undefined {
  const svc = services.find((s) => s.name === name);
  if (svc === undefined) return undefined;
  const role = Object.entries(svc.selector).find(([, v]) => READ_ROLE.test(v));
  const suffix = READ_SUFFIX.exec(name);
  if (role === undefined && suffix === null) return undefined;
  const others = services.filter((s) => s.name !== name);
  const bySelector = role === undefined ? undefined : others.find((s) => WRITE_ROLE.test(s.selector[role[0]] ?? '') && sameBesides(s.selector, svc.selector, role[0]));
  const stem = suffix === null ? undefined : name.slice(0, suffix.index);
  const byName = stem === undefined ? undefined : others.find((s) => WRITE_SUFFIXES.some((w) => s.name === `${stem}-${w}`));
  // A name alone is a weaker sign: it counts when a read-write sibling of the same stem stands beside it.
  if (role === undefined && byName === undefined) return undefined;
  const writer = bySelector ?? byName;
  return { service: name, sign: role === undefined ? 'by its name' : `selector ${role[0]}=${role[1]}`, ...(writer ? { writer: writer.name } : {}) };
}

/** "DB_HOST (ConfigMap app-config) points at app-db-ro, the Service of the read replicas (selector role=replica), not the read-write app-db-rw". */
export function describeReplicaAddress(r: ReplicaService, env: string, configMap: string | undefined): string {
  return `${env}${configMap ? ` (ConfigMap ${configMap})` : ''} points at ${r.service}, the Service of the read-only replicas (${r.sign})${r.writer ? `, not the read-write ${r.writer}` : ''}`;
}

/** Back at the read-write endpoint, where the address is kept; the pods take it at start. */
export function fixReplicaAddress(r: ReplicaService, env: string, configMap: string | undefined, server: string): string {
  const target = r.writer ? `${r.writer}, the read-write Service` : `the ${server} primary's read-write endpoint`;
  return `point ${env}${configMap ? ` in ConfigMap ${configMap}` : ''} back at ${target}, then restart the pods so they reconnect`;
}
