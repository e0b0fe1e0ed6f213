/**
 * A Spring Boot 3 application that still sets a property prefix Boot 3 renamed: `spring.redis.*`
 * became `spring.data.redis.*`, and `spring.data.cassandra.*` became `spring.cassandra.*`. Boot 3
 * ignores the old keys without a word, so the client connects to its built-in default — localhost
 * at the server's port, where nothing listens — and is refused ("Connection refused:
 * localhost/127.0.0.1:6379"), while the server the config names is healthy. The fix is the keys'
 * names (or a rollback to the Boot 2 revision); not the server. Read from the app's config file (a
 * ConfigMap it mounts: application.yml or .properties) or the env form of the keys
 * (SPRING_REDIS_HOST), both read by setting-config.ts. Pure.
 */
import type { ContainerSpecEvidence, LogEvidence, PodEvidence } from './evidence.js';
import type { RevisionEvidence } from './evidence-spec.js';
import type { SettingConfigEvidence } from './evidence-setting-config.js';

/** A property prefix Spring Boot 3 renamed, the server it configures and the client's default address. */
export interface PropertyRename {
  from: string;
  to: string;
  server: string;
  port: number;
  /** What connects by default when no address is set, when the log names no client. */
  client: string;
  /** The clients a stack names: `io.lettuce.` → Lettuce. */
  clients?: readonly (readonly [RegExp, string])[];
}

/** The renames of Spring Boot 3.0 that leave a client dialling its loopback default. */
export const PROPERTY_RENAMES: readonly PropertyRename[] = [
  { from: 'spring.redis', to: 'spring.data.redis', server: 'Redis', port: 6379, client: 'the Redis client', clients: [[/\bio\.lettuce\./, 'Lettuce'], [/\bredis\.clients\.jedis\./, 'Jedis']] },
  { from: 'spring.data.cassandra', to: 'spring.cassandra', server: 'Cassandra', port: 9042, client: 'the Cassandra driver' },
];

/** The env form of a prefix under Spring's relaxed binding: spring.redis → SPRING_REDIS_. */
function envPrefix(prefix: string): string {
  return `${prefix.toUpperCase().replace(/[.-]/g, '_')}_`;
}

/** The env keys of the old prefixes, as setting-config.ts keeps them from a ConfigMap the container takes variables from. */
export const RENAMED_ENV_KEY = new RegExp(`^(?:${PROPERTY_RENAMES.map((r) => envPrefix(r.from)).join('|')})`, 'i');

/** The address keys under a prefix, in the order an SRE looks at them; `port` last. */
const ADDRESS_KEYS = ['host', 'url', 'cluster.nodes', 'sentinel.nodes', 'contact-points', 'port'];

const LOOPBACK = /^(?:localhost|127(?:\.\d{1,3}){3}|::1|\[::1\])$/i;
/** A connection refused at a loopback address and port: `Connection refused: localhost/127.0.0.1:6379`, `connect ECONNREFUSED 127.0.0.1:6379`. */
const LOOPBACK_REFUSED = /(?:Connection refused|ECONNREFUSED)\b[^\n]*?\b(?:localhost|127\.0\.0\.1)(?:\/127\.0\.0\.1)?:(\d{2,5})\b/i;
/** The app is a Spring one: its packages in a stack, or the Boot banner. */
const SPRING_SIGN = /\borg\.springframework\.|:: Spring Boot ::/;
/** Spring Boot 3 said: a change cause `spring-boot 3.2.5`, the banner `:: Spring Boot ::  (v3.2.5)`, `Spring Boot v3.1.0`. */
const BOOT_3 = /spring[ -]?boot\b[^\d\n]{0,30}?\bv?(3\.\d+(?:\.\d+)?)/i;
/** Jakarta EE packages in a stack: Spring Boot 3 (Boot 2 runs javax.*). */
const JAKARTA = /\bjakarta\.(?:servlet|persistence|validation)\./;

/** Key names as relaxed binding compares them: lower case, no dashes. */
function canonical(path: string): string {
  return path.toLowerCase().replace(/-/g, '');
}

/**
 * The settings of a config file as dotted paths: a `.properties` file's `a.b.c=value` lines, or a
 * YAML file's nested keys (`spring:` / `  redis:` / `    host: x` → spring.redis.host). Lists, block
 * scalars and multi-document separators are followed only as far as the keys go.
 */
export function listConfigPaths(text: string): { path: string; value: string }[] {
  const out: { path: string; value: string }[] = [];
  let stack: { indent: number; key: string }[] = [];
  for (const raw of text.split('\n')) {
    if (/^\s*(?:#|!|$)/.test(raw)) continue;
    if (/^(?:---|\.\.\.)\s*$/.test(raw)) {
      stack = [];
      continue;
    }
    const prop = /^\s*([\w.[\]-]+)\s*=\s*(.*)$/.exec(raw);
    if (prop?.[1]) {
      out.push({ path: prop[1], value: (prop[2] ?? '').trim() });
      continue;
    }
    const m = /^(\s*)(["']?)([\w.[\]-]+)\2\s*:(?:\s+(.*))?$/.exec(raw);
    if (!m?.[3]) continue;
    const indent = m[1]?.length ?? 0;
    while (stack.length > 0 && (stack[stack.length - 1]?.indent ?? 0) >= indent) stack.pop();
    const value = (m[4] ?? '').replace(/\s+#.*$/, '').trim();
    const path = [...stack.map((s) => s.key), m[3]].join('.');
    if (value === '' || value === '|' || value === '>') stack.push({ indent, key: m[3] });
    else out.push({ path, value });
  }
  return out;
}

/**
 * The old-prefix setting a config file makes, as a property (`spring.redis.host: redis.svc`), when
 * it sets no key of the new prefix: the address key first. Undefined when it sets none, or sets the
 * renamed keys too (then the rename is not what went wrong).
 */
export function findRenamedSettingLine(text: string): string | undefined {
  const paths = listConfigPaths(text);
  for (const r of PROPERTY_RENAMES) {
    const under = (prefix: string) => paths.filter((p) => canonical(p.path).startsWith(`${canonical(prefix)}.`));
    const old = under(r.from);
    if (old.length === 0 || under(r.to).length > 0) continue;
    const rank = (p: { path: string }) => {
      const i = ADDRESS_KEYS.findIndex((k) => canonical(p.path) === `${canonical(r.from)}.${canonical(k)}`);
      return i === -1 ? ADDRESS_KEYS.length : i;
    };
    const best = [...old].sort((a, b) => rank(a) - rank(b))[0];
    if (best) return `${best.path}: ${best.value}`;
  }
  return undefined;
}

/** The logging container whose current log shows a Spring app refused at the loopback port of a renamed prefix's server. */
export function findSpringLoopbackRefusal(logs: readonly LogEvidence[], pods: readonly PodEvidence[]): { pod: string; container: string; rename: PropertyRename } | undefined {
  const own = new Set(pods.map((p) => p.name));
  for (const l of logs) {
    if (l.previous || !own.has(l.pod) || !l.lines.some((x) => SPRING_SIGN.test(x))) continue;
    for (const line of l.lines) {
      const port = Number(LOOPBACK_REFUSED.exec(line)?.[1]);
      const rename = PROPERTY_RENAMES.find((r) => r.port === port);
      if (rename) return { pod: l.pod, container: l.container, rename };
    }
  }
  return undefined;
}

export interface RenamedProperty {
  rename: PropertyRename;
  /** `ConfigMap loyalty-config (application.yaml)`, `env SPRING_REDIS_HOST`. */
  where: string;
  /** `spring.redis.host: redis.svc`, `SPRING_REDIS_HOST=redis.svc`. */
  written: string;
  /** The env form: the fix renames a variable, not a file's key. */
  env: boolean;
  /** What says the app runs Spring Boot 3, when something read does. */
  boot3?: string;
  /** The client that dials the default: the one its stack names, or the server's client. */
  client: string;
}

/** Where the app says it runs Spring Boot 3: a revision's change cause, the banner, a Jakarta stack. */
function findBoot3Sign(revisions: readonly RevisionEvidence[], lines: readonly string[]): string | undefined {
  for (const r of [...revisions].sort((a, b) => b.revision - a.revision)) {
    const v = BOOT_3.exec(r.changeCause ?? '')?.[1];
    if (v) return `revision ${r.revision}'s change cause says Spring Boot ${v}`;
  }
  for (const line of lines) {
    const v = BOOT_3.exec(line)?.[1];
    if (v) return `its log says Spring Boot ${v}`;
  }
  return lines.some((l) => JAKARTA.test(l)) ? 'its stack runs jakarta.* packages (Spring Boot 3)' : undefined;
}

/**
 * The old-prefix setting behind a refusal at `dependency` (`localhost:6379`): the refused address is
 * the loopback default of a renamed prefix's server, and the app's config sets that prefix's keys
 * under the old name — in a config file it mounts or a ConfigMap it takes variables from (read into
 * `config`), or in its own env.
 */
export function findRenamedProperty(dependency: string, containers: readonly Pick<ContainerSpecEvidence, 'env'>[], config: readonly SettingConfigEvidence[], revisions: readonly RevisionEvidence[], lines: readonly string[]): RenamedProperty | undefined {
  const m = /^(.+):(\d+)$/.exec(dependency);
  if (!m?.[1] || !LOOPBACK.test(m[1]) || !lines.some((l) => SPRING_SIGN.test(l))) return undefined;
  const rename = PROPERTY_RENAMES.find((r) => r.port === Number(m[2]));
  if (rename === undefined) return undefined;
  const prefix = envPrefix(rename.from);
  const kept = config.find((c) => c.mechanism === 'renamed-property' && (c.via === 'mount' ? c.written.toLowerCase().startsWith(`${rename.from}.`) : c.written.toUpperCase().startsWith(prefix)));
  const own = containers.flatMap((c) => (c.env ?? []).flatMap((e) => ('value' in e && e.name.toUpperCase().startsWith(prefix) ? [e] : [])))[0];
  const boot3 = findBoot3Sign(revisions, lines);
  const client = rename.clients?.find(([re]) => lines.some((l) => re.test(l)))?.[1] ?? rename.client;
  const sign = boot3 ? { boot3, client } : { client };
  if (kept) return { rename, where: `ConfigMap ${kept.configMap} (${kept.via === 'mount' ? kept.key : kept.via === 'envFrom' ? 'envFrom' : `env ${kept.via}`})`, written: kept.written, env: kept.via !== 'mount', ...sign };
  if (own && 'value' in own) return { rename, where: `env ${own.name}`, written: `${own.name}=${own.value}`, env: true, ...sign };
  return undefined;
}

/** The finding's words for a renamed prefix behind a loopback refusal. */
export function explainRenamedProperty(found: RenamedProperty, dependency: string): { title: string; evidence: string[]; cause: string; action: string; fix: string } {
  const { rename } = found;
  const newForm = found.env ? envPrefix(rename.to) : `${rename.to}.*`;
  const oldForm = found.env ? envPrefix(rename.from) : `${rename.from}.*`;
  const fix = `rename ${oldForm} to ${newForm} in ${found.where}, then restart the pods so they read it`;
  return {
    title: `${found.where} still sets ${found.written}, but Spring Boot 3 reads ${rename.to}.* (renamed from ${rename.from}.*), so ${found.client} falls back to its default ${dependency}`,
    evidence: [`${found.where}: ${found.written}${found.boot3 ? `; ${found.boot3}` : ''}`],
    cause: `Spring Boot 3.0 renamed the ${rename.from}.* properties to ${rename.to}.* and no longer reads the old ones${found.boot3 ? ` (${found.boot3})` : ''}. ${found.where} still sets ${found.written}, so Boot ignores it and ${found.client} connects to its built-in default, ${dependency}, where nothing listens in the pod: every connection is refused. The ${rename.server} server the config names is not at fault.`,
    action: `${fix.charAt(0).toUpperCase()}${fix.slice(1)}; or roll back to the revision before the upgrade to Spring Boot 3 until the config is renamed. (spring-boot-properties-migrator reports such keys at start-up.)`,
    fix,
  };
}
