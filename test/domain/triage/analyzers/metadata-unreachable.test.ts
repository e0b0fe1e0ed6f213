import { describe, expect, it } from 'vitest';
import type { TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { findMetadataUnreachable } from '../../../../src/domain/triage/metadata-unreachable.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { NODE_A, NODE_B, minutesAgo, node, terminated } from '../scenarios/builders.js';
import { crashScenario } from '../scenarios/crashes.js';

const times = { startedAt: '2026-11-21T03:13:55.200Z', finishedAt: '2026-11-21T03:14:01.450Z' };

const PHP_IMDS = 'Error retrieving credentials from the instance profile metadata service. (cURL error 28: Operation timed out after 1001 milliseconds with 0 bytes received (see https://curl.haxx.se/libcurl/c/libcurl-errors.html) for http://169.254.169.254/latest/api/token)';
const LARAVEL = [
  `[2026-11-21 03:12:40] production.ERROR: ${PHP_IMDS} {"exception":"[object] (Aws\\\\Exception\\\\CredentialsException(code: 0): ${PHP_IMDS} at /var/www/html/vendor/aws/aws-sdk-php/src/Credentials/InstanceProfileProvider.php:264)`,
  '#0 /var/www/html/vendor/guzzlehttp/promises/src/Promise.php(209): Aws\\Credentials\\InstanceProfileProvider->Aws\\Credentials\\{closure}()',
  '',
  '   Aws\\Exception\\CredentialsException ',
  '',
  `  ${PHP_IMDS}`,
];

const NEW_1 = 'ip-10-0-9-11.eu-west-1.compute.internal';
const NEW_2 = 'ip-10-0-9-12.eu-west-1.compute.internal';
const POOL = 'eks.amazonaws.com/nodegroup';

/** Two of five pods crash-looping with `logs`, both on a node group added 96 minutes ago; the other three on the old group. */
function onNewNodeGroup(logs: string[], env: { name: string; value: string }[] = []): TriageEvidence {
  const ev = crashScenario(2, () => terminated(1, 'Error', 2), { logs });
  ev.nodes = [
    node(NODE_A, { labels: { [POOL]: 'general' }, createdAt: minutesAgo(60 * 24 * 60) }),
    node(NODE_B, { labels: { [POOL]: 'general' }, createdAt: minutesAgo(60 * 24 * 60) }),
    node(NEW_1, { labels: { [POOL]: 'general-v2' }, createdAt: minutesAgo(96) }),
    node(NEW_2, { labels: { [POOL]: 'general-v2' }, createdAt: minutesAgo(96) }),
  ];
  ev.pods = ev.pods.map((p, i) => ({
    ...p,
    nodeName: i === 0 ? NEW_1 : i === 1 ? NEW_2 : i % 2 === 0 ? NODE_A : NODE_B,
    containers: p.containers.map((c) => ({ ...c, env: [...(c.env ?? []), ...env] })),
  }));
  return ev;
}

describe('pods that cannot reach the instance metadata service', () => {
  it('names the node pool, the metadata service and the IMDSv2 hop limit, dated by the pool, and fixes the launch template', () => {
    const r = buildTriageReport(onNewNodeGroup(LARAVEL), times);
    expect(r.headline).toContain('pods on node pool general-v2 cannot reach the instance metadata service (169.254.169.254 times out: IMDSv2 hop limit 1 on its launch template)');
    expect(r.headline).toContain('its nodes were added 1h 36m ago');
    expect(r.headline).not.toMatch(/no change found/);
    expect(r.headline).toMatch(/Keep the pods off node pool general-v2 \(nodeSelector or affinity\) until it is fixed; then set the metadata hop limit to 2 \(HttpPutResponseHopLimit\) on node pool general-v2's launch template, or give \S+ IRSA/);
    expect(r.headline).not.toMatch(/roll back/i);
    const [f] = r.findings;
    expect(f?.evidence.join('\n')).toContain('the same image runs on node pool general, where the metadata service answers');
    expect(f?.likelyCause).toMatch(/hop limit \(HttpPutResponseHopLimit\) of 1 lets it reach the node but not a pod/);
  });

  it('does not offer IRSA to a workload that has its own identity', () => {
    const r = buildTriageReport(onNewNodeGroup(LARAVEL, [{ name: 'AWS_WEB_IDENTITY_TOKEN_FILE', value: '/var/run/secrets/eks.amazonaws.com/serviceaccount/token' }]), times);
    expect(r.headline).toContain('HttpPutResponseHopLimit');
    expect(r.headline).not.toMatch(/IRSA/);
  });

  it('says the pods cannot reach it when every pod fails, without a place', () => {
    const ev = crashScenario(5, () => terminated(1, 'Error', 2), { logs: ['botocore.exceptions.ReadTimeoutError: Read timeout on endpoint URL: "http://169.254.169.254/latest/api/token"', 'botocore.exceptions.NoCredentialsError: Unable to locate credentials'] });
    const r = buildTriageReport(ev, times);
    expect(r.headline).toContain('its pods cannot reach the instance metadata service (169.254.169.254 times out: IMDSv2 hop limit 1 on the nodes\' launch template)');
  });

  it.each([
    ['operation error ec2imds: GetToken, canceled, context deadline exceeded', true],
    ['software.amazon.awssdk.core.exception.SdkClientException: Unable to load credentials from any of the providers in the chain: [InstanceProfileCredentialsProvider(): Failed to load credentials from IMDS.]', true],
    ['Error retrieving credentials from the instance profile metadata service. (Client error: `GET http://169.254.169.254/latest/meta-data/iam/security-credentials/` resulted in a `404 Not Found` response)', false],
    ['dial tcp 10.0.4.12:5432: i/o timeout', false],
  ])('reads %s as the metadata service not answering: %s', (line, yes) => {
    expect(findMetadataUnreachable([line]) !== undefined).toBe(yes);
  });

  it('does not blame the PUT hop limit for an IMDSv1 GET that times out', () => {
    expect(findMetadataUnreachable(['GET http://169.254.169.254/latest/meta-data/iam/security-credentials/ timed out'])?.token).toBe(false);
  });
});
