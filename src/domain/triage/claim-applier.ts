/**
 * Which GitOps object applies a claim, from its metadata: Argo CD's tracking annotation
 * (`<app>:<group>/<kind>:<namespace>/<name>`, the app written `<namespace>_<app>` when it lives
 * outside the control plane's namespace) or Flux's labels. Argo CD's older label tracking
 * (app.kubernetes.io/instance) is left out: Helm sets that label too.
 */
import type { ClaimApplier } from './evidence-claim-applier.js';

const ARGO_TRACKING = 'argocd.argoproj.io/tracking-id';
const FLUX: [ClaimApplier['kind'], string][] = [['Kustomization', 'kustomize.toolkit.fluxcd.io'], ['HelmRelease', 'helm.toolkit.fluxcd.io']];

export function findClaimApplier(annotations: Record<string, string> = {}, labels: Record<string, string> = {}): ClaimApplier | undefined {
  const tracking = annotations[ARGO_TRACKING];
  const app = tracking?.split(':')[0];
  if (app) {
    const [ns, name] = app.includes('_') ? app.split('_', 2) : [undefined, app];
    return name ? { kind: 'Application', name, ...(ns ? { namespace: ns } : {}) } : undefined;
  }
  for (const [kind, group] of FLUX) {
    const name = labels[`${group}/name`];
    const namespace = labels[`${group}/namespace`];
    if (name) return { kind, name, ...(namespace ? { namespace } : {}) };
  }
  return undefined;
}
