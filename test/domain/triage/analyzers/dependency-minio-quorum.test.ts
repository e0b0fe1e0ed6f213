// MinIO with too few drives online for its write quorum: the S3 client logs 503 "Storage resources
// are insufficient for the write operation". The client pods stay Ready; the cause is MinIO's
// members, two of four Pending — followed from the client's S3_ENDPOINT to them.
import { describe, expect, it } from 'vitest';
import { analyzeDependencyClusterDown } from '../../../../src/domain/triage/analyzers/dependency-cluster-down.js';
import { pickClusterDownService } from '../../../../src/domain/triage/cluster-down.js';
import type { DependencyMembersEvidence } from '../../../../src/domain/triage/evidence-dependency-members.js';
import { baseEvidence, container, pod, service } from '../scenarios/builders.js';

const WRITE = '{"level":"error","msg":"put object failed","bucket":"media-uploads","key":"u/57006/IMG_4480.jpg","status":503,"error":"Storage resources are insufficient for the write operation media-uploads/u/57006/IMG_4480.jpg"}';
const MINIO_SVC = service({ name: 'minio', selector: { app: 'minio' }, ports: [{ name: 'http', port: 9000, targetPort: 9000, protocol: 'TCP' }] });

function member(i: number, pending: boolean) {
  return pod(i, {
    name: `minio-${i}`, labels: { app: 'minio' }, ready: !pending,
    ...(pending ? { nodeName: undefined, phase: 'Pending' as const, conditions: [{ type: 'PodScheduled', status: 'False' as const, reason: 'Unschedulable', message: '0/3 nodes are available: 3 node(s) had volume node affinity conflict. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.' }] } : {}),
    containers: [container({ name: 'minio', ready: !pending, ...(pending ? { state: { waiting: { reason: 'Pending' } } } : {}) })],
  });
}

function scenario(withMembers: boolean) {
  const pods = [0, 1].map((i) => pod(i, { containers: [container({ env: [{ name: 'S3_ENDPOINT', value: 'minio.payments.svc.cluster.local:9000' }, { name: 'S3_BUCKET', value: 'media-uploads' }] })] }));
  const base = baseEvidence();
  const members: DependencyMembersEvidence = { namespace: 'payments', service: 'minio', pods: [member(0, false), member(1, false), member(2, true), member(3, true)], nodeLosses: [], nodes: [], logs: [] };
  return baseEvidence({
    pods,
    services: [...base.services, MINIO_SVC],
    logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines: [WRITE, WRITE, WRITE] })),
    ...(withMembers ? { dependencyMembers: [members] } : {}),
  });
}

describe('MinIO without its write quorum', () => {
  it('is followed from the S3 endpoint the client names to the MinIO Service', () => {
    expect(pickClusterDownService(scenario(false))).toEqual({ name: 'minio', namespace: 'payments' });
  });

  it('names the lost write quorum and the Pending members with the scheduler\'s reason', () => {
    const [f] = analyzeDependencyClusterDown(scenario(true));
    expect(f?.title).toMatch(/^MinIO at minio\.payments\.svc\.cluster\.local lost write quorum/);
    expect(f?.title).toMatch(/2 of its 4 members up/);
    expect(f?.title).toMatch(/minio-2 and minio-3 Pending/);
    expect(f?.title).toMatch(/volume node affinity conflict/);
  });
});
