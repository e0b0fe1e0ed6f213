// Which log lines record a dependency refusing the process's credentials, and where the credentials come from.
import type { TriageEvidence } from '../evidence.js';
import { unique } from '../pod-status.js';

/** A dependency refusing the credentials the process presents (databases, brokers, caches). */
const REJECTED = /password authentication failed|ACCESS[_-]REFUSED - Login was refused|Access denied for user|authentication failed|invalid (?:username or )?password|WRONGPASS|NOAUTH|Login failed for user|SASL authentication failed|invalid credentials|invalid API key|API key (?:is )?(?:invalid|revoked|expired)|AcceptSecurityContext error, data|\bORA-(?:01017|28000|28001)\b|Your password has expired|has an expired password|password of the account has expired/i;

/** Lines in the logs before it counts: one failed login is not an outage. */
export const MIN_LINES = 2;

/** Env names that hold a credential. */
const CREDENTIAL_ENV = /PASS|PASSWORD|SECRET|TOKEN|CREDENTIAL|AUTH|KEY/i;

/** The rejected lines, their pods, and the Secrets the first one's container reads credentials from. */
export function findRejections(ev: Pick<TriageEvidence, 'logs' | 'pods'>) {
  const hits = ev.logs.flatMap((l) => l.lines.filter((line) => REJECTED.test(line)).map((line) => ({ log: l, line })));
  const pods = unique(hits.map((h) => h.log.pod));
  const podObjects = pods.flatMap((p) => ev.pods.find((x) => x.name === p) ?? []);
  // Which Secret the credentials come from, as env (read at start) or as a mounted file (refreshed).
  const container = podObjects[0]?.containers.find((c) => c.name === hits[0]?.log.container);
  const fromSecret = (container?.env ?? []).flatMap((e) => ('ref' in e && e.ref.kind === 'secret' && CREDENTIAL_ENV.test(e.name) ? [{ env: e.name, secret: e.ref.name }] : []));
  const envFromSecret = (container?.envFrom ?? []).filter((e) => e.kind === 'secret').map((e) => e.name);
  const secrets = unique([...fromSecret.map((f) => f.secret), ...envFromSecret]).filter((s): s is string => s !== undefined);
  return { hits, pods, podObjects, container, fromSecret, secrets };
}

