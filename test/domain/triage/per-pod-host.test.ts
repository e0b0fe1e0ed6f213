// Clients that cannot resolve a per-pod name (`<set>-<n>.<service>.<ns>.svc…`) under a Service
// with a cluster IP: DNS publishes per-pod records only under a StatefulSet's headless governing
// Service, so the servers hand out names that do not exist. The StatefulSet, its headless Service
// and the revision that changed the setting naming them are the cause and the fix.
import { describe, expect, it } from 'vitest';
import { analyzeDependencyErrors } from '../../../src/domain/triage/analyzers/dependency-errors.js';
import type { AdvertisedHostEvidence } from '../../../src/domain/triage/evidence-advertised-host.js';
import { parsePerPodHost, pickPerPodHost } from '../../../src/domain/triage/per-pod-host.js';
import { baseEvidence, minutesAgo, pod } from './scenarios/builders.js';

const unknown = (n: number) => `2026-11-21T03:10:0${n}.000Z WARN o.a.k.c.NetworkClient - Error connecting to node broker-${n}.broker.events.svc.cluster.local:9092 (id: ${n} rack: null)\njava.net.UnknownHostException: broker-${n}.broker.events.svc.cluster.local`;

const advertised = (over: Partial<AdvertisedHostEvidence> = {}): AdvertisedHostEvidence => ({
  host: 'broker-0.broker.events.svc.cluster.local', namespace: 'events', service: 'broker', clusterIP: '10.100.4.17', statefulSet: 'broker', governingService: 'broker-hs',
  revision: {
    number: 12, createdAt: minutesAgo(40), previous: 11,
    settings: [{ name: 'KAFKA_ADVERTISED_LISTENERS', value: 'PLAINTEXT://$(POD_NAME).broker.events.svc.cluster.local:9092', before: 'PLAINTEXT://$(POD_NAME).broker-hs.events.svc.cluster.local:9092' }],
  },
  ...over,
});

const scenario = (advertisedHost?: AdvertisedHostEvidence) => {
  const pods = [0, 1].map((i) => pod(i));
  const lines = [0, 1, 2, 0, 1, 2].flatMap((n) => unknown(n).split('\n'));
  return baseEvidence({ pods, ...(advertisedHost ? { advertisedHost } : {}), logs: pods.map((x) => ({ pod: x.name, container: 'app', previous: false, lines })) });
};

describe('parsePerPodHost', () => {
  it('reads the pod, its set, the Service and the namespace of a per-pod cluster name', () => {
    expect(parsePerPodHost('kafka-0.kafka.streaming.svc.cluster.local:9092')).toEqual({ host: 'kafka-0.kafka.streaming.svc.cluster.local', pod: 'kafka-0', statefulSet: 'kafka', service: 'kafka', namespace: 'streaming' });
  });
  it('reads no per-pod name in a Service name or an outside host', () => {
    expect(parsePerPodHost('kafka.streaming.svc.cluster.local')).toBeUndefined();
    expect(parsePerPodHost('db-1.example.com')).toBeUndefined();
  });
  it('picks the first per-pod name the current logs say does not resolve', () => {
    expect(pickPerPodHost(scenario().logs)?.host).toBe('broker-0.broker.events.svc.cluster.local');
  });
});

describe('a per-pod name under a ClusterIP Service', () => {
  it('names the headless Service, the setting and the StatefulSet revision that changed it; no rollback of the clients', () => {
    const f = analyzeDependencyErrors(scenario(advertised())).find((x) => x.id.startsWith('dependency-error/advertised-host/'));
    expect(f?.title).toMatch(/per-pod names resolve only under the headless Service broker-hs that governs StatefulSet broker; broker is a ClusterIP Service/);
    expect(f?.title).toMatch(/since StatefulSet broker's revision 12 \(40m ago: KAFKA_ADVERTISED_LISTENERS changed from names under broker-hs\.events\.svc to names under broker\.events\.svc\)/);
    expect(f?.datesChange).toBe(true);
    expect(f?.outsideWorkload).toMatch(/StatefulSet broker/);
    expect(f?.nextAction).toMatch(/roll StatefulSet broker back to revision 11/);
  });

  it('does not date a change when the newest revision left the setting as it was', () => {
    const same = advertised({ revision: { number: 12, createdAt: minutesAgo(40), previous: 11, settings: [{ name: 'ADVERTISED', value: 'x.broker.events.svc', before: 'x.broker.events.svc' }] } });
    const f = analyzeDependencyErrors(scenario(same)).find((x) => x.id.startsWith('dependency-error/advertised-host/'));
    expect(f?.datesChange).toBeUndefined();
    expect(f?.nextAction).not.toMatch(/roll StatefulSet/);
  });

  it('tells nothing of the kind without the StatefulSet read', () => {
    expect(analyzeDependencyErrors(scenario()).some((x) => x.id.startsWith('dependency-error/advertised-host/'))).toBe(false);
  });
});
