// A KRaft quorum whose voter set (controller.quorum.voters) still lists controllers that no longer
// exist: the controller StatefulSet was scaled below the voter count, so the per-pod names of the
// removed ordinals do not resolve and the remaining voters cannot reach a majority. The voter set,
// the missing members and the fix (scale back to the voter count) are the reading, not "check the host".
import { describe, expect, it } from 'vitest';
import { analyzeDependencyErrors } from '../../../src/domain/triage/analyzers/dependency-errors.js';
import type { EndpointSliceEvidence, ServiceEvidence } from '../../../src/domain/triage/evidence.js';
import { baseEvidence, pod } from './scenarios/builders.js';

const host = (i: number) => `ctl-${i}.ctl-headless.events.svc.cluster.local`;
const unknown = (i: number) => [
  `[2026-11-21 03:10:0${i},000] WARN [RaftManager id=102] Error connecting to node ${host(i)}:9093 (id: ${i} rack: null) (org.apache.kafka.clients.NetworkClient)`,
  `java.net.UnknownHostException: ${host(i)}: Name or service not known`,
];
const voters = '[2026-11-21 03:09:59,000] INFO [RaftManager id=102] Completed transition to UnattachedState(epoch=211, leaderId=OptionalInt.empty, votedKey=Optional.empty, voters=[0, 1, 2], electionTimeoutMs=1741, highWatermark=Optional.empty) from null (org.apache.kafka.raft.QuorumState)';

const headless: ServiceEvidence = { name: 'ctl-headless', type: 'ClusterIP', headless: true, selector: { app: 'ctl' }, ports: [{ port: 9093, targetPort: 9093, protocol: 'TCP' }] };
const slice: EndpointSliceEvidence = { name: 'ctl-headless-abcde', service: 'ctl-headless', endpoints: [{ addresses: ['10.0.1.5'], ready: true, podName: 'ctl-0' }], ports: [{ port: 9093, protocol: 'TCP' }] };

const scenario = (withVoters: boolean) => {
  const pods = [0, 1].map((i) => pod(i));
  const lines = [...(withVoters ? [voters] : []), ...[1, 2, 1, 2, 1, 2].flatMap(unknown)];
  return baseEvidence({ pods, services: [headless], endpointSlices: [slice], logs: pods.map((x) => ({ pod: x.name, container: 'app', previous: false, lines })) });
};

describe('a KRaft voter set larger than the controllers that exist', () => {
  it('names controller.quorum.voters, the members that no longer exist and the fix: scale the controllers back to the voter count', () => {
    const f = analyzeDependencyErrors(scenario(true)).find((x) => x.id.startsWith('dependency-error/quorum-voter-gone/'));
    expect(f?.title).toMatch(/controller\.quorum\.voters lists 3 voters; ctl-1 and ctl-2 no longer exist/);
    expect(f?.title).toMatch(/no leader/);
    expect(f?.evidence.join('\n')).toMatch(/ctl-headless has only ctl-0/);
    expect(f?.nextAction).toMatch(/Scale StatefulSet ctl back to 3 replicas/);
    expect(f?.fix).toMatch(/scale StatefulSet ctl back to 3/);
  });

  it('tells nothing of the kind without a voter set in the logs', () => {
    expect(analyzeDependencyErrors(scenario(false)).some((x) => x.id.startsWith('dependency-error/quorum-voter-gone/'))).toBe(false);
  });
});
