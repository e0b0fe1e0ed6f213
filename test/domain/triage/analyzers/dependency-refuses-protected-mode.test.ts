// A Redis that answers its clients DENIED (protected mode, no password): its defaults, so it runs
// without its config file — its own start line says so, and the revision of its Deployment that
// moved the ConfigMap's mount is the since.
import { describe, expect, it } from 'vitest';
import { analyzeDependencyRefusals, listServerRolloutReads } from '../../../../src/domain/triage/analyzers/dependency-refuses.js';
import type { TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import type { DependencyPodEvidence } from '../../../../src/domain/triage/evidence-server-config.js';
import type { RevisionEvidence } from '../../../../src/domain/triage/evidence-spec.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { NOW, baseEvidence, container, minutesAgo, pod } from '../scenarios/builders.js';

const denied = 'ReplyError: DENIED Redis is running in protected mode because protected mode is enabled and no password is set for the default user. In this mode connections are only accepted from the loopback interface.';
const env = [{ name: 'REDIS_URL', value: 'redis://cart-cache:6379' }];
const wrapper = ['sh', '-c', '[ -f /conf/redis.conf ] && set -- /conf/redis.conf; exec redis-server "$@"'];

function server(mountPath: string): DependencyPodEvidence {
  return {
    service: 'cart-cache',
    pod: pod(7, {
      name: 'cart-cache-5d8f9c7b6-k2x4p', labels: { app: 'cart-cache', 'pod-template-hash': '5d8f9c7b6' }, revisionHash: '5d8f9c7b6', startTime: minutesAgo(19),
      containers: [container({ name: 'redis', image: 'docker.io/library/redis:7.2.5', command: wrapper.slice(0, 2), args: wrapper.slice(2), volumeMounts: [{ name: 'config', mountPath }] })],
      volumes: [{ name: 'config', source: 'configMap', ref: 'cart-cache-conf' }],
    }),
    logs: [{ pod: 'cart-cache-5d8f9c7b6-k2x4p', container: 'redis', previous: false, lines: [
      '1:C 21 Nov 2026 02:47:42.000 * oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo',
      '1:C 21 Nov 2026 02:47:42.000 # Warning: no config file specified, using the default config. In order to specify a config file use redis-server /path/to/redis.conf',
      '1:M 21 Nov 2026 02:47:42.010 * Ready to accept connections tcp',
    ] }],
  };
}

const revision = (n: number, hash: string, ago: number, mountPath: string): RevisionEvidence => ({
  revision: n, name: `cart-cache-${hash}`, hash, createdAt: minutesAgo(ago),
  containers: [{ name: 'redis', image: 'docker.io/library/redis:7.2.5', env: [], envFrom: [], resources: { requests: {}, limits: {} }, volumeMounts: [{ name: 'config', mountPath }] }],
});

function scenario(dep: DependencyPodEvidence): TriageEvidence {
  const pods = [0, 1].map((i) => pod(i, { startTime: minutesAgo(6 * 24 * 60), containers: [container({ env })] }));
  const lines = [10, 8, 6, 4].map((m) => `${minutesAgo(m)} ERROR session lookup failed: ${denied}`);
  return baseEvidence({ pods, logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines })), dependencyPods: [dep] });
}

describe('a Redis that refuses its clients in protected mode', () => {
  it('asks for the revisions of the Redis Deployment its pod runs', () => {
    const dep = server('/etc/redis');
    expect(listServerRolloutReads(scenario(dep), [dep])).toEqual([{ service: 'cart-cache', pod: 'cart-cache-5d8f9c7b6-k2x4p', deployment: 'cart-cache', revisionHash: '5d8f9c7b6' }]);
  });

  it('names protected mode, the missing config file from its own log, and the revision that moved the mount as the since', () => {
    const dep: DependencyPodEvidence = { ...server('/etc/redis'), rollout: { deployment: 'cart-cache', current: revision(4, '5d8f9c7b6', 20, '/etc/redis'), previous: revision(3, '7b4c6d9f8', 60 * 24 * 30, '/conf') } };
    const ev = scenario(dep);
    const [f] = analyzeDependencyRefusals(ev);
    expect(f?.title).toMatch(/^Redis cart-cache refuses connections from other pods: it runs in protected mode with no password/);
    expect(f?.title).toMatch(/no config file specified/);
    expect(f?.title).toMatch(/Deployment cart-cache rolled to revision 4 20m ago \(redis volume mounts: .*config→\/conf.* → .*config→\/etc\/redis/);
    expect(f?.fix).toMatch(/mount the ConfigMap where its command reads it/);
    const report = buildTriageReport(ev, { startedAt: NOW, finishedAt: NOW });
    expect(report.headline).toMatch(/protected mode/);
    expect(report.headline).toMatch(/revision 4/);
    expect(report.headline).not.toMatch(/no change found/);
  });

  it('without its rollout, still says it started without a config file and where the ConfigMap is mounted', () => {
    const [f] = analyzeDependencyRefusals(scenario(server('/etc/redis')));
    expect(f?.title).toMatch(/ConfigMap cart-cache-conf mounted at \/etc\/redis/);
    expect(f?.title).toMatch(/it started with no config file/);
  });
});
