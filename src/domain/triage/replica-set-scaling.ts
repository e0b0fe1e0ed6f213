/**
 * What the deployment controller's ScalingReplicaSet events say (from how many replicas to how
 * many), and which tool a field manager's name stands for: read by the replica-fight analyzer and
 * by the HPA whose maximum was lowered (hpa-max-change.ts).
 */
import type { EventEvidence } from './evidence.js';

/** Both forms the deployment controller has used: "… from 4 to 11" and "… to 11 from 4". */
const SCALED = /^Scaled (up|down) replica set (\S+?)(?: from (\d+))? to (\d+)(?: from (\d+))?$/;

export interface Scaling {
  dir: 'up' | 'down';
  rs: string;
  from: number;
  to: number;
  event: EventEvidence;
}

export function parseScaling(e: EventEvidence): Scaling | undefined {
  const m = e.reason === 'ScalingReplicaSet' ? SCALED.exec(e.message.trim()) : null;
  const from = m?.[3] ?? m?.[5];
  if (!m || from === undefined) return undefined;
  return { dir: m[1] === 'up' ? 'up' : 'down', rs: m[2] ?? '', from: Number(from), to: Number(m[4]), event: e };
}

/** The tool behind a field manager's name, when the name says it. */
export function toolOf(manager: string): string | undefined {
  if (/argocd/i.test(manager)) return 'Argo CD';
  if (/kustomize-controller|helm-controller|flux/i.test(manager)) return 'Flux';
  if (/^helm\b/i.test(manager)) return 'Helm';
  if (/kubectl/i.test(manager)) return 'kubectl';
  return undefined;
}
