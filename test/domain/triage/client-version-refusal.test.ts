import { describe, expect, it } from 'vitest';
import { explainVersionRefusal, findVersionRefusal } from '../../../src/domain/triage/client-version-refusal.js';

describe('findVersionRefusal', () => {
  it('reads pg_dump 15+ refusing a newer server, with both versions from its detail line', () => {
    const lines = [
      '2026-11-21T01:00:02Z pg-backup.sh: pg-backup 1.8.0, pg_dump (PostgreSQL) 15.8 (Debian 15.8-1.pgdg120+1)',
      'pg_dump: error: aborting because of server version mismatch',
      'pg_dump: detail: server version: 16.4 (Debian 16.4-1.pgdg120+2); pg_dump version: 15.8 (Debian 15.8-1.pgdg120+1)',
      '2026-11-21T01:00:02Z pg-backup.sh: pg_dump exited with status 1, nothing uploaded',
    ];
    expect(findVersionRefusal(lines)).toEqual({ tool: 'pg_dump', line: 'pg_dump: error: aborting because of server version mismatch', server: '16.4', client: '15.8' });
  });

  it('reads the older formats (versions before the refusal, with or without "error:")', () => {
    expect(findVersionRefusal(['pg_dump: error: server version: 14.10; pg_dump version: 13.13', 'pg_dump: error: aborting because of server version mismatch'])).toMatchObject({ server: '14.10', client: '13.13' });
    expect(findVersionRefusal(['pg_dumpall: server version: 10.5; pg_dumpall version: 9.6.10', 'pg_dumpall: aborting because of server version mismatch'])).toMatchObject({ tool: 'pg_dumpall', server: '10.5', client: '9.6.10' });
  });

  it('finds nothing in a run that dumped, or in another error', () => {
    expect(findVersionRefusal(['pg_dump: finished: 4.1 GiB in 219s'])).toBeUndefined();
    expect(findVersionRefusal(['pg_dump: error: connection to server at "db" (10.0.1.4), port 5432 failed: FATAL:  password authentication failed for user "backup"'])).toBeUndefined();
  });
});

describe('explainVersionRefusal', () => {
  it('names the image to change and a client of the server\'s major version as the fix', () => {
    const told = explainVersionRefusal({ tool: 'pg_dump', line: 'pg_dump: error: aborting because of server version mismatch', server: '16.4', client: '15.8' }, 'platform/pg-backup:1.8.0');
    expect(told.clause).toBe('pg_dump 15.8 refuses server 16.4 (image platform/pg-backup:1.8.0)');
    expect(told.fix).toBe('give the Job an image with pg_dump 16 or later in place of platform/pg-backup:1.8.0');
    expect(told.cause).toMatch(/not roll it back/);
  });
});
