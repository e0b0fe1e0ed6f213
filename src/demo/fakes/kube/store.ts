// Object storage for the fake apiserver: one bucket per storage resource, indexed by namespace
// then name, with a global resourceVersion counter and a bounded change history for watches.
// Objects are immutable once stored; their JSON is rendered lazily and cached, so a list of
// 50k events is a string join rather than 50k JSON.stringify calls per request.
import { randomUUID } from 'node:crypto';
import {
  RESOURCES,
  normalizeCoreEvent,
  eventsV1ToCoreEvent,
  storageDefFor,
} from './resources.js';
import type { KubeObject, KubeObjectInput, ResourceDef } from './resources.js';

export type ChangeType = 'ADDED' | 'MODIFIED' | 'DELETED';

export class StoredObject {
  private itemJson: string | undefined;
  private fullJson: string | undefined;
  private projectedItemJson: string | undefined;
  private projectedFullJson: string | undefined;

  constructor(
    /** Canonical (core for events) wire object; never mutated. */
    readonly obj: KubeObject,
    /** `ns/name` for namespaced objects, `name` otherwise: the etcd key order lists use. */
    readonly key: string,
  ) {}

  served(def: ResourceDef): KubeObject {
    return def.project === undefined ? this.obj : def.project(this.obj);
  }

  /**
   * JSON as served through `def`. List items omit kind/apiVersion, as kube-apiserver does
   * (kubernetes/kubernetes#3030); single gets and watch events carry them.
   */
  json(def: ResourceDef, withType: boolean): string {
    const projected = def.project !== undefined;
    const cached = projected
      ? withType
        ? this.projectedFullJson
        : this.projectedItemJson
      : withType
        ? this.fullJson
        : this.itemJson;
    if (cached !== undefined) return cached;
    const served = this.served(def);
    let text: string;
    if (withType) {
      text = JSON.stringify(served);
    } else {
      const { kind: _kind, apiVersion: _apiVersion, ...rest } = served;
      text = JSON.stringify(rest);
    }
    if (projected) {
      if (withType) this.projectedFullJson = text;
      else this.projectedItemJson = text;
    } else if (withType) {
      this.fullJson = text;
    } else {
      this.itemJson = text;
    }
    return text;
  }
}

export interface ChangeRecord {
  rv: number;
  storage: string;
  /** '' for cluster-scoped objects. */
  namespace: string;
  type: ChangeType;
  /** The new state; for DELETED the last state stamped with the deletion's resourceVersion. */
  obj: StoredObject;
  /** The state before a MODIFIED, so selector-filtered watches can turn it into ADDED/DELETED. */
  prev?: StoredObject;
}

interface Bucket {
  byNamespace: Map<string, Map<string, StoredObject>>;
  /** Per-namespace objects in key order; dropped when a key appears or disappears. */
  sorted: Map<string, StoredObject[]>;
  /** Every object across namespaces in key order; same invalidation. */
  allSorted: StoredObject[] | undefined;
}

/** Swaps `next` in for the object with the same key, keeping a sorted cache valid on update. */
function replaceSorted(sorted: StoredObject[] | undefined, next: StoredObject): void {
  if (sorted === undefined) return;
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as StoredObject).key < next.key) lo = mid + 1;
    else hi = mid;
  }
  if (sorted[lo]?.key === next.key) sorted[lo] = next;
}

function byKey(a: StoredObject, b: StoredObject): number {
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

/** A reference to one stored object; `kind` may be a Kind (`Pod`) or a plural (`pods`). */
export interface KubeRef {
  kind: string;
  name: string;
  namespace?: string;
  apiVersion?: string;
}

/** Stored objects are shared with callers of add()/get(); freezing keeps the store honest. */
function deepFreeze<T>(o: T): T {
  if (o !== null && typeof o === 'object' && !Object.isFrozen(o)) {
    Object.freeze(o);
    for (const v of Object.values(o)) deepFreeze(v);
  }
  return o;
}

function nowSeconds(): string {
  // metav1.Time serializes with second precision.
  return new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export class ObjectStore {
  private readonly buckets = new Map<string, Bucket>();
  private history: ChangeRecord[] = [];
  /** Index of the oldest retained change in `history` (trimmed lazily to avoid O(n) shifts). */
  private head = 0;
  private rv = 0;
  /** Watches from a resourceVersion below this cannot be replayed: 410 Expired. */
  private minValidRv = 0;

  constructor(
    public historyLimit: number,
    private readonly onChange: (c: ChangeRecord) => void,
  ) {
    for (const d of RESOURCES) {
      if (!this.buckets.has(d.storage)) {
        this.buckets.set(d.storage, { byNamespace: new Map(), sorted: new Map(), allSorted: undefined });
      }
    }
  }

  get resourceVersion(): number {
    return this.rv;
  }

  get oldestValidResourceVersion(): number {
    return this.minValidRv;
  }

  private bucket(def: ResourceDef): Bucket {
    const b = this.buckets.get(def.storage);
    if (b === undefined) throw new Error(`no storage for ${def.storage}`);
    return b;
  }

  /** Validates and normalizes an input object; returns its storage def and wire JSON. */
  private normalize(input: KubeObjectInput): { def: ResourceDef; obj: Record<string, unknown> } {
    const raw = JSON.parse(JSON.stringify(input)) as Record<string, unknown>;
    const kind = raw['kind'];
    const apiVersion = raw['apiVersion'];
    if (typeof kind !== 'string') throw new Error('FakeKubeApi: object needs a kind');
    const def = storageDefFor(typeof apiVersion === 'string' ? apiVersion : undefined, kind);
    if (def === undefined) throw new Error(`FakeKubeApi: unsupported object ${String(apiVersion)} ${kind}`);
    const obj = apiVersion === 'events.k8s.io/v1' ? eventsV1ToCoreEvent(raw) : raw;
    obj['apiVersion'] = def.apiVersion;
    obj['kind'] = def.kind;
    const meta = obj['metadata'];
    if (meta === null || typeof meta !== 'object') throw new Error('FakeKubeApi: object needs metadata');
    const m = meta as Record<string, unknown>;
    if (typeof m['name'] !== 'string' || m['name'] === '') throw new Error('FakeKubeApi: object needs metadata.name');
    if (def.namespaced) {
      if (typeof m['namespace'] !== 'string' || m['namespace'] === '') m['namespace'] = 'default';
    } else {
      delete m['namespace'];
    }
    if (def.storage === 'events') normalizeCoreEvent(obj);
    return { def, obj };
  }

  private nextRv(): number {
    this.rv += 1;
    return this.rv;
  }

  private record(c: ChangeRecord): void {
    this.history.push(c);
    const retained = this.history.length - this.head;
    if (retained > this.historyLimit) {
      const drop = retained - this.historyLimit;
      this.head += drop;
      this.minValidRv = (this.history[this.head - 1] as ChangeRecord).rv;
      if (this.head > 1024 && this.head > this.history.length / 2) {
        this.history = this.history.slice(this.head);
        this.head = 0;
      }
    }
    this.onChange(c);
  }

  /** Stores a normalized copy of `input`; returns the stored object (deep-frozen). */
  put(input: KubeObjectInput, mode: 'add' | 'upsert'): KubeObject {
    const { def, obj } = this.normalize(input);
    const m = obj['metadata'] as Record<string, unknown>;
    const ns = def.namespaced ? (m['namespace'] as string) : '';
    const name = m['name'] as string;
    const b = this.bucket(def);
    let names = b.byNamespace.get(ns);
    const prev = names?.get(name);
    if (prev !== undefined && mode === 'add') {
      throw new Error(`FakeKubeApi: ${def.resource} "${name}" already exists in "${ns}" (use upsert)`);
    }
    // An update keeps identity fields the caller did not set, as a PUT of a fetched object would.
    if (typeof m['uid'] !== 'string') m['uid'] = prev?.obj.metadata.uid ?? randomUUID();
    if (typeof m['creationTimestamp'] !== 'string') {
      m['creationTimestamp'] = prev?.obj.metadata.creationTimestamp ?? nowSeconds();
    }
    const rv = this.nextRv();
    m['resourceVersion'] = String(rv);
    const stored = new StoredObject(deepFreeze(obj as KubeObject), def.namespaced ? `${ns}/${name}` : name);
    if (names === undefined) {
      names = new Map();
      b.byNamespace.set(ns, names);
    }
    names.set(name, stored);
    this.dropIndexes(def.storage);
    if (prev === undefined) {
      b.sorted.delete(ns);
      b.allSorted = undefined;
    } else {
      // Same key, same position: an update patches the caches instead of re-sorting.
      replaceSorted(b.sorted.get(ns), stored);
      replaceSorted(b.allSorted, stored);
    }
    this.record({
      rv,
      storage: def.storage,
      namespace: ns,
      type: prev === undefined ? 'ADDED' : 'MODIFIED',
      obj: stored,
      ...(prev === undefined ? {} : { prev }),
    });
    return stored.obj;
  }

  private dropIndexes(storage: string): void {
    if (this.fieldIndexes.size === 0) return;
    for (const key of [...this.fieldIndexes.keys()]) if (key.startsWith(`${storage}|`)) this.fieldIndexes.delete(key);
  }

  resolveRef(ref: KubeRef): ResourceDef | undefined {
    return storageDefFor(ref.apiVersion, ref.kind);
  }

  remove(ref: KubeRef): boolean {
    const def = this.resolveRef(ref);
    if (def === undefined) throw new Error(`FakeKubeApi: unsupported kind ${ref.kind}`);
    const ns = def.namespaced ? (ref.namespace ?? 'default') : '';
    const b = this.bucket(def);
    const names = b.byNamespace.get(ns);
    const prev = names?.get(ref.name);
    if (names === undefined || prev === undefined) return false;
    names.delete(ref.name);
    this.dropIndexes(def.storage);
    b.sorted.delete(ns);
    b.allSorted = undefined;
    const rv = this.nextRv();
    const last = deepFreeze({
      ...prev.obj,
      metadata: { ...prev.obj.metadata, resourceVersion: String(rv) },
    });
    this.record({ rv, storage: def.storage, namespace: ns, type: 'DELETED', obj: new StoredObject(last, prev.key) });
    return true;
  }

  get(def: ResourceDef, namespace: string | undefined, name: string): StoredObject | undefined {
    return this.bucket(def).byNamespace.get(namespace ?? '')?.get(name);
  }

  private readonly fieldIndexes = new Map<string, Map<string, StoredObject[]>>();

  /** Like list() but only the objects whose `field` equals `value`, through a lazily built index. */
  listWhere(def: ResourceDef, namespace: string | undefined, field: string, get: (obj: KubeObject) => string, value: string): StoredObject[] {
    const key = `${def.storage}|${namespace ?? '*'}|${field}`;
    let index = this.fieldIndexes.get(key);
    if (index === undefined) {
      index = new Map();
      for (const o of this.list(def, namespace)) {
        const v = get(o.obj);
        const bucket = index.get(v);
        if (bucket === undefined) index.set(v, [o]);
        else bucket.push(o);
      }
      this.fieldIndexes.set(key, index);
    }
    return (index.get(value) ?? []).slice();
  }

  /** Objects in key order (a fresh array); `namespace` undefined = all namespaces. */
  list(def: ResourceDef, namespace: string | undefined): StoredObject[] {
    const b = this.bucket(def);
    if (namespace !== undefined || !def.namespaced) {
      const ns = namespace ?? '';
      const names = b.byNamespace.get(ns);
      if (names === undefined) return [];
      let sorted = b.sorted.get(ns);
      if (sorted === undefined) {
        sorted = [...names.values()].sort(byKey);
        b.sorted.set(ns, sorted);
      }
      return sorted.slice();
    }
    if (b.allSorted === undefined) {
      const all: StoredObject[] = [];
      for (const names of b.byNamespace.values()) for (const o of names.values()) all.push(o);
      b.allSorted = all.sort(byKey);
    }
    return b.allSorted.slice();
  }

  /** Retained changes after `rv`, oldest first; undefined when `rv` is older than the history. */
  changesSince(rv: number): ChangeRecord[] | undefined {
    if (rv < this.minValidRv) return undefined;
    let lo = this.head;
    let hi = this.history.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.history[mid] as ChangeRecord).rv <= rv) lo = mid + 1;
      else hi = mid;
    }
    return this.history.slice(lo);
  }

  /** Forgets all history: any watch or continue token from before now gets 410 Expired. */
  expireHistory(): void {
    this.history = [];
    this.head = 0;
    this.minValidRv = this.rv;
  }
}
