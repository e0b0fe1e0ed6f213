/**
 * An object store that denies the pods' writes (or reads) on a bucket: S3's AccessDenied (403),
 * GCS's 403, Azure's AuthorizationPermissionMismatch, quoted with the s3a:// (gs://, abfss://)
 * path the client was writing. The store is up and answering; its policy, or the role the pods
 * run as, no longer allows the operation — a bucket policy edited outside the cluster is as
 * likely as a role change. A stream processor that checkpoints there (Flink) then fails its
 * checkpoints until it exceeds the tolerable failures and restarts the job, again and again,
 * while its pods stay Running.
 */
import type { ClientDiagnosis } from './client-diagnosis-reading.js';

const DENIED = /AccessDenied|Access Denied|Status Code: 403|\b403 Forbidden|PERMISSION_DENIED|AuthorizationPermissionMismatch|AuthorizationFailure/;
const STORE_PATH = /\b(s3a?|s3n|gs|abfss?|wasbs?|oss):\/\/([a-z0-9][a-z0-9._-]{1,62})(\/[^\s:]*)?/i;
const WRITE = /\bPUT\b|PutObject|upload|Could not flush|\bwrit(e|ing)\b|\bcreate\b/i;
const READ = /\bGET\b|GetObject|\bread(ing)?\b|\bopen\b/i;

/** Flink's own words for what the failed checkpoints do to the job. */
const TOLERABLE_EXCEEDED = /Exceeded checkpoint tolerable failure threshold/;
const JOB_RESTARTING = /switched from state RUNNING to RESTARTING/;

/** The store's own name for the operation, for the policy to check. */
function actionOf(scheme: string, write: boolean): string {
  if (/^s3/i.test(scheme)) return write ? 's3:PutObject' : 's3:GetObject';
  if (/^gs$/i.test(scheme)) return write ? 'storage.objects.create' : 'storage.objects.get';
  return write ? 'write' : 'read';
}

export function explainObjectStoreDenial(errors: readonly string[], lines: readonly string[]): ClientDiagnosis | undefined {
  const denied = errors.find((l) => DENIED.test(l) && STORE_PATH.test(l));
  const m = denied === undefined ? null : STORE_PATH.exec(denied);
  if (denied === undefined || m === null) return undefined;
  const [, scheme = 's3', bucket = '', path = ''] = m;
  const write = WRITE.test(denied) || !READ.test(denied);
  const action = actionOf(scheme, write);
  const verb = write ? 'writes to' : 'reads of';
  const checkpoints = /checkpoint|\/chk-\d+/i.test(path) || lines.some((l) => TOLERABLE_EXCEEDED.test(l));
  const exceeded = lines.filter((l) => TOLERABLE_EXCEEDED.test(l)).length;
  const restarts = lines.filter((l) => JOB_RESTARTING.test(l)).length;
  const job = exceeded > 0 || restarts > 0
    ? `: the job exceeds its tolerable checkpoint failure threshold and restarts, again and again (RESTARTING${Math.max(exceeded, restarts) > 1 ? ` ${Math.max(exceeded, restarts)} times in its last lines` : ''})`
    : '';
  const what = checkpoints ? `checkpoint ${verb}` : verb;
  const fix = `restore ${action} on ${bucket}: check its bucket policy (a Deny, e.g. one requiring SSE-KMS) and the IAM policy of the pods' role`;
  return {
    summary: `${what} ${scheme}://${bucket} are denied (AccessDenied on ${action})${job}`,
    likelyCause:
      `The object store answers but denies ${action} on bucket ${bucket}${path ? ` (${scheme}://${bucket}${path})` : ''}: its bucket policy or the IAM permissions of the role the pods run as no longer allow it. ` +
      `${job ? `No checkpoint completes${job}; each restart replays from the last good checkpoint while the pods stay Running and Ready. ` : ''}` +
      `A policy edited outside the cluster changes nothing Kubernetes can show: restarting the pods will not help.`,
    nextAction: `${fix.charAt(0).toUpperCase()}${fix.slice(1)}.`,
    fix,
  };
}
