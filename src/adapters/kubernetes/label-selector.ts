// Label selectors both ways: a workload's V1LabelSelector rendered as the `labelSelector` query
// (so the API server filters pods, not us), and a catalog selector string (`app=payment-service`)
// matched against pod-template labels, which no server-side selector can reach.
import type * as k8s from '@kubernetes/client-node';

/** `labelSelector` query text for a V1LabelSelector; '' when it selects everything. */
export function formatSelector(sel: k8s.V1LabelSelector | undefined): string {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(sel?.matchLabels ?? {})) parts.push(`${k}=${v}`);
  for (const e of sel?.matchExpressions ?? []) {
    const values = (e.values ?? []).join(',');
    if (e.operator === 'In') parts.push(`${e.key} in (${values})`);
    else if (e.operator === 'NotIn') parts.push(`${e.key} notin (${values})`);
    else if (e.operator === 'Exists') parts.push(e.key);
    else if (e.operator === 'DoesNotExist') parts.push(`!${e.key}`);
  }
  return parts.join(',');
}

/** matchExpressions in words for the evidence: `tier in (a,b)`, `canary exists`. */
export function describeExpressions(sel: k8s.V1LabelSelector | undefined): string[] {
  return (sel?.matchExpressions ?? []).map((e) => {
    const values = (e.values ?? []).join(',');
    if (e.operator === 'In') return `${e.key} in (${values})`;
    if (e.operator === 'NotIn') return `${e.key} notin (${values})`;
    if (e.operator === 'Exists') return `${e.key} exists`;
    if (e.operator === 'DoesNotExist') return `${e.key} does not exist`;
    return `${e.key} ${e.operator} (${values})`;
  });
}

export type Requirement =
  | { op: 'in' | 'notin'; key: string; values: string[] }
  | { op: 'exists' | 'notexists'; key: string };

const KEY = /^[A-Za-z0-9]([-A-Za-z0-9_./]*[A-Za-z0-9])?$/;
const VALUE = /^([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)?$/;

function splitTerms(s: string): string[] {
  const terms: string[] = [];
  let depth = 0;
  let cur = '';
  for (const c of s) {
    if (c === '(') depth++;
    if (c === ')') depth--;
    if (c === ',' && depth === 0) {
      terms.push(cur);
      cur = '';
    } else {
      cur += c;
    }
  }
  terms.push(cur);
  return terms.map((t) => t.trim());
}

function checkKey(key: string, term: string): string {
  if (!KEY.test(key)) throw new Error(`bad label key in "${term}"`);
  return key;
}

function checkValue(value: string, term: string): string {
  if (!VALUE.test(value)) throw new Error(`bad label value in "${term}"`);
  return value;
}

/** Parses a label selector (`a=b,c!=d,e in (x,y),f notin (z),g,!h`); throws Error on bad syntax. */
export function parseSelector(input: string): Requirement[] {
  if (input.trim() === '') throw new Error('empty selector');
  return splitTerms(input).map((term): Requirement => {
    const set = /^(\S+)\s+(in|notin)\s*\(([^)]*)\)$/.exec(term);
    if (set !== null) {
      const values = (set[3] ?? '').split(',').map((v) => checkValue(v.trim(), term));
      return { op: set[2] === 'in' ? 'in' : 'notin', key: checkKey(set[1] ?? '', term), values };
    }
    const eq = /^([^=!\s]+)\s*(==|=|!=)\s*(\S*)$/.exec(term);
    if (eq !== null) {
      const value = checkValue(eq[3] ?? '', term);
      return { op: eq[2] === '!=' ? 'notin' : 'in', key: checkKey(eq[1] ?? '', term), values: [value] };
    }
    if (term.startsWith('!')) return { op: 'notexists', key: checkKey(term.slice(1).trim(), term) };
    return { op: 'exists', key: checkKey(term, term) };
  });
}

/** The API server's semantics: `a!=x` and `a notin (x)` also match objects without label a. */
export function matchesSelector(reqs: readonly Requirement[], labels: Record<string, string> | undefined): boolean {
  return reqs.every((r) => {
    const v = labels?.[r.key];
    switch (r.op) {
      case 'exists':
        return v !== undefined;
      case 'notexists':
        return v === undefined;
      case 'in':
        return v !== undefined && r.values.includes(v);
      case 'notin':
        return v === undefined || !r.values.includes(v);
    }
  });
}
