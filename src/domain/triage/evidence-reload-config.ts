// The ConfigMap a proxy's controller renders its config from (`--configmap=ns/name`), read only
// when its reloads fail on a directive the config test rejects: the keys whose value names that
// directive, with the lines that do, and when and by whom its data was last written. The rest of
// the data is dropped as it is read.
import type { IsoTime } from './evidence-spec.js';

/** `ingress-nginx/ingress-nginx-controller`: key http-snippet sets `proxy_buffers_size 16k;`, written 47m ago by kubectl-edit. */
export interface ReloadConfigEvidence {
  namespace: string;
  configMap: string;
  /** The directive looked for (from the proxy's message). */
  directive: string;
  /** The keys and lines that name it; empty when none does (it comes from elsewhere: an Ingress's snippet annotation, the template). */
  lines: { key: string; line: string }[];
  /** The newest managedFields write of its data. */
  changedAt?: IsoTime;
  /** The manager of that write (kubectl-edit, helm, argocd-controller…). */
  changedBy?: string;
}
