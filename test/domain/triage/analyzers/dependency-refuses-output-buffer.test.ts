// Redis closing a client whose output buffer outgrew client-output-buffer-limit (a Pub/Sub
// subscriber that reads slower than the publishers write): the client only logs, at WARN, that
// the server closed its connection and that it reconnects; Redis's own log says why. Counted only
// when the server's log says it: a reconnect alone is a client's everyday business.
import { describe, expect, it } from 'vitest';
import { analyzeDependencyRefusals, listExplainedServices, listRefusingServices, listServerConfigReads } from '../../../../src/domain/triage/analyzers/dependency-refuses.js';
import { NOW, baseEvidence, container, pod } from '../scenarios/builders.js';

const CLOSED = (t: string) => `{"level":40,"time":"${t}","msg":"redis subscriber connection closed by server, reconnecting","attempt":1,"delayMs":50}`;
const OVER = '1:M 21 Nov 2026 03:10:41.563 # Client id=48213 addr=10.0.88.31:41022 laddr=10.0.88.120:6379 fd=14 name=ws-gateway-0-sub age=120 idle=0 flags=P db=0 sub=0 psub=1 ssub=0 multi=-1 qbuf=0 qbuf-free=0 argv-mem=0 multi-mem=0 rbs=1024 rbp=0 obl=0 oll=2048 omem=33554432 tot-mem=33576832 events=rw cmd=psubscribe user=default redir=-1 resp=2 lib-name= lib-ver= scheduled to be closed ASAP for overcoming of output buffer limits.';

function gateway(serverLines: string[], withConfig = true) {
  const pods = [0, 1].map((i) => pod(i, { containers: [container({ env: [{ name: 'REDIS_URL', value: 'redis://redis-pubsub.payments.svc.cluster.local:6379' }] })] }));
  const server = pod(7, { name: 'redis-pubsub-0', labels: { app: 'redis-pubsub' }, containers: [container({ name: 'redis', command: ['redis-server', '/etc/redis/redis.conf'] })] });
  server.volumes = [{ name: 'config', source: 'configMap', ref: 'redis-pubsub-config' }];
  return baseEvidence({
    pods,
    logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines: [CLOSED('2026-11-21T03:05:00Z'), CLOSED('2026-11-21T03:10:41Z')] })),
    dependencyPods: [{
      service: 'redis-pubsub', pod: server,
      logs: [{ pod: 'redis-pubsub-0', container: 'redis', previous: false, lines: serverLines }],
      ...(withConfig ? { config: [{ configMap: 'redis-pubsub-config', key: 'redis.conf', setting: 'client-output-buffer-limit', value: 'pubsub 32mb 8mb 60' }] } : {}),
    }],
  });
}

describe('Redis closing clients over their output-buffer limit', () => {
  it('reads the Redis pod and its config when a client says the server keeps closing its connection', () => {
    const ev = gateway([]);
    expect(listRefusingServices(ev)).toEqual(['redis-pubsub']);
    expect(listExplainedServices(ev)).toEqual([{ namespace: 'payments', name: 'redis-pubsub' }]);
    const bare = gateway([], false);
    expect(listServerConfigReads(bare, bare.dependencyPods ?? [])).toEqual([{ service: 'redis-pubsub', configMaps: ['redis-pubsub-config'], settings: ['client_output_buffer_limit'] }]);
  });

  it('names the output-buffer limit, its value and the Redis, when its own log says it closed them', () => {
    const [f] = analyzeDependencyRefusals({ ...gateway([OVER]), collectedAt: NOW });
    expect(f?.title).toMatch(/^Redis redis-pubsub closes its subscribers' connections.*output buffer/);
    expect(f?.title).toMatch(/client-output-buffer-limit = pubsub 32mb 8mb 60/);
    expect(f?.title).toMatch(/cmd=psubscribe/);
    expect(f?.evidence.join('\n')).toMatch(/reconnecting/);
    expect(f?.likelyCause).toMatch(/slower than/);
  });

  it('says nothing when the Redis log does not say so: a reconnect alone is no failure', () => {
    expect(analyzeDependencyRefusals({ ...gateway(['1:M 21 Nov 2026 03:10:41.563 * Ready to accept connections tcp']), collectedAt: NOW })).toEqual([]);
  });
});
