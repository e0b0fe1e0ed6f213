/** Our own HTTP routes, served by Bolt's receiver (customRoutes) or by a bare server in ROLE=worker. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson } from './send-json.js';

export interface Route {
  path: string;
  method: string;
  handler: (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;
}

/** A request listener for a bare server: our routes, 404 or 405 for the rest. */
export function routeRequests(routes: Route[]) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const path = (req.url ?? '/').split('?')[0];
    const matching = routes.filter((r) => r.path === path);
    const route = matching.find((r) => r.method === req.method);
    if (route === undefined) {
      sendJson(res, matching.length > 0 ? 405 : 404, { error: matching.length > 0 ? 'method not allowed' : 'not found' });
      return;
    }
    Promise.resolve(route.handler(req, res)).catch(() => {
      if (!res.headersSent) sendJson(res, 500, { error: 'internal error' });
    });
  };
}
