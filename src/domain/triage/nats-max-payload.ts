/**
 * A NATS client refusing to publish a message larger than the server's max_payload ("nats:
 * maximum payload exceeded"). The server announces its max_payload to every client on connect
 * (1 MB, 1048576 bytes, when its config sets none); the client checks each message against it
 * and fails the publish before sending. Only the messages past the limit fail, so the usual
 * trigger is a change that made messages larger, not the NATS servers. Pure: reads log lines only.
 */
import type { ClientDiagnosis } from './client-diagnosis-reading.js';

const EXCEEDED = /nats: maximum payload exceeded/i;
/** The limit the server announced, where the client logs it: `"max_payload":1048576` or `max_payload=1048576`. */
const ANNOUNCED = /max_?payload"?\s*[:=]\s*"?(\d+)/i;
/** The size of the refused message, where the line carries it. */
const SIZE = /(?:payload_bytes|payload_size|size|bytes)"?\s*[:=]\s*"?(\d{5,})/i;
const DEFAULT_MAX_PAYLOAD = 1_048_576;

const mb = (bytes: number): string => `${Number((bytes / 1_048_576).toFixed(2))} MB`;

export function explainNatsMaxPayload(errors: readonly string[], lines: readonly string[]): ClientDiagnosis | undefined {
  const refused = errors.filter((l) => EXCEEDED.test(l));
  if (refused.length === 0) return undefined;
  const announced = lines.map((l) => ANNOUNCED.exec(l)?.[1]).find((v) => v !== undefined);
  const limit = announced === undefined ? DEFAULT_MAX_PAYLOAD : Number(announced);
  const sizes = refused.flatMap((l) => SIZE.exec(l)?.[1] ?? []).map(Number).filter((n) => n > 0);
  const smallest = sizes.length ? Math.min(...sizes) : undefined;
  const cap = announced === undefined
    ? `its max_payload (the default of 1 MB, ${DEFAULT_MAX_PAYLOAD} bytes, unless the server's config sets another)`
    : `its max_payload of ${limit} bytes (${mb(limit)})${limit === DEFAULT_MAX_PAYLOAD ? ', the default' : ''}`;
  const seen = smallest === undefined ? '' : ` (refused messages of ${smallest} bytes and more)`;
  const summary = `NATS refuses to publish messages larger than the server's max_payload — ${cap}${seen}: "nats: maximum payload exceeded"`;
  const fix = `keep the messages under ${mb(limit)} (roll back the change that made them larger, or move large content out of the message), or raise max_payload in the NATS server config`;
  return {
    summary,
    title: (where) => `${summary} (${where})`,
    likelyCause:
      `The NATS server announces its max_payload to every client on connect and the client refuses to publish any message past it, so only the large messages fail while small ones still go through. ` +
      'The servers are not at fault: something made the messages larger — usually a release that puts more into each message.',
    nextAction: `Find what made the messages larger (the revision that changed what is published); ${fix}.`,
    fix,
  };
}
