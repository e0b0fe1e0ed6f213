// A pull the registry refuses for its credentials: the pull secrets the failing pods' spec
// references (their own, and those admission copied from their ServiceAccount) are where the
// current credentials go — a rotated robot account or token leaves them stale. Named from the pod
// spec only; the Secret itself is never read, so nothing is said of what it holds.
import type { PodEvidence } from './evidence.js';

/** A registry's refusal of the pull's credentials: none sent, wrong ones, or a token past its lifetime. */
export const CREDENTIALS_REFUSED = /unauthorized|\b401\b|\b403\b|forbidden|authorization failed|no basic auth credentials|authentication required|access to the resource is denied|pull access denied|authorization token has expired|token (?:has |is )?expired|expired token|reauthenticate/i;
/** The registry says the token it was sent ran out (ECR: "Your authorization token has expired. Reauthenticate and try again."). */
export const TOKEN_EXPIRED = /authorization token has expired|token (?:has |is )?expired|expired token|reauthenticate/i;

export interface PullSecretAdvice {
  evidence: string;
  /** The action and the fix, when the pods name a secret to update. */
  action?: string;
  fix?: string;
}

export function describePullSecrets(pods: readonly PodEvidence[], namespace: string, failure: 'unauthorized' | 'denied-or-missing'): PullSecretAdvice {
  const secrets = [...new Set(pods.flatMap((p) => p.imagePullSecrets ?? []).filter((s) => s !== ''))];
  if (secrets.length === 0) return { evidence: 'the failing pods reference no imagePullSecrets: the registry got only what the node itself holds' };
  const list = secrets.join(', ');
  const them = secrets.length === 1 ? `the pull secret ${list}` : `the pull secrets ${list}`;
  const first = failure === 'denied-or-missing' ? 'Check the image name first; if it is right, update' : 'Update';
  return {
    evidence: `the failing pods pull with imagePullSecrets ${list} (named in their spec; the Secret itself is not read)`,
    action: `${first} ${them} in ${namespace} with the registry's current credentials (a rotated robot account, token or password leaves ${secrets.length === 1 ? 'it' : 'them'} stale)`,
    fix: `${failure === 'denied-or-missing' ? 'check the image name, else ' : ''}update ${them} with the registry's current credentials`,
  };
}
