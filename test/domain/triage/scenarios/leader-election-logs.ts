// Log lines of a controller-runtime manager and client-go's leader election, for the lease tests.

const LEASE = 'tenant-system/tenant-operator.platform.acme.io';
const URL = `https://172.20.0.1:443/apis/coordination.k8s.io/v1/namespaces/tenant-system/leases/tenant-operator.platform.acme.io?timeout=5s`;

/** A controller-runtime manager's run: it acquires the lease, starts its workers, then cannot renew. */
export const LEASE_LOST_RUN = [
  '{"level":"info","ts":"2026-11-21T03:11:18.000Z","logger":"setup","msg":"starting manager","version":"v2.7.1"}',
  `I1121 03:11:18.300342       1 leaderelection.go:254] attempting to acquire leader lease ${LEASE}...`,
  `I1121 03:11:19.800144       1 leaderelection.go:268] successfully acquired lease ${LEASE}`,
  '{"level":"info","ts":"2026-11-21T03:11:32.400Z","msg":"Starting workers","controller":"tenant","worker count":8}',
  '{"level":"info","ts":"2026-11-21T03:11:45.000Z","logger":"tenant","msg":"slow reconcile","tenant":"t-0412","duration":"9.84s","threshold":"2s"}',
  `E1121 03:12:34.200324       1 leaderelection.go:436] error retrieving resource lock ${LEASE}: Get "${URL}": context deadline exceeded`,
  `I1121 03:12:41.400374       1 leaderelection.go:297] failed to renew lease ${LEASE}: context deadline exceeded`,
  '{"level":"error","ts":"2026-11-21T03:12:41.700Z","logger":"setup","msg":"problem running manager","error":"leader election lost"}',
];
