import { describe, expect, it } from 'vitest';
import { analyzeDependencyRefusals, listRefusingServices } from '../../../../src/domain/triage/analyzers/dependency-refuses.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { NOW, baseEvidence, container, pod } from '../scenarios/builders.js';

// The server refuses because of a limit it was configured with: its own pod spec says the value.
const OOM = "redis.exceptions.OutOfMemoryError: OOM command not allowed when used memory > 'maxmemory'.";
const env = [{ name: 'CACHE_URL', value: 'redis://session-cache:6379/1' }];

function withCachePod(args: string[] | undefined) {
  const pods = [0, 1].map((i) => pod(i, { containers: [container({ env })] }));
  const cache = pod(7, { name: 'session-cache-5d8f7c9b6-q2w4e', labels: { app: 'session-cache' }, containers: [container({ name: 'redis', ...(args ? { args } : {}), resources: { requests: { memory: '1Gi' }, limits: { memory: '1280Mi' } } })] });
  return baseEvidence({
    pods,
    logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines: ['GET /v2/cart 500', OOM, OOM] })),
    dependencyPods: [{ service: 'session-cache', pod: cache, logs: [] }],
  });
}

describe('a dependency that refuses at a limit it was configured with', () => {
  it('asks for one pod of the Redis that refuses writes at maxmemory, to read its settings', () => {
    const ev = withCachePod(undefined);
    expect(listRefusingServices({ logs: ev.logs, pods: ev.pods, target: ev.target })).toEqual(['session-cache']);
  });

  it("states the maxmemory and policy the Redis pod runs with, from its args", () => {
    const [f] = analyzeDependencyRefusals(withCachePod(['redis-server', '--maxmemory', '1gb', '--maxmemory-policy', 'noeviction', '--save', '']));
    expect(f?.title).toMatch(/--maxmemory 1gb/);
    expect(f?.title).toMatch(/--maxmemory-policy noeviction/);
    expect(f?.evidence.join('\n')).toMatch(/session-cache-5d8f7c9b6-q2w4e runs redis with --maxmemory 1gb --maxmemory-policy noeviction \(memory limit 1280Mi\)/);
  });

  it('reads the settings from a literal env value too (--maxmemory=…)', () => {
    const ev = withCachePod(undefined);
    const cache = ev.dependencyPods?.[0]?.pod;
    if (cache?.containers[0]) cache.containers[0].env = [{ name: 'REDIS_EXTRA_FLAGS', value: '--maxmemory=512mb --maxmemory-policy=volatile-ttl' }];
    const [f] = analyzeDependencyRefusals(ev);
    expect(f?.title).toMatch(/--maxmemory 512mb, --maxmemory-policy volatile-ttl/);
  });

  it("keeps the server's memory limit off the headline line that names the client pods", () => {
    const report = buildTriageReport(withCachePod(['redis-server', '--maxmemory', '1gb', '--maxmemory-policy', 'noeviction']), { startedAt: NOW, finishedAt: NOW });
    expect(report.headline).toMatch(/session-cache/);
    expect(report.headline).not.toMatch(/memory limit/);
  });
});
