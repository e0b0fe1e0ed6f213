/**
 * POST /webhooks/pagerduty (PRODUCT §3): verify, parse, queue, answer 202 — no Slack
 * work before answering. Bad requests get a 4xx with a short reason and change nothing.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { PageEvent } from '../../domain/incident/page-event.js';
import type { Log } from '../../domain/ports.js';
import { describeError } from '../../errors.js';
import { parsePagerDutyDelivery } from '../pagerduty/parse-webhook.js';
import { verifyPagerDutySignature } from '../pagerduty/verify-signature.js';
import type { Metrics } from './metrics.js';
import { BodyTooLargeError, readRawBody } from './read-body.js';
import { sendJson } from './send-json.js';

const MAX_WEBHOOK_BODY = 256 * 1024;

export interface PagerDutyWebhookDeps {
  secrets: string[];
  /** Fails fast (DEPENDENCY_UNAVAILABLE) when Redis does not answer: see JobQueue.enqueue. */
  enqueue: (event: PageEvent) => Promise<'queued' | 'duplicate'>;
  metrics: Metrics;
  log: Log;
}

export function createPagerDutyWebhookHandler(deps: PagerDutyWebhookDeps) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const answer = (status: number, outcome: string, body: object) => {
      deps.metrics.webhookDeliveries.inc({ outcome });
      sendJson(res, status, body);
    };
    if (deps.secrets.length === 0) {
      // Refusing with 5xx keeps PagerDuty retrying until the operator sets a secret.
      return answer(503, 'not_configured', { error: 'PAGERDUTY_WEBHOOK_SECRETS is not set, so deliveries cannot be verified' });
    }
    let raw: Buffer;
    try {
      raw = await readRawBody(req, MAX_WEBHOOK_BODY);
    } catch (err) {
      if (err instanceof BodyTooLargeError) {
        // Close rather than drain the rest of an oversized (possibly endless, chunked) body.
        res.setHeader('Connection', 'close');
        return answer(413, 'too_large', { error: 'body larger than 256 KB' });
      }
      return answer(400, 'bad_request', { error: 'could not read the body' });
    }
    const signature = req.headers['x-pagerduty-signature'];
    if (!verifyPagerDutySignature(raw, typeof signature === 'string' ? signature : undefined, deps.secrets)) {
      return answer(401, 'bad_signature', {
        error: signature === undefined ? 'missing X-PagerDuty-Signature' : 'X-PagerDuty-Signature does not match any configured secret',
      });
    }
    let body: unknown;
    try {
      body = JSON.parse(raw.toString('utf8'));
    } catch {
      return answer(400, 'bad_request', { error: 'body is not JSON' });
    }
    const parsed = parsePagerDutyDelivery(body);
    if (parsed.kind === 'invalid') return answer(400, 'bad_request', { error: parsed.reason });
    if (parsed.kind === 'ignored') return answer(200, 'ignored', { ignored: parsed.reason });
    const webhookId = req.headers['x-webhook-id'];
    try {
      const outcome = await deps.enqueue(parsed.event);
      deps.log.info({ eventId: parsed.event.id, webhookId, type: parsed.event.type, incident: parsed.event.incidentId, outcome }, 'pagerduty event');
      return answer(202, outcome === 'queued' ? 'accepted' : 'duplicate', { accepted: parsed.event.id, duplicate: outcome === 'duplicate' });
    } catch (err) {
      deps.log.error({ eventId: parsed.event.id, err: describeError(err) }, 'could not queue a pagerduty event');
      // 503 makes PagerDuty deliver it again later: nothing is lost while Redis is down.
      return answer(503, 'unavailable', { error: 'Redis is unavailable; PagerDuty will retry this delivery' });
    }
  };
}
