/**
 * An AWS SDK whose credential chain finds no provider at all in a pod that carries IRSA's web
 * identity (AWS_ROLE_ARN and AWS_WEB_IDENTITY_TOKEN_FILE, injected for a service account with a
 * role annotation). An SDK that knows web identity tries the token first and, when that fails,
 * says so (WebIdentityErr, AssumeRoleWithWebIdentity); one that ends on "no providers" never read
 * the token file: it predates web identity (aws-sdk-go < 1.23.13, boto3 < 1.9.220, Java < 1.11.704,
 * JS v2 < 2.525.0), or the code builds its own chain without it. The chain's last provider is the
 * node's instance metadata, which gave nothing either: when a revision moved the pods to the
 * service account, it is the "since", but the revision before it (the node's role) is no way back.
 */
import type { ContainerSpecEvidence } from './evidence-pod.js';
import type { RevisionEvidence } from './evidence-spec.js';
import { listStepsBack } from './revision-diff.js';
import type { ToldReading } from './told-reading.js';
import { type LoggedSdk, envValue, findLoggedSdks } from './web-identity-ignored.js';

/** The SDKs' words for a credential chain that found no provider (Go v1, boto, Java v1/v2, JS v2/v3, Ruby). */
const CHAIN_EXHAUSTED = /NoCredentialProviders|no valid providers in chain|Unable to locate credentials|NoCredentialsError|Could not load credentials from any providers|Unable to load (?:AWS )?credentials from any (?:of the )?providers? in the chain|Missing credentials in config|MissingCredentialsError/i;
/** The SDK did try web identity (and says why it failed): it knows the token; the refusal is another story. */
const WEB_IDENTITY_TRIED = /WebIdentity|AssumeRoleWithWebIdentity|web[ _-]identity|\bsts\b[^\n]{0,40}(?:module|class ?path)/i;

export interface UnreadWebIdentity {
  /** The log line that says the chain found no credentials. */
  line: string;
  roleArn: string;
  tokenFile: string;
  /** The AWS SDKs the process logs, with their versions. */
  sdks: LoggedSdk[];
  /** The revision that moved the pods to the service account (or gave them the role env), and the one before. */
  moved?: { revision: number; before: number; change: string };
}

/** The step back that gave the pods their web identity: a new serviceAccountName, or the role env set in the template. */
function findIdentityMove(revisions: readonly RevisionEvidence[], revisionHash: string | undefined): UnreadWebIdentity['moved'] {
  const [step] = listStepsBack(revisions, [{ ...(revisionHash !== undefined ? { revisionHash } : {}) }]);
  if (step === undefined) return undefined;
  const [newer, older] = step;
  const saWas = older.template?.serviceAccountName ?? 'default';
  const saNow = newer.template?.serviceAccountName ?? 'default';
  if (saWas !== saNow) return { revision: newer.revision, before: older.revision, change: `serviceAccountName ${saWas} → ${saNow}` };
  const roleNow = envValue(newer.containers, 'AWS_ROLE_ARN');
  if (roleNow !== undefined && envValue(older.containers, 'AWS_ROLE_ARN') === undefined) return { revision: newer.revision, before: older.revision, change: 'added AWS_ROLE_ARN' };
  return undefined;
}

/** The chain failure in a pod with web identity env, from its log; undefined when the SDK tried the token or the pod has none. */
export function findUnreadWebIdentity(input: { lines: readonly string[]; container: Pick<ContainerSpecEvidence, 'env'>; revisions: readonly RevisionEvidence[]; revisionHash?: string }): UnreadWebIdentity | undefined {
  const roleArn = envValue([input.container], 'AWS_ROLE_ARN');
  const tokenFile = envValue([input.container], 'AWS_WEB_IDENTITY_TOKEN_FILE');
  if (roleArn === undefined || tokenFile === undefined) return undefined;
  const recent = input.lines.slice(-60);
  if (recent.some((l) => WEB_IDENTITY_TRIED.test(l))) return undefined;
  const line = [...recent].reverse().find((l) => CHAIN_EXHAUSTED.test(l))?.trim();
  if (line === undefined) return undefined;
  const sdks = findLoggedSdks(input.lines);
  const moved = findIdentityMove(input.revisions, input.revisionHash);
  return { line, roleArn, tokenFile, sdks, ...(moved ? { moved } : {}) };
}

export interface UnreadWebIdentityTold extends ToldReading {
  evidence: string[];
  /** Why the revision before is no way back (Finding.noRollback); only when a revision brought the identity. */
  noRollback?: string;
  /** The logged SDK version settles it. */
  sure: boolean;
}

/** The finding's words: the SDK that does not read the token, the identity it ignores, and the rebuild that fixes it. */
export function tellUnreadWebIdentity(f: UnreadWebIdentity): UnreadWebIdentityTold {
  const old = f.sdks.filter((s) => s.old);
  const current = old.length === 0 ? f.sdks : [];
  const named = old.map((s) => `${s.sdk} ${s.version}`).join(' / ');
  const title = old.length > 0
    ? `: its AWS SDK finds no credentials, as ${named} predate${old.length === 1 ? 's' : ''} web identity (since ${old.map((s) => s.since).join(' / ')}) and ignore${old.length === 1 ? 's' : ''} the pod's IRSA token`
    : current.length > 0
      ? `: it finds no AWS credentials, as its credential chain leaves out the pod's IRSA web identity token`
      : `: its AWS SDK finds no credentials, as it does not read the pod's IRSA web identity token`;
  const why = old.length > 0
    ? `the SDK in the image is too old to know web identity (${old.map((s) => `${s.sdk} ${s.version}; web identity since ${s.since}`).join(', ')})`
    : current.length > 0
      ? `${current.map((s) => `${s.sdk} ${s.version}`).join(' / ')} knows web identity, so the code must build its own credential chain without it`
      : 'the SDK in the image is too old to know web identity (aws-sdk-go before 1.23.13, boto3 before 1.9.220 / botocore before 1.12.200, the Java SDK before 1.11.704, the JavaScript SDK v2 before 2.525.0), or the code builds its own credential chain without it';
  const moved = f.moved ? `Revision ${f.moved.revision} (${f.moved.change}) gave the pods IRSA web identity` : 'The pods carry IRSA web identity';
  const fix = old.length > 0
    ? `rebuild the image with a current ${old.map((s) => s.sdk).join(' / ')} (web identity since ${old.map((s) => s.since).join(' / ')}) so it reads the pod's web identity token`
    : current.length > 0
      ? "build the AWS credentials with the SDK's default chain (or its web identity provider) so the process reads the pod's token"
      : "rebuild the image with a current AWS SDK (one that reads AWS_WEB_IDENTITY_TOKEN_FILE) so it uses the pod's role";
  const noRollback = f.moved
    ? `going back to revision ${f.moved.before} only returns the pods to the node's instance role, which this same chain got nothing from either: a rollback would most likely fail the same way`
    : undefined;
  return {
    title,
    cause:
      `${moved} (AWS_ROLE_ARN=${f.roleArn}, AWS_WEB_IDENTITY_TOKEN_FILE=${f.tokenFile}), yet the process's credential chain found no provider at all ("${f.line.slice(0, 200)}"): ${why}. ` +
      'An SDK that reads the token would have tried the role and named its refusal; this one never read the token file, fell through to the node\'s instance metadata, and got nothing there either. The role itself is never asked for, so its policy is not what fails.',
    action: `${fix.charAt(0).toUpperCase()}${fix.slice(1)}; restarting the pods will not help.`,
    fix,
    evidence: [
      `the pod carries IRSA web identity env: AWS_ROLE_ARN=${f.roleArn}, AWS_WEB_IDENTITY_TOKEN_FILE=${f.tokenFile}`,
      ...f.sdks.map((s) => `the process logs ${s.sdk} ${s.version}: ${s.old ? 'older than' : 'at or past'} ${s.since}, the first to read the web identity token`),
      ...(f.moved ? [`revision ${f.moved.revision} changed ${f.moved.change}`] : []),
    ],
    ...(noRollback ? { noRollback } : {}),
    sure: old.length > 0,
  };
}
