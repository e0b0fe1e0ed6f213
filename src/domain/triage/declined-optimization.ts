/**
 * Warnings that report an optimization a controller declined, not a failure: the object works as
 * it would without the optimization. The EndpointSlice controller refuses topology-aware routing
 * (a Service's topology-mode Auto) when the endpoints are too few or too unevenly spread over the
 * zones to give each zone its share; it then leaves the hints off, and kube-proxy routes across
 * zones as for any Service. A note at most, never why a workload fails.
 */

interface Declined {
  kind: string;
  reason: RegExp;
  note: (name: string) => string;
}

const DECLINED: readonly Declined[] = [
  {
    kind: 'Service',
    reason: /^TopologyAwareHints?Disabled$/,
    note: (name) => `Service ${name} asks for topology-aware routing, which the EndpointSlice controller leaves off while its endpoints are too few (or too unevenly spread) for each zone: traffic is routed across zones as for any Service, nothing fails. Add endpoints per zone if zone-local routing matters.`,
  },
];

/** What a Warning reporting a declined optimization means, when it is one. */
export function explainDeclinedOptimization(kind: string, name: string, reason: string): string | undefined {
  return DECLINED.find((d) => d.kind === kind && d.reason.test(reason))?.note(name);
}
