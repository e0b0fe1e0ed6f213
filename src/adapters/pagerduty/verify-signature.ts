import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * PagerDuty Webhooks v3: `X-PagerDuty-Signature: v1=<hex>[,v1=<hex>…]`, each an
 * HMAC-SHA256 of the raw body keyed with a secret as given. Any match with any
 * configured secret is enough (secrets rotate). Compared in constant time.
 */
export function verifyPagerDutySignature(rawBody: Buffer, header: string | undefined, secrets: string[]): boolean {
  if (header === undefined || secrets.length === 0) return false;
  const offered = header
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.startsWith('v1='))
    .map((part) => part.slice(3).toLowerCase())
    .filter((hex) => /^[0-9a-f]{64}$/.test(hex))
    .map((hex) => Buffer.from(hex, 'hex'));
  if (offered.length === 0) return false;
  let ok = false;
  for (const secret of secrets) {
    const expected = createHmac('sha256', secret).update(rawBody).digest();
    // No early exit: every comparison runs, so timing says nothing about which matched.
    for (const candidate of offered) ok = timingSafeEqual(expected, candidate) || ok;
  }
  return ok;
}

