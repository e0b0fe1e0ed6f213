/**
 * The namespace asks a service mesh to inject its proxy into every pod created in it: Istio's
 * `istio-injection=enabled` or `istio.io/rev=<revision>` label, Linkerd's `linkerd.io/inject:
 * enabled` annotation. Pods created before it was set carry no proxy; pods created since do,
 * whatever their revision.
 */
export interface MeshInjectionEvidence {
  mesh: 'Istio' | 'Linkerd';
  /** The label or annotation as written: "istio-injection=enabled". */
  setting: string;
}
