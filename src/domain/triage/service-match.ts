import type { EndpointSliceEvidence, ServiceEvidence, TriageEvidence } from './evidence.js';

/** The labels the workload's pods carry: the template's, else those of the pods seen. */
export function getPodLabels(ev: TriageEvidence): Record<string, string> {
  if (ev.workload && Object.keys(ev.workload.templateLabels).length > 0) return ev.workload.templateLabels;
  return ev.pods[0]?.labels ?? {};
}

export function matchesLabels(selector: Record<string, string>, labels: Record<string, string>): boolean {
  const entries = Object.entries(selector);
  return entries.length > 0 && entries.every(([k, v]) => labels[k] === v);
}

/** Services whose selector picks the workload's pods. Selector-less Services are not ours to judge. */
export function listSelectingServices(ev: TriageEvidence): ServiceEvidence[] {
  const labels = getPodLabels(ev);
  return ev.services.filter((s) => s.type !== 'ExternalName' && (matchesLabels(s.selector, labels) || ev.pods.some((p) => matchesLabels(s.selector, p.labels))));
}

export function listSlicesOf(ev: TriageEvidence, service: string): EndpointSliceEvidence[] {
  return ev.endpointSlices.filter((s) => s.service === service);
}

function levenshtein(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length] ?? 0;
}

/** Typos and abbreviations ("payment-svc" for "payment-service"), not siblings ("payment-gateway"). */
export function isSimilarName(a: string, b: string): boolean {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  if (x === y) return true;
  if (levenshtein(x, y) <= 2) return true;
  let prefix = 0;
  while (prefix < x.length && prefix < y.length && x[prefix] === y[prefix]) prefix++;
  // A shared prefix that ends at a word boundary ("cart-" of cart-redis and cart-api) names siblings.
  return prefix >= 4 && prefix / Math.min(x.length, y.length) >= 0.6 && !/[-_.]/.test(x[prefix - 1] ?? '');
}

export interface NearMiss {
  key: string;
  want: string;
  /** The pods' value for that key; undefined when the pods lack the label. */
  have?: string;
}

/**
 * A selector one label away from the pods' labels, where the odd label looks like a slip:
 * its value resembles the pods' value, the Service is named like the workload, or the other
 * labels of the selector match.
 */
export function findNearMiss(service: ServiceEvidence, labels: Record<string, string>, workloadName: string): NearMiss | undefined {
  const entries = Object.entries(service.selector);
  const off = entries.filter(([k, v]) => labels[k] !== v);
  if (entries.length === 0 || off.length !== 1) return undefined;
  const [key, want] = off[0] as [string, string];
  const have = labels[key];
  const resembles = (have !== undefined && isSimilarName(want, have)) || isSimilarName(service.name, workloadName) || entries.length > 1;
  if (!resembles) return undefined;
  return have === undefined ? { key, want } : { key, want, have };
}
