// One get of a workload (Deployment, StatefulSet, DaemonSet, Job or CronJob) by kind and name,
// tagged with its kind: the triage target's own read and `/triage NAME` in a namespace share it.
import type { KubeClients } from './kube-clients.js';
import type { Workload } from './map-workload.js';
import type { CallOptions } from './reads.js';

export function workloadGetter(clients: KubeClients, kind: Workload['kind'], req: { name: string; namespace: string }): (o: CallOptions) => Promise<Workload> {
  const { apps, batch } = clients;
  switch (kind) {
    case 'Deployment':
      return async (o) => ({ kind, obj: await apps.readNamespacedDeployment(req, o) });
    case 'StatefulSet':
      return async (o) => ({ kind, obj: await apps.readNamespacedStatefulSet(req, o) });
    case 'DaemonSet':
      return async (o) => ({ kind, obj: await apps.readNamespacedDaemonSet(req, o) });
    case 'Job':
      return async (o) => ({ kind, obj: await batch.readNamespacedJob(req, o) });
    case 'CronJob':
      return async (o) => ({ kind, obj: await batch.readNamespacedCronJob(req, o) });
  }
}
