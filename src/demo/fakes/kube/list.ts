// Collection GETs: selectors, limit/continue pagination with consistent snapshots, and the
// List envelope. Continue tokens have the apiserver's shape (base64 of
// {"v":"meta.k8s.io/v1","rv":N,"start":"key\u0000"}), so they are opaque to clients the same way.
import { matchesFields, matchesLabels } from './selectors.js';
import type { FieldSelector, LabelSelector } from './selectors.js';
import { badRequest, expired } from './status.js';
import type { ResourceDef } from './resources.js';
import type { ObjectStore, StoredObject } from './store.js';

export interface ListRequest {
  def: ResourceDef;
  namespace: string | undefined;
  labelSelector: LabelSelector;
  fieldSelector: FieldSelector;
  /** Raw query identity, so a continue token only reuses the snapshot of the same query. */
  queryKey: string;
  limit: number | undefined;
  continueToken: string | undefined;
}

interface ContinueToken {
  rv: number;
  start: string;
}

const SNAPSHOT_LIMIT = 32;

const INDEXED_FIELDS = new Set(['involvedObject.name', 'regarding.name', 'spec.nodeName']);

export function filterObjects(objs: StoredObject[], labels: LabelSelector, fields: FieldSelector): StoredObject[] {
  if (labels.length === 0 && fields.length === 0) return objs;
  return objs.filter((o) => matchesLabels(labels, o.obj.metadata.labels) && matchesFields(fields, o.obj));
}

function encodeContinue(t: ContinueToken): string {
  return Buffer.from(JSON.stringify({ v: 'meta.k8s.io/v1', rv: t.rv, start: t.start })).toString('base64');
}

function decodeContinue(s: string): ContinueToken {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(s, 'base64').toString('utf8'));
  } catch {
    throw badRequest(`continue key is not valid: ${s}`);
  }
  const p = parsed as { v?: unknown; rv?: unknown; start?: unknown } | null;
  if (p?.v !== 'meta.k8s.io/v1' || typeof p.rv !== 'number' || typeof p.start !== 'string') {
    throw badRequest('continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)');
  }
  return { rv: p.rv, start: p.start };
}

/** First index whose key sorts at or after `start` (items are in key order). */
function lowerBound(items: StoredObject[], start: string): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((items[mid] as StoredObject).key < start) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export class ListServer {
  /** Matching items of a paginated list, frozen at its first page, so later pages are consistent. */
  private readonly snapshots = new Map<string, StoredObject[]>();

  constructor(private readonly store: ObjectStore) {}

  forget(): void {
    this.snapshots.clear();
  }

  /** The List JSON body. Throws StatusError (400 bad token, 410 expired token). */
  render(r: ListRequest): string {
    let items: StoredObject[];
    let listRv: number;
    let from = 0;
    if (r.continueToken !== undefined) {
      const tok = decodeContinue(r.continueToken);
      // rv -1 is the apiserver's "inconsistent continuation" token handed out with a 410.
      if (tok.rv !== -1 && tok.rv < this.store.oldestValidResourceVersion) {
        const err = expired(
          'The provided continue parameter is too old to display a consistent list result. You can start a new ' +
            'list without the continue parameter, or use the continue token in this response to retrieve the ' +
            'remainder of the results. Continuing with the provided token results in an inconsistent list - ' +
            'objects that were created, modified, or deleted between the time the first chunk was returned and ' +
            'now may show up in the list.',
        );
        err.status.metadata = { continue: encodeContinue({ rv: -1, start: tok.start }) };
        throw err;
      }
      const snap = tok.rv === -1 ? undefined : this.snapshots.get(`${tok.rv}|${r.queryKey}`);
      items = snap ?? this.current(r);
      listRv = snap === undefined ? this.store.resourceVersion : tok.rv;
      from = lowerBound(items, tok.start);
    } else {
      items = this.current(r);
      listRv = this.store.resourceVersion;
    }
    const end = r.limit === undefined ? items.length : Math.min(items.length, from + r.limit);
    const page = items.slice(from, end);
    let meta = `"resourceVersion":${JSON.stringify(String(listRv))}`;
    if (end < items.length) {
      const last = page[page.length - 1];
      // limit ≥ 1 here, so the page is non-empty and `last` is defined.
      const start = `${last?.key ?? ''}\u0000`;
      meta += `,"continue":${JSON.stringify(encodeContinue({ rv: listRv, start }))}`;
      this.remember(`${listRv}|${r.queryKey}`, items);
      // The apiserver only knows the remaining count when no selector filtered the scan.
      if (r.labelSelector.length === 0 && r.fieldSelector.length === 0) {
        meta += `,"remainingItemCount":${items.length - end}`;
      }
    }
    const body = page.map((o) => o.json(r.def, false)).join(',');
    return `{"kind":"${r.def.listKind}","apiVersion":"${r.def.apiVersion}","metadata":{${meta}},"items":[${body}]}`;
  }

  private current(r: ListRequest): StoredObject[] {
    // An equality on an object's name (events of one pod, pods of one node) narrows through an
    // index first: the benchmark's 50,000 events must not make the fake the bottleneck.
    const eq = r.fieldSelector.find((f) => !f.negate && INDEXED_FIELDS.has(f.field));
    const candidates = eq === undefined ? this.store.list(r.def, r.namespace) : this.store.listWhere(r.def, r.namespace, eq.field, eq.get, eq.value);
    return filterObjects(candidates, r.labelSelector, r.fieldSelector);
  }

  private remember(key: string, items: StoredObject[]): void {
    if (this.snapshots.has(key)) return;
    this.snapshots.set(key, items);
    if (this.snapshots.size > SNAPSHOT_LIMIT) {
      const oldest = this.snapshots.keys().next();
      if (oldest.done !== true) this.snapshots.delete(oldest.value);
    }
  }
}
