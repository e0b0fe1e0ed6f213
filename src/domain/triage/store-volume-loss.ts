/**
 * A database whose data is gone: the workload's queries find no table it always had ("relation
 * "orders" does not exist", MySQL 1146) and the database behind the Service its env names runs on
 * a volume created lately, after the workload's pods started — its StatefulSet and claim were
 * deleted and re-created (a Helm uninstall/install), a StorageClass with reclaimPolicy Delete
 * deleted the old volume with its claim, and the server initialized an empty database on the new
 * one. The app did not change: the data must come back from a backup, not from a rollback.
 */
import type { LogEvidence, PodEvidence, ServiceEvidence, TriageEvidence, TriageTarget } from './evidence.js';
import type { PersistentVolumeEvidence } from './evidence-context.js';
import type { PvcEvidence } from './evidence-pvc.js';
import type { StoreVolumeEvidence } from './evidence-store-volume.js';
import type { IsoTime } from './evidence-spec.js';
import { findInClusterService } from './down-service.js';
import { readSchemaErrors } from './schema-mismatch.js';
import type { SchemaErrors } from './schema-mismatch.js';
import { HOUR_MS, msBetween } from './time-span.js';

/** A volume this young is the new one: older, it held the data the app used before it failed. */
const RECENT_MS = 2 * HOUR_MS;
/** Claims read of the store's pod, at most. */
export const MAX_STORE_CLAIMS = 2;
/** A database address in an env value: a URL's host (postgres://u@host:5432/db, jdbc:mysql://host) or a bare in-cluster name. */
const URL_HOST = /^(?:jdbc:)?[a-z][a-z0-9+]*:\/\/(?:[^@/\s]*@)?(?<host>[a-z0-9][a-z0-9.-]*)/i;
const BARE_HOST = /^(?<host>[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*)(?::\d+)?$/i;
/** Env names that hold a database's host when the value is a bare name. */
const HOST_KEY = /(DB|DATABASE|PG|POSTGRES|MYSQL|MARIADB|SQL).*(HOST|ADDR|SERVER|URL|DSN)|^(HOST|DATABASE_URL)$/i;
/** A line of the database's log that says it initialized an empty data directory. */
export const INIT_LINE = /PostgreSQL init process complete|Initializing PostgreSQL database|The files belonging to this database system will be owned|creating (the )?database cluster|MySQL init process done|Initializing database files|initializing (the )?database\b|Initializing mysql database|Initializing MariaDB database/i;
/** A line that says it found a database already there: then nothing was initialized. */
export const PERSISTED_LINE = /Deploying PostgreSQL with persisted data|Database directory appears to contain a database|Skipping initialization|Deploying (MySQL|MariaDB) with persisted data/i;

/** The workload's own logs' missing-table errors, summed over its pods. */
function findSchemaErrors(ev: { logs: readonly LogEvidence[]; pods: readonly PodEvidence[] }): { pod: string; errors: SchemaErrors }[] {
  return ev.logs.filter((l) => ev.pods.some((p) => p.name === l.pod)).flatMap((l) => {
    const errors = readSchemaErrors(l.lines);
    return errors === undefined || !errors.first.what.startsWith('table') ? [] : [{ pod: l.pod, errors }];
  });
}

/** The Service of the target's namespace an env value of the workload's pods names as its database. */
function findDatabaseService(ev: { pods: readonly PodEvidence[]; target: TriageTarget; services: readonly ServiceEvidence[] }): string | undefined {
  for (const p of ev.pods) {
    for (const c of p.containers) {
      for (const e of c.env ?? []) {
        if (!('value' in e) || typeof e.value !== 'string') continue;
        const host = URL_HOST.exec(e.value)?.groups?.['host'] ?? (HOST_KEY.test(e.name) ? BARE_HOST.exec(e.value)?.groups?.['host'] : undefined);
        const ref = host === undefined ? undefined : findInClusterService(host, ev.target.namespace);
        if (ref?.namespace === ev.target.namespace && ev.services.some((s) => s.name === ref.name)) return ref.name;
      }
    }
  }
  return undefined;
}

/**
 * The Service of the namespace whose database to read, when the workload's logs say a table is
 * missing: the collector reads one ready pod of it, its log tail, its claims and their volumes.
 */
export function pickMissingTableStore(ev: { logs: readonly LogEvidence[]; pods: readonly PodEvidence[]; target: TriageTarget; services: readonly ServiceEvidence[] }): string | undefined {
  return findSchemaErrors(ev).length === 0 ? undefined : findDatabaseService(ev);
}

/** The claims a pod mounts, at most `max`. */
export function listStoreClaims(pod: PodEvidence, max = MAX_STORE_CLAIMS): string[] {
  return [...new Set((pod.volumes ?? []).filter((v) => v.source === 'pvc' && v.ref !== undefined).map((v) => v.ref ?? ''))].slice(0, max);
}

export interface StoreVolumeLoss {
  store: StoreVolumeEvidence;
  claim: PvcEvidence;
  volume?: PersistentVolumeEvidence;
  /** When the new volume (or its claim) was created. */
  createdAt: IsoTime;
  /** The database's own line that it initialized an empty database, when its tail holds it. */
  initLine?: string;
  /** The pods whose logs say a table is missing, and the first error. */
  pods: string[];
  errors: SchemaErrors;
}

/**
 * The store's data volume was re-created under the workload: a claim of its pod (or the volume
 * bound to it) created within 2h and after every failing pod of the workload started, or the
 * database's log saying it initialized an empty one. Undefined when the store was not read.
 */
export function findStoreVolumeLoss(ev: TriageEvidence): StoreVolumeLoss | undefined {
  const store = ev.storeVolume;
  const hits = findSchemaErrors(ev);
  const [first] = hits;
  if (store === undefined || first === undefined) return undefined;
  const lines = store.logs.flatMap((l) => l.lines);
  // The server found a database on its volume (one restored from a snapshot is new too): not an empty one.
  if (lines.some((l) => PERSISTED_LINE.test(l))) return undefined;
  const initLine = lines.find((l) => INIT_LINE.test(l))?.trim();
  const pods = [...new Set(hits.map((h) => h.pod))];
  const started = pods.flatMap((name) => {
    const p = ev.pods.find((x) => x.name === name);
    return p?.startTime ?? p?.createdAt ?? [];
  });
  for (const claim of store.claims) {
    const volume = store.volumes.find((v) => v.name === claim.volumeName);
    const createdAt = volume?.createdAt ?? claim.createdAt;
    if (createdAt === undefined) continue;
    const age = msBetween(createdAt, ev.collectedAt);
    if (!(age >= 0 && age <= RECENT_MS)) continue;
    // The app ran against the old volume: every failing pod is older than the new one (or the database says it started empty).
    const appOlder = started.length > 0 && started.every((t) => msBetween(t, createdAt) > 0);
    if (!appOlder && initLine === undefined) continue;
    return { store, claim, ...(volume ? { volume } : {}), createdAt, ...(initLine ? { initLine } : {}), pods, errors: first.errors };
  }
  return undefined;
}
