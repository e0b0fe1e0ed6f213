// Label and field selectors with the apiserver's grammar and semantics (k8s.io/apimachinery
// pkg/labels and pkg/fields). Parsed once per request, then matched per object, so listing a
// 50k-event namespace costs one pass of cheap comparisons.
import { badRequest } from './status.js';
import type { KubeObject, ResourceDef } from './resources.js';

type LabelRequirement =
  | { op: 'exists' | 'notexists'; key: string }
  | { op: 'in' | 'notin'; key: string; values: ReadonlySet<string> }
  | { op: 'gt' | 'lt'; key: string; value: number };

export type LabelSelector = readonly LabelRequirement[];

type Token =
  | { t: 'id'; v: string }
  | { t: 'op'; v: '=' | '==' | '!=' | '!' | '(' | ')' | ',' | '>' | '<' };

const identChar = /[A-Za-z0-9._\/-]/;

function tokenize(s: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < s.length) {
    const c = s[i] as string;
    if (c === ' ' || c === '\t') {
      i++;
    } else if (c === '!' && s[i + 1] === '=') {
      out.push({ t: 'op', v: '!=' });
      i += 2;
    } else if (c === '=' && s[i + 1] === '=') {
      out.push({ t: 'op', v: '==' });
      i += 2;
    } else if (c === '=' || c === '!' || c === '(' || c === ')' || c === ',' || c === '>' || c === '<') {
      out.push({ t: 'op', v: c });
      i++;
    } else if (identChar.test(c)) {
      let j = i;
      while (j < s.length && identChar.test(s[j] as string)) j++;
      out.push({ t: 'id', v: s.slice(i, j) });
      i = j;
    } else {
      throw badRequest(`unable to parse requirement: found '${c}', expected: identifier`);
    }
  }
  return out;
}

function parseErr(found: Token | undefined, expected: string): Error {
  return badRequest(`unable to parse requirement: found '${found?.v ?? ''}', expected: ${expected}`);
}

/** Parses `a=b,c!=d,e in (x,y),f notin (z),g,!h,i>3`; empty string = everything. */
export function parseLabelSelector(input: string | undefined): LabelSelector {
  if (input === undefined || input.trim() === '') return [];
  const toks = tokenize(input);
  const reqs: LabelRequirement[] = [];
  let i = 0;
  const next = (): Token | undefined => toks[i++];
  const peek = (): Token | undefined => toks[i];
  const value = (): string => {
    // An empty value (`a=`) is legal and means the label is present with value "".
    const tok = peek();
    if (tok?.t === 'id') {
      i++;
      return tok.v;
    }
    return '';
  };
  for (;;) {
    let tok = next();
    if (tok?.t === 'op' && tok.v === '!') {
      tok = next();
      if (tok?.t !== 'id') throw parseErr(tok, 'identifier');
      reqs.push({ op: 'notexists', key: tok.v });
    } else if (tok?.t === 'id') {
      const key = tok.v;
      const op = peek();
      if (op === undefined || (op.t === 'op' && op.v === ',')) {
        reqs.push({ op: 'exists', key });
      } else if (op.t === 'op' && (op.v === '=' || op.v === '==' || op.v === '!=')) {
        i++;
        reqs.push({ op: op.v === '!=' ? 'notin' : 'in', key, values: new Set([value()]) });
      } else if (op.t === 'op' && (op.v === '>' || op.v === '<')) {
        i++;
        const v = next();
        const n = v?.t === 'id' ? Number(v.v) : NaN;
        if (!Number.isInteger(n)) throw parseErr(v, 'integer');
        reqs.push({ op: op.v === '>' ? 'gt' : 'lt', key, value: n });
      } else if (op.t === 'id' && (op.v === 'in' || op.v === 'notin')) {
        i++;
        const open = next();
        if (open?.t !== 'op' || open.v !== '(') throw parseErr(open, "'('");
        const values = new Set<string>();
        for (;;) {
          values.add(value());
          const sep = next();
          if (sep?.t === 'op' && sep.v === ')') break;
          if (sep?.t !== 'op' || sep.v !== ',') throw parseErr(sep, "',' or ')'");
        }
        reqs.push({ op: op.v, key, values });
      } else {
        throw parseErr(op, "'=', '!=', '==', 'in', 'notin'");
      }
    } else {
      throw parseErr(tok, 'identifier');
    }
    const sep = next();
    if (sep === undefined) break;
    if (sep.t !== 'op' || sep.v !== ',') throw parseErr(sep, "','");
  }
  return reqs;
}

export function matchesLabels(sel: LabelSelector, labels: Record<string, string> | undefined): boolean {
  for (const r of sel) {
    const v = labels?.[r.key];
    switch (r.op) {
      case 'exists':
        if (v === undefined) return false;
        break;
      case 'notexists':
        if (v !== undefined) return false;
        break;
      case 'in':
        if (v === undefined || !r.values.has(v)) return false;
        break;
      case 'notin':
        // Like the real server, `a!=x` and `a notin (x)` also match objects without label a.
        if (v !== undefined && r.values.has(v)) return false;
        break;
      case 'gt':
      case 'lt': {
        const n = v === undefined ? NaN : Number(v);
        if (!Number.isInteger(n)) return false;
        if (r.op === 'gt' ? !(n > r.value) : !(n < r.value)) return false;
        break;
      }
    }
  }
  return true;
}

interface FieldRequirement {
  /** The field label as written (`involvedObject.name`), for index lookups. */
  field: string;
  get: (obj: KubeObject) => string;
  negate: boolean;
  value: string;
}

export type FieldSelector = readonly FieldRequirement[];

function splitUnescaped(s: string, sep: string): string[] {
  const parts: string[] = [];
  let cur = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i] as string;
    if (c === '\\' && i + 1 < s.length) {
      cur += c + (s[i + 1] as string);
      i++;
    } else if (c === sep) {
      parts.push(cur);
      cur = '';
    } else {
      cur += c;
    }
  }
  parts.push(cur);
  return parts;
}

function unescape(s: string): string {
  return s.replace(/\\(.)/g, '$1');
}

/**
 * Parses `spec.nodeName=n1,status.phase!=Running` against the labels `def` supports; any other
 * label is rejected with the apiserver's own 400 (`field label not supported: x`).
 */
export function parseFieldSelector(input: string | undefined, def: ResourceDef): FieldSelector {
  if (input === undefined || input.trim() === '') return [];
  const reqs: FieldRequirement[] = [];
  for (const term of splitUnescaped(input, ',')) {
    // The leftmost unescaped operator splits the term; `!=` and `==` win over `=` at one spot.
    let at = -1;
    let op = '';
    for (let i = 0; i < term.length && at < 0; i++) {
      if (term[i] === '\\') {
        i++;
        continue;
      }
      for (const candidate of ['!=', '==', '=']) {
        if (term.startsWith(candidate, i)) {
          at = i;
          op = candidate;
          break;
        }
      }
    }
    if (at <= 0) throw badRequest(`invalid selector: '${input}'; can't understand '${term}'`);
    const label = unescape(term.slice(0, at)).trim();
    const get = def.fields.get(label);
    if (get === undefined) throw badRequest(`field label not supported: ${label}`);
    reqs.push({ field: label, get, negate: op === '!=', value: unescape(term.slice(at + op.length)).trim() });
  }
  return reqs;
}

export function matchesFields(sel: FieldSelector, obj: KubeObject): boolean {
  for (const r of sel) {
    if ((r.get(obj) === r.value) === r.negate) return false;
  }
  return true;
}
