// SCRAM logins refused for their mechanism: the clients use one SCRAM mechanism, the brokers hold the
// user's credentials for the other only (their own log says so) — not a Secret to re-read by a restart.
import { describe, expect, it } from 'vitest';
import { analyzeRejectedCredentials } from '../../../../src/domain/triage/analyzers/credentials-rejected.js';
import { findScramMismatch, findScramRefusal, pickScramRefusalServer } from '../../../../src/domain/triage/scram-mechanism.js';
import type { EnvVarEvidence } from '../../../../src/domain/triage/evidence.js';
import { keepSettings, pickSettingConfigReads } from '../../../../src/domain/triage/setting-config.js';
import { NOW, baseEvidence, container, pod } from '../scenarios/builders.js';

const ERR = 'Authentication failed during authentication due to invalid credentials with SASL mechanism SCRAM-SHA-256';
const REFUSED = `ERROR 1 --- [ad | producer-1] org.apache.kafka.clients.NetworkClient : [Producer clientId=producer-1] Connection to node -1 (events-bus.streaming.svc.cluster.local/172.20.9.4:9092) failed authentication due to: ${ERR}`;
const REFUSED_POD = `ERROR 1 --- [ad | producer-1] org.apache.kafka.clients.NetworkClient : [Producer clientId=producer-1] Connection to node 2 (events-bus-2.events-bus-headless.streaming.svc.cluster.local/10.0.7.19:9092) failed authentication due to: ${ERR}`;
const record = (user: string, mech: string, remove = false) =>
  `[2026-11-21 00:10:00,000] INFO [ControllerServer id=1] Replayed ${remove ? 'Remove' : ''}UserScramCredentialRecord ${remove ? 'removing the entry' : 'creating new entry'} for ${user} with mechanism ${mech}. (org.apache.kafka.controller.QuorumController)`;
const ENV: EnvVarEvidence[] = [
  { name: 'BUS_USERNAME', value: 'ledger-writer' },
  { name: 'BUS_PASSWORD', ref: { kind: 'secret', name: 'ledger-writer-bus', key: 'password' } },
];

function scenario(brokerLines?: string[]) {
  const pods = [0, 1].map((i) => pod(i, { ready: false, containers: [container({ ready: false, env: ENV })] }));
  const ev = baseEvidence({ pods, logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines: [REFUSED, REFUSED_POD, REFUSED_POD] })) });
  if (brokerLines) {
    const brokers = [0, 1, 2].map((i) => pod(10 + i, { name: `events-bus-${i}`, labels: { app: 'events-bus' }, containers: [container({ name: 'kafka' })] }));
    ev.dependencyMembers = [{ namespace: 'streaming', service: 'events-bus', pods: brokers, nodeLosses: [], scramCredentials: brokerLines.map((line) => ({ pod: 'events-bus-1', line })) }];
  }
  return ev;
}

describe('SCRAM logins refused for their mechanism', () => {
  it('finds the brokers from the refused lines when no env var names them, their bootstrap Service first', () => {
    expect(pickScramRefusalServer(scenario().logs, 'ledger')).toEqual({ name: 'events-bus', namespace: 'streaming' });
    expect(pickScramRefusalServer([{ pod: 'p', container: 'app', previous: false, lines: ['password authentication failed for user "x"', 'password authentication failed for user "x"'] }], 'ledger')).toBeUndefined();
  });

  it('tells a mechanism the user lacks from a wrong password', () => {
    const refusal = findScramRefusal(scenario().logs);
    expect(refusal?.mechanism).toBe('SCRAM-SHA-256');
    if (refusal === undefined) return;
    const lines = (ls: string[]) => ls.map((line) => ({ pod: 'events-bus-1', line }));
    expect(findScramMismatch(refusal, lines([record('ledger-writer', 'SCRAM_SHA_512'), record('audit', 'SCRAM_SHA_256')]), 'ledger-writer')).toMatchObject({ client: 'SCRAM-SHA-256', held: ['SCRAM-SHA-512'], users: ['ledger-writer'] });
    // It holds the clients' mechanism: a password that does not match, not this.
    expect(findScramMismatch(refusal, lines([record('ledger-writer', 'SCRAM_SHA_512'), record('ledger-writer', 'SCRAM_SHA_256')]), 'ledger-writer')).toBeUndefined();
    // The brokers said nothing of the clients' user: no claim.
    expect(findScramMismatch(refusal, lines([record('audit', 'SCRAM_SHA_512')]), 'ledger-writer')).toBeUndefined();
    // A removed credential is no longer held.
    expect(findScramMismatch(refusal, lines([record('ledger-writer', 'SCRAM_SHA_256'), record('ledger-writer', 'SCRAM_SHA_512'), record('ledger-writer', 'SCRAM_SHA_256', true)]), 'ledger-writer')?.held).toEqual(['SCRAM-SHA-512']);
  });

  it('names both mechanisms and the fix on the brokers or the client, never a restart to re-read the Secret', () => {
    const [f] = analyzeRejectedCredentials(scenario([record('ledger-writer', 'SCRAM_SHA_512')]));
    expect(f?.id).toBe('credentials-rejected/scram-mechanism');
    expect(f?.title).toMatch(/clients use sasl\.mechanism SCRAM-SHA-256, but the brokers hold only SCRAM-SHA-512 credentials for user ledger-writer/);
    expect(f?.fix).toMatch(/add SCRAM-SHA-256 credentials for user ledger-writer/);
    expect(f?.fix).toMatch(/sasl\.mechanism to SCRAM-SHA-512/);
    expect(`${f?.nextAction ?? ''} ${f?.fix ?? ''}`).not.toMatch(/restart/i);
  });

  it('names the ConfigMap that sets the clients\' mechanism, where switching it is the other fix', () => {
    const ev = scenario([record('ledger-writer', 'SCRAM_SHA_512')]);
    ev.settingConfig = [{ mechanism: 'sasl-mechanism', configMap: 'ledger-bus-client', key: 'client.properties', via: 'mount', written: 'sasl.mechanism=SCRAM-SHA-256' }];
    const [f] = analyzeRejectedCredentials(ev);
    expect(f?.title).toContain('the clients use sasl.mechanism=SCRAM-SHA-256 (ConfigMap ledger-bus-client), but the brokers hold only SCRAM-SHA-512');
    expect(f?.fix).toMatch(/switch the clients' sasl\.mechanism in ConfigMap ledger-bus-client to SCRAM-SHA-512/);
  });

  it('keeps the Secret reading when the brokers\' logs say nothing of the user\'s credentials', () => {
    const [f] = analyzeRejectedCredentials(scenario());
    expect(f?.id).toBe('credentials-rejected');
  });
});

describe('the SASL mechanism a client config file sets', () => {
  it('is read from the config file the refused client mounts, and only that line kept', () => {
    const pods = [0, 1].map((i) => pod(i, {
      containers: [container({ env: ENV, volumeMounts: [{ name: 'bus-client', mountPath: '/etc/bus' }] })],
      volumes: [{ name: 'bus-client', source: 'configMap', ref: 'ledger-bus-client' }],
    }));
    const logs = pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines: [REFUSED, REFUSED] }));
    const reads = pickSettingConfigReads({ logs, pods, now: NOW });
    expect(reads).toEqual([{ mechanism: 'sasl-mechanism', configMap: 'ledger-bus-client', via: 'mount' }]);
    const props = 'bootstrap.servers=events-bus.streaming.svc:9092\nsasl.mechanism=SCRAM-SHA-256\nsasl.jaas.config=secret-looking-value\n';
    expect(keepSettings(reads[0]!, 'ledger-bus-client', { 'client.properties': props }).map((c) => c.written)).toEqual(['sasl.mechanism=SCRAM-SHA-256']);
    // A refusal naming no mechanism reads nothing.
    expect(pickSettingConfigReads({ logs: logs.map((l) => ({ ...l, lines: ['FATAL: password authentication failed for user "x"'] })), pods, now: NOW })).toEqual([]);
  });

  it('is read from a properties or YAML line', async () => {
    const { findSaslMechanismLine } = await import('../../../../src/domain/triage/scram-mechanism.js');
    expect(findSaslMechanismLine('bootstrap.servers=b:9092\nsasl.mechanism=SCRAM-SHA-256\nacks=all\n')).toBe('sasl.mechanism=SCRAM-SHA-256');
    expect(findSaslMechanismLine('sasl.mechanisms: "SCRAM-SHA-512"\n')).toBe('sasl.mechanisms=SCRAM-SHA-512');
    expect(findSaslMechanismLine('security.protocol=SASL_SSL\n')).toBeUndefined();
  });
});
