/**
 * Which other namespaces may hold the sender of what a consumer receives, as its own words name
 * them: a Service's DNS name in the failure lines ("listing-service.marketplace.svc"), a
 * CloudEvents-style source path ("/marketplace/listing-service"), or the namespace-qualified
 * channel its env names ("marketplace.listing-events", "orders/payments-queue") — the prefix
 * teams give topics and queues they own. Only names that can be namespaces (DNS labels), never
 * the workload's own or the system's, at most two, the explicit ones first: a bounded read of
 * their ReplicaSets follows (read-sender-rollouts.ts).
 */
import { type Env, literalEnv } from './tied-rollout.js';

/** An env var naming where messages come from (the same as producer-rollout.ts' channel). */
const CHANNEL_ENV = /TOPIC|QUEUE|STREAM|EXCHANGE|SUBJECT|CHANNEL/i;
const DNS_LABEL = /^[a-z0-9](?:[a-z0-9-]{1,61}[a-z0-9])$/;
const SYSTEM = /^(?:kube-[\w-]+|default)$/;
/** A Service's in-cluster name: name.namespace.svc. */
const SERVICE_DNS = /\b[a-z0-9-]+\.([a-z0-9-]+)\.svc\b/g;
/** A source path of two DNS labels: "/namespace/name" as a field's whole value. */
const SOURCE_PATH = /"(?:[\w-]*source|origin|producer|sender)"\s*:\s*"\/([a-z0-9-]+)\/[a-z0-9-]+\/?"|\b(?:source|origin|producer|sender)=\/([a-z0-9-]+)\/[a-z0-9-]+\b/gi;
/** A channel's owner prefix: "marketplace.listing-events", "marketplace/listing-events". */
const CHANNEL_PREFIX = /^([a-z0-9-]+)[./][a-z0-9._/-]+$/;
const MAX_NAMESPACES = 2;

export function listSenderNamespaces(seen: { lines: readonly string[]; containers: readonly { env?: Env }[]; namespace: string }): string[] {
  const explicit: string[] = [];
  for (const l of seen.lines) {
    for (const m of l.matchAll(SERVICE_DNS)) explicit.push(m[1] ?? '');
    for (const m of l.matchAll(SOURCE_PATH)) explicit.push((m[1] ?? m[2] ?? '').toLowerCase());
  }
  const channels = literalEnv(seen.containers).filter((e) => CHANNEL_ENV.test(e.name)).flatMap((e) => CHANNEL_PREFIX.exec(e.value)?.[1] ?? []);
  const named = [...explicit, ...channels].filter((n) => DNS_LABEL.test(n) && !SYSTEM.test(n) && n !== seen.namespace);
  return [...new Set(named)].slice(0, MAX_NAMESPACES);
}
