// A container whose log says its proxied requests fail on an upstream inside the pod (nginx on
// php-fpm's unix socket, or on 127.0.0.1:9000): the server is a neighbour container, and only its
// own log says why it does not answer (php-fpm: "server reached pm.max_children setting"), on
// which address it listens (127.0.0.1 only, when the client dialed ::1), or why a sidecar that
// accepted the connection closed it (a database auth proxy refused by its cloud API). The
// current log tail of at most two such containers, in one pod; nothing when no log names one.
import type { LogEvidence, PodEvidence } from '../../domain/triage/evidence.js';
import { pickLocalUpstreamServers } from '../../domain/triage/local-upstream.js';
import type { CollectContext } from './collect-context.js';
import { readLogs } from './read-pod-details.js';

export async function readLocalUpstreamLogs(ctx: CollectContext, pods: readonly PodEvidence[], logs: readonly LogEvidence[]): Promise<LogEvidence[]> {
  const picked = pickLocalUpstreamServers(pods, logs);
  if (picked.length === 0) return [];
  return readLogs(ctx, picked.map((p) => ({ ...p, previous: false, why: 'beside' as const })));
}
