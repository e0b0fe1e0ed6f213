// A Spring Boot 3 app whose config still sets spring.redis.* (renamed spring.data.redis.* in Boot 3):
// Boot ignores the keys and Lettuce dials its default localhost:6379, which refuses. The finding
// names the old key where it is set and the rename, not "check localhost:6379".
import { describe, expect, it } from 'vitest';
import { analyzeDependencyErrors } from '../../../src/domain/triage/analyzers/dependency-errors.js';
import { findRenamedSettingLine, listConfigPaths } from '../../../src/domain/triage/spring-renamed-property.js';
import type { SettingConfigEvidence } from '../../../src/domain/triage/evidence-setting-config.js';
import { REV6, REV7, baseEvidence, container, minutesAgo, pod, revision } from './scenarios/builders.js';

const REFUSED = (m: number) => [
  `${minutesAgo(m).replace('T', ' ').replace('Z', '')}  WARN 1 --- [app] [nio-8080-exec-1] o.s.b.a.health.AbstractHealthIndicator   : Redis health check failed`,
  'org.springframework.data.redis.RedisConnectionFailureException: Unable to connect to Redis',
  'Caused by: io.lettuce.core.RedisConnectionException: Unable to connect to localhost/<unresolved>:6379',
  'Caused by: io.netty.channel.AbstractChannel$AnnotatedConnectException: Connection refused: localhost/127.0.0.1:6379',
];

const MOUNTED: SettingConfigEvidence = { mechanism: 'renamed-property', configMap: 'points-config', key: 'application.yaml', via: 'mount', written: 'spring.redis.host: points-redis.payments.svc.cluster.local' };

function scenario(opts: { settingConfig?: SettingConfigEvidence[]; env?: { name: string; value: string }[]; changeCause?: string } = {}) {
  const pods = [0, 1].map((i) => pod(i, { containers: [container({ env: opts.env ?? [] })] }));
  return {
    ...baseEvidence({ pods, logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines: [...REFUSED(11), ...REFUSED(9), ...REFUSED(7), ...REFUSED(5), ...REFUSED(3)] })), ...(opts.settingConfig ? { settingConfig: opts.settingConfig } : {}) }),
    revisions: [revision(REV6, minutesAgo(9 * 24 * 60)), revision(REV7, minutesAgo(30), { replicas: 2, ...(opts.changeCause ? { changeCause: opts.changeCause } : {}) })],
  };
}

describe('a Spring app still configured under a property prefix Spring Boot 3 renamed', () => {
  it('reads YAML and .properties config files as dotted paths', () => {
    expect(listConfigPaths('spring:\n  redis:\n    host: r.svc # cache\n    port: 6379\n  datasource:\n    url: jdbc:postgresql://db:5432/x\n---\nserver:\n  port: 8080\n')).toEqual([
      { path: 'spring.redis.host', value: 'r.svc' },
      { path: 'spring.redis.port', value: '6379' },
      { path: 'spring.datasource.url', value: 'jdbc:postgresql://db:5432/x' },
      { path: 'server.port', value: '8080' },
    ]);
    expect(listConfigPaths('# comment\nspring.redis.url=redis://r.svc:6379\n')).toEqual([{ path: 'spring.redis.url', value: 'redis://r.svc:6379' }]);
  });

  it('keeps the old-prefix address line, and nothing when the renamed keys are set too', () => {
    expect(findRenamedSettingLine('spring:\n  redis:\n    port: 6379\n    host: r.svc\n')).toBe('spring.redis.host: r.svc');
    expect(findRenamedSettingLine('spring:\n  data:\n    cassandra:\n      contact-points: c-0.c:9042\n')).toBe('spring.data.cassandra.contact-points: c-0.c:9042');
    expect(findRenamedSettingLine('spring:\n  redis:\n    host: r.svc\n  data:\n    redis:\n      host: r.svc\n')).toBeUndefined();
    expect(findRenamedSettingLine('spring:\n  data:\n    redis:\n      host: r.svc\n')).toBeUndefined();
  });

  it('names the old key where the mounted config sets it and the rename, with what says the app runs Boot 3', () => {
    const [f] = analyzeDependencyErrors(scenario({ settingConfig: [MOUNTED], changeCause: 'points 2.0.0 (spring-boot 3.2.5)' }));
    expect(f?.title).toMatch(/^Dependency localhost:6379 refuses connections: ConfigMap points-config \(application\.yaml\) still sets spring\.redis\.host: points-redis\.payments\.svc\.cluster\.local, but Spring Boot 3 reads spring\.data\.redis\.\* \(renamed from spring\.redis\.\*\), so Lettuce falls back to its default localhost:6379/);
    expect(f?.evidence.join('\n')).toMatch(/revision 7's change cause says Spring Boot 3\.2\.5/);
    expect(f?.fix).toMatch(/^rename spring\.redis\.\* to spring\.data\.redis\.\* in ConfigMap points-config \(application\.yaml\)/);
  });

  it('names the env form of the keys when the container sets them itself', () => {
    const [f] = analyzeDependencyErrors(scenario({ env: [{ name: 'SPRING_REDIS_HOST', value: 'points-redis' }] }));
    expect(f?.title).toMatch(/env SPRING_REDIS_HOST still sets SPRING_REDIS_HOST=points-redis, but Spring Boot 3 reads spring\.data\.redis\.\*/);
    expect(f?.fix).toMatch(/rename SPRING_REDIS_ to SPRING_DATA_REDIS_/);
  });

  it('claims no rename when the config sets no old key', () => {
    const [f] = analyzeDependencyErrors(scenario());
    expect(f?.title).not.toMatch(/spring\.redis|Spring Boot 3/);
  });
});
