/**
 * A cloud storage service that authenticates the pods' identity and still refuses the data call:
 * Azure Storage's 403 AuthorizationPermissionMismatch, GCS's "does not have storage.objects.*
 * access", S3's "is not authorized to perform: s3:PutObject". The credentials are accepted; the
 * identity's role or policy lacks the data permission. On Azure the usual gap is a
 * management-plane role (Owner, Contributor) that grants no data access: blobs need a data-plane
 * role (Storage Blob Data Contributor or Reader). The fix is the role assignment, not the app; a
 * revision that moved the app onto this identity is no way back unless its old credentials still
 * work, which nothing in the cluster shows.
 */
import type { ClientDiagnosis } from './client-diagnosis-reading.js';
import type { ContainerSpecEvidence } from './evidence-pod.js';
import { capitalize } from '../text.js';
import { envValue } from './web-identity-ignored.js';

const AZURE = /\bAuthorizationPermissionMismatch\b/;
const AZURE_ENDPOINT = /https?:\/\/([a-z0-9]{3,24})\.(blob|dfs|queue|table|file)\.core\.windows\.net/i;
const GCS = /does not have (storage\.[\w.]+) access/;
const GCS_PRINCIPAL = /([\w.-]+@[\w.-]+\.iam\.gserviceaccount\.com)/;
const S3 = /is not authori[sz]ed to perform:? (s3:\w+)/;
const S3_PRINCIPAL = /assumed-role\/([^/\s]+)/;

/** The Azure data-plane role for a storage service: what it takes to read and write its data. */
const AZURE_ROLES: Record<string, string> = {
  blob: 'Storage Blob Data Contributor (or Storage Blob Data Reader for reads only)',
  dfs: 'Storage Blob Data Contributor (or Storage Blob Data Reader for reads only)',
  queue: 'Storage Queue Data Contributor',
  table: 'Storage Table Data Contributor',
  file: 'Storage File Data SMB Share Contributor',
};

const NO_ROLLBACK = 'no rollback: the refusal is the identity\'s role assignment, which no revision of the app changes; go back to the previous revision\'s credentials only if they are known to still be accepted';

export function explainCloudDataPlaneDenial(errors: readonly string[], lines: readonly string[], containers: readonly Pick<ContainerSpecEvidence, 'env'>[]): ClientDiagnosis | undefined {
  if (errors.length === 0) return undefined;
  const all = [...errors, ...lines];
  if (all.some((l) => AZURE.test(l))) {
    const endpoint = all.map((l) => AZURE_ENDPOINT.exec(l)).find((m) => m !== null);
    const account = endpoint?.[1];
    const service = (endpoint?.[2] ?? 'blob').toLowerCase();
    const role = AZURE_ROLES[service] ?? AZURE_ROLES.blob ?? '';
    const clientId = envValue(containers, 'AZURE_CLIENT_ID');
    const who = clientId !== undefined ? `the pods' managed identity (workload identity, AZURE_CLIENT_ID ${clientId})` : 'the identity the pods call as';
    const where = account !== undefined ? `storage account ${account}` : 'the storage account';
    const fix = `grant ${who} the data-plane role ${role} on ${where} (a management-plane role such as Contributor gives no data access)`;
    return {
      summary: `Azure Storage refuses the ${service} calls with 403 AuthorizationPermissionMismatch: ${who} has no data-plane role on ${where}`,
      likelyCause:
        `Azure accepts the identity and refuses the operation (403 AuthorizationPermissionMismatch): its role assignments on ${where} carry no data action for ${service} data. ` +
        `Management-plane roles (Owner, Contributor) manage the account but do not read or write its data; that takes a data-plane role (${role}). Role assignments live outside the cluster: restarting the pods will not help.`,
      nextAction: `${capitalize(fix)}; ${NO_ROLLBACK}.`,
      fix,
      noRollback: NO_ROLLBACK,
    };
  }
  const gcs = all.map((l) => GCS.exec(l)).find((m) => m !== null);
  if (gcs) {
    const permission = gcs[1] ?? 'storage.objects.*';
    const principal = all.map((l) => GCS_PRINCIPAL.exec(l)?.[1]).find((p) => p !== undefined);
    const who = principal !== undefined ? `service account ${principal}` : 'the service account the pods call as';
    const role = /\.(create|delete|update)$/.test(permission) ? 'roles/storage.objectUser (or objectCreator for writes only)' : 'roles/storage.objectViewer';
    const fix = `grant ${who} ${permission} on the bucket (${role})`;
    return {
      summary: `GCS refuses ${permission} (403): ${who} lacks the data permission`,
      likelyCause: `GCS accepts the identity and refuses the operation: ${who} has no role on the bucket that carries ${permission}. IAM lives outside the cluster: restarting the pods will not help.`,
      nextAction: `${capitalize(fix)}; ${NO_ROLLBACK}.`,
      fix,
      noRollback: NO_ROLLBACK,
    };
  }
  const s3 = all.map((l) => S3.exec(l)).find((m) => m !== null);
  if (s3) {
    const action = s3[1] ?? 's3:*';
    const principal = all.map((l) => S3_PRINCIPAL.exec(l)?.[1]).find((p) => p !== undefined);
    const who = principal !== undefined ? `role ${principal}` : 'the role the pods call as';
    const fix = `allow ${action} on the bucket to ${who} (its IAM policy; check the bucket policy for a Deny too)`;
    return {
      summary: `S3 refuses ${action} (AccessDenied, 403): ${who} lacks the permission`,
      likelyCause: `AWS accepts the identity and refuses the operation: the IAM policy of ${who}, or the bucket policy, does not allow ${action}. Policies live outside the cluster: restarting the pods will not help.`,
      nextAction: `${capitalize(fix)}; ${NO_ROLLBACK}.`,
      fix,
      noRollback: NO_ROLLBACK,
    };
  }
  return undefined;
}
