/**
 * The limit a service's own rate limiter enforces, as its config file or variables set it, read
 * where the limiter refuses its callers at large (own-limiter-refusals.ts): an Envoy
 * local_ratelimit token bucket (max_tokens, tokens_per_fill, fill_interval), an nginx limit_req
 * zone (rate=, burst=), or an app's rate-limit setting (RATE_LIMIT_PER_MINUTE=…,
 * `requests-per-minute: 60`). A local limiter's bucket is per instance: every pod refuses past it
 * on its own, so the service's limit is that times the pods. Only these values are kept.
 */

/** A variable that sets a rate limit: RATE_LIMIT_RPS, RATELIMIT_BURST, THROTTLE_LIMIT, REQUESTS_PER_MINUTE, MAX_RPS. */
export const RATE_LIMIT_KEY = /RATE_?LIMIT|THROTTL|REQUESTS?_PER_(?:SEC(?:OND)?|MIN(?:UTE)?|HOUR)|(?:^|_)(?:MAX_)?(?:RPS|QPS|RPM)(?:$|_)/i;

/** Lines kept for an app's own setting. */
const MAX_LINES = 2;

/** `name: value` or `"name": value` of a YAML or JSON line. */
function fieldOf(text: string, name: string): string | undefined {
  const m = new RegExp(`^\\s*"?${name}"?\\s*:\\s*"?([^\\s",}]+)`, 'm').exec(text);
  return m?.[1];
}

/** An Envoy token bucket: the first one in the file, with its three values as written. */
function envoyBucket(text: string): string | undefined {
  const at = text.search(/\btoken_bucket\b/);
  if (at < 0) return undefined;
  // The bucket's own lines: the few that follow its name.
  const block = text.slice(at).split('\n').slice(0, 6).join('\n');
  const values = ['max_tokens', 'tokens_per_fill', 'fill_interval'].flatMap((n) => {
    const v = fieldOf(block, n);
    return v === undefined ? [] : [`${n} ${v}`];
  });
  if (values.length === 0) return undefined;
  const local = /\blocal_ratelimit\b|LocalRateLimit/.test(text);
  return `${local ? 'local_ratelimit ' : ''}token_bucket ${values.join(', ')}${local ? ', per pod' : ''}`;
}

/** An nginx limit_req zone's rate and the burst a limit_req allows. */
function nginxLimitReq(text: string): string | undefined {
  const rate = /^\s*limit_req_zone\b[^;\n]*\brate=([^\s;]+)/m.exec(text)?.[1];
  if (rate === undefined) return undefined;
  const burst = /^\s*limit_req\s[^;\n]*\bburst=(\d+)/m.exec(text)?.[1];
  return `limit_req_zone rate=${rate}${burst !== undefined ? `, limit_req burst=${burst}` : ''}, per pod`;
}

/** An app's rate-limit lines: a key naming a rate limit, a throttle or requests per unit, with a number. */
const SETTING_LINE = /^\s*["']?(?:[\w-]+\.)*([\w-]*(?:rate[-_.]?limit|throttl|requests?[-_]per[-_](?:sec(?:ond)?|min(?:ute)?|hour)|burst|(?:max[-_])?(?:rps|qps|rpm))[\w-]*)["']?\s*[:=]\s*["']?\d/i;

/** The limit as the file sets it, in its own words; undefined when it sets none. */
export function summarizeRateLimit(text: string): string | undefined {
  const envoy = envoyBucket(text);
  if (envoy !== undefined) return envoy;
  const nginx = nginxLimitReq(text);
  if (nginx !== undefined) return nginx;
  const lines = text.split('\n').filter((l) => SETTING_LINE.test(l)).map((l) => l.trim()).slice(0, MAX_LINES);
  return lines.length === 0 ? undefined : lines.join('; ');
}
