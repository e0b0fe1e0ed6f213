import { describe, expect, it } from 'vitest';
import { findUnexplained } from '../../../src/domain/triage/unexplained.js';
import { baseEvidence, container, pod } from './scenarios/builders.js';

// Ready pods whose logs carry a client library's own diagnosis: the finding that quotes them says what it means and where to act.
const NODE_ROLE = 'eks-nodegroup-general-NodeInstanceRole-1Q2W3E4R5T6Y';
const IRSA = [
  { name: 'AWS_ROLE_ARN', value: 'arn:aws:iam::123456789012:role/doc-renderer-prod' },
  { name: 'AWS_WEB_IDENTITY_TOKEN_FILE', value: '/var/run/secrets/eks.amazonaws.com/serviceaccount/token' },
];

function renderLog(k: number): string[] {
  const out = [`2026-11-21 02:46:42,000 INFO doc_renderer.main doc-renderer 5.2.0 starting (python 3.7.3, boto3 1.9.86, botocore 1.12.86, wkhtmltopdf 0.12.5)`, `2026-11-21 02:46:42,010 INFO botocore.credentials Found credentials from IAM Role: ${NODE_ROLE}`];
  for (let i = 0; i < 6; i++) {
    out.push(
      `2026-11-21 03:0${i}:10,000 ERROR doc_renderer.jobs render job ${88120 + i} failed`,
      'Traceback (most recent call last):',
      `botocore.exceptions.ClientError: An error occurred (AccessDenied) when calling the GetObject operation: User: arn:aws:sts::123456789012:assumed-role/${NODE_ROLE}/i-04b1c9e2a7d${k}f5 is not authorized to perform: s3:GetObject on resource: "arn:aws:s3:::acme-prod-documents/templates/invoice-v7.html" because no identity-based policy allows the s3:GetObject action`,
    );
  }
  return out;
}

describe('findUnexplained: a client library diagnosis in the logs of ready pods', () => {
  it('says the SDK ignored the pod web identity when AWS denies the node instance role', () => {
    const pods = [0, 1].map((i) => pod(i, { containers: [container({ env: IRSA })] }));
    const ev = baseEvidence({ pods, logs: pods.map((p, k) => ({ pod: p.name, container: 'app', previous: false, lines: renderLog(k) })) });
    const [f] = findUnexplained(ev, []);
    expect(f?.title).toContain(`: AWS denies s3:GetObject to the node's instance role ${NODE_ROLE}, not the pod's IRSA role: its boto3 1.9.86 / botocore 1.12.86 predate web identity`);
    expect(f?.likelyCause).toContain('AWS_WEB_IDENTITY_TOKEN_FILE');
    expect(f?.nextAction).toMatch(/^Rebuild the image with boto3 ≥ 1\.9\.220/);
    expect(f?.confidence).toBe('medium');
  });
});
