/**
 * An AWS SDK that ignores the pod's web identity (IRSA, EKS Pod Identity's predecessor): the pod
 * carries AWS_ROLE_ARN and AWS_WEB_IDENTITY_TOKEN_FILE, but the call that AWS denies ran as the
 * node's instance role (an assumed-role whose session is the EC2 instance id, i-…). The SDK fell
 * through its credential chain to the instance metadata: it is too old to know web identity
 * (boto3 < 1.9.220, botocore < 1.12.200, AWS SDK for Java < 1.11.704, Go < 1.23.13), or the code
 * builds its credentials another way. The role and the ServiceAccount are right; the image is not.
 */
import type { ContainerSpecEvidence } from './evidence-pod.js';
import type { ClientDiagnosis } from './client-diagnosis-reading.js';
import { findCloudDenial } from './cloud-denial.js';

/** "assumed-role/<role>/<session>" whose session is an EC2 instance id: the node's instance profile. */
const INSTANCE_ROLE = /assumed-role\/([^/\s]+)\/(i-[0-9a-f]{8,17})\b/;

/** The SDK's version as the process logs it ("boto3 1.9.86, botocore 1.12.86", "aws-sdk-java/1.11.600"). */
const SDK_VERSION = /\b(boto3|botocore|aws-sdk-java|aws-sdk-go|aws-sdk-js|aws-java-sdk(?:-[a-z]+)?)[\s/=:v]+(\d+\.\d+\.\d+)/gi;

/** The first version of each SDK that reads AWS_WEB_IDENTITY_TOKEN_FILE. */
const WEB_IDENTITY_SINCE: Record<string, string> = {
  boto3: '1.9.220', botocore: '1.12.200', 'aws-sdk-java': '1.11.704', 'aws-java-sdk': '1.11.704', 'aws-sdk-go': '1.23.13', 'aws-sdk-js': '2.525.0',
};

function isOlder(version: string, than: string): boolean {
  const a = version.split('.').map(Number);
  const b = than.split('.').map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d < 0;
  }
  return false;
}

/** An AWS SDK the process logs, with the first version of it that reads the web identity token. */
export interface LoggedSdk {
  sdk: string;
  version: string;
  since: string;
  /** The version predates web identity. */
  old: boolean;
}

/** The AWS SDKs the lines name with their versions (the first mention of each). */
export function findLoggedSdks(lines: readonly string[]): LoggedSdk[] {
  const found = new Map<string, string>();
  for (const l of lines) for (const m of l.matchAll(SDK_VERSION)) if (m[1] && m[2] && !found.has(m[1].toLowerCase())) found.set(m[1].toLowerCase(), m[2]);
  return [...found.entries()].flatMap(([sdk, version]) => {
    const since = WEB_IDENTITY_SINCE[sdk] ?? (sdk.startsWith('aws-java-sdk') ? WEB_IDENTITY_SINCE['aws-java-sdk'] : undefined);
    return since !== undefined ? [{ sdk, version, since, old: isOlder(version, since) }] : [];
  });
}

/** The SDKs the lines name at a version that predates web identity. */
function findOldSdks(lines: readonly string[]): LoggedSdk[] {
  return findLoggedSdks(lines).filter((s) => s.old);
}

export function envValue(containers: readonly Pick<ContainerSpecEvidence, 'env'>[], name: string): string | undefined {
  for (const c of containers) for (const e of c.env ?? []) if (e.name === name && 'value' in e) return e.value;
  return undefined;
}

export function explainIgnoredWebIdentity(errors: readonly string[], lines: readonly string[], containers: readonly Pick<ContainerSpecEvidence, 'name' | 'env'>[]): ClientDiagnosis | undefined {
  const roleArn = envValue(containers, 'AWS_ROLE_ARN');
  const tokenFile = envValue(containers, 'AWS_WEB_IDENTITY_TOKEN_FILE');
  if (roleArn === undefined || tokenFile === undefined) return undefined;
  const denied = errors.find((l) => findCloudDenial(l) !== undefined && INSTANCE_ROLE.test(l));
  const m = denied === undefined ? null : INSTANCE_ROLE.exec(denied);
  if (denied === undefined || m === null) return undefined;
  const [, nodeRole = '', instance = ''] = m;
  const action = findCloudDenial(denied)?.action;
  const old = findOldSdks(lines);
  const sdk = old.length > 0 ? `the SDK in the image is too old to use web identity: ${old.map((o) => `${o.sdk} ${o.version} (web identity since ${o.since})`).join(', ')}` : 'the SDK does not use web identity (too old, or the code builds its own credentials)';
  const fix = `rebuild the image with ${old.length > 0 ? old.map((o) => `${o.sdk} ≥ ${o.since}`).join(', ') : 'an AWS SDK that supports web identity'} so it uses the pod's IRSA role; do not grant the node role access instead`;
  const oldSaid = old.length > 0 ? `its ${old.map((o) => `${o.sdk} ${o.version}`).join(' / ')} predate web identity` : 'its SDK ignores web identity';
  return {
    summary: `AWS denies ${action ?? 'the calls'} to the node's instance role ${nodeRole}, not the pod's IRSA role: ${oldSaid}`,
    likelyCause:
      `The pod carries IRSA web identity credentials (AWS_ROLE_ARN=${roleArn}, AWS_WEB_IDENTITY_TOKEN_FILE=${tokenFile}), yet the denied principal is the node's instance role ${nodeRole} (session ${instance}, an EC2 instance): ${sdk}, so it ignored AWS_WEB_IDENTITY_TOKEN_FILE and fell back to the instance metadata credentials. ` +
      `The ServiceAccount and its role are not at fault; a new image (a rebuilt or older base image) that brought the old SDK is the usual trigger.`,
    nextAction: `${fix.charAt(0).toUpperCase()}${fix.slice(1)}; a rollback to the previous image restores service meanwhile.`,
    fix,
  };
}
