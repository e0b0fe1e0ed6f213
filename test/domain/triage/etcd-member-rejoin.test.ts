import { describe, expect, it } from 'vitest';
import type { PodEvidence, PvcEvidence, TriageEvidence } from '../../../src/domain/triage/evidence.js';
import { buildTriageReport } from '../../../src/domain/triage/triage-report.js';
import { NOW, NS, baseEvidence, container, crashLooping, minutesAgo, setMember, terminated, workload } from './scenarios/builders.js';

const SET = 'config-store';
const HASH = `${SET}-5d9c7b6f8`;
const DAY = 24 * 60;
const times = { startedAt: NOW, finishedAt: NOW };
const IMAGE = 'quay.io/coreos/etcd:v3.5.15';

const etcd = (over = {}) => container({
  name: 'etcd',
  image: IMAGE,
  command: ['/usr/local/bin/etcd'],
  args: ['--name=$(MY_POD)', '--data-dir=/data/etcd', `--initial-advertise-peer-urls=http://$(MY_POD).${SET}-peers.${NS}.svc:2380`, '--initial-cluster-state=new'],
  env: [{ name: 'MY_POD', ref: { kind: 'field', key: 'metadata.name' } }],
  ...over,
});

function member(ordinal: number, createdMinutesAgo: number, over: Partial<PodEvidence> = {}): PodEvidence {
  return setMember(SET, HASH, ordinal, createdMinutesAgo, { containers: [etcd()], ...over }, { claim: true });
}

function claim(ordinal: number, createdMinutesAgo: number): PvcEvidence {
  return { name: `data-${SET}-${ordinal}`, createdAt: minutesAgo(createdMinutesAgo), phase: 'Bound', storageClass: 'gp3', volumeName: `pvc-${ordinal}c4e`, accessModes: ['ReadWriteOnce'], usedByPods: [`${SET}-${ordinal}`] };
}

/** Member 2 came back on a claim made 25 minutes ago (the others' are 90 days old) and crash-loops on `refusal`. */
function lostMember(refusal: string, claim2AgeMinutes = 25): TriageEvidence {
  const crashing = member(2, 25, { ready: false, containers: [crashLooping(`${SET}-2`, terminated(1, 'Error', 1.5, { runSeconds: 1 }), 9, etcd())] });
  const base = baseEvidence({ pods: [member(0, 90 * DAY), member(1, 90 * DAY), crashing], services: [], endpointSlices: [], hpas: [], revisions: [] });
  return {
    ...base,
    target: { service: SET, namespace: NS, kind: 'StatefulSet', name: SET, context: 'prod-eu-west-1' },
    workload: workload({ kind: 'StatefulSet', name: SET, specReplicas: 3, replicas: 3, readyReplicas: 2, availableReplicas: 2, updatedReplicas: 3, selector: { app: SET }, podManagementPolicy: 'Parallel', conditions: [], createdAt: minutesAgo(90 * DAY) }),
    pvcs: [claim(0, 90 * DAY), claim(1, 90 * DAY), claim(2, claim2AgeMinutes)],
    logs: [{
      pod: `${SET}-2`, container: 'etcd', previous: true,
      lines: [
        '{"level":"info","ts":"2026-11-21T03:12:30.101Z","caller":"embed/etcd.go:310","msg":"starting an etcd server","member-initialized":false,"initial-cluster-state":"new"}',
        `{"level":"fatal","ts":"2026-11-21T03:12:30.140Z","caller":"etcdmain/etcd.go:204","msg":"discovery failed","error":"${refusal}"}`,
      ],
    }],
  };
}

describe('an etcd member whose volume came back empty cannot rejoin', () => {
  it('names the stale member, the new claim, the degraded cluster, and remove/add/existing as the fix', () => {
    const r = buildTriageReport(lostMember('member 7d2e9a41c05b83f6 has already been bootstrapped'), times);
    expect(r.verdict).toBe('problems');
    expect(r.headline).toContain('etcd member 7d2e9a41c05b83f6 lost its data (claim data-config-store-2 is new, 25m old) and cannot rejoin as a new member; the cluster runs degraded on 2 of 3 members: quorum held, no fault tolerance left');
    expect(r.headline).toContain('Remove the stale member (`etcdctl member remove 7d2e9a41c05b83f6`), add it back (`etcdctl member add config-store-2`) and start config-store-2 with --initial-cluster-state=existing');
    expect(r.headline).not.toMatch(/roll(ing)? ?back to|rollout undo/i);
    const [f] = r.findings;
    expect(f?.nextAction).toContain(`etcdctl member add config-store-2 --peer-urls=http://config-store-2.config-store-peers.${NS}.svc:2380`);
    expect(f?.confidence).toBe('high');
  });

  it('reads a cluster ID mismatch the same way only when the claim is new; on an old claim it is another cluster\'s data', () => {
    const fresh = buildTriageReport(lostMember('error validating peerURLs: cluster ID mismatch'), times);
    expect(fresh.headline).toContain('lost its data (claim data-config-store-2 is new, 25m old)');
    const old = buildTriageReport(lostMember('error validating peerURLs: cluster ID mismatch', 400 * DAY), times);
    expect(old.headline).not.toContain('lost its data');
  });
});
