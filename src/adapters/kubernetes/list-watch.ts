// List, then watch from the list's resourceVersion, for as long as the owner wants: watches end
// (server timeouts, dropped connections, API server restarts) and client-node does not restart
// them, so this loop does. A dropped stream resumes from the last resourceVersion seen (objects
// and BOOKMARKs); a 410 Gone means that version is no longer kept, so it lists again.
import * as k8s from '@kubernetes/client-node';
import type { Log } from '../../domain/ports.js';
import { PAGE_SIZE } from './paginate.js';

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface KubeObjectLike {
  metadata?: { resourceVersion?: string | undefined } | undefined;
}

export interface ListPageResult<T> {
  items: T[];
  metadata?: { resourceVersion?: string | undefined; _continue?: string | undefined } | undefined;
}

/** Per-call client options (pass them on as the API call's second argument). */
export type CallOptions = k8s.ConfigurationOptions<k8s.ObservableMiddleware>;

export interface ListWatchSource<T> {
  /** One page of the collection; `cont` is undefined for the first page. */
  listPage(cont: string | undefined, limit: number, options: CallOptions): Promise<ListPageResult<T>>;
  /** The collection's path (`/api/v1/namespaces/payments/events`). */
  watchPath: string;
  /** The same selectors as the list (`fieldSelector`, `labelSelector`). */
  watchQuery?: Record<string, string>;
}

export interface ListWatchHandlers<T> {
  /** Each page of a (re-)list; items may repeat what was seen before. */
  onListed(items: readonly T[]): void;
  onChange(type: WatchEventType, obj: T): void;
}

export interface ListWatchOptions {
  /** Pause before the first restart of an ended watch; doubles while restarts fail. Default 250 ms. */
  initialBackoffMs?: number;
  /** Longest pause between restarts. Default 30,000 ms. */
  maxBackoffMs?: number;
  /** Time allowed for one whole (paginated) list before it is abandoned and retried. Default 60,000 ms. */
  listTimeoutMs?: number;
  /**
   * Asks the API server to end each watch after this long, so streams are renewed (and a
   * half-dead connection is noticed: the client gives up 30 s after it). Default 300 s.
   */
  watchTimeoutSeconds?: number;
  log?: Log;
  /** Names this loop in logs. Default 'watch'. */
  name?: string;
}

interface WatchOutcome {
  expired: boolean;
  received: number;
  error?: unknown;
}

const silent: Log = { info: () => undefined, warn: () => undefined, error: () => undefined };

export class ListWatchLoop<T extends KubeObjectLike> {
  /** Lists done (the first and every re-list) and watches opened: for tests and logs. */
  readonly stats = { lists: 0, watches: 0 };
  private resourceVersion: string | undefined;
  private needList = true;
  private stopped = false;
  private running: Promise<void> | undefined;
  private abortWatch: (() => void) | undefined;
  private wake: (() => void) | undefined;
  private readonly initialBackoffMs: number;
  private readonly maxBackoffMs: number;
  private readonly listTimeoutMs: number;
  private readonly watchTimeoutSeconds: number;
  /** Aborts a list under way when the loop stops. */
  private readonly stopSignal = new AbortController();
  private readonly log: Log;
  private readonly name: string;

  constructor(
    private readonly kc: k8s.KubeConfig,
    private readonly source: ListWatchSource<T>,
    private readonly handlers: ListWatchHandlers<T>,
    opts: ListWatchOptions = {},
  ) {
    this.initialBackoffMs = opts.initialBackoffMs ?? 250;
    this.maxBackoffMs = opts.maxBackoffMs ?? 30_000;
    this.listTimeoutMs = opts.listTimeoutMs ?? 60_000;
    this.watchTimeoutSeconds = opts.watchTimeoutSeconds ?? 300;
    this.log = opts.log ?? silent;
    this.name = opts.name ?? 'watch';
  }

  start(): void {
    this.running ??= this.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.stopSignal.abort();
    this.abortWatch?.();
    this.wake?.();
    await this.running;
  }

  /** Lists again (and watches from there), e.g. after events were dropped on our side. */
  relist(): void {
    this.needList = true;
    this.abortWatch?.();
    this.wake?.();
  }

  private async run(): Promise<void> {
    let backoff = this.initialBackoffMs;
    while (!this.stopped) {
      let healthy = false;
      try {
        while (this.needList && !this.stopped) {
          this.needList = false;
          try {
            await this.list();
          } catch (err) {
            this.needList = true;
            throw err;
          }
        }
        if (this.stopped) break;
        const openedAt = Date.now();
        const outcome = await this.watchOnce();
        if (outcome.expired) {
          this.needList = true;
          this.log.info({ watch: this.name }, 'watch history expired (410 Gone): listing again');
        } else if (outcome.error !== undefined && !this.stopped) {
          this.log.warn({ watch: this.name, err: describe(outcome.error) }, 'watch ended with an error: resuming');
        }
        // A quiet namespace ends its streams at the server's timeout with nothing in them: also fine.
        healthy = outcome.received > 0 || (outcome.error === undefined && !outcome.expired && Date.now() - openedAt >= 5_000);
      } catch (err) {
        if (!this.stopped) this.log.warn({ watch: this.name, err: describe(err) }, 'list failed: retrying');
      }
      if (this.stopped) break;
      // After a healthy stream, resume soon; failures back off.
      if (healthy) backoff = this.initialBackoffMs;
      await this.sleep(backoff);
      if (!healthy) backoff = Math.min(backoff * 2, this.maxBackoffMs);
    }
  }

  private async list(): Promise<void> {
    this.stats.lists += 1;
    const options = callOptions(AbortSignal.any([this.stopSignal.signal, AbortSignal.timeout(this.listTimeoutMs)]));
    let cont: string | undefined;
    let rv: string | undefined;
    do {
      const page = await this.source.listPage(cont, PAGE_SIZE, options);
      rv = page.metadata?.resourceVersion ?? rv;
      this.handlers.onListed(page.items);
      const next = page.metadata?._continue;
      cont = next === undefined || next === '' ? undefined : next;
    } while (cont !== undefined && !this.stopped);
    this.resourceVersion = rv;
  }

  /** One stream, from the last resourceVersion; resolves when it ends, whatever ended it. */
  private watchOnce(): Promise<WatchOutcome> {
    this.stats.watches += 1;
    const outcome: WatchOutcome = { expired: false, received: 0 };
    return new Promise<WatchOutcome>((resolve) => {
      let finished = false;
      let controller: AbortController | undefined;
      const finish = (err?: unknown) => {
        if (finished) return;
        finished = true;
        clearTimeout(watchdog);
        this.abortWatch = undefined;
        controller?.abort();
        if (err !== undefined && err !== null) {
          if ((err as { statusCode?: unknown }).statusCode === 410) outcome.expired = true;
          else if ((err as { name?: unknown }).name !== 'AbortError') outcome.error = err;
        }
        resolve(outcome);
      };
      this.abortWatch = () => finish();
      // The server should end the stream at timeoutSeconds; if the connection died silently it never will.
      const watchdog = setTimeout(() => finish(new Error('watch went quiet past its timeout')), (this.watchTimeoutSeconds + 30) * 1000);
      const query: Record<string, string | number | boolean> = {
        ...this.source.watchQuery,
        allowWatchBookmarks: true,
        timeoutSeconds: this.watchTimeoutSeconds,
      };
      if (this.resourceVersion !== undefined) query['resourceVersion'] = this.resourceVersion;
      const onEvent = (type: string, obj: unknown) => {
        if (finished) return;
        if (type === 'ERROR') {
          const status = obj as { code?: number; reason?: string; message?: string } | undefined;
          if (status?.code === 410 || status?.reason === 'Expired' || status?.reason === 'Gone') outcome.expired = true;
          else outcome.error = new Error(`watch error ${status?.code ?? ''}: ${status?.message ?? 'unknown'}`);
          return;
        }
        outcome.received += 1;
        const rv = (obj as KubeObjectLike | undefined)?.metadata?.resourceVersion;
        if (rv !== undefined && rv !== '') this.resourceVersion = rv;
        if (type === 'ADDED' || type === 'MODIFIED' || type === 'DELETED') this.handlers.onChange(type, obj as T);
      };
      new k8s.Watch(this.kc).watch(this.source.watchPath, query, onEvent, (err: unknown) => finish(err)).then(
        (c) => {
          controller = c;
          // stop() or relist() may have come while the request was being made.
          if (finished) c.abort();
        },
        (err: unknown) => finish(err ?? new Error('watch failed')),
      );
    });
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = () => {
        this.wake = undefined;
        done();
      };
    });
  }
}

/** Client options that give the call's fetch this signal (appended after the client's auth middleware). */
function callOptions(signal: AbortSignal): CallOptions {
  const setSignal: k8s.ObservableMiddleware = {
    pre: (ctx) => {
      ctx.setSignal(signal);
      return new k8s.Observable(Promise.resolve(ctx));
    },
    post: (res) => new k8s.Observable(Promise.resolve(res)),
  };
  return { middleware: [setSignal], middlewareMergeStrategy: 'append' };
}

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
