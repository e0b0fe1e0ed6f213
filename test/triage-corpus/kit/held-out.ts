// Helpers the held-out rounds share (each was written apart, so each had its own copy).
import type * as k8s from '@kubernetes/client-node';
import type { ScenarioLogs } from '../scenario.js';
import { restartedAgain, scheduled } from './events.js';
import { node } from './nodes.js';
import { ECR, nameOf } from './story.js';
import { DAYS } from './clock.js';
import { container } from './containers.js';
import { type Built, deploymentApp } from './workloads.js';

/** Advising a rollback, or saying the revision caused it: wrong when the rollout is exonerated. */
export const ADVISES_ROLLBACK = /roll(ing)? ?back to|undo the rollout|rollout undo|revision \d+[^\n]*(caused|broke|introduced)/i;

/** An EKS node name for a private IP. */
export const eksNodeName = (ip: string): string => `ip-${ip.replace(/\./g, '-')}.eu-west-1.compute.internal`;

export const ipOfPod = (p: k8s.V1Pod | undefined): string => p?.status?.podIP ?? '10.0.0.1';

/** A regex that matches `s` literally. */
export const lit = (s: string, flags = ''): RegExp => new RegExp(s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), flags);

/** The i-th pod of a built workload; a story that asks for one it did not build is a bug in the story. */
export function podOf(app: Built, i: number): k8s.V1Pod {
  const p = app.pods[i];
  if (p === undefined) throw new Error(`no pod ${i} in ${app.pods.length > 0 ? nameOf(app.pods[0]) : 'an empty workload'}`);
  return p;
}

/** Three EKS nodes, one per zone of eu-west-1, on `prefix`.<host>. */
export function threeEksNodes(prefix: string, hosts: readonly [string, string, string] = ['31', '152', '77']): { nodes: k8s.V1Node[]; names: string[] } {
  const zones = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'];
  const nodes = hosts.map((h, i) => node({ name: eksNodeName(`${prefix}.${h}`), zone: zones[i] ?? 'eu-west-1a' }));
  return { nodes, names: nodes.map(nameOf) };
}

export const logsFor = (p: k8s.V1Pod | undefined, container: string, l: { current?: string; previous?: string }): ScenarioLogs => ({
  namespace: p?.metadata?.namespace ?? '',
  pod: nameOf(p),
  container,
  ...l,
});

/** A pod scheduled `atAgo` minutes ago whose container started once since. */
export function startedAt(p: k8s.V1Pod, container: string, image: string, atAgo: number): k8s.CoreV1Event[] {
  return [scheduled(p, atAgo), ...restartedAgain(p, container, image, { count: 1, firstAgo: atAgo - 0.1, lastAgo: atAgo - 0.1 })];
}

/** How a round draws its bystander: the two revisions, their versions, and the older one's age in minutes. */
export interface BystanderLook {
  revisions: readonly [number, number];
  versions: readonly [string, string];
  olderAgo: number;
}

/** A second, healthy Deployment of the namespace that rolled out `rolledAgo` minutes ago: the bystander a careless reader blames. */
export function bystander(ns: string, name: string, names: readonly string[], rolledAgo: number, look: BystanderLook): Built {
  const [older, newer] = look.revisions;
  const image = (v: string) => `${ECR}/${ns}/${name}:${v}`;
  return deploymentApp({
    namespace: ns,
    name,
    replicas: 2,
    revisions: [
      { revision: older, createdAgo: look.olderAgo, template: { containers: [container({ image: image(look.versions[0]) })] } },
      { revision: newer, createdAgo: rolledAgo, changeCause: `argocd: ${name} ${look.versions[1]}`, template: { containers: [container({ image: image(look.versions[1]) })] } },
    ],
    pods: [{ revision: newer, node: names[0] ?? '', createdAgo: rolledAgo }, { revision: newer, node: names[1] ?? '', createdAgo: rolledAgo - 1 }],
  });
}
