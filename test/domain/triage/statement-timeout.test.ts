import { describe, expect, it } from 'vitest';
import { findConfiguredTimeout, findTimeoutSettings, formatLimit, pickTimeoutConfigReads } from '../../../src/domain/triage/statement-timeout.js';
import { container, pod } from './scenarios/builders.js';

const CANCELED = 'psycopg.errors.QueryCanceled: canceling statement due to statement timeout';

function seen(lines: string[]) {
  const p = pod(0, { containers: [container({ envFrom: [{ kind: 'secret', name: 'db-credentials' }, { kind: 'configMap', name: 'report-db' }], env: [{ name: 'DB_OPTIONS', ref: { kind: 'configMap', name: 'db-tuning', key: 'options' } }, { name: 'DB_PASSWORD', ref: { kind: 'secret', name: 'db-credentials', key: 'password' } }] })] });
  return { pods: [p], logs: [{ pod: p.name, container: 'app', previous: false, lines }] };
}

describe('findTimeoutSettings', () => {
  it('reads the limit as Postgres does: no unit is milliseconds', () => {
    expect(findTimeoutSettings('-c statement_timeout=2000')).toEqual([{ setting: 'statement_timeout', written: 'statement_timeout=2000', ms: 2000, unitless: true }]);
    expect(findTimeoutSettings("-c statement_timeout = '30min' -c lock_timeout=5s")[0]).toMatchObject({ written: 'statement_timeout=30min', ms: 1_800_000, unitless: false });
    expect(findTimeoutSettings('postgres://reports@db:5432/finance?options=-c%20statement_timeout%3D5s')[0]).toMatchObject({ written: 'statement_timeout=5s', ms: 5000 });
    expect(findTimeoutSettings('-c work_mem=64MB')).toEqual([]);
  });
});

describe('formatLimit', () => {
  it('keeps what a second-scale limit says', () => {
    expect([formatLimit(500), formatLimit(1500), formatLimit(2000), formatLimit(1_800_000)]).toEqual(['500 ms', '1.5s', '2s', '30m']);
  });
});

describe('pickTimeoutConfigReads', () => {
  it('reads the ConfigMaps the logging container takes variables from, never a Secret, only while statements keep being cancelled', () => {
    expect(pickTimeoutConfigReads(seen([CANCELED, CANCELED, CANCELED]))).toEqual([{ configMap: 'report-db', via: 'envFrom' }, { configMap: 'db-tuning', via: 'DB_OPTIONS', key: 'options' }]);
    expect(pickTimeoutConfigReads(seen([CANCELED, 'GET /v1/reports 200']))).toEqual([]);
  });
});

describe('findConfiguredTimeout', () => {
  it('names the key of the ConfigMap that sets it, else the env var', () => {
    expect(findConfiguredTimeout(undefined, [{ configMap: 'report-db', key: 'PGOPTIONS', via: 'envFrom', written: 'statement_timeout=2000' }])).toMatchObject({ source: 'PGOPTIONS in ConfigMap report-db (envFrom)', configMap: 'report-db', ms: 2000, unitless: true });
    expect(findConfiguredTimeout({ env: [{ name: 'DATABASE_URL', value: 'postgresql://app@db/app?options=-c%20statement_timeout%3D1500' }] }, [])).toMatchObject({ source: 'env DATABASE_URL', ms: 1500 });
    expect(findConfiguredTimeout({ env: [{ name: 'LOG_LEVEL', value: 'INFO' }] }, [])).toBeUndefined();
  });
});
