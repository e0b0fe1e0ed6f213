// Watch streams: newline-delimited {"type","object"} JSON over a chunked 200 response, with the
// apiserver's start semantics (no/0 resourceVersion = synthetic ADDED for current state; a
// specific one = replay of newer changes; too old = a single 410 ERROR event, then end) and
// selector transitions (an object leaving a selector arrives as DELETED, entering as ADDED).
import type { ServerResponse } from 'node:http';
import { matchesFields, matchesLabels } from './selectors.js';
import type { FieldSelector, LabelSelector } from './selectors.js';
import { expired } from './status.js';
import type { ResourceDef } from './resources.js';
import { StoredObject } from './store.js';
import type { ChangeRecord, ChangeType, ObjectStore } from './store.js';
import { filterObjects } from './list.js';

export interface WatchRequest {
  def: ResourceDef;
  namespace: string | undefined;
  labelSelector: LabelSelector;
  fieldSelector: FieldSelector;
  /** undefined, '' and '0' mean "current state first". */
  resourceVersion: string | undefined;
  allowBookmarks: boolean;
  sendInitialEvents: boolean;
  timeoutSeconds: number | undefined;
}

interface OpenWatch {
  req: WatchRequest;
  res: ServerResponse;
  timer: NodeJS.Timeout | undefined;
}

export class WatchHub {
  private readonly open = new Set<OpenWatch>();

  constructor(private readonly store: ObjectStore) {}

  get size(): number {
    return this.open.size;
  }

  /** Starts a stream; the response is already validated (selectors parsed) by the caller. */
  start(req: WatchRequest, res: ServerResponse): void {
    res.writeHead(200, {
      'Content-Type': 'application/json',
      'Cache-Control': 'no-cache, private',
    });
    const w: OpenWatch = { req, res, timer: undefined };
    const rv = req.resourceVersion;
    if (rv === undefined || rv === '' || rv === '0' || req.sendInitialEvents) {
      const current = filterObjects(this.store.list(req.def, req.namespace), req.labelSelector, req.fieldSelector);
      for (const o of current) this.write(w, 'ADDED', o);
      if (req.sendInitialEvents && req.allowBookmarks) {
        this.bookmark(w, { 'k8s.io/initial-events-end': 'true' });
      }
    } else {
      const changes = this.store.changesSince(Number(rv));
      if (changes === undefined) {
        const status = expired(
          `too old resource version: ${rv} (${this.store.oldestValidResourceVersion})`,
        ).status;
        res.end(`${JSON.stringify({ type: 'ERROR', object: status })}\n`);
        return;
      }
      for (const c of changes) this.deliver(w, c);
    }
    this.open.add(w);
    res.on('close', () => {
      this.open.delete(w);
      if (w.timer !== undefined) clearTimeout(w.timer);
    });
    if (req.timeoutSeconds !== undefined && req.timeoutSeconds > 0) {
      w.timer = setTimeout(() => {
        // The apiserver ends a timed-out watch cleanly, with a last bookmark if allowed.
        if (req.allowBookmarks) this.bookmark(w);
        res.end();
      }, req.timeoutSeconds * 1000);
    }
    // Headers go out now so the client's watch() resolves even before the first event.
    res.flushHeaders();
  }

  /** Fans one change out to every open watch whose scope and selectors it concerns. */
  dispatch(c: ChangeRecord): void {
    for (const w of this.open) this.deliver(w, c);
  }

  bookmarkAll(): void {
    for (const w of this.open) if (w.req.allowBookmarks) this.bookmark(w);
  }

  /** Ends every stream: abruptly (socket reset) by default, or like a server-side timeout. */
  dropAll(graceful: boolean): void {
    for (const w of [...this.open]) {
      this.open.delete(w);
      if (w.timer !== undefined) clearTimeout(w.timer);
      if (graceful) w.res.end();
      else w.res.socket?.destroy();
    }
  }

  private matches(req: WatchRequest, o: StoredObject): boolean {
    return matchesLabels(req.labelSelector, o.obj.metadata.labels) && matchesFields(req.fieldSelector, o.obj);
  }

  private deliver(w: OpenWatch, c: ChangeRecord): void {
    const { req } = w;
    if (c.storage !== req.def.storage) return;
    if (req.namespace !== undefined && c.namespace !== req.namespace) return;
    const now = this.matches(req, c.obj);
    if (c.type !== 'MODIFIED' || c.prev === undefined) {
      if (now) this.write(w, c.type, c.obj);
      return;
    }
    const before = this.matches(req, c.prev);
    if (now) {
      this.write(w, before ? 'MODIFIED' : 'ADDED', c.obj);
    } else if (before) {
      // Left the selector: the previous content, stamped with this change's resourceVersion.
      const p = c.prev.obj;
      const gone = { ...p, metadata: { ...p.metadata, resourceVersion: String(c.rv) } };
      this.write(w, 'DELETED', new StoredObject(gone, c.prev.key));
    }
  }

  private write(w: OpenWatch, type: ChangeType, o: StoredObject): void {
    w.res.write(`{"type":"${type}","object":${o.json(w.req.def, true)}}\n`);
  }

  private bookmark(w: OpenWatch, annotations?: Record<string, string>): void {
    const { def } = w.req;
    const object = {
      kind: def.kind,
      apiVersion: def.apiVersion,
      metadata: {
        resourceVersion: String(this.store.resourceVersion),
        ...(annotations === undefined ? {} : { annotations }),
      },
    };
    w.res.write(`${JSON.stringify({ type: 'BOOKMARK', object })}\n`);
  }
}
