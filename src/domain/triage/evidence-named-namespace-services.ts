/**
 * The Services of another namespace whose cluster-local name (`name.namespace.svc…`) the workload's
 * logs say does not resolve: one list of that namespace, names, ages and ports only. A Service gone
 * from there (renamed by a chart upgrade) leaves the name unresolvable; its successor is listed.
 */
import type { IsoTime } from './evidence-spec.js';

export interface NamedNamespaceServicesEvidence {
  namespace: string;
  services: { name: string; createdAt?: IsoTime; ports: string[] }[];
}
