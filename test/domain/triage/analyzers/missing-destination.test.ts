// Producers told by the brokers that their topic does not exist: the pods stay Ready while every
// send waits and fails. The verdict names the topic, the env var and the revision that renamed it,
// and whether the brokers would have created it (auto.create.topics.enable).
import { describe, expect, it } from 'vitest';
import { analyzeMissingDestination } from '../../../../src/domain/triage/analyzers/missing-destination.js';
import type { DependencyMembersEvidence } from '../../../../src/domain/triage/evidence-dependency-members.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { NOW, REV6, REV7, baseEvidence, container, minutesAgo, pod, revision, revisionContainer, workload } from '../scenarios/builders.js';
import { healthyScenario } from '../scenarios/healthy.js';

const BOOTSTRAP = { name: 'KAFKA_BOOTSTRAP_SERVERS', value: 'kafka.kafka.svc.cluster.local:9092' };
const topicEnv = (value: string) => [BOOTSTRAP, { name: 'LEDGER_TOPIC', value }];
const META = (i: number) => `2026-11-21T03:1${i}:04.936Z  WARN 1 --- [producer-1] org.apache.kafka.clients.NetworkClient   : [Producer clientId=ledger-producer-1] Error while fetching metadata with correlation id ${800 + i} : {ledger.v2=UNKNOWN_TOPIC_OR_PARTITION}`;
const SEND = 'org.apache.kafka.common.errors.TimeoutException: Topic ledger.v2 not present in metadata after 60000 ms.';

const BROKERS: DependencyMembersEvidence = {
  namespace: 'kafka',
  service: 'kafka',
  pods: [0, 1, 2].map((i) => pod(i, { name: `kafka-${i}`, labels: { app: 'kafka' } })),
  nodeLosses: [],
  config: [{ configMap: 'kafka-configuration', key: 'server.properties', setting: 'auto.create.topics.enable', value: 'false' }],
};

/** Revision 7 (12 minutes ago) renamed LEDGER_TOPIC ledger → ledger.v2; its three pods are Ready and log the brokers' answer. */
function renamedTopic(members?: DependencyMembersEvidence) {
  const pods = [0, 1, 2].map((i) => pod(i, { revisionHash: REV7.hash, createdAt: minutesAgo(12), containers: [container({ env: topicEnv('ledger.v2') })] }));
  const base = baseEvidence({
    pods,
    logs: pods.slice(0, 2).map((p) => ({ pod: p.name, container: 'app', previous: false, lines: [META(0), SEND, META(1), SEND] })),
    ...(members ? { dependencyMembers: [members] } : {}),
  });
  return {
    ...base,
    workload: workload({ specReplicas: 3, replicas: 3, readyReplicas: 3, availableReplicas: 3, updatedReplicas: 3, currentRevision: 7 }),
    revisions: [
      revision(REV6, minutesAgo(9 * 24 * 60), { containers: [revisionContainer({ env: topicEnv('ledger') })] }),
      revision(REV7, minutesAgo(12), { replicas: 3, containers: [revisionContainer({ image: 'registry.example.com/ledger:2.0.0', env: topicEnv('ledger.v2') })] }),
    ],
  };
}

describe('analyzeMissingDestination', () => {
  it('says the topic does not exist on the brokers, from which env var, and that they create none on first use', () => {
    const [f] = analyzeMissingDestination(renamedTopic(BROKERS));
    expect(f?.kind).toBe('missing-destination');
    expect(f?.title).toBe('Kafka topic ledger.v2 (env LEDGER_TOPIC) does not exist on the brokers of kafka/kafka: they answer UNKNOWN_TOPIC_OR_PARTITION (4 lines in the logs of 2 pods) and create no topic on first use (auto.create.topics.enable=false)');
    expect(f?.decisive).toBe('TimeoutException: Topic ledger.v2 not present in metadata after 60000 ms.');
    expect(f?.likelyCause).toMatch(/auto\.create\.topics\.enable=false, ConfigMap kafka\/kafka-configuration \(server\.properties\)/);
    expect(f?.likelyCause).toMatch(/TOPIC_AUTHORIZATION_FAILED/);
    expect(f?.fix).toMatch(/^create topic ledger\.v2 in the Kafka cluster/);
    // Every pod configured with that name fails alike, not only the two whose logs were read.
    expect(f?.affected?.pods).toHaveLength(3);
    expect(f?.confirmCommands.join('\n')).toContain('kubectl exec kafka-0 -n kafka --context prod-eu-west-1 -- kafka-topics.sh --bootstrap-server localhost:9092 --describe --topic ledger.v2');
  });

  it('without the brokers read, says what a new name needs unless they auto-create', () => {
    const [f] = analyzeMissingDestination(renamedTopic());
    expect(f?.title).not.toMatch(/auto\.create/);
    expect(f?.likelyCause).toMatch(/Unless the brokers create topics on first use \(auto\.create\.topics\.enable/);
  });

  it('makes the headline: since the revision that renamed the env var, the topic does not exist, roll back or create it', () => {
    const report = buildTriageReport(renamedTopic(BROKERS), { startedAt: NOW, finishedAt: NOW });
    expect(report.verdict).toBe('problems');
    expect(report.headline).toMatch(/^Since revision 7 \(12m ago: app env LEDGER_TOPIC: "ledger" → "ledger\.v2"\): Kafka topic ledger\.v2 \(env LEDGER_TOPIC\) does not exist/);
    expect(report.headline).toMatch(/auto\.create\.topics\.enable=false/);
    expect(report.headline).toMatch(/Roll back to revision 6, or create topic ledger\.v2/);
    expect(report.headline.length).toBeLessThan(700);
  });

  it('stays silent on a producer that reaches no broker and on a healthy workload', () => {
    const ev = renamedTopic(BROKERS);
    ev.logs = ev.logs.map((l) => ({ ...l, lines: [SEND, SEND] }));
    expect(analyzeMissingDestination(ev)).toEqual([]);
    expect(analyzeMissingDestination(healthyScenario())).toEqual([]);
  });
});
