// The Istio sidecar's log of one failing pod, only where its calls go to a Service of the namespace
// whose TCP port is declared HTTP (mesh-protocol.ts): the proxy's access log shows its HTTP codec
// rejecting the wire protocol (400 DPE http1.codec_error), which the app's own errors only hint at.
// Or where the app's log has 502s from a host outside the cluster (mesh-egress-blocked.ts): the
// proxy's access log shows whether the sidecar answered them itself (block_all, BlackHoleCluster).
// One current log tail, nothing else.
import type { LogEvidence, PodEvidence, ServiceEvidence } from '../../domain/triage/evidence.js';
import { pickMeshProxyLog } from '../../domain/triage/mesh-protocol.js';
import { pickEgressProxyLog } from '../../domain/triage/mesh-egress-blocked.js';
import type { CollectContext } from './collect-context.js';
import { readLogs } from './read-pod-details.js';

export async function readMeshProxyLog(ctx: CollectContext, pods: readonly PodEvidence[], logs: readonly LogEvidence[], services: readonly ServiceEvidence[]): Promise<LogEvidence[]> {
  const picked = pickMeshProxyLog(pods, logs, services) ?? pickEgressProxyLog(pods, logs);
  if (picked === undefined) return [];
  return readLogs(ctx, [{ pod: picked.pod, container: picked.container, previous: false, why: 'beside', restarts: 0 }]);
}
