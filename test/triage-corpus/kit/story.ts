// What telling a story with the kit needs beyond the objects: the time formats services log in,
// the logs of a set of pods, lookups into what the builders returned, and the expectations many
// stories share.
import type * as k8s from '@kubernetes/client-node';
import type { ScenarioLogs } from '../scenario.js';
import { ago } from './clock.js';
import type { Built, KubeJson } from './workloads.js';

/** The account's ECR registry, where most of the corpus's images live. */
export const ECR = '123456789012.dkr.ecr.eu-west-1.amazonaws.com';

// ---- time, as services write it ---------------------------------------------------------------

/** RFC 3339 with milliseconds, `minutes` before NOW: `2026-11-21T03:12:41.563Z`. */
export const at = (minutes: number): string => ago(minutes).toISOString();

/** Epoch milliseconds, as pino writes `time`. */
export const epochMs = (minutes: number): number => ago(minutes).getTime();

/** Python logging's default asctime: `2026-11-21 03:12:19,412`. */
export const pyTime = (minutes: number): string => at(minutes).replace('T', ' ').replace('Z', '').replace('.', ',');

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The Common Log Format's time, as nginx and Tomcat access logs print it: `21/Nov/2026:03:12:41 +0000`. */
export function clfTime(minutes: number): string {
  const d = ago(minutes);
  const p2 = (n: number) => String(n).padStart(2, '0');
  return `${p2(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} +0000`;
}

/** One entry (possibly several lines) every `stepSeconds`, from `fromAgo` down to `toAgo` minutes before NOW. */
export function every(fromAgo: number, toAgo: number, stepSeconds: number, entry: (t: number, i: number) => string): string {
  const out: string[] = [];
  let i = 0;
  for (let t = fromAgo; t >= toAgo; t -= stepSeconds / 60, i++) out.push(entry(t, i));
  return out.join('');
}

// ---- lookups into built objects ---------------------------------------------------------------

export const nameOf = (o: { metadata?: { name?: string } } | undefined): string => o?.metadata?.name ?? '';

export const ipOf = (p: k8s.V1Pod | undefined): string => p?.status?.podIP ?? '';

/** The ReplicaSet of one revision of a Deployment built by deploymentApp(). */
export function replicaSetOf(app: Built, revision: number): KubeJson {
  const rs = app.objects.find((o) => o.kind === 'ReplicaSet' && o.metadata?.annotations?.['deployment.kubernetes.io/revision'] === String(revision));
  if (rs === undefined) throw new Error(`no ReplicaSet for revision ${revision}`);
  return rs;
}

/** The name of that ReplicaSet. */
export const rsOf = (app: Built, revision: number): string => nameOf(replicaSetOf(app, revision));

/** The cluster IP of the Service `name` among `objects`. */
export const clusterIpOf = (objects: readonly KubeJson[], name: string): string =>
  (objects.find((o) => o.kind === 'Service' && o.metadata?.name === name) as k8s.V1Service | undefined)?.spec?.clusterIP ?? '';

// ---- logs -------------------------------------------------------------------------------------

/** The logs of one container of each pod (`current`, `previous`), in the pod's namespace. */
export function logsOf(pods: readonly k8s.V1Pod[], containerName: string, logs: (p: k8s.V1Pod, i: number) => Omit<ScenarioLogs, 'namespace' | 'pod' | 'container'>): ScenarioLogs[] {
  return pods.map((p, i) => ({ namespace: p.metadata?.namespace ?? '', pod: nameOf(p), container: containerName, ...logs(p, i) }));
}

/** `kubectl logs` of running, healthy containers: a few lines per pod. */
export function healthyLogs(pods: readonly k8s.V1Pod[], containerName: string, lines: (p: k8s.V1Pod) => string[]): ScenarioLogs[] {
  return logsOf(pods, containerName, (p) => ({ current: lines(p).join('\n') + '\n' }));
}

// ---- expectations -----------------------------------------------------------------------------

/** Blames a rollout (or advises undoing one) where the rollout is not the cause. */
export const BLAMES_ROLLOUT = /roll(ing)? ?back to|undo the rollout|rollout undo|revision \d+[^\n]*(caused|broke|introduced|before the failures)/i;
