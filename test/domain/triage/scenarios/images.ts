import type { TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { IMAGE_V15, NS, REV6, REV7, baseEvidence, container, event, minutesAgo, pod, podName, revision, revisionContainer, workload } from './builders.js';

export const NOT_FOUND_MESSAGE =
  `Failed to pull image "${IMAGE_V15}": rpc error: code = NotFound desc = failed to pull and unpack image "${IMAGE_V15}": ` +
  `failed to resolve reference "${IMAGE_V15}": ${IMAGE_V15}: not found`;

/**
 * Revision 7 points at a tag that was never pushed: two new pods sit in ErrImagePull /
 * ImagePullBackOff while the old ReplicaSet keeps its four pods (maxUnavailable 1).
 */
export function imagePullScenario(message = NOT_FOUND_MESSAGE, image = IMAGE_V15): TriageEvidence {
  const newPods = [0, 1].map((i) =>
    pod(i, {
      revisionHash: REV7.hash,
      ready: false,
      phase: 'Pending',
      createdAt: minutesAgo(18),
      startTime: minutesAgo(18),
      containers: [
        container({
          image,
          ready: false,
          state: i === 0 ? { waiting: { reason: 'ImagePullBackOff', message: `Back-off pulling image "${image}"` } } : { waiting: { reason: 'ErrImagePull', message } },
        }),
      ],
    }),
  );
  const oldPods = [0, 1, 2, 3].map((i) => pod(i + 2, { name: podName(REV6.hash, i) }));
  const events = newPods.flatMap((p) => [
    event({ object: { kind: 'Pod', name: p.name, namespace: NS }, reason: 'Failed', message, count: 8, firstSeen: minutesAgo(18), lastSeen: minutesAgo(2) }),
    event({ object: { kind: 'Pod', name: p.name, namespace: NS }, reason: 'Failed', message: 'Error: ErrImagePull', count: 8, firstSeen: minutesAgo(18), lastSeen: minutesAgo(2) }),
    event({ object: { kind: 'Pod', name: p.name, namespace: NS }, type: 'Normal', reason: 'BackOff', message: `Back-off pulling image "${image}"`, count: 70, firstSeen: minutesAgo(18), lastSeen: minutesAgo(1) }),
  ]);
  const base = baseEvidence({ pods: [...newPods, ...oldPods], events });
  return {
    ...base,
    workload: workload({ replicas: 6, readyReplicas: 4, availableReplicas: 4, updatedReplicas: 2, currentRevision: 7 }),
    revisions: [...base.revisions, revision(REV7, minutesAgo(19), { replicas: 2, containers: [revisionContainer({ image })] })],
  };
}
