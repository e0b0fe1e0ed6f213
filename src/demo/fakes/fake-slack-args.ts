// How the Slack fake reads a Web API call's arguments and token, whichever way the WebClient sent them.
import type { IncomingMessage } from 'node:http';
import type { SlackArgs } from './fake-slack-api.js';
import { parseMultipart } from './http-util.js';

// Fields the WebClient JSON-encodes because they are objects or arrays.
const JSON_FIELDS = ['blocks', 'attachments', 'metadata', 'files', 'view'];

/** Reads Web API arguments from form, JSON or multipart bodies (plus the query string). */
export function parseArgs(req: IncomingMessage, url: URL, body: Buffer): { args: SlackArgs; token: string | undefined } {
  const contentType = req.headers['content-type'] ?? '';
  const args: SlackArgs = Object.fromEntries(url.searchParams);
  if (contentType.includes('application/json')) {
    try {
      const parsed: unknown = JSON.parse(body.toString('utf8') || '{}');
      if (typeof parsed === 'object' && parsed !== null) Object.assign(args, parsed);
    } catch {
      // Leave args empty; the handler then reports the missing arguments.
    }
  } else if (contentType.startsWith('multipart/form-data')) {
    for (const part of parseMultipart(body, contentType)) {
      if (part.name !== undefined) args[part.name] = part.data.toString('utf8');
    }
  } else {
    Object.assign(args, Object.fromEntries(new URLSearchParams(body.toString('utf8'))));
  }
  for (const field of JSON_FIELDS) {
    const value = args[field];
    if (typeof value !== 'string') continue;
    try {
      args[field] = JSON.parse(value);
    } catch {
      // Kept as a string so the handler can answer invalid_*_format like Slack does.
    }
  }
  const bearer = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1];
  const formToken = typeof args.token === 'string' ? args.token : undefined;
  delete args.token;
  return { args, token: bearer ?? formToken };
}
