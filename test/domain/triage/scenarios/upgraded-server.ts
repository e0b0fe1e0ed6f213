// The server a client calls, as the collector reads it when the client's errors point at an
// upgrade under it: its StatefulSet's revisions and its pod (server-upgrade.ts).
import type { DependencyPodEvidence } from '../../../../src/domain/triage/evidence-server-config.js';
import type { RevisionEvidence } from '../../../../src/domain/triage/evidence-spec.js';
import { container, minutesAgo, pod } from './builders.js';

/** One revision of the server's StatefulSet, running `image`, created `ago` minutes ago. */
export const serverRevision = (name: string, n: number, hash: string, ago: number, image: string): RevisionEvidence => ({
  revision: n, name: `${name}-${hash}`, hash, createdAt: minutesAgo(ago),
  containers: [{ name: 'server', image, env: [], envFrom: [], resources: { requests: {}, limits: {} } }],
});

/** The server's pod as the collector reads it: owned by its StatefulSet, running the newest revision. */
export function serverPod(name: string, image: string, rollout?: { current: RevisionEvidence; previous: RevisionEvidence }): DependencyPodEvidence {
  return {
    service: name,
    pod: pod(7, { name: `${name}-0`, labels: { app: name, 'controller-revision-hash': `${name}-abc123` }, revisionHash: `${name}-abc123`, ownerWorkload: { kind: 'StatefulSet', name }, containers: [container({ name: 'server', image })] }),
    logs: [],
    ...(rollout ? { rollout: { statefulSet: name, ...rollout } } : {}),
  };
}
