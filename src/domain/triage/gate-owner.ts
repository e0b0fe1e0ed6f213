/**
 * Who writes a readiness gate's condition, told by its condition type, and what to do when nothing
 * does any more. Each load balancer controller writes only the types it owns: the AWS Load
 * Balancer Controller (v2) sets target-health.elbv2.k8s.aws/… gates it injects itself, never the
 * target-health.alb.ingress.kubernetes.io/… ones its v1 predecessor (alb-ingress-controller) set.
 */

/** The controller to ask about a gate, from its condition type. */
export function describeGateOwner(type: string): string {
  if (/elbv2\.k8s\.aws/i.test(type)) return 'the AWS Load Balancer Controller (the ALB/NLB target group\'s health check)';
  if (/alb\.ingress\.kubernetes\.io/i.test(type)) return 'the legacy v1 ALB ingress controller (alb-ingress-controller)';
  if (/cloud\.google\.com\/load-balancer-neg/i.test(type)) return 'the GKE NEG controller (the load balancer\'s health check)';
  return 'the controller that owns this readiness gate';
}

/** Beyond removing the gate: how to get a gate that is set again, for the controllers that have one. */
export function describeGateReplacement(type: string): string | undefined {
  if (/alb\.ingress\.kubernetes\.io/i.test(type)) {
    return 'the AWS Load Balancer Controller v2 never writes this v1 type; it injects and sets its own target-health.elbv2.k8s.aws/… gates in namespaces labelled elbv2.k8s.aws/pod-readiness-gate-inject=enabled';
  }
  if (/elbv2\.k8s\.aws/i.test(type)) return 'check that the AWS Load Balancer Controller runs and still has a target group (TargetGroupBinding) for these pods';
  if (/cloud\.google\.com\/load-balancer-neg/i.test(type)) return 'check that the Service still carries its cloud.google.com/neg annotation and the NEG controller runs';
  return undefined;
}

/** Where the controller that writes a gate type runs as pods the bot may read, by the labels its chart gives them. */
export interface GateWriterHome {
  /** Its usual Deployment name, as its chart and add-on install it. */
  name: string;
  labelSelector: string;
}

/**
 * The controller to read when a gate of this type is never set: only those that run as pods of the
 * cluster (the GKE NEG controller runs on the control plane, out of reach).
 */
export function findGateWriter(type: string): GateWriterHome | undefined {
  if (/^target-health\.elbv2\.k8s\.aws\//i.test(type)) return { name: 'aws-load-balancer-controller', labelSelector: 'app.kubernetes.io/name=aws-load-balancer-controller' };
  if (/^target-health\.alb\.ingress\.kubernetes\.io\//i.test(type)) return { name: 'alb-ingress-controller', labelSelector: 'app.kubernetes.io/name=alb-ingress-controller' };
  return undefined;
}
