// The read side of the fake kube-apiserver's REST API: /version, discovery, get, list (paged),
// watch and pods/log, after the RBAC rules. Writes never get here (they are refused before).
import type { ServerResponse } from 'node:http';
import type { ListServer } from './list.js';
import { parseLogQuery } from './pod-logs.js';
import type { PodLogStore } from './pod-logs.js';
import { authorize, discovery, parseTarget } from './routing.js';
import type { ForbidRule } from './routing.js';
import { parseFieldSelector, parseLabelSelector } from './selectors.js';
import type { FieldSelector } from './selectors.js';
import { badRequest, notFound } from './status.js';
import type { KubeStatus } from './status.js';
import type { ObjectStore } from './store.js';
import type { WatchHub } from './watch-hub.js';

export interface ReadServer {
  store: ObjectStore;
  lists: ListServer;
  watches: WatchHub;
  logs: PodLogStore;
  forbidRules: Iterable<ForbidRule>;
}

function sendJsonText(res: ServerResponse, code: number, text: string): void {
  res.writeHead(code, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

export function sendStatus(res: ServerResponse, status: KubeStatus): void {
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

/** Answers a GET for `user` (already authenticated); throws a StatusError for the apiserver's refusals. */
export function serveRead(s: ReadServer, url: URL, user: string, res: ServerResponse): void {
  const segs = url.pathname
    .split('/')
    .filter((seg) => seg !== '')
    .map((seg) => decodeURIComponent(seg));
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
  authorize(s.forbidRules, user, verb, target);

  if (target.subresource === 'log') {
    const pod = s.store.get(target.def, target.namespace, target.name ?? '');
    const bytes = s.logs.render(target.namespace ?? '', target.name ?? '', pod?.obj, parseLogQuery(q));
    res.writeHead(200, { 'Content-Type': 'text/plain', 'Content-Length': bytes.length });
    res.end(bytes);
    return;
  }
  if (verb === 'get') {
    const o = s.store.get(target.def, target.namespace, target.name ?? '');
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
    s.watches.start(
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
  const body = s.lists.render({
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
