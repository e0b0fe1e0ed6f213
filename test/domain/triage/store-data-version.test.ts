import { describe, expect, it } from 'vitest';
import { analyzeExitCodes } from '../../../src/domain/triage/analyzers/exit-code.js';
import { findStoreDataVersion, imageTagNumber } from '../../../src/domain/triage/store-data-version.js';
import { REV6, container, podName, terminated } from './scenarios/builders.js';
import { crashScenario } from './scenarios/crashes.js';

const PG_MAJOR = [
  'PostgreSQL Database directory appears to contain a database; Skipping initialization',
  '2026-03-02 10:41:07.120 UTC [1] FATAL:  database files are incompatible with server',
  '2026-03-02 10:41:07.120 UTC [1] DETAIL:  The data directory was initialized by PostgreSQL version 13, which is not compatible with this version 14.11 (Debian 14.11-1.pgdg120+1).',
];
const PG_DOWN = [
  '2026-03-02 10:41:07.120 UTC [1] FATAL:  database files are incompatible with server',
  '2026-03-02 10:41:07.120 UTC [1] DETAIL:  The data directory was initialized by PostgreSQL version 17, which is not compatible with this version 16.2.',
];
const REDIS_RDB = [
  '1:C 02 Mar 2026 10:41:07.120 # Redis version=7.0.15, bits=64, commit=00000000, modified=0, pid=1, just started',
  '1:M 02 Mar 2026 10:41:07.121 # Server initialized',
  "1:M 02 Mar 2026 10:41:07.122 # Can't handle RDB format version 12",
  '1:M 02 Mar 2026 10:41:07.122 # Fatal error loading the DB: Invalid argument. Exiting.',
];
const mongoFatal = (value: string, expected: string) =>
  `{"t":{"$date":"2026-03-02T10:41:07.120+00:00"},"s":"F",  "c":"CONTROL",  "id":20573,   "ctx":"initandlisten","msg":"Wrong mongod version","attr":{"error":"UPGRADE PROBLEM: Found an invalid featureCompatibilityVersion document (ERROR: Location4926900: Invalid featureCompatibilityVersion document in admin.system.version: { _id: \\"featureCompatibilityVersion\\", version: \\"${value}\\" }. :: caused by :: Invalid feature compatibility version value '${value}'; expected ${expected}.)."}}`;
const MONGO_BUILD = '{"t":{"$date":"2026-03-02T10:41:07.100+00:00"},"s":"I",  "c":"CONTROL",  "id":23403,   "ctx":"initandlisten","msg":"Build Info","attr":{"buildInfo":{"version":"6.0.13","gitVersion":"0"}}}';
const MONGO_EXIT = '{"t":{"$date":"2026-03-02T10:41:07.121+00:00"},"s":"I",  "c":"CONTROL",  "id":23138,   "ctx":"initandlisten","msg":"Shutting down","attr":{"exitCode":62}}';
const MYSQL_DOWN = [
  '2026-03-02T10:41:07.120000Z 1 [ERROR] [MY-013171] [InnoDB] Cannot boot server version 80036 on data directory built by version 80400. Downgrade is not supported',
  '2026-03-02T10:41:07.121000Z 0 [ERROR] [MY-010119] [Server] Aborting',
];

describe('findStoreDataVersion: a store refusing the data another version of it wrote', () => {
  it('reads PostgreSQL\'s data directory major and the server\'s version, and which is newer', () => {
    expect(findStoreDataVersion(PG_MAJOR)).toMatchObject({ store: 'PostgreSQL', line: 'FATAL:  database files are incompatible with server', written: '13', running: '14.11', data: 'older' });
    expect(findStoreDataVersion(PG_DOWN)).toMatchObject({ written: '17', running: '16.2', data: 'newer' });
  });

  it('reads the RDB format, the Redis release that writes it, and the running Redis from its banner', () => {
    expect(findStoreDataVersion(REDIS_RDB)).toEqual({ store: 'Redis', line: "Can't handle RDB format version 12", written: 'RDB format 12', writer: '7.4 or later', running: '7.0.15', data: 'newer' });
  });

  it('reads mongod\'s featureCompatibilityVersion against the ones it accepts, both ways', () => {
    const older = findStoreDataVersion([MONGO_BUILD, mongoFatal('4.4', "'5.0' or '5.3' or '6.0'"), MONGO_EXIT]);
    expect(older).toMatchObject({ store: 'MongoDB', written: 'featureCompatibilityVersion 4.4', running: '6.0.13', data: 'older', accepts: ['5.0', '5.3', '6.0'] });
    expect(older?.line).toBe("Invalid feature compatibility version value '4.4'; expected '5.0' or '5.3' or '6.0'");
    expect(findStoreDataVersion([mongoFatal('7.0', "'5.0' or '5.3' or '6.0'")])).toMatchObject({ data: 'newer' });
  });

  it('reads MySQL\'s numeric versions of a downgrade', () => {
    expect(findStoreDataVersion(MYSQL_DOWN)).toMatchObject({ store: 'MySQL', written: '8.4.0', running: '8.0.36', data: 'newer' });
  });

  it('takes the running version from the image tag when no banner was read, and says nothing of other failures', () => {
    expect(findStoreDataVersion(REDIS_RDB.slice(2), container({ image: 'registry.example/cache/redis:7.0.15-alpine' }))?.running).toBe('7.0.15');
    expect(imageTagNumber('docker.io/library/postgres:16.2-bookworm@sha256:0123abcd')).toBe('16.2');
    expect(findStoreDataVersion(['2026-03-02 10:41:07.120 UTC [88] FATAL:  password authentication failed for user "app"'])).toBeUndefined();
    expect(findStoreDataVersion(['1:M 02 Mar 2026 10:41:07.122 # Fatal error loading the DB: Invalid argument. Exiting.'])).toBeUndefined();
  });
});

describe('analyzeExitCodes: a store refusing the data on its claim', () => {
  /** Pod 0 crash-loops on the given log; it mounts its data from a claim. */
  function refused(lines: string[], exitCode = 1) {
    const ev = crashScenario(1, () => terminated(exitCode, 'Error', 2), { logs: lines });
    const name = podName(REV6.hash, 0);
    const pods = ev.pods.map((p) => (p.name === name ? { ...p, volumes: [{ name: 'data', source: 'pvc' as const, ref: 'data-store-0' }], containers: p.containers.map((c) => ({ ...c, volumeMounts: [{ name: 'data', mountPath: '/var/lib/store' }] })) } : p));
    return analyzeExitCodes({ ...ev, pods })[0];
  }

  it('quotes the line naming the versions, not the trailer, and says to upgrade the data after the rollback', () => {
    const f = refused(PG_MAJOR);
    expect(f?.title).toContain(': its data directory was initialized by PostgreSQL 13, which PostgreSQL 14.11 does not open');
    expect(f?.decisive).toBe('FATAL:  database files are incompatible with server');
    expect(f?.confidence).toBe('high');
    expect(f?.likelyCause).toContain('claim data-store-0');
    expect(f?.rollbackThen).toMatch(/pg_upgrade, or pg_dump from 13 and restore into a new PostgreSQL 14 volume/);
    expect(f?.nextAction).not.toMatch(/(delete|wipe|re-?create) (the )?(pvc|volume|claim|data)/i);
  });

  it('names the dump\'s format and writer over Redis\' "Exiting" line', () => {
    const f = refused(REDIS_RDB);
    expect(f?.decisive).toBe("Can't handle RDB format version 12");
    expect(f?.title).toContain('RDB format 12 (written by Redis 7.4 or later), newer than Redis 7.0.15 reads');
    expect(f?.rollbackThen).toMatch(/downgrade only deliberately/);
  });

  it('tells mongod\'s FCV never raised, and the command to raise it before the next release', () => {
    const f = refused([MONGO_BUILD, mongoFatal('4.4', "'5.0' or '5.3' or '6.0'"), MONGO_EXIT], 62);
    expect(f?.title).toContain("featureCompatibilityVersion is still 4.4, and mongod 6.0.13 starts only on FCV 5.0 or later");
    expect(f?.rollbackThen).toContain('db.adminCommand({ setFeatureCompatibilityVersion: "5.0" })');
    expect(f?.rollbackThen).toContain('roll 6.0 again');
  });
});
