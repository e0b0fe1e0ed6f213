// A crash loop right after a rollout, dated from `now` (not from the fixed T0 of scenarios.ts):
// payments/payment-service went from revision 13 (payments:1.8.2, three days old) to revision 14
// (payments:1.9.0) `rolloutMinutesAgo` minutes ago; the new image reads STRIPE_API_KEY, which
// the Secret lacks, so all three pods exit 1 in a crash loop. Used by the post-mortem wire test
// and by scripts/render-demo.ts.
import type * as k8s from '@kubernetes/client-node';
import type { FakeKubeApi } from '../../../src/demo/fakes/fake-kube-api.js';
import { container, coreEvent, deployment, node, pod, replicaSet } from './builders.js';

export const ROLLOUT_NAMESPACE = 'payments';
export const ROLLOUT_OLD_IMAGE = 'registry.example.com/payments:1.8.2';
export const ROLLOUT_NEW_IMAGE = 'registry.example.com/payments:1.9.0';
export const ROLLOUT_LOG =
  'INFO payment-service 1.9.0 starting\n' +
  'INFO loading config from /etc/payments/config.yaml\n' +
  'ERROR config: STRIPE_API_KEY is required but not set\n' +
  'FATAL exiting with status 1\n';

export function addCrashAfterRollout(fake: FakeKubeApi, o: { now: Date; rolloutMinutesAgo?: number }): { rolloutAt: Date } {
  const ago = (minutes: number) => new Date(o.now.getTime() - minutes * 60_000);
  const rolloutAt = ago(o.rolloutMinutesAgo ?? 20);
  const labels = { app: 'payment-service' };
  const env: k8s.V1EnvVar[] = [{ name: 'DB_HOST', value: 'payments-db' }];
  const v13 = container({ image: ROLLOUT_OLD_IMAGE, env });
  const v14 = container({ image: ROLLOUT_NEW_IMAGE, env: [...env, { name: 'STRIPE_API_KEY', valueFrom: { secretKeyRef: { name: 'payments-stripe', key: 'api-key', optional: true } } }] });
  const dep = fake.add(
    deployment({
      namespace: ROLLOUT_NAMESPACE,
      name: 'payment-service',
      replicas: 3,
      revision: 14,
      containers: [v14],
      labels,
      status: {
        replicas: 3,
        readyReplicas: 0,
        availableReplicas: 0,
        updatedReplicas: 3,
        unavailableReplicas: 3,
        conditions: [
          { type: 'Available', status: 'False', reason: 'MinimumReplicasUnavailable', message: 'Deployment does not have minimum availability.', lastTransitionTime: ago(18) },
          { type: 'Progressing', status: 'True', reason: 'ReplicaSetUpdated', lastTransitionTime: rolloutAt },
        ],
      },
    }),
  );
  const owner = { name: 'payment-service', uid: dep.metadata.uid, namespace: ROLLOUT_NAMESPACE };
  const rs13 = replicaSet({ owner, hash: '6f8b9c7d5', revision: 13, replicas: 0, containers: [v13], createdAt: ago(3 * 24 * 60), labels });
  const rs14 = replicaSet({ owner, hash: '8d4f7b6c9', revision: 14, replicas: 3, containers: [v14], createdAt: rolloutAt, labels, changeCause: 'deploy 1.9.0 (Stripe client upgrade)' });
  fake.add(rs13);
  fake.add(rs14);
  const podLabels = { ...labels, 'pod-template-hash': '8d4f7b6c9' };
  for (const [i, suffix] of ['x7k2p', 'm4n8q', 'r9t3w'].entries()) {
    const name = `payment-service-8d4f7b6c9-${suffix}`;
    const p = pod({ namespace: ROLLOUT_NAMESPACE, name, labels: podLabels, node: `node-${'abc'[i]}`, containers: [v14], statuses: [], ready: false });
    p.metadata!.creationTimestamp = rolloutAt;
    p.status!.startTime = rolloutAt;
    p.status!.containerStatuses = [
      {
        name: 'app',
        image: ROLLOUT_NEW_IMAGE,
        imageID: '',
        ready: false,
        restartCount: 7 + i,
        started: false,
        state: { waiting: { reason: 'CrashLoopBackOff', message: 'back-off 5m0s restarting failed container=app' } },
        lastState: { terminated: { exitCode: 1, reason: 'Error', startedAt: ago(3), finishedAt: ago(3) } },
      },
    ];
    fake.add(p);
    fake.setLogs(ROLLOUT_NAMESPACE, name, 'app', { previous: ROLLOUT_LOG, current: '' });
    fake.add(coreEvent({ namespace: ROLLOUT_NAMESPACE, object: { kind: 'Pod', name, namespace: ROLLOUT_NAMESPACE }, reason: 'BackOff', message: `Back-off restarting failed container app in pod ${name}`, count: 30 + i, first: ago(18), last: ago(1) }));
  }
  for (const n of ['a', 'b', 'c']) fake.add(node(`node-${n}`, { zone: `us-east-1${n}` }));
  fake.add(coreEvent({ namespace: ROLLOUT_NAMESPACE, object: { kind: 'Deployment', name: 'payment-service', namespace: ROLLOUT_NAMESPACE }, reason: 'ScalingReplicaSet', message: 'Scaled up replica set payment-service-8d4f7b6c9 to 3', type: 'Normal', first: rolloutAt, component: 'deployment-controller' }));
  return { rolloutAt };
}
