import { describe, expect, it } from 'vitest';
import { explainIgnoredWebIdentity } from '../../../src/domain/triage/web-identity-ignored.js';

const NODE_ROLE = 'eks-nodegroup-general-NodeInstanceRole-1Q2W3E4R5T6Y';
const DENIED = `botocore.exceptions.ClientError: An error occurred (AccessDenied) when calling the GetObject operation: User: arn:aws:sts::123456789012:assumed-role/${NODE_ROLE}/i-04b1c9e2a7d3f5 is not authorized to perform: s3:GetObject on resource: "arn:aws:s3:::acme-prod-documents/templates/invoice-v7.html" because no identity-based policy allows the s3:GetObject action`;
const START = '2026-11-21 02:46:42,000 INFO doc_renderer.main doc-renderer 5.2.0 starting (python 3.7.3, boto3 1.9.86, botocore 1.12.86, wkhtmltopdf 0.12.5)';
const IRSA = [
  { name: 'AWS_ROLE_ARN', value: 'arn:aws:iam::123456789012:role/doc-renderer-prod' },
  { name: 'AWS_WEB_IDENTITY_TOKEN_FILE', value: '/var/run/secrets/eks.amazonaws.com/serviceaccount/token' },
];

describe('explainIgnoredWebIdentity', () => {
  it('reads a denial of the node instance role in a pod with IRSA env as an SDK that ignores web identity, naming the old versions', () => {
    const told = explainIgnoredWebIdentity([DENIED], [START, DENIED], [{ name: 'app', env: IRSA }]);
    expect(told?.summary).toBe(`AWS denies s3:GetObject to the node's instance role ${NODE_ROLE}, not the pod's IRSA role: its boto3 1.9.86 / botocore 1.12.86 predate web identity`);
    expect(told?.likelyCause).toContain('AWS_ROLE_ARN=arn:aws:iam::123456789012:role/doc-renderer-prod');
    expect(told?.likelyCause).toContain('session i-04b1c9e2a7d3f5');
    expect(told?.fix).toBe("rebuild the image with boto3 ≥ 1.9.220, botocore ≥ 1.12.200 so it uses the pod's IRSA role; do not grant the node role access instead");
  });

  it('still says the SDK ignored web identity when the process logs no version', () => {
    const told = explainIgnoredWebIdentity([DENIED], [DENIED], [{ name: 'app', env: IRSA }]);
    expect(told?.summary).toContain('its SDK ignores web identity');
  });

  it('reads nothing without IRSA env, or when the denied principal is the pod role itself', () => {
    expect(explainIgnoredWebIdentity([DENIED], [DENIED], [{ name: 'app', env: [] }])).toBeUndefined();
    const own = DENIED.replace(`${NODE_ROLE}/i-04b1c9e2a7d3f5`, 'doc-renderer-prod/botocore-session-1763694402');
    expect(explainIgnoredWebIdentity([own], [START, own], [{ name: 'app', env: IRSA }])).toBeUndefined();
  });
});
