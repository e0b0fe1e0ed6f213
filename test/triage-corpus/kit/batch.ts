// Jobs and CronJobs: a CronJob owns Jobs named after their scheduled minute, a Job owns pods
// labelled with its controller uid; conditions are the ones the Job controller writes.
import type * as k8s from '@kubernetes/client-node';
import { ago, nameSuffix, uidOf } from './clock.js';
import { buildPod } from './pods.js';
import type { PodOpts, TemplateOpts } from './pods.js';
import type { Built, KubeJson } from './workloads.js';

export interface JobOpts {
  namespace: string;
  name: string;
  template: TemplateOpts;
  /** Default 6 (the API's default). */
  backoffLimit?: number;
  activeDeadlineSeconds?: number;
  completions?: number;
  parallelism?: number;
  createdAgo: number;
  pods: PodOpts[];
  /** How it ended: Failed with BackoffLimitExceeded/DeadlineExceeded, Complete, or still running. */
  outcome?: { failed: 'BackoffLimitExceeded' | 'DeadlineExceeded'; ago: number } | { complete: true; ago: number };
  /** Set by cronJob(). */
  owner?: { name: string; uid: string };
}

function jobCondition(type: string, reason: string, message: string, at: number): k8s.V1JobCondition {
  return { type, status: 'True', reason, message, lastProbeTime: ago(at), lastTransitionTime: ago(at) };
}

export function job(o: JobOpts): Built {
  const uid = uidOf(`job/${o.namespace}/${o.name}`);
  const selector = { 'batch.kubernetes.io/controller-uid': uid };
  const labels = { ...selector, 'batch.kubernetes.io/job-name': o.name, 'controller-uid': uid, 'job-name': o.name };
  const template: TemplateOpts = { ...o.template };
  const pods = o.pods.map((p, i) => buildPod({ namespace: o.namespace, kind: 'Job', name: o.name, uid, labels }, template, p.name ?? `${o.name}-${nameSuffix(`${o.name}/${i}`)}`, p));
  const failedPods = pods.filter((p) => p.status?.phase === 'Failed').length;
  const succeeded = pods.filter((p) => p.status?.phase === 'Succeeded').length;
  const active = pods.filter((p) => p.status?.phase === 'Running' || p.status?.phase === 'Pending').length;
  const conditions: k8s.V1JobCondition[] = [];
  if (o.outcome && 'failed' in o.outcome) {
    const message = o.outcome.failed === 'BackoffLimitExceeded' ? 'Job has reached the specified backoff limit' : 'Job was active longer than specified deadline';
    conditions.push(jobCondition('FailureTarget', o.outcome.failed, message, o.outcome.ago), jobCondition('Failed', o.outcome.failed, message, o.outcome.ago));
  } else if (o.outcome) {
    conditions.push(jobCondition('SuccessCriteriaMet', 'CompletionsReached', 'Reached expected number of succeeded pods', o.outcome.ago), jobCondition('Complete', 'CompletionsReached', 'Reached expected number of succeeded pods', o.outcome.ago));
  }
  const obj: k8s.V1Job = {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: {
      name: o.name,
      namespace: o.namespace,
      uid,
      creationTimestamp: ago(o.createdAgo),
      generation: 1,
      labels,
      ...(o.owner === undefined ? {} : { ownerReferences: [{ apiVersion: 'batch/v1', kind: 'CronJob', name: o.owner.name, uid: o.owner.uid, controller: true, blockOwnerDeletion: true }] }),
    },
    spec: {
      backoffLimit: o.backoffLimit ?? 6,
      ...(o.activeDeadlineSeconds === undefined ? {} : { activeDeadlineSeconds: o.activeDeadlineSeconds }),
      completions: o.completions ?? 1,
      parallelism: o.parallelism ?? 1,
      completionMode: 'NonIndexed',
      selector: { matchLabels: selector },
      template: {
        metadata: { labels },
        spec: {
          ...(template.initContainers === undefined ? {} : { initContainers: template.initContainers }),
          containers: template.containers,
          restartPolicy: 'Never',
          ...(template.volumes === undefined ? {} : { volumes: template.volumes }),
          ...(template.serviceAccountName === undefined ? {} : { serviceAccountName: template.serviceAccountName }),
          ...(template.nodeSelector === undefined ? {} : { nodeSelector: template.nodeSelector }),
          ...(template.affinity === undefined ? {} : { affinity: template.affinity }),
          ...(template.tolerations === undefined ? {} : { tolerations: template.tolerations }),
          ...(template.priorityClassName === undefined ? {} : { priorityClassName: template.priorityClassName }),
        },
      },
    },
    status: {
      startTime: ago(o.createdAgo),
      ...(active > 0 && conditions.length === 0 ? { active } : {}),
      ...(failedPods > 0 ? { failed: failedPods } : {}),
      ...(succeeded > 0 ? { succeeded } : {}),
      ...(conditions.length > 0 ? { conditions } : {}),
      ...(o.outcome && 'complete' in o.outcome ? { completionTime: ago(o.outcome.ago) } : {}),
      ready: 0,
      terminating: 0,
      uncountedTerminatedPods: {},
    },
  };
  return { objects: [obj, ...pods], pods, uid };
}

export interface CronJobOpts {
  namespace: string;
  name: string;
  schedule: string;
  suspend?: boolean;
  template: TemplateOpts;
  backoffLimit?: number;
  activeDeadlineSeconds?: number;
  /** The jobs still kept (successfulJobsHistoryLimit 3, failedJobsHistoryLimit 1 by default). */
  jobs: Omit<JobOpts, 'namespace' | 'name' | 'template' | 'owner' | 'backoffLimit' | 'activeDeadlineSeconds'>[];
  lastSuccessfulAgo?: number;
  createdAgo?: number;
}

export function cronJob(o: CronJobOpts): { objects: KubeJson[]; jobs: Built[]; uid: string } {
  const uid = uidOf(`cronjob/${o.namespace}/${o.name}`);
  const jobs = o.jobs.map((j) => {
    // The controller names a Job after its scheduled time in minutes since the epoch.
    const minute = Math.floor(ago(j.createdAgo).getTime() / 60_000);
    return job({
      ...j,
      namespace: o.namespace,
      name: `${o.name}-${minute}`,
      template: o.template,
      owner: { name: o.name, uid },
      ...(o.backoffLimit === undefined ? {} : { backoffLimit: o.backoffLimit }),
      ...(o.activeDeadlineSeconds === undefined ? {} : { activeDeadlineSeconds: o.activeDeadlineSeconds }),
    });
  });
  const lastScheduled = Math.min(...o.jobs.map((j) => j.createdAgo));
  const cron: k8s.V1CronJob = {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name: o.name, namespace: o.namespace, uid, creationTimestamp: ago(o.createdAgo ?? 200 * 24 * 60), generation: 1 },
    spec: {
      schedule: o.schedule,
      suspend: o.suspend ?? false,
      concurrencyPolicy: 'Forbid',
      successfulJobsHistoryLimit: 3,
      failedJobsHistoryLimit: 1,
      jobTemplate: {
        spec: {
          backoffLimit: o.backoffLimit ?? 6,
          ...(o.activeDeadlineSeconds === undefined ? {} : { activeDeadlineSeconds: o.activeDeadlineSeconds }),
          template: { spec: { containers: o.template.containers, restartPolicy: 'Never' } },
        },
      },
    },
    status: {
      ...(Number.isFinite(lastScheduled) ? { lastScheduleTime: ago(lastScheduled) } : {}),
      ...(o.lastSuccessfulAgo === undefined ? {} : { lastSuccessfulTime: ago(o.lastSuccessfulAgo) }),
      ...(jobs.some((j) => (j.objects[0] as k8s.V1Job).status?.active) ? { active: jobs.filter((j) => (j.objects[0] as k8s.V1Job).status?.active).map((j) => ({ kind: 'Job', name: j.objects[0]?.metadata?.name ?? '', namespace: o.namespace, uid: j.uid, apiVersion: 'batch/v1' })) } : {}),
    },
  };
  return { objects: [cron, ...jobs.flatMap((j) => j.objects)], jobs, uid };
}
