import { describe, expect, it } from 'vitest';
import type { TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { findNodeIdentityDenial } from '../../../../src/domain/triage/node-identity-denial.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { NODE_A, NODE_B, minutesAgo, node, terminated } from '../scenarios/builders.js';
import { crashScenario } from '../scenarios/crashes.js';

const times = { startedAt: '2026-11-21T03:13:55.200Z', finishedAt: '2026-11-21T03:14:01.450Z' };

const GCS_403 = 'level=fatal msg="open reports archive" err="googleapi: Error 403: 77120934455-compute@developer.gserviceaccount.com does not have storage.objects.get access to the Google Cloud Storage object. Permission \'storage.objects.get\' denied on resource (or it may not exist)., forbidden"';
const S3_403 = 'botocore.exceptions.ClientError: An error occurred (AccessDenied) when calling the GetObject operation: User: arn:aws:sts::210987654321:assumed-role/eks-workers-node-role/i-0a1b2c3d4e5f60718 is not authorized to perform: s3:GetObject on resource: "arn:aws:s3:::reports-archive/2026/11/index.json"';

const NEW_1 = 'gke-east-batch-c2-5e6f7a8b-m3np';
const NEW_2 = 'gke-east-batch-c2-5e6f7a8b-q8rs';

/** Two of five pods crash-looping with `logs` on a pool added 75 minutes ago; three on the old pool, whose logs name `fineLine`. */
function onNewPool(logs: string[], opts: { poolLabel: string; oldLabels?: Record<string, string>; fineLine?: string; env?: (i: number) => { name: string; value: string }[] }): TriageEvidence {
  const ev = crashScenario(2, () => terminated(1, 'Error', 2), { logs });
  ev.nodes = [
    node(NODE_A, { labels: { [opts.poolLabel]: 'general', ...opts.oldLabels }, createdAt: minutesAgo(60 * 24 * 40) }),
    node(NODE_B, { labels: { [opts.poolLabel]: 'general', ...opts.oldLabels }, createdAt: minutesAgo(60 * 24 * 40) }),
    node(NEW_1, { labels: { [opts.poolLabel]: 'batch-c2' }, createdAt: minutesAgo(75) }),
    node(NEW_2, { labels: { [opts.poolLabel]: 'batch-c2' }, createdAt: minutesAgo(75) }),
  ];
  ev.pods = ev.pods.map((p, i) => ({
    ...p,
    nodeName: i === 0 ? NEW_1 : i === 1 ? NEW_2 : i % 2 === 0 ? NODE_A : NODE_B,
    containers: p.containers.map((c) => ({ ...c, env: [...(c.env ?? []), ...(opts.env?.(i) ?? [])] })),
  }));
  if (opts.fineLine !== undefined) ev.logs.push(...ev.pods.slice(2).map((p) => ({ pod: p.name, container: 'app', previous: false, lines: [opts.fineLine ?? ''] })));
  return ev;
}

describe('a cloud call refused for the node\'s identity on one node pool', () => {
  it('GKE: names the node\'s compute account, the pods\' own account elsewhere and the pool without the metadata server; fixes the pool, not IAM', () => {
    const ev = onNewPool([GCS_403], { poolLabel: 'cloud.google.com/gke-nodepool', oldLabels: { 'iam.gke.io/gke-metadata-server-enabled': 'true' }, fineLine: 'msg="credentials found" account=report-reader@acme-east.iam.gserviceaccount.com' });
    const r = buildTriageReport(ev, times);
    expect(r.headline).toContain('storage.objects.get is refused to the node\'s default compute service account 77120934455-compute@developer.gserviceaccount.com, not their workload identity (report-reader@acme-east.iam.gserviceaccount.com, as on node pool general)');
    expect(r.headline).toContain('node pool batch-c2 runs without the GKE metadata server (its nodes lack iam.gke.io/gke-metadata-server-enabled)');
    expect(r.headline).toContain('its nodes were added 1h 15m ago');
    expect(r.headline).toMatch(/Keep the pods off node pool batch-c2 \(nodeSelector or affinity\) until it is fixed; then enable the GKE metadata server on node pool batch-c2 \(gcloud container node-pools update batch-c2 [^)]*--workload-metadata=GKE_METADATA/);
    expect(r.headline).toMatch(/do not grant the node's identity the permission/);
    expect(r.headline).not.toMatch(/roll back|no change found/i);
  });

  it('EKS: the failing pods lack IRSA\'s env the healthy ones carry, and call as the node\'s instance role', () => {
    const irsa = [{ name: 'AWS_ROLE_ARN', value: 'arn:aws:iam::210987654321:role/reports-reader' }, { name: 'AWS_WEB_IDENTITY_TOKEN_FILE', value: '/var/run/secrets/eks.amazonaws.com/serviceaccount/token' }];
    const ev = onNewPool([S3_403], { poolLabel: 'eks.amazonaws.com/nodegroup', env: (i) => (i < 2 ? [] : irsa) });
    const r = buildTriageReport(ev, times);
    expect(r.headline).toContain('s3:GetObject is refused to the node\'s instance role eks-workers-node-role (instance i-0a1b2c3d4e5f60718), not their workload identity (arn:aws:iam::210987654321:role/reports-reader, as on node pool general)');
    expect(r.headline).toContain('the pods there carry no IRSA env (AWS_WEB_IDENTITY_TOKEN_FILE)');
    expect(r.headline).toMatch(/Keep the pods off node pool batch-c2/);
    expect(r.headline).not.toMatch(/roll back/i);
  });

  it('leaves a refusal to the node\'s identity on every pod to the other readings (no pool of its own)', () => {
    const ev = crashScenario(5, () => terminated(1, 'Error', 2), { logs: [GCS_403] });
    expect(buildTriageReport(ev, times).headline).not.toMatch(/GKE metadata server/);
  });

  it.each([
    [GCS_403, 'gcp'],
    [S3_403, 'aws'],
    ['googleapi: Error 403: report-reader@acme-east.iam.gserviceaccount.com does not have storage.objects.get access', undefined],
    ['INFO credentials from metadata server, service account email: 77120934455-compute@developer.gserviceaccount.com', undefined],
  ])('reads %s as a refusal to the node\'s identity: %s', (line, cloud) => {
    expect(findNodeIdentityDenial([line])?.cloud).toBe(cloud);
  });
});
