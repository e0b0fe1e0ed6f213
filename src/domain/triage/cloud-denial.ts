// A cloud API's refusal of the caller's own identity (an IAM role, a service account, a managed
// identity): the storage driver may not create the volume, whatever the capacity or quota.

export interface CloudDenial {
  /** The cloud's error code: UnauthorizedOperation, AccessDenied, PermissionDenied, AuthorizationFailed. */
  code: string;
  /** The API action refused: ec2:CreateVolume, compute.disks.create, Microsoft.Compute/disks/write. */
  action?: string;
  /** The identity refused, when the message names it (an AWS role). */
  principal?: string;
}

const CODES = /\b(UnauthorizedOperation|AccessDenied(?:Exception)?|AuthorizationFailed|PermissionDenied|PERMISSION_DENIED|Forbidden)\b/;
/** Denials whose code the message does not carry as a word. */
const PHRASES = /not authori[sz]ed to perform|does not have authorization to perform|Required '[^']+' permission/i;

const ACTIONS = [
  /not authori[sz]ed to perform:? ([\w-]+:[\w*]+)/i, // AWS
  /Required '([^']+)' permission/i, // GCP
  /authorization to perform action '([^']+)'/i, // Azure
];

/** The refusal in a provisioner's (or any cloud client's) error message; undefined when it is none. */
export function findCloudDenial(message: string): CloudDenial | undefined {
  const code = CODES.exec(message)?.[1];
  if (code === undefined && !PHRASES.test(message)) return undefined;
  const action = ACTIONS.map((re) => re.exec(message)?.[1]).find((a) => a !== undefined);
  const principal = /assumed-role\/([^/\s]+)/.exec(message)?.[1];
  return { code: code ?? 'permission denied', ...(action !== undefined ? { action } : {}), ...(principal !== undefined ? { principal } : {}) };
}

/** The part of the message that says it: from the code on, a sentence long. */
export function quoteCloudDenial(message: string, denial: CloudDenial): string {
  const at = message.indexOf(denial.code);
  const from = at >= 0 ? message.slice(at) : message;
  return (/^[^.]*\./.exec(from)?.[0] ?? from).trim();
}
