/**
 * A data store refusing, at start, the data on its volume because another version of it wrote that
 * data: PostgreSQL opens only a data directory of its own major version ("database files are
 * incompatible with server"); Redis reads only RDB formats up to its own ("Can't handle RDB format
 * version N"); mongod starts only on a featureCompatibilityVersion of its own release or the one
 * before ("UPGRADE PROBLEM: … featureCompatibilityVersion"); MySQL does not boot on a data directory
 * a newer server wrote ("Downgrade is not supported").
 *
 * The data outlives the pod on its claim, so every start refuses it the same way. Which side is
 * newer decides the way forward: data older than the server needs the store's own upgrade step
 * (pg_upgrade, setFeatureCompatibilityVersion) run on the version that wrote it; data newer than the
 * server needs the newer server back, as a store does not read its future formats. The line that
 * names the versions decides, not the "Exiting"/"Aborting" trailer after it; wiping the volume is
 * never the fix.
 */
import type { ContainerSpecEvidence, PodEvidence } from './evidence.js';
import { compareDottedVersions } from './dotted-version.js';

export type DataStore = 'PostgreSQL' | 'Redis' | 'MongoDB' | 'MySQL';

export interface StoreDataVersion {
  store: DataStore;
  /** The line that names the refusal, without the log's time prefix. */
  line: string;
  /** What wrote the data, as the store names it ("15", "RDB format 11", "featureCompatibilityVersion 5.0"). */
  written?: string;
  /** The release that wrote the data, when the format tells it ("7.2"). */
  writer?: string;
  /** The version that refuses it ("17.2"), from the line or the server's start banner. */
  running?: string;
  /** The data is older than the server reads, newer, or the log does not say. */
  data: 'older' | 'newer' | 'other';
  /** For MongoDB: the featureCompatibilityVersions the server accepts, oldest first. */
  accepts?: string[];
}

/** The RDB format each Redis release writes (rdb.h): a Redis reads only formats up to its own. */
const RDB_WRITERS: Record<number, string> = { 6: '2.6–2.8', 7: '3.0', 8: '3.2–4.0', 9: '5.0–6.2', 10: '7.0', 11: '7.2', 12: '7.4 or later' };

const PG_FATAL = /FATAL:\s+(database files are incompatible with server)/;
const PG_MAJOR = /The data directory was initialized by PostgreSQL version (\d+(?:\.\d+)?), which is not compatible with this version (\d+(?:\.\d+)*)/;
const PG_DETAIL = /DETAIL:\s+(.*)$/;
const RDB = /(Can't handle RDB format version (\d+))/;
const REDIS_BANNER = /Redis version=(\d+\.\d+(?:\.\d+)?)/;
const FCV = /UPGRADE PROBLEM: .*featureCompatibilityVersion/;
const FCV_VALUE = /(Invalid feature compatibility version value '([\d.]+)'; expected ((?:'[\d.]+'(?: or )?)+))/;
const FCV_FOUND_OLD = /(Invalid value for version, found ([\d.]+), expected ((?:'[\d.]+'(?: or )?)+))/;
const FCV_DOC = /featureCompatibilityVersion\\?",\s*version:\s*\\?"([\d.]+)/;
const MONGO_BUILD = /"buildInfo":\{"version":"(\d+\.\d+\.\d+)"/;
const MYSQL_DOWN = /(Cannot boot server version (\d+) on data directory built by version (\d+)\. Downgrade is not supported)/;

/** MySQL's numeric version (80036) as a release (8.0.36). */
function mysqlRelease(n: string): string {
  const v = Number(n);
  return `${Math.floor(v / 10000)}.${Math.floor(v / 100) % 100}.${v % 100}`;
}

/** The version number its tag starts with ("17.2" of postgres:17.2-bookworm, also before a digest), unlike revision-diff.ts's imageVersion (the whole tag of a first container). */
export function imageTagNumber(image: string | undefined): string | undefined {
  return /:(\d+(?:\.\d+)*)[^/:]*$/.exec((image ?? '').replace(/@sha256:[0-9a-f]+$/, ''))?.[1];
}

function readPostgres(tail: readonly string[]): StoreDataVersion | undefined {
  const at = tail.findLastIndex((l) => PG_FATAL.test(l));
  if (at < 0) return undefined;
  const line = `FATAL:  ${PG_FATAL.exec(tail[at] ?? '')?.[1] ?? ''}`;
  const detail = tail.slice(at + 1, at + 3).map((l) => PG_DETAIL.exec(l)?.[1]).find((d) => d !== undefined);
  const major = detail ? PG_MAJOR.exec(detail) : null;
  if (!major) return { store: 'PostgreSQL', line, ...(detail ? { written: detail } : {}), data: 'other' };
  const written = major[1] ?? '';
  const running = major[2] ?? '';
  return { store: 'PostgreSQL', line, written, writer: written, running, data: compareDottedVersions(written, running) < 0 ? 'older' : 'newer' };
}

function readRedis(tail: readonly string[]): StoreDataVersion | undefined {
  const m = tail.map((l) => RDB.exec(l)).findLast((x) => x !== null);
  if (!m) return undefined;
  const format = Number(m[2]);
  const running = tail.map((l) => REDIS_BANNER.exec(l)?.[1]).findLast((v) => v !== undefined);
  const writer = RDB_WRITERS[format];
  return { store: 'Redis', line: m[1] ?? '', written: `RDB format ${format}`, ...(writer ? { writer } : {}), ...(running ? { running } : {}), data: 'newer' };
}

function readMongo(tail: readonly string[]): StoreDataVersion | undefined {
  const l = tail.findLast((x) => FCV.test(x));
  if (l === undefined) return undefined;
  const m = FCV_VALUE.exec(l) ?? FCV_FOUND_OLD.exec(l);
  const value = m?.[2] ?? FCV_DOC.exec(l)?.[1];
  const accepts = [...(m?.[3] ?? '').matchAll(/'([\d.]+)'/g)].map((x) => x[1] ?? '').sort(compareDottedVersions);
  const running = tail.map((x) => MONGO_BUILD.exec(x)?.[1]).findLast((v) => v !== undefined);
  const oldest = accepts[0];
  const newest = accepts[accepts.length - 1];
  const data = value === undefined || oldest === undefined || newest === undefined ? 'other' : compareDottedVersions(value, oldest) < 0 ? 'older' : compareDottedVersions(value, newest) > 0 ? 'newer' : 'other';
  const line = m?.[1] ?? 'UPGRADE PROBLEM: Found an invalid featureCompatibilityVersion document';
  return { store: 'MongoDB', line, ...(value ? { written: `featureCompatibilityVersion ${value}` } : {}), ...(running ? { running } : {}), data, ...(accepts.length > 0 ? { accepts } : {}) };
}

function readMysql(tail: readonly string[]): StoreDataVersion | undefined {
  const m = tail.map((l) => MYSQL_DOWN.exec(l)).findLast((x) => x !== null);
  if (!m) return undefined;
  const writer = mysqlRelease(m[3] ?? '');
  return { store: 'MySQL', line: m[1] ?? '', written: writer, writer, running: mysqlRelease(m[2] ?? ''), data: 'newer' };
}

/** The refusal the last runs logged, if a store refused the data on its volume for its version. */
export function findStoreDataVersion(lines: readonly string[], container?: ContainerSpecEvidence): StoreDataVersion | undefined {
  const tail = lines.slice(-80);
  const found = readPostgres(tail) ?? readRedis(tail) ?? readMongo(tail) ?? readMysql(tail);
  if (found === undefined || found.running !== undefined) return found;
  // The banner did not come with the lines read: the image's tag says which version runs.
  const tag = imageTagNumber(container?.image);
  return tag ? { ...found, running: tag } : found;
}

/** The claim the container keeps its data on (the first mount of a PersistentVolumeClaim). */
export function findDataClaim(container: ContainerSpecEvidence, pod: PodEvidence | undefined): string | undefined {
  for (const m of container.volumeMounts ?? []) {
    const v = (pod?.volumes ?? []).find((x) => x.name === m.name && x.source === 'pvc');
    if (v?.ref) return v.ref;
  }
  return undefined;
}

export interface StoreDataVersionTold {
  title: string;
  cause: string;
  action: string;
  fix: string;
  /** What follows the rollback to the version that read the data (Finding.rollbackThen). */
  rollbackThen: string;
  evidence: string[];
}

const major = (v: string | undefined) => v?.split('.')[0];
const minorOf = (v: string | undefined) => v?.split('.').slice(0, 2).join('.');

/** The finding's words: who wrote the data, who refuses it, and the store's own way between the two. */
export function tellStoreDataVersion(found: StoreDataVersion, claim: string | undefined): StoreDataVersionTold {
  const on = claim ? `claim ${claim}` : 'its volume';
  const lasts = `The data lives on ${on}, which outlives the pod: every start (a restart, a new pod) meets it the same way, so restarting will not help; keep the claim as it is, it holds the only copy of the data.`;
  const told = tellByStore(found);
  return { ...told, cause: `${told.cause} ${lasts}`, action: `${told.action} Keep the claim as it is: it holds the data.`, evidence: [`${found.store}${found.running ? ` ${found.running}` : ''} refuses data ${found.written ? `of ${found.written}` : 'another version wrote'} on ${on}: "${found.line}"`] };
}

function tellByStore(f: StoreDataVersion): Omit<StoreDataVersionTold, 'evidence'> {
  const running = f.running ?? 'the running version';
  switch (f.store) {
    case 'PostgreSQL': {
      if (f.data === 'older') {
        const to = major(f.running) ?? 'the new major';
        const fix = `upgrade the data directory from PostgreSQL ${f.written} to ${to} with pg_upgrade (or pg_dump it and restore into a new PostgreSQL ${to} volume) before running ${running} on it`;
        return {
          title: `: its data directory was initialized by PostgreSQL ${f.written}, which PostgreSQL ${running} does not open (a major upgrade needs pg_upgrade or a dump and restore)`,
          cause: `PostgreSQL ${running} found a data directory initialized by PostgreSQL ${f.written} and refuses it: a server opens only its own major version's on-disk format, and moving between majors is a separate step (pg_upgrade, or a dump and restore) that changing the image does not do.`,
          action: `Put the server back on PostgreSQL ${f.written}, which starts on this data; then ${fix}.`,
          fix,
          rollbackThen: `upgrade the data properly before moving to ${to} again: pg_upgrade, or pg_dump from ${f.written} and restore into a new PostgreSQL ${to} volume`,
        };
      }
      if (f.data === 'newer') {
        const fix = `run PostgreSQL ${f.written} again; an older major needs a pg_dump of the data restored into a new volume`;
        return {
          title: `: its data directory was initialized by PostgreSQL ${f.written}, newer than PostgreSQL ${running}, which cannot open it`,
          cause: `PostgreSQL ${running} found a data directory initialized by PostgreSQL ${f.written}: a server does not read a newer major's on-disk format, and there is no in-place downgrade.`,
          action: `Put the server back on PostgreSQL ${f.written}; if the older major is really wanted, pg_dump the data and restore it into a new volume.`,
          fix,
          rollbackThen: `move to an older major only by a pg_dump restored into a new volume`,
        };
      }
      return {
        title: `: its data directory was written by another build of PostgreSQL than ${running}${f.written ? ` (${f.written})` : ''}`,
        cause: `PostgreSQL ${running} refuses the data directory: it was written by a build with another on-disk format${f.written ? ` (${f.written})` : ''}.`,
        action: 'Run the PostgreSQL build that wrote the data again; move the data between builds with pg_dump and restore.',
        fix: 'run the PostgreSQL build that wrote the data, or move the data with pg_dump and restore',
        rollbackThen: 'move the data between builds only with pg_dump and restore',
      };
    }
    case 'Redis': {
      const by = f.writer ? ` (written by Redis ${f.writer})` : ' (written by a newer Redis)';
      const newer = f.writer ? `Redis ${f.writer.replace(/ or later$/, '')} or later` : 'the newer Redis that wrote it';
      const fix = `run ${newer} again; a downgrade needs the data migrated deliberately (copied out key by key, or the dump moved aside and the data given up)`;
      return {
        title: `: the dump on its volume is ${f.written}${by}, newer than Redis ${running} reads, so it refuses to load it`,
        cause: `Redis ${running} found a dump in ${f.written}${by} and refuses it: a Redis reads only the RDB formats up to its own, so going back to an older Redis over data a newer one saved fails at every start.`,
        action: `Put the server back on ${newer}, which reads the dump; a downgrade needs the data migrated deliberately (copied out key by key, or the dump moved aside and the data given up).`,
        fix,
        rollbackThen: `downgrade only deliberately: migrate the keys into the older Redis (or move the dump aside and give the data up)`,
      };
    }
    case 'MongoDB': {
      const accepts = f.accepts ?? [];
      const oldest = accepts[0];
      const newest = accepts[accepts.length - 1];
      const value = f.written?.replace(/^featureCompatibilityVersion /, '');
      if (f.data === 'older' && oldest !== undefined) {
        const command = `db.adminCommand({ setFeatureCompatibilityVersion: "${oldest}" })`;
        const fix = `run ${command} on the primary under the previous mongod (${oldest}), then roll ${minorOf(f.running) ?? 'the new version'} again`;
        return {
          title: `: the data's featureCompatibilityVersion is still ${value}, and mongod ${running} starts only on FCV ${oldest} or later (setFeatureCompatibilityVersion was never raised after the last upgrade)`,
          cause: `mongod ${running} found featureCompatibilityVersion ${value} in admin.system.version and refuses to start: it accepts FCV ${accepts.join(', ')}. When the members went to ${oldest}, nobody ran setFeatureCompatibilityVersion "${oldest}", so the data still carries ${value}, and a release may only follow one whose FCV was raised.`,
          action: `Put the members back on mongod ${oldest} (which starts on FCV ${value}); then ${fix}.`,
          fix,
          rollbackThen: `run ${command} on the primary, check every member reports it, and roll ${minorOf(f.running) ?? 'the new version'} again`,
        };
      }
      if (f.data === 'newer' && newest !== undefined) {
        const fix = `run the newer mongod again; to go back to ${minorOf(running) ?? running}, first run setFeatureCompatibilityVersion "${newest}" on the newer one`;
        return {
          title: `: the data's featureCompatibilityVersion is ${value}, newer than mongod ${running} accepts (FCV ${accepts.join(', ')})`,
          cause: `mongod ${running} found featureCompatibilityVersion ${value} and refuses to start: it accepts FCV ${accepts.join(', ')}. A downgrade needs the FCV lowered on the newer release first.`,
          action: `Put the members back on the newer mongod; to go back to ${minorOf(running) ?? running}, first run setFeatureCompatibilityVersion "${newest}" on the newer one.`,
          fix,
          rollbackThen: `lower the FCV with setFeatureCompatibilityVersion "${newest}" on the newer mongod before going back to ${minorOf(running) ?? running}`,
        };
      }
      return {
        title: `: mongod ${running} refuses the data's featureCompatibilityVersion${value ? ` ${value}` : ''}`,
        cause: `mongod ${running} refuses the featureCompatibilityVersion the data carries${value ? ` (${value})` : ''}${accepts.length > 0 ? `; it accepts FCV ${accepts.join(', ')}` : ''}.`,
        action: 'Run the mongod release that accepts the data\'s FCV, and move the FCV one release at a time with setFeatureCompatibilityVersion.',
        fix: 'run the mongod release that accepts the data\'s featureCompatibilityVersion, and move it with setFeatureCompatibilityVersion',
        rollbackThen: 'move the featureCompatibilityVersion one release at a time with setFeatureCompatibilityVersion before the next version',
      };
    }
    case 'MySQL': {
      const fix = `run MySQL ${f.writer} or later again; going back needs a logical dump (mysqldump, mysqlsh dump) restored into a new data directory`;
      return {
        title: `: its data directory was written by MySQL ${f.writer}, newer than MySQL ${running}, and MySQL does not downgrade in place`,
        cause: `MySQL ${running} found a data directory written by MySQL ${f.writer} and refuses to boot: the data dictionary was upgraded by the newer server, and MySQL does not downgrade a data directory in place.`,
        action: `Put the server back on MySQL ${f.writer}; going back needs a logical dump restored into a new data directory.`,
        fix,
        rollbackThen: 'go back to an older MySQL only through a logical dump restored into a new data directory',
      };
    }
  }
}
