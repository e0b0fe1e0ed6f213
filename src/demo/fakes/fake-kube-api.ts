// A fake kube-apiserver for tests and benchmarks. It speaks the real REST wire format (paths,
// List envelopes, Status errors, chunked watch streams, pods/log) closely enough that the real
// @kubernetes/client-node works against it unchanged, so the bot's Kubernetes code is tested
// through the same client it uses in production. Read-only toward clients: every write verb is
// refused and recorded, so tests can assert the bot never mutates the cluster.
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { delay, readBody, serveLocal } from './http-util.js';
import { FaultRules } from './kube/faults.js';
import { renderKubeconfig, writeKubeconfig } from './kube/kubeconfig.js';
import { ListServer } from './kube/list.js';
import { PodLogStore } from './kube/pod-logs.js';
import type { PodLogs } from './kube/pod-logs.js';
import type { KubeObject, KubeObjectInput } from './kube/resources.js';
import type { ForbidRule } from './kube/routing.js';
import { sendStatus, serveRead } from './kube/serve-read.js';
import { StatusError, methodNotAllowed, unauthorized } from './kube/status.js';
import { ObjectStore } from './kube/store.js';
import type { KubeRef } from './kube/store.js';
import { WatchHub } from './kube/watch-hub.js';

export type { KubeObject, KubeObjectInput } from './kube/resources.js';
export type { KubeRef } from './kube/store.js';
export type { PodLogs } from './kube/pod-logs.js';
export type { KubeStatus } from './kube/status.js';
export type { ForbidRule } from './kube/routing.js';

export const DEFAULT_USER = 'system:serviceaccount:rootcause:rootcause';

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  /** HTTP status answered (200 for a watch that started streaming). */
  status?: number;
}

export interface WriteAttempt extends RecordedRequest {
  body: string;
}

export interface StartOptions {
  latencyMs?: number;
  /** Changes kept for watch replay and continue tokens; older resourceVersions get 410. */
  historyLimit?: number;
}

export class FakeKubeApi {
  /** Every request in arrival order (including refused ones). */
  readonly requests: RecordedRequest[] = [];
  /** POST/PUT/PATCH/DELETE attempts; each was answered 405. */
  readonly writeAttempts: WriteAttempt[] = [];
  readonly url: string;

  private readonly store: ObjectStore;
  private readonly lists: ListServer;
  private readonly watches: WatchHub;
  private readonly logs = new PodLogStore();
  private readonly tokens = new Map<string, string>();
  private readonly forbidRules = new Set<ForbidRule>();
  private readonly faults: FaultRules;
  private tempDir: string | undefined;
  private kubeconfigCount = 0;

  private constructor(
    private readonly server: Server,
    port: number,
    opts: StartOptions,
  ) {
    this.url = `http://127.0.0.1:${port}`;
    this.faults = new FaultRules(opts.latencyMs ?? 0);
    this.store = new ObjectStore(opts.historyLimit ?? 1000, (c) => this.watches.dispatch(c));
    this.lists = new ListServer(this.store);
    this.watches = new WatchHub(this.store);
  }

  static start(opts: StartOptions = {}): Promise<FakeKubeApi> {
    return serveLocal(
      (server, port) => new FakeKubeApi(server, port, opts),
      (api, req, res) => api.handle(req, res),
    );
  }

  /** Delay before answering any request without a more specific setLatency() rule. */
  get latencyMs(): number {
    return this.faults.latencyMs;
  }

  set latencyMs(ms: number) {
    this.faults.latencyMs = ms;
  }

  async close(): Promise<void> {
    this.watches.dropAll(false);
    // Keep-alive sockets would otherwise hold close() open until they time out.
    this.server.closeAllConnections();
    // Held requests go on to find their connection gone.
    this.faults.releaseAll();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
    if (this.tempDir !== undefined) rmSync(this.tempDir, { recursive: true, force: true });
  }

  // ---- client configuration ------------------------------------------------------------

  /** Writes a kubeconfig (one cluster per context, all this server; a token user) to a temp file. */
  kubeconfig(opts: { contexts?: string[]; user?: string } = {}): { yaml: string; path: string } {
    const contexts = opts.contexts ?? ['test-cluster'];
    if (contexts.length === 0) throw new Error('FakeKubeApi.kubeconfig: need at least one context');
    const user = opts.user ?? DEFAULT_USER;
    const token = `fake-${randomUUID()}`;
    this.tokens.set(token, user);
    const yaml = renderKubeconfig({ server: this.url, contexts, userName: user, token });
    this.tempDir ??= mkdtempSync(join(tmpdir(), 'fake-kube-'));
    this.kubeconfigCount += 1;
    const path = writeKubeconfig(this.tempDir, `kubeconfig-${this.kubeconfigCount}.yaml`, yaml);
    return { yaml, path };
  }

  // ---- object store --------------------------------------------------------------------

  /**
   * Creates an object (throws if it exists); assigns uid, resourceVersion, creationTimestamp.
   * Returns the stored object, deep-frozen: change it with upsert({ ...obj, … }), not in place.
   */
  add<T extends KubeObjectInput>(obj: T): KubeObject {
    return this.store.put(obj, 'add');
  }

  /** Creates or replaces; a replacement emits MODIFIED and keeps uid/creationTimestamp unless given. */
  upsert<T extends KubeObjectInput>(obj: T): KubeObject {
    return this.store.put(obj, 'upsert');
  }

  /** Deletes by ref (`{kind:'Pod', namespace, name}`) or by the object itself; false if absent. */
  remove(ref: KubeRef | KubeObjectInput): boolean {
    return this.store.remove(this.toRef(ref));
  }

  /** The stored object (deep-frozen; core/v1 shape for events), or undefined. */
  get(ref: KubeRef): KubeObject | undefined {
    const def = this.store.resolveRef(ref);
    if (def === undefined) throw new Error(`FakeKubeApi: unsupported kind ${ref.kind}`);
    const o = this.store.get(def, def.namespaced ? (ref.namespace ?? 'default') : undefined, ref.name);
    return o?.obj;
  }

  /** The latest resourceVersion handed out (a watch from here sees only later changes). */
  get resourceVersion(): string {
    return String(this.store.resourceVersion);
  }

  setLogs(namespace: string, pod: string, container: string, logs: PodLogs): void {
    this.logs.set(namespace, pod, container, logs);
  }

  private toRef(ref: KubeRef | KubeObjectInput): KubeRef {
    if ('name' in ref && typeof ref.name === 'string') return ref;
    const o = ref as KubeObjectInput;
    if (o.kind === undefined || o.metadata?.name === undefined) {
      throw new Error('FakeKubeApi.remove: need kind and metadata.name');
    }
    return {
      kind: o.kind,
      name: o.metadata.name,
      ...(o.apiVersion === undefined ? {} : { apiVersion: o.apiVersion }),
      ...(o.metadata.namespace === undefined ? {} : { namespace: o.metadata.namespace }),
    };
  }

  // ---- failure injection ---------------------------------------------------------------

  /** Denies matching requests with the apiserver's 403; returns a function that lifts the rule. */
  forbid(rule: ForbidRule): () => void {
    const r = { ...rule };
    this.forbidRules.add(r);
    return () => this.forbidRules.delete(r);
  }

  allowAll(): void {
    this.forbidRules.clear();
  }

  /** Delays requests whose path matches (the latest matching rule wins over `latencyMs`). */
  setLatency(pathPattern: RegExp, ms: number): void {
    this.faults.setLatency(pathPattern, ms);
  }

  /**
   * Answers matching requests with the apiserver's Status for `status` (503 ServiceUnavailable,
   * 500 InternalError, 504 Timeout) until the returned function is called.
   */
  failWith(pathPattern: RegExp, status = 503): () => void {
    return this.faults.failWith(pathPattern, status);
  }

  /**
   * Leaves requests whose path matches unanswered until the returned function is called (or the
   * fake closes): an API server that hangs, for tests of budgets and of work cut short. Unlike a
   * latency, it does not end by itself, so no test depends on how fast the rest ran.
   */
  hold(pathPattern: RegExp): () => void {
    return this.faults.hold(pathPattern);
  }

  clearLatency(): void {
    this.faults.clearLatency();
  }

  /** Ends every open watch: socket reset by default; `graceful` ends it like a server timeout. */
  dropWatches(opts: { graceful?: boolean } = {}): void {
    this.watches.dropAll(opts.graceful === true);
  }

  /** Forgets all change history: watches and continue tokens from before now get 410 Expired. */
  expireHistory(): void {
    this.store.expireHistory();
    this.lists.forget();
  }

  /** Sends a BOOKMARK (current resourceVersion) to every watch that allowed bookmarks. */
  sendBookmarks(): void {
    this.watches.bookmarkAll();
  }

  get openWatches(): number {
    return this.watches.size;
  }

  // ---- request log ---------------------------------------------------------------------

  get requestCount(): number {
    return this.requests.length;
  }

  /** Clears `requests` (not `writeAttempts`, so a "never writes" assertion spans the whole test). */
  resetRequests(): void {
    this.requests.length = 0;
  }

  // ---- HTTP ----------------------------------------------------------------------------

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fake.invalid');
    const method = req.method ?? 'GET';
    const rec: RecordedRequest = { method, path: url.pathname, query: Object.fromEntries(url.searchParams) };
    this.requests.push(rec);
    try {
      const wait = this.faults.delayFor(url.pathname);
      if (wait > 0) await delay(wait);
      const held = this.faults.heldUntil(url.pathname);
      if (held !== undefined) {
        await held;
        if (res.destroyed) return;
      }
      if (method !== 'GET' && method !== 'HEAD') {
        this.writeAttempts.push({ ...rec, body: (await readBody(req)).toString('utf8') });
        throw methodNotAllowed();
      }
      const user = this.authenticate(req);
      const failing = this.faults.failureFor(url.pathname);
      if (failing !== undefined) throw failing;
      const { store, lists, watches, logs, forbidRules } = this;
      serveRead({ store, lists, watches, logs, forbidRules }, url, user, res);
    } catch (err) {
      if (res.headersSent) {
        res.destroy();
      } else if (err instanceof StatusError) {
        sendStatus(res, err.status);
      } else {
        sendStatus(res, new StatusError(500, 'InternalError', `fake-kube-api: ${String(err)}`).status);
      }
    }
    rec.status = res.statusCode;
  }

  private authenticate(req: IncomingMessage): string {
    const header = req.headers.authorization ?? '';
    const token = header.startsWith('Bearer ') ? header.slice('Bearer '.length) : undefined;
    const user = token === undefined ? undefined : this.tokens.get(token);
    if (user === undefined) throw unauthorized();
    return user;
  }
}
