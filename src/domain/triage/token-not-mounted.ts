/**
 * A Kubernetes client that cannot load its in-cluster configuration because the pod has no
 * service-account token: client libraries read /var/run/secrets/kubernetes.io/serviceaccount
 * (token, ca.crt, namespace), which the kubelet mounts only while automountServiceAccountToken is
 * on — in the pod spec, else in its ServiceAccount. A hardening change that turns it off for a pod
 * whose process talks to the API stops it at start with "no such file". Not RBAC: no request
 * reached the API server. The fix is the token for this pod (automount on, or a projected token
 * volume at that path), not the rest of the hardening.
 */
import type { PodEvidence, RevisionEvidence } from './evidence.js';
import type { ToldReading } from './told-reading.js';
import { capitalize } from '../text.js';

const TOKEN_DIR = '/var/run/secrets/kubernetes.io/serviceaccount';

/** A client's words for the token files it could not open: Go, Java, Node (ENOENT) and Python's. */
const MISSING_TOKEN = /\/var\/run\/secrets\/kubernetes\.io\/serviceaccount\/(?:token|ca\.crt|namespace)\b[^\n]{0,80}?(?:no such file|not found|does not exist|ENOENT)|ENOENT[^\n]{0,80}\/var\/run\/secrets\/kubernetes\.io\/serviceaccount\/|service token file does not exists?/i;

export interface TokenNotMounted {
  line: string;
  /** The revision whose template turns the token off, when one does. */
  revision?: RevisionEvidence;
  /** The pods' ServiceAccount, when the spec leaves automount to it. */
  account?: string;
}

/** Whether a pod has the token at all: the projected token the kubelet injects, or any volume mounted at its directory. */
function hasToken(pod: PodEvidence, container: string): boolean {
  if (pod.serviceAccountTokenSeconds !== undefined) return true;
  const c = pod.containers.find((x) => x.name === container) ?? pod.initContainers.find((x) => x.name === container);
  return (c?.volumeMounts ?? []).some((m) => TOKEN_DIR.startsWith(m.mountPath.replace(/\/$/, '')) && m.mountPath !== '/');
}

/**
 * The client's refusal for a missing token, in pods that mount none: by the template's
 * automountServiceAccountToken: false when their revision sets it, else by their ServiceAccount's.
 * Undefined when the pods do have a token (another fault hides the file) or no line says so.
 */
export function findTokenNotMounted(lines: readonly string[], pods: readonly PodEvidence[], container: string, revisions: readonly RevisionEvidence[]): TokenNotMounted | undefined {
  const line = [...lines].reverse().find((l) => MISSING_TOKEN.test(l));
  if (line === undefined || pods.length === 0 || pods.some((p) => hasToken(p, container))) return undefined;
  const revision = revisions.find((r) => r.template?.automountServiceAccountToken === false && pods.some((p) => p.revisionHash !== undefined && p.revisionHash === r.hash));
  if (revision !== undefined) return { line, revision };
  const template = revisions.find((r) => pods.some((p) => p.revisionHash !== undefined && p.revisionHash === r.hash))?.template;
  // The template turning it on would mount it whatever the account says: some other cause took it off.
  if (template?.automountServiceAccountToken === true) return undefined;
  return { line, account: pods[0]?.serviceAccountName ?? 'default' };
}

export function tellTokenNotMounted(found: TokenNotMounted, container: string): ToldReading {
  const where = found.revision !== undefined
    ? `revision ${found.revision.revision}'s pod template sets automountServiceAccountToken: false`
    : `the pod template leaves automountServiceAccountToken unset, so ServiceAccount ${found.account ?? 'default'} decides, and the pods mount no token (the account, or an admission webhook, turns it off)`;
  const fix = found.revision !== undefined
    ? 'set automountServiceAccountToken: true for this pod (or mount a projected service-account token volume)'
    : `set automountServiceAccountToken: true in the pod template (it overrides ServiceAccount ${found.account ?? 'default'}), or mount a projected service-account token volume`;
  return {
    title: `: no service-account token is mounted (${found.revision !== undefined ? 'automountServiceAccountToken: false' : `the template leaves automountServiceAccountToken to ServiceAccount ${found.account ?? 'default'}`})`,
    cause: `${container}'s Kubernetes client reads its in-cluster configuration from ${TOKEN_DIR}, which the kubelet mounts only while automountServiceAccountToken is on; ${where}, so the pods get no token and the client stops at start ("no such file"). No request reached the API server: the account's permissions are not involved.`,
    action: `${capitalize(fix)}: client libraries read it at ${TOKEN_DIR}. The rest of the pod's hardening can stay.`,
    fix,
    evidence: [where],
  };
}
