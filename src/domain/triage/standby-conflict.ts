/**
 * A Postgres hot standby cancelling queries ("canceling statement due to conflict with recovery"):
 * the standby must replay the primary's cleanup (VACUUM after large DELETEs, HOT pruning) and
 * cancels reads whose snapshot still needs the removed rows once max_standby_streaming_delay runs
 * out; hot_standby_feedback = on makes the primary keep them. The pods' own code and a rollout do
 * not cause it: the fix is on the standby (or what ran on the primary). The standby is named from
 * the pods' env (a database URL), never guessed when several could be.
 */
import type { ContainerSpecEvidence } from './evidence.js';

const RECOVERY_CONFLICT = /canceling statement due to conflict with recovery/i;
/** jdbc:postgresql://host:5432/db, postgres://user@host/db. */
const DB_URL = /^(?:jdbc:)?postgres(?:ql)?:\/\/(?:[^@/\s]*@)?(?<host>[a-z0-9][a-z0-9.-]*)/i;
/** Words that mark a read replica in an env name or host. */
const STANDBY_WORDS = /(?:^|[-_.])(replica|standby|reader|read|ro|readonly|secondary|hot)(?:$|[-_.])/i;

export interface StandbyConflict {
  /** The env var and host of the standby the pods query, when the env says which. */
  standby?: { env: string; host: string };
  likelyCause: string;
  nextAction: string;
}

export function explainStandbyConflict(lines: readonly string[], containers: readonly ContainerSpecEvidence[]): StandbyConflict | undefined {
  if (!lines.some((l) => RECOVERY_CONFLICT.test(l))) return undefined;
  const dbs = containers.flatMap((c) => (c.env ?? []).flatMap((e) => {
    const host = 'value' in e ? DB_URL.exec(e.value.trim())?.groups?.['host'] : undefined;
    return host === undefined ? [] : [{ env: e.name, host }];
  }));
  const hosts = [...new Map(dbs.map((d) => [`${d.env} ${d.host}`, d])).values()];
  const marked = hosts.filter((d) => STANDBY_WORDS.test(d.host) || STANDBY_WORDS.test(d.env.toLowerCase()));
  const standby = marked.length === 1 ? marked[0] : hosts.length === 1 ? hosts[0] : undefined;
  const where = standby ? `the standby ${standby.host} (${standby.env})` : 'the standby the pods query';
  return {
    ...(standby ? { standby } : {}),
    likelyCause: `Postgres on ${where} cancels queries that conflict with recovery: replaying the primary's cleanup (a VACUUM after large DELETEs) removes row versions their snapshots still need, and once max_standby_streaming_delay runs out the standby cancels them. Long queries fail; the pods and their code are not at fault.`,
    nextAction: `Set hot_standby_feedback = on (or raise max_standby_streaming_delay) on ${where}, or give the long queries their own replica, and check what ran cleanup on the primary just before the first cancellation; then re-run the failed queries`,
  };
}
