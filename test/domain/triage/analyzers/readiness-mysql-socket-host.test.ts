// A PHP app whose MySQL host setting is localhost: its driver dials the Unix socket, which a container
// with no MySQL server beside it does not have — error 2002 "No such file or directory" on every query.
import { describe, expect, it } from 'vitest';
import { analyzeReadinessProbes } from '../../../../src/domain/triage/analyzers/readiness-probe.js';
import { keepSettings, pickSettingConfigReads } from '../../../../src/domain/triage/setting-config.js';
import { readMysqlSocketHost } from '../../../../src/domain/triage/mysql-socket-host.js';
import { NOW } from '../scenarios/builders.js';
import { readiness503Scenario } from '../scenarios/probes.js';

const LINE = '[2026-11-30 10:00:00] production.ERROR: SQLSTATE[HY000] [2002] No such file or directory (Connection: mysql, SQL: select * from `orders` limit 1) {"exception":"[object] (Illuminate\\\\Database\\\\QueryException(code: 2002))"}';
const LINES = ['[2026-11-30 09:59:58] production.INFO: booted', LINE, LINE];

function scenario(env: { name: string; value: string }[] = []) {
  const ev = readiness503Scenario('Readiness probe failed: HTTP probe failed with statuscode: 500');
  ev.pods = ev.pods.map((p) => ({ ...p, containers: p.containers.map((c) => ({ ...c, env, envFrom: [{ kind: 'configMap' as const, name: 'storefront-env' }] })) }));
  ev.logs = ev.pods.slice(0, 3).map((p) => ({ pod: p.name, container: 'app', previous: false, lines: LINES }));
  return ev;
}

describe('a PHP MySQL client whose host setting is localhost (a Unix socket)', () => {
  it('reads the host setting from the ConfigMap the failing container takes, only when it is localhost', () => {
    const ev = scenario();
    const reads = pickSettingConfigReads({ logs: ev.logs, pods: ev.pods, now: NOW }).filter((r) => r.mechanism === 'socket-host');
    expect(reads).toEqual([{ mechanism: 'socket-host', configMap: 'storefront-env', via: 'envFrom' }]);
    expect(keepSettings(reads[0]!, 'storefront-env', { DB_HOST: 'localhost', DB_PORT: '3306', REDIS_HOST: 'localhost' })).toEqual([{ mechanism: 'socket-host', configMap: 'storefront-env', key: 'DB_HOST', via: 'envFrom', written: 'DB_HOST=localhost' }]);
    expect(keepSettings(reads[0]!, 'storefront-env', { DB_HOST: 'mysql.example.internal' })).toEqual([]);
  });

  it('names the setting, its value and the socket in the headline, with the real host as the fix', () => {
    const ev = scenario();
    ev.settingConfig = [{ mechanism: 'socket-host', configMap: 'storefront-env', key: 'DB_HOST', via: 'envFrom', written: 'DB_HOST=localhost' }];
    const [f] = analyzeReadinessProbes(ev);
    expect(f?.title).toMatch(/— DB_HOST=localhost \(ConfigMap storefront-env \(envFrom\)\): PHP's MySQL driver reads localhost as a Unix socket/);
    expect(f?.fix).toMatch(/^set DB_HOST in ConfigMap storefront-env \(envFrom\) to the database server's host name/);
  });

  it('reads a literal env var of the container too', () => {
    const [f] = analyzeReadinessProbes(scenario([{ name: 'MYSQL_HOST', value: 'localhost' }]));
    expect(f?.title).toMatch(/MYSQL_HOST=localhost \(env of container app\)/);
  });

  it('makes no claim when the host setting was not read as localhost', () => {
    expect(readMysqlSocketHost(LINE, undefined, [])).toBeUndefined();
    const [f] = analyzeReadinessProbes(scenario([{ name: 'DB_HOST', value: 'mysql.example.internal' }]));
    expect(f?.title).not.toMatch(/Unix socket/);
  });
});
