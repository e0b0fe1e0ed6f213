/**
 * Which key of a ConfigMap holds a setting the mechanism quotes, by name: an env-style or property
 * key is the setting written another way (KAFKA_TRANSACTION_TIMEOUT_MS holds transaction.timeout.ms).
 * A key named for an address (ORDERS_URL) holds the host the mechanism quotes when its stem is the
 * host's first label (orders.shop.svc:8443).
 * Only a ConfigMap's key names are kept, never its values, so the tie is by name alone; a file
 * name (default.conf) says where settings live, not which, and ties nothing.
 */
import type { NamespaceObjectEvidence } from '../evidence.js';
import type { Finding } from '../finding.js';

/** A dotted or underscored name (transaction.timeout.ms, proxy_next_upstream, spring.jpa.hibernate.ddl-auto). */
const SETTING = /(?<![\w.-])[A-Za-z][A-Za-z0-9]*(?:[._-][A-Za-z0-9]+)+/g;
const FILE = /\.(?:conf|cnf|cfg|properties|ya?ml|json|ini|toml|xml|txt|env|sh|py|js|ts|lua|sql|pem|crt|key|log|tpl|j2|html|csv|tf|hcl)$/i;

function normalize(name: string): string {
  return name.toLowerCase().replace(/[.-]/g, '_');
}

/** The settings a mechanism quotes in its title and fix, normalized; only names of two parts or more, joined by a dot or an underscore. */
function quotedSettings(mechanism: Finding): string[] {
  const text = `${mechanism.title}\n${mechanism.fix ?? ''}`;
  return [...text.matchAll(SETTING)].map((m) => m[0]).filter((s) => /[._]/.test(s) && !FILE.test(s)).map(normalize);
}

/** A host the mechanism's title quotes with its port (orders.shop.svc:8443): a dependency it calls. */
const HOST_PORT = /(?<![\w.-])([a-z0-9][a-z0-9-]*)(?:\.[a-z0-9-]+)+:\d{2,5}\b/gi;
/** A key that holds an address by its name (ORDERS_URL, ORDERS_HOST). */
const ADDRESS_KEY = /^(.+?)_(?:URL|URI|HOST|HOSTNAME|ADDR|ADDRESS|ENDPOINT|SERVER|BASE_URL)$/i;

/** The one address key whose stem is the first label of a host the mechanism quotes (ORDERS_URL for orders.shop.svc:8443). */
function findAddressKey(keys: readonly string[], mechanism: Finding): string | undefined {
  const labels = new Set([...mechanism.title.matchAll(HOST_PORT)].map((m) => normalize(m[1] ?? '')));
  const fits = keys.filter((k) => labels.has(normalize(ADDRESS_KEY.exec(k)?.[1] ?? '')));
  return fits.length === 1 ? fits[0] : undefined;
}

/** The key of the ConfigMap that holds a setting the mechanism quotes, or the address of a host it quotes, if one does. */
export function findSettingKey(o: NamespaceObjectEvidence, mechanism: Finding | undefined): string | undefined {
  if (o.kind !== 'ConfigMap' || mechanism === undefined || (o.keys ?? []).length === 0) return undefined;
  const settings = quotedSettings(mechanism);
  const keys = (o.keys ?? []).filter((k) => !FILE.test(k));
  return keys.find((k) => settings.some((s) => normalize(k) === s || normalize(k).endsWith(`_${s}`))) ?? findAddressKey(keys, mechanism);
}
