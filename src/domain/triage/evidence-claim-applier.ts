/**
 * The GitOps object that applies a claim (an Argo CD Application, a Flux Kustomization or
 * HelmRelease), from the tracking annotation or labels it leaves on what it applies. Where a
 * change to the claim is refused — a bigger size the API server will not take — that object's
 * events say so, not the claim's: the claim never changed.
 */
export interface ClaimApplier {
  kind: 'Application' | 'Kustomization' | 'HelmRelease';
  name: string;
  /** Absent when the tracking does not say (an Argo CD Application in the control plane's namespace). */
  namespace?: string;
}
