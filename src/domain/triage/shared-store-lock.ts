/**
 * An embedded single-writer store shared by replicas: SQLite, BoltDB, LevelDB/RocksDB, H2, Derby
 * and Prometheus' TSDB keep their data in files guarded by a lock that one process holds (SQLite:
 * one writer at a time; the others: the whole store while open). Replicas that mount one claim
 * (ReadWriteMany, or an NFS share) open the same file, and the second writer waits on the first's
 * lock until it gives up — "database is locked" on every write, or an open that times out. One
 * replica was what such a store was built for, so more replicas bring it on and fewer undo it.
 */
import type { ContainerEvidence, IsoTime, LogEvidence, PodEvidence, PvcEvidence } from './evidence.js';
import { readLineTime } from './request-silence.js';
import { earliest } from './time-span.js';

export interface SingleWriterStore {
  name: string;
  /** The store's own words for a lock another process holds. */
  sign: RegExp;
  /** How it takes its writer: why a second process is refused. */
  writers: string;
  /** The lasting fix, for more than one replica. */
  fix: string;
}

const OWN_VOLUME = 'give each replica a volume of its own (a StatefulSet with volumeClaimTemplates), or keep one replica';

export const SINGLE_WRITER_STORES: readonly SingleWriterStore[] = [
  // SQLITE_BUSY: another connection holds the write lock past the busy timeout ("database table is locked" is one connection's own, not this).
  { name: 'SQLite', sign: /\bdatabase is locked\b|\bSQLITE_BUSY\b/, writers: 'SQLite lets one writer at a time hold its file lock (and POSIX locks over NFS are slow and unreliable)', fix: 'move the data to a database server (PostgreSQL, MySQL) before running a second replica' },
  // bbolt takes an exclusive flock on open and returns ErrTimeout ("timeout") when another process keeps it.
  { name: 'BoltDB', sign: /\bb?bolt(?:db)?\b[^\n]*\btimeout\b/i, writers: 'BoltDB holds an exclusive lock on its file while open, so a second process times out opening it', fix: OWN_VOLUME },
  // LevelDB and RocksDB lock <dir>/LOCK: "IO error: lock …/LOCK: Resource temporarily unavailable", "While lock file: …/LOCK: …".
  { name: 'LevelDB/RocksDB', sign: /\/LOCK: (?:[Rr]esource temporarily unavailable|already held by process)/, writers: 'LevelDB and RocksDB lock their directory (its LOCK file) for the one process that opens it', fix: OWN_VOLUME },
  { name: 'Prometheus TSDB', sign: /lock DB directory: resource temporarily unavailable/i, writers: "Prometheus locks its TSDB directory for the one server that opens it", fix: OWN_VOLUME },
  // H2's 90020, Derby's XSDB6: the embedded database file is open in another process.
  { name: 'H2', sign: /Database may be already in use/i, writers: 'embedded H2 locks its database file for the one process that opens it', fix: 'run H2 in server mode or move the data to a database server before running a second replica' },
  { name: 'Derby', sign: /Another instance of Derby may have already booted the database/i, writers: 'embedded Derby boots its database for the one process that opens it', fix: 'move the data to a database server before running a second replica' },
];

/** A volume the workload's pods mount together: a claim, or an NFS share named by server:path. */
export interface SharedVolume {
  kind: 'pvc' | 'nfs';
  /** The claim's name, or server:path. */
  ref: string;
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
  /** The first lock line the logs date. */
  onset?: IsoTime;
}

/** Errors it takes: one "database is locked" among successes is a busy moment, not a shared file. */
const MIN_ERRORS = 3;

/**
 * Lock lines of one embedded single-writer store in the logs (current or previous) of the
 * workload's pods, when two or more of its pods mount one claim or NFS share: without a volume
 * they share, each pod has a file of its own and the lock is one process's own contention.
 */
export function findSharedStoreLock(pods: readonly PodEvidence[], logs: readonly LogEvidence[], pvcs: readonly PvcEvidence[]): SharedStoreLock | undefined {
  if (pods.length < 2) return undefined;
  const mine = new Set(pods.map((p) => p.name));
  for (const store of SINGLE_WRITER_STORES) {
    const counts = new Map<string, number>();
    const times: IsoTime[] = [];
    let last = '';
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
        if (dated && own === undefined && !sinceCounted) continue;
        sinceCounted = false;
        counts.set(log.pod, (counts.get(log.pod) ?? 0) + 1);
        if (stamp !== undefined) times.push(stamp);
      }
    }
    const locked = [...counts].map(([pod, errors]) => ({ pod, errors }));
    if (locked.reduce((n, p) => n + p.errors, 0) < MIN_ERRORS) continue;
    const volume = findSharedVolume(pods, locked.map((p) => p.pod), pvcs);
    if (volume === undefined) continue;
    const onset = earliest(times);
    return { store, pods: locked, volume, line: last, ...(onset !== undefined ? { onset } : {}) };
  }
  return undefined;
}

/** The claim or NFS share that a pod carrying the lock mounts together with another pod of the workload; the one holding the store's file first. */
function findSharedVolume(pods: readonly PodEvidence[], lockedPods: readonly string[], pvcs: readonly PvcEvidence[]): SharedVolume | undefined {
  const byRef = new Map<string, SharedVolume>();
  for (const p of pods) {
    for (const v of p.volumes ?? []) {
      if ((v.source !== 'pvc' && v.source !== 'nfs') || v.ref === undefined) continue;
      const key = `${v.source}:${v.ref}`;
      const seen = byRef.get(key) ?? { kind: v.source, ref: v.ref, pods: [] };
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
  const under = new RegExp(`(?:^|[=:/\\s])(${escape(mountPath)}(?:/[\\w.@+-]+)*)(?=$|[\\s;?&"'])`);
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

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
