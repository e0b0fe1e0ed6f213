// A NATS JetStream client whose stream the servers do not define: "stream not found" on its binds,
// "no responders" on its publishes (no stream captures the subject), and the streams the servers'
// own mounted config does define — the name to restore. Neutral fixtures.
import { describe, expect, it } from 'vitest';
import type { DependencyMembersEvidence } from '../../../src/domain/triage/evidence-dependency-members.js';
import { analyzeMissingDestination } from '../../../src/domain/triage/analyzers/missing-destination.js';
import { analyzeMessageContract } from '../../../src/domain/triage/analyzers/message-contract.js';
import { findDefinedStreams, findMissingDestination, keepBrokerSettings, pickMissingDestinationServers } from '../../../src/domain/triage/missing-destination.js';
import { findStreamDefinitions } from '../../../src/domain/triage/stream-definitions.js';
import { readLineTime } from '../../../src/domain/triage/request-silence.js';
import { baseEvidence, container, pod } from './scenarios/builders.js';

const BIND = (m: number) => `2026/11/21 03:${10 + m}:05 ERROR consumer bind failed stream=SHIPMENTS_V2 consumer=billing err="nats: stream not found"`;
const PUB = (m: number, s: string) => `2026/11/21 03:${10 + m}:07 ERROR publish failed subject=shipments-v2.${s} err="nats: no responders available for request"`;
const ENV = [{ name: 'NATS_URL', value: 'nats://msgbus.logistics.svc.cluster.local:4222' }];
const STREAMS = '[{"name":"SHIPMENTS","subjects":["shipments.>"],"storage":"file"},{"name":"SHIPMENTS_DLQ","subjects":["shipments-dlq.>"]}]';

function scenario(lines: readonly string[], members?: DependencyMembersEvidence) {
  const pods = [0, 1].map((i) => pod(i, { containers: [container({ env: ENV })] }));
  return baseEvidence({ pods, logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines: [...lines] })), ...(members ? { dependencyMembers: [members] } : {}) });
}

function servers(): DependencyMembersEvidence {
  return {
    namespace: 'logistics', service: 'msgbus', nodeLosses: [],
    pods: [0, 1, 2].map((i) => pod(i, { name: `msgbus-${i}`, labels: { app: 'msgbus' } })),
    config: keepBrokerSettings({ 'streams.json': STREAMS, 'server.conf': 'port: 4222\njetstream { store_dir: /data }\n' }).map((s) => ({ configMap: 'msgbus-config', ...s })),
  };
}

describe('a NATS stream the servers do not define', () => {
  it('reads Go\'s standard log stamp as the line\'s time', () => {
    expect(readLineTime(BIND(0))).toBe('2026-11-21T03:10:05.000Z');
  });

  it('is found from "stream not found", with the stream, the unacked publishes and their subjects', () => {
    const found = findMissingDestination(scenario([BIND(0), PUB(0, 'created'), BIND(1), PUB(1, 'closed')]));
    expect(found).toMatchObject({ server: 'NATS', kind: 'stream', name: 'SHIPMENTS_V2', answer: 'stream not found', since: '2026-11-21T03:10:05.000Z' });
    expect(found?.unacked).toEqual({ count: 4, subjects: ['shipments-v2.created', 'shipments-v2.closed'] });
    expect(found?.quote).toBe('consumer bind failed stream=SHIPMENTS_V2 consumer=billing err="nats: stream not found"');
    expect(pickMissingDestinationServers(scenario([BIND(0), BIND(1)]))).toEqual({ name: 'msgbus', namespace: 'logistics' });
  });

  it('"no responders" alone is no missing stream (a request/reply responder may be gone)', () => {
    expect(findMissingDestination(scenario([PUB(0, 'created'), PUB(1, 'created')]))).toBeUndefined();
  });

  it('keeps only the names and subjects of the streams the servers\' config defines (JSON or YAML)', () => {
    expect(findDefinedStreams(servers())).toEqual([
      { value: 'SHIPMENTS (shipments.>)', where: 'ConfigMap logistics/msgbus-config (streams.json)' },
      { value: 'SHIPMENTS_DLQ (shipments-dlq.>)', where: 'ConfigMap logistics/msgbus-config (streams.json)' },
    ]);
    expect(findStreamDefinitions('streams:\n  - name: PARCELS\n    subjects:\n      - parcels.>\n    storage: file\n')).toEqual([{ name: 'PARCELS', subjects: ['parcels.>'] }]);
  });

  it('is the finding, naming what the servers define, and the publishes\' "no responders" is not blamed on a responder', () => {
    const ev = scenario([BIND(0), PUB(0, 'created'), BIND(1), PUB(1, 'created')], servers());
    const [f] = analyzeMissingDestination(ev);
    expect(f?.kind).toBe('missing-destination');
    expect(f?.title).toMatch(/NATS stream SHIPMENTS_V2 does not exist on the servers of logistics\/msgbus/);
    expect(f?.title).toMatch(/define SHIPMENTS \(shipments\.>\)/);
    expect(f?.fix).toMatch(/restore the stream name/);
    expect(analyzeMessageContract(ev)).toEqual([]);
  });
});
