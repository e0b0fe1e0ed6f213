/**
 * What a Redis Cluster node's own log says of the cluster: the state it last saw (ok or fail), the
 * node ID it runs as (loaded from its cluster config, or new because none was found) and the nodes
 * it marked as failing. Redis' format: `1:M 21 Nov 2026 03:12:40.123 # Cluster state changed: fail`.
 */
import type { LogEvidence } from './evidence.js';
import { unique } from './pod-status.js';

/** `pid:role date time level`: a line Redis itself wrote. */
const REDIS_LINE = /^\d+:[XCSM] \d{1,2} [A-Z][a-z]{2} \d{4} \d\d:\d\d:\d\d\.\d+ [.\-*#] /;
const STATE = /Cluster state changed: (ok|fail)\b/;
/** Started without its cluster config file (nodes.conf): a brand-new node with no slots and no peers. */
const FRESH = /No cluster configuration found, I'm ([0-9a-f]{40})/;
const LOADED = /Node configuration loaded, I'm ([0-9a-f]{40})/;
/** "Marking node <id> (…) as failing", "FAIL message received from <a> (…) about <id> (…)". */
const MARKED = /Marking node ([0-9a-f]{40})\b[^\n]* as failing|FAIL message received from [0-9a-f]{40}\b[^\n]* about ([0-9a-f]{40})/;
/** A failed node seen again: no longer failing. */
const CLEARED = /Clear FAIL state for node ([0-9a-f]{40})/;

export interface RedisClusterLog {
  log: LogEvidence;
  /** The last state change it logged, with its line. */
  state?: { value: 'ok' | 'fail'; line: string };
  /** Its last start found no cluster config: the new ID it took, and the line. */
  fresh?: { id: string; line: string };
  /** Its own node ID, from its last start. */
  self?: string;
  /** Node IDs it marked (or heard marked) as failing, oldest first, with the last such line. */
  failed: string[];
  failedLine?: string;
}

/** The cluster reading of one log; undefined when no line of it is a Redis Cluster node's. */
export function readRedisClusterLog(log: LogEvidence): RedisClusterLog | undefined {
  const own = log.lines.map((l) => l.trim()).filter((l) => REDIS_LINE.test(l));
  const clustered = own.filter((l) => STATE.test(l) || FRESH.test(l) || LOADED.test(l) || MARKED.test(l) || CLEARED.test(l));
  if (clustered.length === 0) return undefined;
  const out: RedisClusterLog = { log, failed: [] };
  for (const line of clustered) {
    const state = STATE.exec(line);
    if (state) out.state = { value: state[1] === 'ok' ? 'ok' : 'fail', line };
    const fresh = FRESH.exec(line);
    const loaded = LOADED.exec(line);
    // Each start says once who the node is; a later start supersedes what an earlier one said.
    if (fresh || loaded) {
      delete out.fresh;
      delete out.state;
      out.self = fresh?.[1] ?? loaded?.[1] ?? '';
      if (fresh) out.fresh = { id: fresh[1] ?? '', line };
    }
    const marked = MARKED.exec(line);
    if (marked) {
      out.failed = unique([...out.failed, marked[1] ?? marked[2] ?? '']);
      out.failedLine = line;
    }
    const cleared = CLEARED.exec(line);
    if (cleared) out.failed = out.failed.filter((id) => id !== cleared[1]);
  }
  return out;
}

/** Every Redis Cluster node among the current logs. */
export function readRedisClusterLogs(logs: readonly LogEvidence[]): RedisClusterLog[] {
  return logs.filter((l) => !l.previous).flatMap((l) => readRedisClusterLog(l) ?? []);
}
