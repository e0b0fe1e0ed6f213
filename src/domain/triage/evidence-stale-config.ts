// A ConfigMap the failing pods read in a way that is never refreshed (a subPath mount, env), read
// only when their logs say a named dependency host fails: whether its data still names that host,
// the lines that name a host like it now, and when and by whom its data was last written. The rest
// of the data is dropped as it is read.
import type { IsoTime } from './evidence-spec.js';

/** `catalog-api-config`: no longer names catalog-db-1…; settings.yaml `host: catalog-db-2…`, written 3h ago by kubectl-edit. */
export interface StaleConfigEvidence {
  configMap: string;
  /** The host the failing pods' logs name (no port). */
  host: string;
  /** The data still names that host somewhere. */
  holdsHost: boolean;
  /** Lines naming a host that resembles it (same parent domain or same name stem): what the data says now. */
  lines: { key: string; line: string }[];
  /** The newest managedFields write of its data. */
  changedAt?: IsoTime;
  /** The manager of that write (kubectl-edit, helm, argocd-controller…). */
  changedBy?: string;
}
