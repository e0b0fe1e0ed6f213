/**
 * Which key of a ConfigMap holds a setting the mechanism quotes, by name: an env-style or property
 * key is the setting written another way (KAFKA_TRANSACTION_TIMEOUT_MS holds transaction.timeout.ms).
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

/** The key of the ConfigMap that holds a setting the mechanism quotes, if one does. */
export function findSettingKey(o: NamespaceObjectEvidence, mechanism: Finding | undefined): string | undefined {
  if (o.kind !== 'ConfigMap' || mechanism === undefined || (o.keys ?? []).length === 0) return undefined;
  const settings = quotedSettings(mechanism);
  return (o.keys ?? []).find((k) => !FILE.test(k) && settings.some((s) => normalize(k) === s || normalize(k).endsWith(`_${s}`)));
}
