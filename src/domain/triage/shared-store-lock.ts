/**
 * An embedded single-writer store shared by replicas: SQLite, BoltDB, LevelDB/RocksDB, H2, Derby,
 * Prometheus' TSDB, and the data directories of Elasticsearch, Kafka and MongoDB keep their data
 * in files guarded by a lock that one process holds (SQLite: one writer at a time; the others: the
 * whole store while open). Pods that mount one claim (ReadWriteMany, an NFS share, or a
 * ReadWriteOnce claim two pods of one node both mount) or one hostPath on the same node open the
 * same file, and the second waits on the first's lock until it gives up — "database is locked" on
 * every write, an open that times out, or a server that exits at start-up because the lock is held.
 */
import type { ContainerEvidence, IsoTime, LogEvidence, PodEvidence, PvcEvidence } from './evidence.js';
import { readLineTime } from './request-silence.js';
import { earliest } from './time-span.js';
import { escapeRegExp } from '../text.js';

export interface SingleWriterStore {
  name: string;
  /** The store's own words for a lock another process holds. */
  sign: RegExp;
  /** The lock, named the way the store names it: "node lock (node.lock)". */
  lock: string;
  /** The decisive words within a line that says more (a JSON record, a stack trace), most telling first: the first that matches is quoted. */
  quotes?: RegExp[];
  /** How it takes its writer: why a second process is refused. */
  writers: string;
  /** The lasting fix, for more than one replica. */
  fix: string;
}

const OWN_VOLUME = 'give each replica a volume of its own (a StatefulSet with volumeClaimTemplates), or keep one replica';

export const SINGLE_WRITER_STORES: readonly SingleWriterStore[] = [
  // SQLITE_BUSY: another connection holds the write lock past the busy timeout ("database table is locked" is one connection's own, not this).
  { name: 'SQLite', sign: /\bdatabase is locked\b|\bSQLITE_BUSY\b/, lock: 'file lock', writers: 'SQLite lets one writer at a time hold its file lock (and POSIX locks over NFS are slow and unreliable)', fix: 'move the data to a database server (PostgreSQL, MySQL) before running a second replica' },
  // bbolt takes an exclusive flock on open and returns ErrTimeout ("timeout") when another process keeps it.
  { name: 'BoltDB', sign: /\bb?bolt(?:db)?\b[^\n]*\btimeout\b/i, lock: 'file lock', writers: 'BoltDB holds an exclusive lock on its file while open, so a second process times out opening it', fix: OWN_VOLUME },
  // LevelDB and RocksDB lock <dir>/LOCK: "IO error: lock …/LOCK: Resource temporarily unavailable", "While lock file: …/LOCK: …".
  { name: 'LevelDB/RocksDB', sign: /\/LOCK: (?:[Rr]esource temporarily unavailable|already held by process)/, lock: 'LOCK file', writers: 'LevelDB and RocksDB lock their directory (its LOCK file) for the one process that opens it', fix: OWN_VOLUME },
  { name: 'Prometheus TSDB', sign: /lock DB directory: resource temporarily unavailable/i, lock: 'directory lock', quotes: [/(?:opening storage failed: )?lock DB directory: resource temporarily unavailable/i], writers: 'Prometheus locks its TSDB directory for the one server that opens it', fix: OWN_VOLUME },
  // Elasticsearch locks its data path (node.lock) at boot: "failed to obtain node locks, tried [...]; maybe these locations are not
  // writable or multiple nodes were started on the same data path?", caused by Lucene's "Lock held by another program: …/node.lock".
  // A path it may not write to says so in its cause (AccessDeniedException): not a lock another node holds.
  {
    name: 'Elasticsearch',
    sign: /Lock held by another program: \S*node\.lock|failed to obtain node locks(?![^\n]*(?:AccessDeniedException|Permission denied|Read-only file system))/,
    lock: 'node lock (node.lock)',
    quotes: [/Lock held by another program: [^\s"\\]+/, /failed to obtain node locks, tried \[[^\]]*\]/],
    writers: 'Elasticsearch locks its data path (node.lock) for the one node that opens it, and will not boot without that lock',
    fix: OWN_VOLUME,
  },
  // Kafka locks each log directory: "Failed to acquire lock on file .lock in /var/lib/kafka/data. A Kafka instance in another process or thread is using this directory."
  { name: 'Kafka', sign: /Failed to acquire lock on file \.lock in /, lock: 'log directory lock (.lock)', quotes: [/Failed to acquire lock on file \.lock in [^\s.]+(?:\.[^\s.]+)*/], writers: 'Kafka locks each log directory (its .lock file) for the one broker that opens it, and will not start without it', fix: OWN_VOLUME },
  // mongod: "Unable to lock the lock file: /data/db/mongod.lock (Resource temporarily unavailable). Another mongod instance is already running on the /data/db directory".
  { name: 'MongoDB', sign: /Unable to lock the lock file: \S*mongod\.lock|Another mongod instance is already running on the /, lock: 'lock file (mongod.lock)', quotes: [/Unable to lock the lock file: \S*mongod\.lock(?: \([^)]*\))?/, /Another mongod instance is already running on the \S+ directory/], writers: 'mongod locks its dbPath (mongod.lock) for the one instance that opens it, and will not start without it', fix: OWN_VOLUME },
  // H2's 90020, Derby's XSDB6: the embedded database file is open in another process.
  { name: 'H2', sign: /Database may be already in use/i, lock: 'database file lock', writers: 'embedded H2 locks its database file for the one process that opens it', fix: 'run H2 in server mode or move the data to a database server before running a second replica' },
  { name: 'Derby', sign: /Another instance of Derby may have already booted the database/i, lock: 'database lock', writers: 'embedded Derby boots its database for the one process that opens it', fix: 'move the data to a database server before running a second replica' },
];

/** A volume the workload's pods mount together: a claim, an NFS share named by server:path, or a hostPath on one node. */
export interface SharedVolume {
  kind: 'pvc' | 'nfs' | 'hostPath';
  /** The claim's name, server:path, or the host's path. */
  ref: string;
  /** A hostPath's node: only pods on that node share its directory. */
  node?: string;
  /** The pods of the workload that mount it. */
  pods: string[];
  /** The claim as read, when it is one and was read: its access modes and class. */
  claim?: PvcEvidence;
  /** Where the pods that carry the lock mount it. */
  mountPath?: string;
  /** A path under the mount the containers' env, command or args name (the store's file): it lives on the shared volume. */
  storePath?: string;
}

export interface SharedStoreLock {
  store: SingleWriterStore;
  /** The pods whose logs carry the lock, with how many errors each (a traceback's lines count once). */
  pods: { pod: string; errors: number }[];
  volume: SharedVolume;
  /** The last lock line, as logged. */
  line: string;
  /** The store's own words for the lock in that line (the line itself when the store names none). */
  quote: string;
  /** Pods that die of the lock at start-up: their last run ended on it and they restart again and again. */
  crashing: { pod: string; restarts: number }[];
  /** The first lock line the logs date. */
  onset?: IsoTime;
}

/** Errors it takes: one "database is locked" among successes is a busy moment, not a shared file. */
const MIN_ERRORS = 3;

/**
 * Restarts it takes for a server that exits at start-up on the lock to be dying of it: each run
 * logs the lock line once, and only the last two runs' logs can be read.
 */
const CRASH_RESTARTS = 2;

/**
 * Lock lines of one embedded single-writer store in the logs (current or previous) of the
 * workload's pods, when two or more of its pods mount one claim, NFS share or hostPath of one
 * node: without a volume they share, each pod has a file of its own and the lock is one process's
 * own contention. Three lock errors, or a pod whose runs end on the lock as it crash-loops.
 */
export function findSharedStoreLock(pods: readonly PodEvidence[], logs: readonly LogEvidence[], pvcs: readonly PvcEvidence[]): SharedStoreLock | undefined {
  if (pods.length < 2) return undefined;
  const mine = new Set(pods.map((p) => p.name));
  for (const store of SINGLE_WRITER_STORES) {
    const counts = new Map<string, number>();
    const times: IsoTime[] = [];
    let last = '';
    const said: string[] = [];
    for (const log of logs) {
      if (!mine.has(log.pod)) continue;
      const dated = log.lines.some((l) => readLineTime(l) !== undefined);
      let stamp: IsoTime | undefined;
      // A traceback repeats one error in its chained exceptions: an undated lock line after one counted, with no dated line between, is the same error.
      let sinceCounted = true;
      for (const line of log.lines) {
        const own = readLineTime(line);
        if (own !== undefined) [stamp, sinceCounted] = [own, true];
        if (!store.sign.test(line)) continue;
        last = line.trim();
        said.push(last);
        if (dated && own === undefined && !sinceCounted) continue;
        sinceCounted = false;
        counts.set(log.pod, (counts.get(log.pod) ?? 0) + 1);
        if (stamp !== undefined) times.push(stamp);
      }
    }
    const locked = [...counts].map(([pod, errors]) => ({ pod, errors }));
    const crashing = findCrashing(pods, logs, store);
    if (locked.reduce((n, p) => n + p.errors, 0) < MIN_ERRORS && crashing.length === 0) continue;
    const volume = findSharedVolume(pods, locked.map((p) => p.pod), pvcs);
    if (volume === undefined) continue;
    const onset = earliest(times);
    // The most telling words any lock line gives (the cause a stack trace names), else the last line.
    const quote = (store.quotes ?? []).map((q) => said.map((l) => q.exec(l)?.[0]).find((m) => m !== undefined)).find((m) => m !== undefined) ?? last;
    return { store, pods: locked, volume, line: last, quote, crashing, ...(onset !== undefined ? { onset } : {}) };
  }
  return undefined;
}

/** Pods whose container's last run ended with the lock line in its log and that restart again and again: the lock is what they die of. */
function findCrashing(pods: readonly PodEvidence[], logs: readonly LogEvidence[], store: SingleWriterStore): { pod: string; restarts: number }[] {
  return pods.flatMap((p) => {
    const died = p.containers.find((c) => {
      const last = c.lastState !== undefined && 'terminated' in c.lastState ? c.lastState.terminated : undefined;
      if (c.restartCount < CRASH_RESTARTS || last === undefined || last.exitCode === 0) return false;
      return logs.some((l) => l.pod === p.name && l.container === c.name && l.previous && l.lines.some((line) => store.sign.test(line)));
    });
    return died === undefined ? [] : [{ pod: p.name, restarts: died.restartCount }];
  });
}

/**
 * The claim, NFS share or hostPath that a pod carrying the lock mounts together with another pod
 * of the workload; the one holding the store's file first. A hostPath is each node's own
 * directory: only pods on the same node share it.
 */
function findSharedVolume(pods: readonly PodEvidence[], lockedPods: readonly string[], pvcs: readonly PvcEvidence[]): SharedVolume | undefined {
  const byRef = new Map<string, SharedVolume>();
  for (const p of pods) {
    for (const v of p.volumes ?? []) {
      if ((v.source !== 'pvc' && v.source !== 'nfs' && v.source !== 'hostPath') || v.ref === undefined) continue;
      if (v.source === 'hostPath' && p.nodeName === undefined) continue;
      const node = v.source === 'hostPath' ? p.nodeName : undefined;
      const key = `${v.source}:${node ?? ''}:${v.ref.replace(/\/+$/, '')}`;
      const seen = byRef.get(key) ?? { kind: v.source, ref: v.ref, ...(node !== undefined ? { node } : {}), pods: [] };
      seen.pods.push(p.name);
      if (seen.mountPath === undefined && lockedPods.includes(p.name)) {
        const mountPath = findMountPath(p.containers, v.name);
        if (mountPath !== undefined) seen.mountPath = mountPath;
      }
      byRef.set(key, seen);
    }
  }
  const shared = [...byRef.values()].filter((s) => s.pods.length >= 2 && s.pods.some((p) => lockedPods.includes(p)));
  const withPaths = shared.map((s) => {
    const claim = s.kind === 'pvc' ? pvcs.find((c) => c.name === s.ref) : undefined;
    const storePath = s.mountPath === undefined ? undefined : findPathUnder(pods, s.mountPath);
    return { ...s, ...(claim ? { claim } : {}), ...(storePath !== undefined ? { storePath } : {}) };
  });
  // The volume the store's file is named on comes first: a pod may mount several.
  return withPaths.find((s) => s.storePath !== undefined) ?? withPaths[0];
}

function findMountPath(containers: readonly ContainerEvidence[], volume: string): string | undefined {
  for (const c of containers) {
    const m = (c.volumeMounts ?? []).find((x) => x.name === volume && x.readOnly !== true);
    if (m) return m.mountPath.replace(/\/+$/, '');
  }
  return undefined;
}

/** A file path under the mount named by an env value, the command or args: `sqlite:////data/x.db`, `--storage.tsdb.path=/prometheus`. */
function findPathUnder(pods: readonly PodEvidence[], mountPath: string): string | undefined {
  const under = new RegExp(`(?:^|[=:/\\s])(${escapeRegExp(mountPath)}(?:/[\\w.@+-]+)*)(?=$|[\\s;?&"'])`);
  for (const p of pods) {
    for (const c of p.containers) {
      const texts = [...(c.env ?? []).flatMap((e) => ('value' in e ? [e.value] : [])), ...(c.command ?? []), ...(c.args ?? [])];
      for (const t of texts) {
        const m = under.exec(t);
        if (m?.[1] !== undefined) return m[1];
      }
    }
  }
  return undefined;
}

