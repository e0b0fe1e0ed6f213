// An address read from a ConfigMap key through an optional configMapKeyRef: when the key is renamed,
// new pods start without the variable and the app falls back to its default (localhost), so the
// "connection refused" it logs is about a key, not about the dependency.
import { describe, expect, it } from 'vitest';
import { analyzeDependencyErrors } from '../../../src/domain/triage/analyzers/dependency-errors.js';
import type { EnvVarEvidence, NamespaceObjectEvidence, TriageEvidence } from '../../../src/domain/triage/evidence.js';
import { crashScenario } from './scenarios/crashes.js';
import { minutesAgo, terminated } from './scenarios/builders.js';

const ENV: EnvVarEvidence[] = [
  { name: 'KAFKA_BROKERS', ref: { kind: 'configMap', name: 'kafka-client', key: 'KAFKA_BROKERS', optional: true } },
  { name: 'KAFKA_SSL', ref: { kind: 'configMap', name: 'kafka-client', key: 'KAFKA_SSL', optional: true } },
  { name: 'ORDERS_TOPIC', value: 'orders.events.v2' },
];
const LOG = [
  '{"level":40,"msg":"KAFKA_BROKERS not set, using default brokers","brokers":["localhost:9092"]}',
  '{"level":50,"msg":"[BrokerPool] Failed to connect to seed broker: Connection error: connect ECONNREFUSED 127.0.0.1:9092"}',
  '{"level":60,"msg":"consumer crashed, exiting","err":{"message":"Connection error: connect ECONNREFUSED 127.0.0.1:9092"}}',
];

function renamedKey(configMaps: NamespaceObjectEvidence[]): TriageEvidence {
  const ev = crashScenario(2, () => terminated(1, 'Error', 1), { logs: LOG });
  ev.pods = ev.pods.map((p) => ({ ...p, containers: p.containers.map((c) => ({ ...c, env: ENV })) }));
  ev.namespaceObjects = configMaps;
  return ev;
}

const KAFKA_CLIENT: NamespaceObjectEvidence = { kind: 'ConfigMap', name: 'kafka-client', createdAt: minutesAgo(300 * 24 * 60), changedAt: minutesAgo(52), keys: ['KAFKA_BOOTSTRAP_SERVERS', 'KAFKA_SSL', 'KAFKA_CLIENT_RACK_AWARE', 'LOG_FORMAT'] };

describe('a dependency address that fell back to its default because an optional ConfigMap key is gone', () => {
  it('names the variable, the missing key, that the reference is optional, and the keys the ConfigMap holds instead', () => {
    const [f] = analyzeDependencyErrors(renamedKey([KAFKA_CLIENT]));
    expect(f?.title).toBe('Dependency 127.0.0.1:9092 refuses connections: the pods start without KAFKA_BROKERS — ConfigMap kafka-client has no key KAFKA_BROKERS (it holds KAFKA_BOOTSTRAP_SERVERS, KAFKA_CLIENT_RACK_AWARE instead) and the configMapKeyRef is optional: true, so the app falls back to its default (logs of 2 pods)');
    expect(f?.likelyCause).toContain('Pods started before the key went away still hold the value');
    expect(f?.nextAction).toMatch(/^Put key KAFKA_BROKERS back in ConfigMap kafka-client \(or point KAFKA_BROKERS's configMapKeyRef at the key it holds now, e\.g\. KAFKA_BOOTSTRAP_SERVERS\)/);
    expect(f?.nextAction).toContain('then restart the failing pods');
    expect(f?.evidence).toContain('env KAFKA_BROKERS from ConfigMap kafka-client key KAFKA_BROKERS, optional: true; the ConfigMap\'s keys now: KAFKA_BOOTSTRAP_SERVERS, KAFKA_SSL, KAFKA_CLIENT_RACK_AWARE, LOG_FORMAT');
    expect(f?.confidence).toBe('high');
    expect(`${f?.title} ${f?.likelyCause} ${f?.nextAction}`).not.toMatch(/(kafka|broker)[^\n]*(down|outage|unavailable)/i);
  });

  it('says the key cannot be checked, at lower confidence, when the ConfigMap was not read', () => {
    const [f] = analyzeDependencyErrors(renamedKey([]));
    expect(f?.title).toContain('the pods start without KAFKA_BROKERS — its configMapKeyRef to ConfigMap kafka-client key KAFKA_BROKERS is optional: true, so the app falls back to its default');
    expect(f?.evidence.join('\n')).toContain('ConfigMap kafka-client was not read: whether it still has key KAFKA_BROKERS is unknown');
    expect(f?.confidence).toBe('medium');
  });

  it('blames no key that the ConfigMap still has', () => {
    const [f] = analyzeDependencyErrors(renamedKey([{ ...KAFKA_CLIENT, keys: ['KAFKA_BROKERS', 'KAFKA_SSL'] }]));
    expect(f?.title).toBe('Dependency 127.0.0.1:9092 refuses connections (logs of 2 pods)');
  });
});
