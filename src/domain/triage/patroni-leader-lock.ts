/**
 * Why every member of a Patroni cluster is a read-only replica: Patroni keeps its leader lock in
 * a Kubernetes object (the cluster's Endpoints, or a ConfigMap with use_configmaps) and renews it
 * every loop with the pods' service account. When the API refuses that write (403 Forbidden: the
 * Role lost patch/update), the primary cannot renew the lock, demotes itself ("demoting self because
 * failed to update leader lock in DCS"), and no member can take the lock after it, so the database
 * stays without a primary and refuses every write, while every pod runs and the clients' writes
 * fail "in a read-only transaction". Patroni's own log says so; the clients' errors never do.
 */
import type { ServerExplanation } from './server-explanation.js';

/** `Request failed to PATCH https://…/api/v1/namespaces/orders/endpoints/orders-db: 403 Forbidden {… User \"system:serviceaccount:orders:orders-db\" cannot patch …}`. */
export const PATRONI_LOCK_FORBIDDEN: ServerExplanation = {
  pattern: /Request failed to (PATCH|PUT|POST) \S*\/namespaces\/([\w.-]+)\/(endpoints|configmaps)\/([\w.-]+): 403 Forbidden(?:[^\n]*?system:serviceaccount:([\w.-]+):([\w.-]+))?/,
  describe: (m) => {
    const kind = m[3] ?? 'endpoints';
    const account = m[6] !== undefined ? `service account ${m[6]}` : "the pods' service account";
    return {
      said: `Patroni cannot write its leader lock: 403 Forbidden to its ${(m[1] ?? 'PATCH').toLowerCase()} of ${kind}/${m[4] ?? ''} as ${account}, so the primary demoted itself and no member can take the lock (all replicas)`,
      fix: `restore get/patch/update on ${kind}${kind === 'endpoints' ? ' (and configmaps)' : ''} in ${m[2] ?? ''} to ${account}'s Role, so Patroni can take the leader lock again`,
    };
  },
};
