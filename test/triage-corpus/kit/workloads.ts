// Workloads with their history: a Deployment with one ReplicaSet per revision, a StatefulSet with
// its ControllerRevisions, a DaemonSet — each with pods of the revision that made them and a
// status the controller would report for those pods.
import type * as k8s from '@kubernetes/client-node';
import { DAYS, ago, nameSuffix, templateHash, uidOf } from './clock.js';
import { buildPod } from './pods.js';
import type { PodOpts, TemplateOpts } from './pods.js';

export type KubeJson = { apiVersion?: string; kind?: string; metadata?: k8s.V1ObjectMeta };

export interface RevisionOpts {
  revision: number;
  /** Minutes before NOW the revision (ReplicaSet / ControllerRevision) was created. */
  createdAgo: number;
  template: TemplateOpts;
  changeCause?: string;
}

export interface Built {
  /** Everything to load into the fake API server. */
  objects: KubeJson[];
  /** The pods, in the order given. */
  pods: k8s.V1Pod[];
  uid: string;
}

function sortedRevisions(revisions: readonly RevisionOpts[]): RevisionOpts[] {
  return [...revisions].sort((a, b) => a.revision - b.revision);
}

function templateSpec(t: TemplateOpts, labels: Record<string, string>): k8s.V1PodTemplateSpec {
  return {
    metadata: { labels: { ...labels, ...t.labels }, ...(t.annotations === undefined ? {} : { annotations: t.annotations }) },
    spec: {
      ...(t.initContainers === undefined ? {} : { initContainers: t.initContainers }),
      containers: t.containers,
      ...(t.volumes === undefined ? {} : { volumes: t.volumes }),
      ...(t.nodeSelector === undefined ? {} : { nodeSelector: t.nodeSelector }),
      ...(t.affinity === undefined ? {} : { affinity: t.affinity }),
      ...(t.topologySpreadConstraints === undefined ? {} : { topologySpreadConstraints: t.topologySpreadConstraints }),
      ...(t.tolerations === undefined ? {} : { tolerations: t.tolerations }),
      ...(t.serviceAccountName === undefined ? {} : { serviceAccountName: t.serviceAccountName }),
      ...(t.imagePullSecrets === undefined ? {} : { imagePullSecrets: t.imagePullSecrets.map((name) => ({ name })) }),
      ...(t.priorityClassName === undefined ? {} : { priorityClassName: t.priorityClassName }),
      securityContext: t.securityContext ?? {},
      restartPolicy: 'Always',
      terminationGracePeriodSeconds: t.terminationGracePeriodSeconds ?? 30,
      dnsPolicy: 'ClusterFirst',
      schedulerName: 'default-scheduler',
    },
  };
}

function alive(p: k8s.V1Pod): boolean {
  return p.metadata?.deletionTimestamp === undefined && p.status?.phase !== 'Failed' && p.status?.phase !== 'Succeeded';
}

function isReady(p: k8s.V1Pod): boolean {
  return alive(p) && (p.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
}

function cond(type: string, status: boolean, reason: string, message: string, since: number): k8s.V1DeploymentCondition {
  return { type, status: status ? 'True' : 'False', reason, message, lastUpdateTime: ago(Math.min(since, 1)), lastTransitionTime: ago(since) };
}

/**
 * The conditions a Deployment keeps once a rollout completed, whatever happened to its pods
 * since: Progressing stays NewReplicaSetAvailable until the next rollout, and Available says
 * whether enough pods were ready when it last changed. Minutes before NOW.
 */
export interface SettledRollout {
  available: boolean;
  /** When Available last changed (the pods became unready, or the rollout completed). */
  availableSince: number;
  /** When Progressing last changed. */
  progressingSince: number;
  /** When the controller last wrote Progressing (the rollout's completion); default `progressingSince`. */
  progressingUpdatedAgo?: number;
}

function settledConditions(rs: string, s: SettledRollout): k8s.V1DeploymentCondition[] {
  const available = { lastUpdateTime: ago(s.availableSince), lastTransitionTime: ago(s.availableSince) };
  return [
    s.available
      ? { type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable', message: 'Deployment has minimum availability.', ...available }
      : { type: 'Available', status: 'False', reason: 'MinimumReplicasUnavailable', message: 'Deployment does not have minimum availability.', ...available },
    { type: 'Progressing', status: 'True', reason: 'NewReplicaSetAvailable', message: `ReplicaSet "${rs}" has successfully progressed.`, lastUpdateTime: ago(s.progressingUpdatedAgo ?? s.progressingSince), lastTransitionTime: ago(s.progressingSince) },
  ];
}

export interface DeploymentOpts {
  namespace: string;
  name: string;
  replicas: number;
  /** spec.selector.matchLabels; default `{ app: name }`. */
  selector?: Record<string, string>;
  /** Every revision still kept (revisionHistoryLimit); the highest is the current one. */
  revisions: RevisionOpts[];
  pods: (PodOpts & { revision: number })[];
  /** Default: computed from the pods (Available, Progressing with ProgressDeadlineExceeded after 10 min). */
  conditions?: k8s.V1DeploymentCondition[];
  /**
   * The current revision's rollout completed: the conditions the controller wrote then and since,
   * with their times, which today's pods do not tell. Replaces the computed conditions; ignored
   * when `conditions` is given.
   */
  settled?: SettledRollout;
  strategy?: k8s.V1DeploymentStrategy;
  createdAgo?: number;
}

export function deploymentApp(o: DeploymentOpts): Built {
  const selector = o.selector ?? { app: o.name };
  const uid = uidOf(`deployment/${o.namespace}/${o.name}`);
  const revisions = sortedRevisions(o.revisions);
  const current = revisions[revisions.length - 1];
  if (current === undefined) throw new Error(`deploymentApp ${o.name}: needs a revision`);
  const hashOf = (r: RevisionOpts) => templateHash(`${o.namespace}/${o.name}/${r.revision}`);
  const counters = new Map<number, number>();
  const pods = o.pods.map((p) => {
    const rev = revisions.find((r) => r.revision === p.revision);
    if (rev === undefined) throw new Error(`deploymentApp ${o.name}: pod of unknown revision ${p.revision}`);
    const hash = hashOf(rev);
    const i = counters.get(rev.revision) ?? 0;
    counters.set(rev.revision, i + 1);
    const rsName = `${o.name}-${hash}`;
    const name = p.name ?? `${rsName}-${nameSuffix(`${rsName}/${i}`)}`;
    const owner = { namespace: o.namespace, kind: 'ReplicaSet', name: rsName, uid: uidOf(`replicaset/${o.namespace}/${rsName}`), labels: { ...selector, 'pod-template-hash': hash } };
    return buildPod(owner, rev.template, name, p);
  });
  const replicaSets = revisions.map((r): k8s.V1ReplicaSet => {
    const hash = hashOf(r);
    const name = `${o.name}-${hash}`;
    const mine = pods.filter((p, i) => o.pods[i]?.revision === r.revision && alive(p));
    const labels = { ...selector, 'pod-template-hash': hash };
    return {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        name,
        namespace: o.namespace,
        uid: uidOf(`replicaset/${o.namespace}/${name}`),
        creationTimestamp: ago(r.createdAgo),
        generation: 1,
        labels,
        annotations: {
          'deployment.kubernetes.io/desired-replicas': String(o.replicas),
          'deployment.kubernetes.io/max-replicas': String(o.replicas + Math.ceil(o.replicas / 4)),
          'deployment.kubernetes.io/revision': String(r.revision),
          ...(r.changeCause === undefined ? {} : { 'kubernetes.io/change-cause': r.changeCause }),
        },
        ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: o.name, uid, controller: true, blockOwnerDeletion: true }],
      },
      spec: { replicas: mine.length, selector: { matchLabels: labels }, template: templateSpec(r.template, labels) },
      status: {
        replicas: mine.length,
        fullyLabeledReplicas: mine.length,
        readyReplicas: mine.filter(isReady).length,
        availableReplicas: mine.filter(isReady).length,
        observedGeneration: 1,
      },
    };
  });
  const live = pods.filter(alive);
  const ready = live.filter(isReady).length;
  const updated = pods.filter((p, i) => o.pods[i]?.revision === current.revision && alive(p));
  // A rollout is over once the new ReplicaSet holds every replica and no older pod is left. A
  // revision hours old was rolled out then, even if its pods broke since; a recent one whose
  // pods never became ready is stuck.
  const older = pods.filter((p, i) => o.pods[i]?.revision !== current.revision && alive(p));
  const rolledOut = updated.length >= o.replicas && older.length === 0 && (updated.every(isReady) || current.createdAgo > 120);
  const currentRs = `${o.name}-${hashOf(current)}`;
  const maxUnavailable = Math.floor(o.replicas / 4);
  const conditions = o.conditions ?? (o.settled ? settledConditions(currentRs, o.settled) : undefined) ?? [
    ready >= o.replicas - maxUnavailable
      ? cond('Available', true, 'MinimumReplicasAvailable', 'Deployment has minimum availability.', Math.min(current.createdAgo, 3 * DAYS))
      : cond('Available', false, 'MinimumReplicasUnavailable', 'Deployment does not have minimum availability.', Math.min(current.createdAgo, 15)),
    rolledOut
      ? cond('Progressing', true, 'NewReplicaSetAvailable', `ReplicaSet "${currentRs}" has successfully progressed.`, current.createdAgo)
      : current.createdAgo > 10
        ? cond('Progressing', false, 'ProgressDeadlineExceeded', `ReplicaSet "${currentRs}" has timed out progressing.`, current.createdAgo - 10)
        : cond('Progressing', true, 'ReplicaSetUpdated', `ReplicaSet "${currentRs}" is progressing.`, current.createdAgo),
  ];
  const deployment: k8s.V1Deployment = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name: o.name,
      namespace: o.namespace,
      uid,
      generation: current.revision + 2,
      creationTimestamp: ago(o.createdAgo ?? Math.max(60 * DAYS, (revisions[0]?.createdAgo ?? 0) + 1)),
      labels: { ...selector, 'app.kubernetes.io/managed-by': 'Helm' },
      annotations: { 'deployment.kubernetes.io/revision': String(current.revision), ...(current.changeCause === undefined ? {} : { 'kubernetes.io/change-cause': current.changeCause }) },
    },
    spec: {
      replicas: o.replicas,
      selector: { matchLabels: selector },
      template: templateSpec(current.template, selector),
      strategy: o.strategy ?? { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
    },
    status: {
      observedGeneration: current.revision + 2,
      replicas: live.length,
      updatedReplicas: updated.length,
      readyReplicas: ready,
      availableReplicas: ready,
      ...(live.length - ready > 0 ? { unavailableReplicas: Math.max(0, o.replicas - ready) } : {}),
      conditions,
    },
  };
  return { objects: [deployment, ...replicaSets, ...pods], pods, uid };
}

export interface StatefulSetOpts {
  namespace: string;
  name: string;
  replicas: number;
  selector?: Record<string, string>;
  /** Default OrderedReady (the API's default). */
  podManagementPolicy?: 'OrderedReady' | 'Parallel';
  serviceName?: string;
  revisions: RevisionOpts[];
  /** `ordinal` decides the pod name (`<name>-<ordinal>`). */
  pods: (PodOpts & { revision: number; ordinal: number })[];
  /** Claims each pod gets (`<template>-<name>-<ordinal>`); create the PVC objects yourself. */
  volumeClaimTemplates?: { name: string; storage: string; storageClass?: string }[];
  /**
   * spec.updateStrategy.rollingUpdate.partition: only ordinals at or above it get the update
   * revision (a canary's setting, sometimes left behind). Default 0.
   */
  partition?: number;
  /** status.currentRevision; default: the oldest revision any pod runs. */
  currentRevision?: number;
  createdAgo?: number;
}

export function statefulSetApp(o: StatefulSetOpts): Built {
  const selector = o.selector ?? { app: o.name };
  const uid = uidOf(`statefulset/${o.namespace}/${o.name}`);
  const revisions = sortedRevisions(o.revisions);
  const update = revisions[revisions.length - 1];
  if (update === undefined) throw new Error(`statefulSetApp ${o.name}: needs a revision`);
  const revName = (r: RevisionOpts) => `${o.name}-${templateHash(`${o.namespace}/${o.name}/${r.revision}`)}`;
  const claims = o.volumeClaimTemplates ?? [];
  const pods = o.pods.map((p) => {
    const rev = revisions.find((r) => r.revision === p.revision);
    if (rev === undefined) throw new Error(`statefulSetApp ${o.name}: pod of unknown revision ${p.revision}`);
    const name = `${o.name}-${p.ordinal}`;
    const template: TemplateOpts = {
      ...rev.template,
      volumes: [...(rev.template.volumes ?? []), ...claims.map((c) => ({ name: c.name, persistentVolumeClaim: { claimName: `${c.name}-${name}` } }))],
    };
    const owner = {
      namespace: o.namespace,
      kind: 'StatefulSet',
      name: o.name,
      uid,
      labels: { ...selector, 'apps.kubernetes.io/pod-index': String(p.ordinal), 'controller-revision-hash': revName(rev), 'statefulset.kubernetes.io/pod-name': name },
    };
    return buildPod(owner, template, name, p);
  });
  const controllerRevisions = revisions.map(
    (r): k8s.V1ControllerRevision => ({
      apiVersion: 'apps/v1',
      kind: 'ControllerRevision',
      metadata: {
        name: revName(r),
        namespace: o.namespace,
        uid: uidOf(`controllerrevision/${o.namespace}/${revName(r)}`),
        creationTimestamp: ago(r.createdAgo),
        labels: { ...selector, 'controller.kubernetes.io/hash': revName(r).slice(o.name.length + 1) },
        ownerReferences: [{ apiVersion: 'apps/v1', kind: 'StatefulSet', name: o.name, uid, controller: true, blockOwnerDeletion: true }],
      },
      data: { spec: { template: { ...templateSpec(r.template, selector), $patch: 'replace' } } },
      revision: r.revision,
    }),
  );
  const oldest = o.currentRevision ?? Math.min(...o.pods.map((p) => p.revision));
  const currentRev = revisions.find((r) => r.revision === oldest) ?? update;
  const live = pods.filter(alive);
  const statefulSet: k8s.V1StatefulSet = {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: o.name, namespace: o.namespace, uid, generation: update.revision, creationTimestamp: ago(o.createdAgo ?? 90 * DAYS), labels: selector },
    spec: {
      replicas: o.replicas,
      selector: { matchLabels: selector },
      serviceName: o.serviceName ?? o.name,
      podManagementPolicy: o.podManagementPolicy ?? 'OrderedReady',
      template: templateSpec(update.template, selector),
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: o.partition ?? 0 } },
      revisionHistoryLimit: 10,
      ...(claims.length === 0
        ? {}
        : {
            volumeClaimTemplates: claims.map((c) => ({
              apiVersion: 'v1',
              kind: 'PersistentVolumeClaim',
              metadata: { name: c.name },
              spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: c.storage } }, ...(c.storageClass === undefined ? {} : { storageClassName: c.storageClass }), volumeMode: 'Filesystem' },
            })),
          }),
    },
    status: {
      observedGeneration: update.revision,
      replicas: live.length,
      readyReplicas: live.filter(isReady).length,
      availableReplicas: live.filter(isReady).length,
      currentReplicas: pods.filter((p, i) => o.pods[i]?.revision === currentRev.revision && alive(p)).length,
      updatedReplicas: pods.filter((p, i) => o.pods[i]?.revision === update.revision && alive(p)).length,
      currentRevision: revName(currentRev),
      updateRevision: revName(update),
      collisionCount: 0,
    },
  };
  return { objects: [statefulSet, ...controllerRevisions, ...pods], pods, uid };
}

export interface DaemonSetOpts {
  namespace: string;
  name: string;
  selector?: Record<string, string>;
  revisions: RevisionOpts[];
  pods: (PodOpts & { revision: number; node: string })[];
  /** desiredNumberScheduled; default the number of pods. */
  desired?: number;
  createdAgo?: number;
  /**
   * Give each pod the node affinity the DaemonSet controller writes (matchFields metadata.name In
   * [its node]), as the API shows it; a pod still Pending then says which node it waits for.
   * Default false (the pods carry only the template's affinity).
   */
  pinnedToNodes?: boolean;
}

/** The node affinity the DaemonSet controller puts on the pod it makes for `nodeName`. */
function pinnedTo(nodeName: string, affinity: k8s.V1Affinity | undefined): k8s.V1Affinity {
  return {
    ...affinity,
    nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [nodeName] }] }] } },
  };
}

export function daemonSetApp(o: DaemonSetOpts): Built {
  const selector = o.selector ?? { app: o.name };
  const uid = uidOf(`daemonset/${o.namespace}/${o.name}`);
  const revisions = sortedRevisions(o.revisions);
  const update = revisions[revisions.length - 1];
  if (update === undefined) throw new Error(`daemonSetApp ${o.name}: needs a revision`);
  const hashOf = (r: RevisionOpts) => templateHash(`${o.namespace}/${o.name}/${r.revision}`);
  const pods = o.pods.map((p, i) => {
    const rev = revisions.find((r) => r.revision === p.revision);
    if (rev === undefined) throw new Error(`daemonSetApp ${o.name}: pod of unknown revision ${p.revision}`);
    const name = p.name ?? `${o.name}-${nameSuffix(`${o.name}/${p.node}/${i}`)}`;
    const owner = { namespace: o.namespace, kind: 'DaemonSet', name: o.name, uid, labels: { ...selector, 'controller-revision-hash': hashOf(rev), 'pod-template-generation': String(rev.revision) } };
    const template = o.pinnedToNodes ? { ...rev.template, affinity: pinnedTo(p.node, rev.template.affinity) } : rev.template;
    return buildPod(owner, template, name, p);
  });
  const controllerRevisions = revisions.map(
    (r): k8s.V1ControllerRevision => ({
      apiVersion: 'apps/v1',
      kind: 'ControllerRevision',
      metadata: {
        name: `${o.name}-${hashOf(r)}`,
        namespace: o.namespace,
        uid: uidOf(`controllerrevision/${o.namespace}/${o.name}/${r.revision}`),
        creationTimestamp: ago(r.createdAgo),
        labels: { ...selector, 'controller-revision-hash': hashOf(r) },
        ownerReferences: [{ apiVersion: 'apps/v1', kind: 'DaemonSet', name: o.name, uid, controller: true, blockOwnerDeletion: true }],
      },
      data: { spec: { template: { ...templateSpec(r.template, selector), $patch: 'replace' } } },
      revision: r.revision,
    }),
  );
  const live = pods.filter(alive);
  const ready = live.filter(isReady).length;
  const desired = o.desired ?? pods.length;
  const daemonSet: k8s.V1DaemonSet = {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: o.name, namespace: o.namespace, uid, generation: update.revision, creationTimestamp: ago(o.createdAgo ?? 120 * DAYS), labels: selector, annotations: { 'deprecated.daemonset.template.generation': String(update.revision) } },
    spec: { selector: { matchLabels: selector }, template: templateSpec(update.template, selector), updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } }, revisionHistoryLimit: 10 },
    status: {
      observedGeneration: update.revision,
      desiredNumberScheduled: desired,
      currentNumberScheduled: live.length,
      numberReady: ready,
      numberAvailable: ready,
      ...(desired - ready > 0 ? { numberUnavailable: desired - ready } : {}),
      updatedNumberScheduled: pods.filter((p, i) => o.pods[i]?.revision === update.revision && alive(p)).length,
      numberMisscheduled: 0,
    },
  };
  return { objects: [daemonSet, ...controllerRevisions, ...pods], pods, uid };
}
