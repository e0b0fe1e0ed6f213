import { describe, expect, it } from 'vitest';
import type { TriageEvidence } from '../../../src/domain/triage/evidence.js';
import { findStorePassword } from '../../../src/domain/triage/store-password.js';
import { buildTriageReport } from '../../../src/domain/triage/triage-report.js';
import { IMAGE_V14, IMAGE_V15, NS, REV6, REV7, baseEvidence, container, crashLooping, event, minutesAgo, pod, revision, revisionContainer, terminated, workload } from './scenarios/builders.js';

const LOG = [
  'org.apache.kafka.common.KafkaException: Failed to construct kafka consumer',
  'Caused by: org.apache.kafka.common.KafkaException: Failed to load SSL keystore /etc/kafka-ca/ca.p12 of type PKCS12',
  '\tat org.apache.kafka.common.security.ssl.DefaultSslEngineFactory$FileBasedStore.load(DefaultSslEngineFactory.java:382)',
  'Caused by: java.io.IOException: keystore password was incorrect',
  'Caused by: java.security.UnrecoverableKeyException: failed to decrypt safe contents entry: javax.crypto.BadPaddingException: Given final block not properly padded. Such issues can arise if a bad key is used during decryption.',
];
const ENV = [
  { name: 'KAFKA_KEYSTORE_PASSWORD', ref: { kind: 'secret' as const, name: 'orders-kafka-user', key: 'user.password' } },
  { name: 'KAFKA_TRUSTSTORE_LOCATION', value: '/etc/kafka-ca/ca.p12' },
  { name: 'KAFKA_TRUSTSTORE_PASSWORD', ref: { kind: 'secret' as const, name: 'orders-kafka-user', key: 'user.password' } },
];
const MOUNTS = [{ name: 'kafka-ca', mountPath: '/etc/kafka-ca', readOnly: true }];
const VOLUMES = [{ name: 'kafka-ca', source: 'secret' as const, ref: 'events-cluster-ca' }];

describe('findStorePassword: a key or trust store its password does not open', () => {
  it('names the truststore, the env var beside its location that carries the password, and the Secret the store comes from', () => {
    const s = findStorePassword(LOG, container({ env: ENV, volumeMounts: MOUNTS }), pod(0, { volumes: VOLUMES }));
    expect(s).toEqual({
      kind: 'truststore',
      path: '/etc/kafka-ca/ca.p12',
      password: 'KAFKA_TRUSTSTORE_PASSWORD from Secret orders-kafka-user, key user.password',
      storeSource: 'Secret events-cluster-ca',
      line: 'java.io.IOException: keystore password was incorrect',
    });
  });

  it('knows the JKS wording and says nothing when no log line speaks of a wrong password', () => {
    expect(findStorePassword(['java.io.IOException: Keystore was tampered with, or password was incorrect'], undefined)?.kind).toBe('keystore');
    expect(findStorePassword(['java.io.FileNotFoundException: /etc/kafka-ca/ca.p12 (No such file or directory)'], container({ env: ENV }))).toBeUndefined();
  });
});

/** Revision 7 adds a truststore and its password beside an image bump; its pod cannot open the store. */
function truststoreScenario(): TriageEvidence {
  const env = revisionContainer().env;
  const bad = pod(3, { revisionHash: REV7.hash, ready: false, createdAt: minutesAgo(20), startTime: minutesAgo(20), volumes: VOLUMES });
  const failing = { ...bad, containers: [crashLooping(bad.name, terminated(1, 'Error', 1, { runSeconds: 9 }), 8, { image: IMAGE_V15, env: [...env, ...ENV], volumeMounts: MOUNTS })] };
  const old = [0, 1, 2].map((i) => pod(i, { revisionHash: REV6.hash }));
  const base = baseEvidence({
    pods: [...old, failing],
    events: [event({ object: { kind: 'Pod', name: bad.name, namespace: NS }, reason: 'BackOff', message: `Back-off restarting failed container app in pod ${bad.name}_${NS}(${bad.uid ?? ''})`, count: 40, firstSeen: minutesAgo(19), lastSeen: minutesAgo(0.5) })],
    logs: [{ pod: bad.name, container: 'app', previous: true, lines: LOG }],
    workload: workload({ specReplicas: 3, replicas: 4, readyReplicas: 3, availableReplicas: 3, updatedReplicas: 1, currentRevision: 7 }),
  });
  return {
    ...base,
    revisions: [
      revision(REV6, minutesAgo(8 * 24 * 60), { replicas: 3, containers: [revisionContainer({ image: IMAGE_V14 })] }),
      revision(REV7, minutesAgo(21), { replicas: 1, containers: [revisionContainer({ image: IMAGE_V15, env: [...env, ...ENV] })] }),
    ],
  };
}

describe('a truststore its password does not open, in the verdict', () => {
  it('names the truststore and its password env var, and takes the env change that brought it as the trigger, not the image bump', () => {
    const r = buildTriageReport(truststoreScenario(), { startedAt: '2026-11-21T03:13:55.200Z', finishedAt: '2026-11-21T03:14:01.450Z' });
    expect(r.headline).toContain('the truststore /etc/kafka-ca/ca.p12 cannot be opened with its password (KAFKA_TRUSTSTORE_PASSWORD from Secret orders-kafka-user, key user.password)');
    expect(r.headline).toContain('revision 7 (21m ago: app env added KAFKA_TRUSTSTORE_PASSWORD (from secret orders-kafka-user/user.password))');
    expect(r.headline).not.toContain('[REDACTED]');
  });
});
