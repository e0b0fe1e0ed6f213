// When a ConfigMap a dependency's members mount was last written, and by whom (its newest
// managedFields entry): read only for a server that refuses its clients' credentials.
import type { IsoTime } from './evidence-spec.js';

export interface ConfigUpdateEvidence {
  configMap: string;
  /** The newest managedFields time of its data. */
  updatedAt: IsoTime;
  /** The field manager that wrote it ("helm", "kubectl-edit"). */
  by?: string;
}
