/**
 * RabbitMQ nacking publishes while it is up and raises no alarm: a queue the message routes to is
 * at its length limit (x-max-length / x-max-length-bytes, or a policy's max-length) and its
 * overflow behaviour is reject-publish, so the broker refuses each new message with a basic.nack
 * until its consumers drain it. The limits are kept in the broker's definitions file (a ConfigMap
 * its pod mounts), read here for the queues that reject publishes only.
 */
import type { ConfigFileSetting } from './server-config-file.js';
import type { SettingAt } from './server-settings.js';

/** A publisher's confirm that came back negative: "publish nacked by broker", "message nacked" after a failed publish. */
export const PUBLISH_NACKED = /\bpublish\w*\b[^\n]*\bnack(ed|s)?\b|\bnack(ed|s)?\b[^\n]*\bpublish|\bbasic\.nack\b/i;

/** The queue arguments (and policy keys, without their x-) that bound a queue and say what it does when full. */
export const QUEUE_LIMIT_SETTINGS: readonly string[] = ['x-max-length', 'x-max-length-bytes', 'x-overflow'];

/** At most this many queues are stated: a definitions file can declare hundreds. */
const MAX_QUEUES = 3;

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const bare = (name: string): string => name.replace(/_/g, '-').toLowerCase().replace(/^x-/, '');

/** A definitions file (definitions.json): its queues, and its policies, that reject publishes when full. */
export function findDefinitionsQueueLimits(key: string, text: string, names: readonly string[]): ConfigFileSetting[] {
  const wanted = new Set(names.map(bare));
  if (!QUEUE_LIMIT_SETTINGS.some((n) => wanted.has(bare(n))) || !text.trimStart().startsWith('{')) return [];
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return [];
  }
  if (!isObject(doc)) return [];
  const bounded = (args: Json, prefix: string, of: string): ConfigFileSetting[] => {
    const overflow = args[`${prefix}overflow`];
    if (typeof overflow !== 'string' || !overflow.startsWith('reject-publish')) return [];
    return Object.entries(args).flatMap(([k, v]) =>
      k.startsWith(prefix) && wanted.has(bare(k)) && (typeof v === 'string' || typeof v === 'number') ? [{ key, setting: `${k} of ${of}`, value: String(v) }] : [],
    );
  };
  const queues = Array.isArray(doc.queues) ? doc.queues.filter(isObject) : [];
  const policies = Array.isArray(doc.policies) ? doc.policies.filter(isObject) : [];
  const fromQueues = queues.map((q) => (isObject(q.arguments) ? bounded(q.arguments, 'x-', `queue ${String(q.name)}`) : []));
  const fromPolicies = policies.map((p) => (isObject(p.definition) ? bounded(p.definition, '', `policy ${String(p.name)} (queues matching ${String(p.pattern)})`) : []));
  return [...fromQueues, ...fromPolicies].filter((s) => s.length > 0).slice(0, MAX_QUEUES).flat();
}

/** The queues the definitions bound with reject-publish, said once each: "queue q (x-max-length 50000, x-overflow reject-publish, in ConfigMap m)". */
export function readQueueLimits(settings: readonly SettingAt[]): { why: string; fix: string } | undefined {
  const bounded = new Map<string, string[]>();
  const where = new Map<string, string>();
  for (const s of settings) {
    const m = / of (.+)$/.exec(s.setting);
    if (!m?.[1]) continue;
    bounded.set(m[1], [...(bounded.get(m[1]) ?? []), `${s.setting.slice(0, m.index)} ${s.value}`]);
    where.set(m[1], s.where);
  }
  if (bounded.size === 0) return undefined;
  const said = [...bounded].map(([of, limits]) => `${of} is bounded with ${limits.join(', ')} (${where.get(of) ?? ''})`).join('; ');
  return { why: `${said}: once it holds that many messages the broker nacks every publish to it.`, fix: '' };
}
