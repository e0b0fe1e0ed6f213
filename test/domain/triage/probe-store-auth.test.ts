import { describe, expect, it } from 'vitest';
import { explainUnauthenticatedProbe } from '../../../src/domain/triage/probe-store-auth.js';
import { findServerConfigOrigin } from '../../../src/domain/triage/server-config-origin.js';
import type { ContainerSpecEvidence, ProbeEvidence } from '../../../src/domain/triage/evidence.js';
import { REV6, REV7, baseEvidence, minutesAgo, pod, revision, revisionContainer } from './scenarios/builders.js';

const REDIS_PROBE: ProbeEvidence = { type: 'exec', command: 'sh -c response=$(timeout -s 3 5 redis-cli -h localhost -p 6379 ping); if [ "$response" != "PONG" ]; then echo "$response"; exit 1; fi' };
const spec = (over: Partial<ContainerSpecEvidence> = {}): Pick<ContainerSpecEvidence, 'name' | 'ports' | 'env' | 'envFrom'> => ({ name: 'redis', ports: [{ name: 'redis', containerPort: 6379, protocol: 'TCP' }], env: [], ...over });
const NOAUTH = 'Liveness probe failed: NOAUTH Authentication required.';

describe('explainUnauthenticatedProbe', () => {
  it('reads NOAUTH from an exec redis-cli ping that sends no password as Redis requiring one the probe does not give', () => {
    const origin = { revision: 4, previous: 3, told: 'starts redis from /usr/local/etc/redis/redis.conf, mounted from ConfigMap session-redis-config' };
    const miss = explainUnauthenticatedProbe(REDIS_PROBE, spec(), NOAUTH, 'liveness', origin);
    expect(miss?.scope).toBe('its `redis-cli -h localhost -p 6379 ping` does not authenticate, and Redis requires a password');
    expect(miss?.why).toContain('sends no password, while Redis requires a password (requirepass or an ACL user) since revision 4, which starts redis from /usr/local/etc/redis/redis.conf, mounted from ConfigMap session-redis-config');
    expect(miss?.why).toContain('"NOAUTH Authentication required."');
    expect(miss?.fix).toBe("make the liveness probe authenticate — REDISCLI_AUTH in redis's env from the Secret that holds the password (secretKeyRef) or redis-cli -a — or probe with tcpSocket on :6379");
    expect(miss?.action).toContain('Restarting will not help');
    expect(miss?.action).toContain('rolling back to revision 3 would also drop the password requirement');
    expect(miss?.rollbackUndoes).toBe('drop the password requirement it brought');
  });

  it('names the Secret the container already takes a password from, Valkey\'s client and env var, and no revision when none is known', () => {
    const miss = explainUnauthenticatedProbe({ type: 'exec', command: 'valkey-cli ping' }, spec({ name: 'valkey', env: [{ name: 'VALKEY_PASSWORD', ref: { kind: 'secret', name: 'valkey-auth', key: 'password' } }] }), 'Readiness probe failed: NOAUTH Authentication required.', 'readiness');
    expect(miss?.scope).toBe('its `valkey-cli ping` does not authenticate, and Valkey requires a password');
    expect(miss?.fix).toBe("make the readiness probe authenticate — VALKEYCLI_AUTH in valkey's env from Secret valkey-auth (key password), where VALKEY_PASSWORD comes from (secretKeyRef) or valkey-cli -a — or probe with tcpSocket on :6379");
    expect(miss?.why).not.toContain('since revision');
    expect(miss?.rollbackUndoes).toBeUndefined();
  });

  it('tells a password flag whose variable the container does not set, a wrong password and an ACL refusal apart', () => {
    const unset = explainUnauthenticatedProbe({ type: 'exec', command: 'sh -c redis-cli -a "$REDIS_PASSWORD" ping' }, spec(), NOAUTH, 'liveness');
    expect(unset?.why).toContain('passes $REDIS_PASSWORD, which the container\'s env does not set, so it sends no password');
    const wrong = explainUnauthenticatedProbe({ type: 'exec', command: 'redis-cli ping' }, spec({ env: [{ name: 'REDISCLI_AUTH', ref: { kind: 'secret', name: 'old-auth', key: 'pw' } }] }), 'Liveness probe failed: WRONGPASS invalid username-password pair or user is disabled.', 'liveness');
    expect(wrong?.scope).toBe('Redis refuses the password its `redis-cli ping` gives');
    const acl = explainUnauthenticatedProbe({ type: 'exec', command: 'redis-cli --user probe --pass x ping' }, spec(), "Liveness probe failed: NOPERM User probe has no permissions to run the 'ping' command", 'liveness');
    expect(acl?.scope).toBe("its `redis-cli --user probe --pass x ping` is refused by Redis's ACL (NOPERM)");
  });

  it('reads MySQL\'s Access denied (using password: NO) the same way, with MYSQL_PWD', () => {
    const miss = explainUnauthenticatedProbe({ type: 'exec', command: 'sh -c mysql -h 127.0.0.1 -u root -e "SELECT 1"' }, spec({ name: 'mysql', ports: [{ containerPort: 3306, protocol: 'TCP' }] }), "Liveness probe failed: ERROR 1045 (28000): Access denied for user 'root'@'localhost' (using password: NO)", 'liveness');
    expect(miss?.scope).toBe('its `mysql -h 127.0.0.1 -u root -e "SELECT 1"` does not authenticate, and MySQL requires a password for the probe\'s user');
    expect(miss?.fix).toContain('MYSQL_PWD in mysql\'s env');
    expect(miss?.fix).toContain('tcpSocket on :3306');
  });

  it('says nothing for probes that are not a store client, or outputs that are not an auth refusal', () => {
    expect(explainUnauthenticatedProbe({ type: 'http', port: 6379, path: '/' }, spec(), NOAUTH, 'liveness')).toBeUndefined();
    expect(explainUnauthenticatedProbe({ type: 'exec', command: 'cat /tmp/healthy' }, spec(), NOAUTH, 'liveness')).toBeUndefined();
    expect(explainUnauthenticatedProbe(REDIS_PROBE, spec(), 'Liveness probe failed: Could not connect to Redis at localhost:6379: Connection refused', 'liveness')).toBeUndefined();
  });
});

describe('findServerConfigOrigin', () => {
  const mounts = [{ name: 'data', mountPath: '/data' }, { name: 'config', mountPath: '/usr/local/etc/redis' }];
  const older = revision(REV6, minutesAgo(80 * 24 * 60), { containers: [revisionContainer({ name: 'redis', env: [], envFrom: [], args: ['--maxmemory', '1536mb'], volumeMounts: [{ name: 'data', mountPath: '/data' }] })] });
  const newer = (c = revisionContainer({ name: 'redis', env: [], envFrom: [], command: ['redis-server', '/usr/local/etc/redis/redis.conf'], volumeMounts: mounts })) =>
    revision(REV7, minutesAgo(52), { containers: [c], template: { initContainers: [], volumes: [{ name: 'config', source: 'configMap', ref: 'session-redis-config' }], imagePullSecrets: [], placement: { nodeSelector: {}, requiredNodeAffinity: [], tolerations: [] } } });

  it('names the config file a revision starts the server from and the ConfigMap it is mounted from', () => {
    const ev = baseEvidence({ revisions: [older, newer()] });
    expect(findServerConfigOrigin(ev, [pod(0, { revisionHash: REV7.hash })], 'redis')).toEqual({
      revision: 7, previous: 6, told: 'starts redis from /usr/local/etc/redis/redis.conf, mounted from ConfigMap session-redis-config',
    });
  });

  it('names a password env var the revision set, and nothing when the revision did not touch how the server is configured', () => {
    const withEnv = newer(revisionContainer({ name: 'redis', env: [{ name: 'REDIS_PASSWORD', ref: { kind: 'secret', name: 'redis-auth', key: 'password' } }], envFrom: [], args: ['--maxmemory', '1536mb'], volumeMounts: [{ name: 'data', mountPath: '/data' }] }));
    expect(findServerConfigOrigin(baseEvidence({ revisions: [older, withEnv] }), [pod(0, { revisionHash: REV7.hash })], 'redis')?.told).toBe("sets REDIS_PASSWORD in redis's env");
    const same = revision(REV7, minutesAgo(52), { containers: [older.containers[0]!] });
    expect(findServerConfigOrigin(baseEvidence({ revisions: [older, same] }), [pod(0, { revisionHash: REV7.hash })], 'redis')).toBeUndefined();
  });
});
