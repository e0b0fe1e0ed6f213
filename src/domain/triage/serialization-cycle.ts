/**
 * A JSON serializer that walks an object graph with a cycle never ends: Jackson stops at the stack
 * ("Infinite recursion (StackOverflowError)", often "through reference chain: Order["lines"]->…
 * ->OrderLine["order"]->Order["lines"]…", or "Document nesting depth (1001) exceeds the maximum
 * allowed" since 2.16), System.Text.Json at its depth ("A possible object cycle was detected").
 * Almost always a bidirectional association (a JPA parent ↔ child mapping) returned as is by the
 * endpoint: every response that carries such an object fails with 500 while the others work and
 * the pods stay Ready. A code change, not a load or a dependency: break the cycle in the mapping
 * or return a DTO; a rollback of the release that added the back-reference mitigates.
 */
import type { ClientDiagnosis } from './client-diagnosis-reading.js';

interface CycleSign {
  said: RegExp;
  serializer: string;
  fix: string;
}

const SIGNS: readonly CycleSign[] = [
  {
    said: /Infinite recursion \(StackOverflowError\)|Document nesting depth \(\d+\) exceeds the maximum allowed/,
    serializer: 'Jackson',
    fix: 'break the cycle in the mapping (@JsonManagedReference/@JsonBackReference or @JsonIgnore on the back-reference), or return a DTO',
  },
  {
    said: /A possible object cycle was detected/,
    serializer: 'System.Text.Json',
    fix: 'break the cycle ([JsonIgnore] on the back-reference, or ReferenceHandler.IgnoreCycles), or return a DTO',
  },
];

/** `Order["lines"]->…->OrderLine["order"]`: a reference chain's hops, by simple class name and property. */
const HOP = /([\w$.]+)\[\\?"(\w+)\\?"\]/g;

/** The cycle a reference chain walks (Order.lines → OrderLine.order), up to the first class it meets again. */
function findCycle(lines: readonly string[]): string | undefined {
  const chain = lines.map((l) => /reference chain: (.+)/.exec(l)?.[1]).find((c) => c !== undefined);
  if (chain === undefined) return undefined;
  const hops = [...chain.matchAll(HOP)].map((m) => `${(m[1] ?? '').split('.').at(-1) ?? ''}.${m[2] ?? ''}`);
  const classes = hops.map((h) => h.split('.')[0]);
  const again = classes.findIndex((c, i) => i > 0 && c === classes[0]);
  const cycle = hops.slice(0, again > 0 ? again : 2);
  return cycle.length >= 2 ? cycle.join(' → ') : undefined;
}

export function explainSerializationCycle(errors: readonly string[], lines: readonly string[]): ClientDiagnosis | undefined {
  for (const sign of SIGNS) {
    if (!errors.some((l) => sign.said.test(l))) continue;
    const cycle = findCycle(lines);
    const through = cycle ? ` (${cycle} → …)` : '';
    return {
      summary: `${sign.serializer} recurses without end serializing the response: the object graph it returns has a cycle${through}`,
      likelyCause: `${sign.serializer} follows every reference of the object it writes; a bidirectional association${through} leads back to where it started, so it recurses until the stack (or its depth limit) runs out and the request fails with 500. Only the responses that carry such an object fail, so the pods stay Ready. The code that added the back-reference is the change; restarting the pods will not help.`,
      nextAction: `Roll back the release that added the back-reference, then ${sign.fix}.`,
      fix: sign.fix,
    };
  }
  return undefined;
}
