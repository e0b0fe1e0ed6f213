// A fake kube-apiserver for tests and benchmarks. It speaks the real REST wire format (paths,
// List envelopes, Status errors, chunked watch streams, pods/log) closely enough that the real
// @kubernetes/client-node works against it unchanged, so the bot's Kubernetes code is tested
// through the same client it uses in production. Read-only toward clients: every write verb is
// refused and recorded, so tests can assert the bot never mutates the cluster.
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { renderKubeconfig, writeKubeconfig } from './kube/kubeconfig.js';
import { ListServer } from './kube/list.js';
import { PodLogStore, parseLogQuery } from './kube/pod-logs.js';
import type { PodLogs } from './kube/pod-logs.js';
import type { KubeObject, KubeObjectInput } from './kube/resources.js';
import { authorize, discovery, parseTarget } from './kube/routing.js';
import type { ForbidRule } from './kube/routing.js';
import { parseFieldSelector, parseLabelSelector } from './kube/selectors.js';
import type { FieldSelector } from './kube/selectors.js';
import { StatusError, badRequest, methodNotAllowed, notFound, unauthorized } from './kube/status.js';
import type { KubeStatus } from './kube/status.js';
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

interface LatencyRule {
  pattern: RegExp;
  ms: number;
}

interface FailureRule {
  pattern: RegExp;
  status: number;
}

interface HoldRule {
  pattern: RegExp;
  released: Promise<void>;
  release: () => void;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function sendJsonText(res: ServerResponse, code: number, text: string): void {
  res.writeHead(code, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

function sendStatus(res: ServerResponse, status: KubeStatus): void {
  sendJsonText(res, status.code, JSON.stringify(status));
}

function flag(q: URLSearchParams, name: string): boolean {
  const v = q.get(name);
  return v === 'true' || v === '1';
}

function nonNegativeInt(q: URLSearchParams, name: string): number | undefined {
  const v = q.get(name);
  if (v === null || v === '') return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw badRequest(`invalid value for ${name}: ${v}`);
  return n;
}

export class FakeKubeApi {
  /** Every request in arrival order (including refused ones). */
  readonly requests: RecordedRequest[] = [];
  /** POST/PUT/PATCH/DELETE attempts; each was answered 405. */
  readonly writeAttempts: WriteAttempt[] = [];
  /** Delay before answering any request without a more specific setLatency() rule. */
  latencyMs: number;
  readonly url: string;

  private readonly store: ObjectStore;
  private readonly lists: ListServer;
  private readonly watches: WatchHub;
  private readonly logs = new PodLogStore();
  private readonly tokens = new Map<string, string>();
  private readonly forbidRules = new Set<ForbidRule>();
  private latencyRules: LatencyRule[] = [];
  private failureRules: FailureRule[] = [];
  private holdRules: HoldRule[] = [];
  private tempDir: string | undefined;
  private kubeconfigCount = 0;

  private constructor(
    private readonly server: Server,
    port: number,
    opts: StartOptions,
  ) {
    this.url = `http://127.0.0.1:${port}`;
    this.latencyMs = opts.latencyMs ?? 0;
    this.store = new ObjectStore(opts.historyLimit ?? 1000, (c) => this.watches.dispatch(c));
    this.lists = new ListServer(this.store);
    this.watches = new WatchHub(this.store);
  }

  static async start(opts: StartOptions = {}): Promise<FakeKubeApi> {
    let api: FakeKubeApi | undefined;
    const server = createServer((req, res) => {
      // The server only accepts connections once `api` is assigned below.
      void (api as FakeKubeApi).handle(req, res);
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    api = new FakeKubeApi(server, port, opts);
    return api;
  }

  async close(): Promise<void> {
    this.watches.dropAll(false);
    // Keep-alive sockets would otherwise hold close() open until they time out.
    this.server.closeAllConnections();
    // Held requests go on to find their connection gone.
    for (const rule of this.holdRules.splice(0)) rule.release();
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
    this.latencyRules.push({ pattern: pathPattern, ms });
  }

  /**
   * Answers matching requests with the apiserver's Status for `status` (503 ServiceUnavailable,
   * 500 InternalError, 504 Timeout) until the returned function is called.
   */
  failWith(pathPattern: RegExp, status = 503): () => void {
    const rule = { pattern: pathPattern, status };
    this.failureRules.push(rule);
    return () => {
      this.failureRules = this.failureRules.filter((r) => r !== rule);
    };
  }

  /**
   * Leaves requests whose path matches unanswered until the returned function is called (or the
   * fake closes): an API server that hangs, for tests of budgets and of work cut short. Unlike a
   * latency, it does not end by itself, so no test depends on how fast the rest ran.
   */
  hold(pathPattern: RegExp): () => void {
    let release = (): void => undefined;
    const released = new Promise<void>((resolve) => (release = resolve));
    const rule = { pattern: pathPattern, released, release };
    this.holdRules.push(rule);
    return () => {
      this.holdRules = this.holdRules.filter((r) => r !== rule);
      release();
    };
  }

  clearLatency(): void {
    this.latencyRules = [];
    this.latencyMs = 0;
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

  private delayFor(path: string): number {
    for (let i = this.latencyRules.length - 1; i >= 0; i--) {
      const rule = this.latencyRules[i] as LatencyRule;
      rule.pattern.lastIndex = 0;
      if (rule.pattern.test(path)) return rule.ms;
    }
    return this.latencyMs;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fake.invalid');
    const method = req.method ?? 'GET';
    const rec: RecordedRequest = { method, path: url.pathname, query: Object.fromEntries(url.searchParams) };
    this.requests.push(rec);
    try {
      const delay = this.delayFor(url.pathname);
      if (delay > 0) await sleep(delay);
      const held = this.holdRules.filter((r) => {
        r.pattern.lastIndex = 0;
        return r.pattern.test(url.pathname);
      });
      if (held.length > 0) {
        await Promise.all(held.map((r) => r.released));
        if (res.destroyed) return;
      }
      if (method !== 'GET' && method !== 'HEAD') {
        this.writeAttempts.push({ ...rec, body: await readBody(req) });
        throw methodNotAllowed();
      }
      const user = this.authenticate(req);
      const failing = this.failureRules.find((r) => {
        r.pattern.lastIndex = 0;
        return r.pattern.test(url.pathname);
      });
      if (failing !== undefined) throw failure(failing.status, url.pathname);
      this.route(url, user, res);
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

  private route(url: URL, user: string, res: ServerResponse): void {
    const segs = url.pathname
      .split('/')
      .filter((s) => s !== '')
      .map((s) => decodeURIComponent(s));
    if (segs.length === 1 && segs[0] === 'version') {
      const version = { major: '1', minor: '31', gitVersion: 'v1.31.0-fake', platform: 'linux/amd64' };
      sendJsonText(res, 200, JSON.stringify(version));
      return;
    }
    const doc = discovery(segs);
    if (doc !== undefined) {
      sendJsonText(res, 200, JSON.stringify(doc));
      return;
    }
    const target = parseTarget(segs);
    const q = url.searchParams;
    const watch = target.watchPath || flag(q, 'watch');
    const verb = watch ? 'watch' : target.name !== undefined ? 'get' : 'list';
    authorize(this.forbidRules, user, verb, target);

    if (target.subresource === 'log') {
      const pod = this.store.get(target.def, target.namespace, target.name ?? '');
      const bytes = this.logs.render(target.namespace ?? '', target.name ?? '', pod?.obj, parseLogQuery(q));
      res.writeHead(200, { 'Content-Type': 'text/plain', 'Content-Length': bytes.length });
      res.end(bytes);
      return;
    }
    if (verb === 'get') {
      const o = this.store.get(target.def, target.namespace, target.name ?? '');
      if (o === undefined) throw notFound(target.def.group, target.def.resource, target.name ?? '');
      sendJsonText(res, 200, o.json(target.def, true));
      return;
    }
    const labelSelector = parseLabelSelector(q.get('labelSelector') ?? undefined);
    let fieldSelector: FieldSelector = parseFieldSelector(q.get('fieldSelector') ?? undefined, target.def);
    if (verb === 'watch') {
      if (target.name !== undefined) {
        // A watch on a named path is the legacy spelling of fieldSelector=metadata.name=<name>.
        fieldSelector = [...fieldSelector, ...parseFieldSelector(`metadata.name=${target.name}`, target.def)];
      }
      const rv = q.get('resourceVersion') ?? undefined;
      if (rv !== undefined && rv !== '' && !/^\d+$/.test(rv)) {
        throw badRequest(`invalid resource version: ${rv}`);
      }
      this.watches.start(
        {
          def: target.def,
          namespace: target.namespace,
          labelSelector,
          fieldSelector,
          resourceVersion: rv,
          allowBookmarks: flag(q, 'allowWatchBookmarks'),
          sendInitialEvents: flag(q, 'sendInitialEvents'),
          timeoutSeconds: nonNegativeInt(q, 'timeoutSeconds'),
        },
        res,
      );
      return;
    }
    const limit = nonNegativeInt(q, 'limit');
    const cont = q.get('continue');
    const body = this.lists.render({
      def: target.def,
      namespace: target.namespace,
      labelSelector,
      fieldSelector,
      queryKey: `${url.pathname}|${q.get('labelSelector') ?? ''}|${q.get('fieldSelector') ?? ''}`,
      limit: limit === undefined || limit === 0 ? undefined : limit,
      continueToken: cont === null || cont === '' ? undefined : cont,
    });
    sendJsonText(res, 200, body);
  }
}

const STATUS_REASONS: Record<number, string> = { 500: 'InternalError', 503: 'ServiceUnavailable', 504: 'Timeout', 429: 'TooManyRequests' };

function failure(status: number, path: string): StatusError {
  const reason = STATUS_REASONS[status] ?? 'InternalError';
  return new StatusError(status, reason, status === 503 ? `the server is currently unable to handle the request (get ${path})` : `injected ${status} for ${path}`);
}
