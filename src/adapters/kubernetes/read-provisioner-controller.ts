// The controller of the external provisioner a Pending claim has waited on too long (see
// provisioner-controller.ts): one list of Deployments and one of StatefulSets in each namespace
// drivers are installed in (kube-system), one page of at most 200 each. Read only when a claim of
// the workload has waited on an external provisioner for longer than a volume takes.
import type * as k8s from '@kubernetes/client-node';
import type { ControllerCandidate, ProvisionerControllerEvidence } from '../../domain/triage/evidence-provisioner.js';
import type { IsoTime } from '../../domain/triage/evidence.js';
import { DRIVER_NAMESPACES, findProvisionerController } from '../../domain/triage/provisioner-controller.js';
import type { CollectContext } from './collect-context.js';
import { listSpecFieldOwners } from './map-field-owners.js';
import { pageParams } from './paginate.js';

const MAX_ITEMS = 200;

function toCandidate(kind: ControllerCandidate['kind'], o: k8s.V1Deployment | k8s.V1StatefulSet): ControllerCandidate {
  const meta = o.metadata ?? {};
  const owners = listSpecFieldOwners(meta, 'f:replicas');
  return {
    kind,
    namespace: meta.namespace ?? '',
    name: meta.name ?? '',
    replicas: o.spec?.replicas ?? 1,
    readyReplicas: o.status?.readyReplicas ?? 0,
    // Images, names and arguments only: env values may carry secrets.
    containers: (o.spec?.template.spec?.containers ?? []).map((c) => ({ name: c.name, image: c.image ?? '', args: [...(c.command ?? []), ...(c.args ?? [])] })),
    ...(owners.length > 0 ? { replicasOwners: owners } : {}),
    ...(o.spec?.selector.matchLabels === undefined ? {} : { selector: { ...o.spec.selector.matchLabels } }),
  };
}

export async function readProvisionerController(ctx: CollectContext, driver: string, waitingSince: IsoTime): Promise<ProvisionerControllerEvidence> {
  const { apps } = ctx.clients;
  const lists = await Promise.all(
    DRIVER_NAMESPACES.flatMap((namespace) => [
      ctx.reads.list(`Deployments in ${namespace} (a claim waits on provisioner ${driver})`, 'provisionerController', (cont, limit, o) => apps.listNamespacedDeployment({ namespace, ...pageParams(cont, limit) }, o), { maxItems: MAX_ITEMS })
        .then((r) => ({ ...r, items: r.items.map((d) => toCandidate('Deployment', d)) })),
      ctx.reads.list(`StatefulSets in ${namespace} (a claim waits on provisioner ${driver})`, 'provisionerController', (cont, limit, o) => apps.listNamespacedStatefulSet({ namespace, ...pageParams(cont, limit) }, o), { maxItems: MAX_ITEMS })
        .then((r) => ({ ...r, items: r.items.map((s) => toCandidate('StatefulSet', s)) })),
    ]),
  );
  const controller = findProvisionerController(driver, lists.flatMap((l) => l.items));
  return {
    driver,
    searched: [...DRIVER_NAMESPACES],
    complete: lists.every((l) => !l.failed && !l.more),
    waitingSince,
    ...(controller === undefined ? {} : { controller }),
  };
}
