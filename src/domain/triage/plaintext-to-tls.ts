/**
 * Every call to a dependency reset by the peer, from a client whose configured address speaks
 * plain text (redis://, amqp://, mongodb:// without tls, postgres sslmode=disable, http:// to
 * :443), while a ConfigMap of the namespace that describes that dependency — its key names speak
 * of TLS or in-transit encryption — changed shortly before: the endpoint now requires TLS and drops
 * the plaintext handshake. Read from the namespace's ConfigMap list (names, key names and change
 * times; values are never kept), so the setting's value itself is not seen: the reading says the
 * ConfigMap holds TLS settings and changed, and asks to confirm. Pure.
 */
import type { EnvVarEvidence, IsoTime, NamespaceObjectEvidence } from './evidence.js';
import { findPlaintextSetting } from './tls-terms.js';
import { isInTriggerWindow } from './trigger-window.js';
import { msBetween } from './time-span.js';

/** Plaintext schemes and the TLS form a client uses instead. */
const PLAIN_SCHEMES: { scheme: RegExp; plain: string; tls: string; product: RegExp }[] = [
  { scheme: /^redis:\/\//i, plain: 'redis://', tls: 'rediss://', product: /redis|valkey|elasticache|memorystore|keydb|cache/i },
  { scheme: /^amqp:\/\//i, plain: 'amqp://', tls: 'amqps://', product: /amqp|rabbit|\bmq\b|broker/i },
  { scheme: /^mqtt:\/\//i, plain: 'mqtt://', tls: 'mqtts://', product: /mqtt|broker|iot/i },
  { scheme: /^ldap:\/\//i, plain: 'ldap://', tls: 'ldaps://', product: /ldap|directory|\bad\b/i },
];

/** Key names that speak of transport encryption. */
const TLS_KEY = /(?:^|[._-])(?:tls|ssl|in[._-]?transit|transit[._-]?encryption|encryption[._-]?in[._-]?transit)(?:[._-]|$)/i;

/** Words of a host that say nothing of which dependency it is. */
const GENERIC = new Set(['com', 'net', 'org', 'io', 'internal', 'local', 'cluster', 'svc', 'amazonaws', 'azure', 'windows', 'googleapis', 'cloud', 'prod', 'production', 'staging', 'master', 'primary', 'replica', 'main', 'default', 'cache', 'db', 'api', 'www']);

export interface PlaintextClient {
  /** The env variable that holds the plaintext address or switch. */
  env: string;
  /** "redis://", or the switch as written ("sslmode=disable in env DATABASE_URL"). */
  said: string;
  /** What to set instead ("rediss://", "sslmode=require"). */
  fix: string;
  product?: RegExp;
}

export interface TlsNowRequired {
  host: string;
  client: PlaintextClient;
  configMap: string;
  /** The key names of the ConfigMap that speak of TLS. */
  keys: string[];
  changedAt: IsoTime;
}

/** The plaintext address (or switch) of a container's literal env that names the host. */
export function findPlaintextClient(env: readonly EnvVarEvidence[], host: string): PlaintextClient | undefined {
  const literal = env.filter((e): e is { name: string; value: string } => 'value' in e);
  const naming = literal.filter((e) => e.value.toLowerCase().includes(host.toLowerCase()));
  for (const e of naming) {
    const v = e.value.trim();
    const s = PLAIN_SCHEMES.find((x) => x.scheme.test(v));
    if (s) return { env: e.name, said: s.plain, fix: s.tls, product: s.product };
    if (/^mongodb:\/\//i.test(v) && !/[?&](tls|ssl)=true\b/i.test(v)) return { env: e.name, said: 'mongodb:// without tls=true', fix: 'tls=true', product: /mongo|docdb|atlas/i };
    if (/^postgres(?:ql)?:\/\//i.test(v) && /[?&]sslmode=disable\b/i.test(v)) return { env: e.name, said: 'sslmode=disable', fix: 'sslmode=require', product: /postgres|\bpg\b|rds|aurora/i };
    if (/^http:\/\/[^/]+:443(?:\/|$)/i.test(v)) return { env: e.name, said: 'http:// to port 443', fix: 'https://' };
  }
  // A switch of its own (REDIS_TLS=false, SSL_MODE=disable) next to an address that names the host.
  const setting = naming.length > 0 ? findPlaintextSetting(literal) : undefined;
  return setting ? { env: naming[0]?.name ?? '', said: setting.said, fix: setting.fix } : undefined;
}

function wordsOf(text: string): string[] {
  return text.toLowerCase().split(/[^a-z0-9]+/).filter((w) => w.length >= 4 && !GENERIC.has(w) && !/^\d+$/.test(w));
}

/** The ConfigMap describes this dependency: its name or key names share a word with the host, or name the product. */
function describesHost(o: NamespaceObjectEvidence, host: string, product: RegExp | undefined): boolean {
  const own = new Set([...wordsOf(o.name), ...(o.keys ?? []).flatMap(wordsOf)]);
  const hostWords = wordsOf(host.split('.').slice(0, 3).join('.'));
  if (hostWords.some((w) => own.has(w) || [...own].some((x) => x.startsWith(w) || w.startsWith(x)))) return true;
  return product !== undefined && (product.test(o.name) || (o.keys ?? []).some((k) => product.test(k)));
}

/**
 * A reset dependency whose client connects in plaintext, and the ConfigMap with TLS settings for it
 * that changed in the trigger window before the onset (the newest such).
 */
export function findTlsNowRequired(input: { dependency: string | undefined; env: readonly EnvVarEvidence[]; objects: readonly NamespaceObjectEvidence[]; onset: IsoTime | undefined }): TlsNowRequired | undefined {
  const host = input.dependency?.replace(/:\d+$/, '');
  if (host === undefined || host === '') return undefined;
  const client = findPlaintextClient(input.env, host);
  if (client === undefined) return undefined;
  const found = input.objects
    .filter((o) => o.kind === 'ConfigMap' && (o.keys ?? []).some((k) => TLS_KEY.test(k)) && isInTriggerWindow(o.changedAt, input.onset) && describesHost(o, host, client.product))
    .sort((a, b) => msBetween(b.changedAt ?? '', a.changedAt ?? ''))[0];
  if (found?.changedAt === undefined) return undefined;
  return { host, client, configMap: found.name, keys: (found.keys ?? []).filter((k) => TLS_KEY.test(k)).slice(0, 3), changedAt: found.changedAt };
}

/** The words of it: title clause, evidence, cause, action, fix. */
export function explainTlsNowRequired(t: TlsNowRequired, dependency: string, ago: string): { title: string; evidence: string[]; cause: string; action: string; fix: string } {
  const plain = t.client.said.includes(' in env ') ? t.client.said : `${t.client.said} in env ${t.client.env}`;
  const fix = `connect with TLS: ${t.client.fix.endsWith('://') ? `use ${t.client.fix} in ${t.client.env}` : `set ${t.client.fix} for ${t.client.env}`} (the client's TLS option on)`;
  return {
    title: `Calls to ${dependency} are reset by the peer: the client connects in plaintext (${plain}) while ConfigMap ${t.configMap}, changed ${ago}, sets in-transit encryption (TLS) for it: the endpoint now requires TLS`,
    evidence: [`the client's address is plaintext: ${plain}`, `ConfigMap ${t.configMap} holds TLS settings for ${t.host} (${t.keys.join(', ')}) and changed ${ago}, just before the resets began`],
    cause: `Every connection to ${dependency} opens and is reset at once: a server that requires TLS (in-transit encryption) drops a client that speaks plain text. The client's address (${plain}) is plaintext, and ConfigMap ${t.configMap}, which describes this endpoint, changed its TLS settings (${t.keys.join(', ')}) just before the resets began. The server is up; the two sides disagree on encryption. Restarting or rolling back the clients changes nothing.`,
    action: `Confirm the endpoint's TLS setting (kubectl get configmap ${t.configMap} -o yaml), then ${fix}; or turn the requirement back off until the clients speak TLS.`,
    fix,
  };
}
