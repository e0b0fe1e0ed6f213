/**
 * A process that cannot open its key store or trust store with the password it was given
 * ("keystore password was incorrect", "Keystore was tampered with, or password was incorrect",
 * "PKCS12 key store mac invalid - wrong password", OpenSSL's "mac verify failure"): the store
 * file and its password come from two places (often two Secrets), and pairing the wrong two is
 * the usual story. Names the store, the env var that carries its password and where each comes
 * from, so the pairing can be checked without reading the Secret.
 */
import type { ContainerSpecEvidence, PodEvidence } from './evidence.js';
import type { EnvVarEvidence } from './evidence-spec.js';

export interface StorePassword {
  /** A trust store holds CA certificates; a key store the client's own key. */
  kind: 'truststore' | 'keystore';
  /** The store's file, when the log or the spec names it. */
  path?: string;
  /** "KAFKA_TRUSTSTORE_PASSWORD from Secret settlement-kafka-user, key user.password". */
  password?: string;
  /** "Secret events-cluster-ca-cert": the volume mounted over the store's path. */
  storeSource?: string;
  /** The log line that says the password is wrong, without "Caused by: ". */
  line: string;
}

const WRONG_PASSWORD = /keystore password was incorrect|password was incorrect|key ?store mac invalid|wrong password|mac verify fail|failed to decrypt safe contents entry/i;
const STORE_FILE = /(\/[\w./-]+\.(?:p12|pfx|jks|keystore|truststore|bcfks))\b/i;
const SOURCE_KIND: Record<string, string> = { secret: 'Secret', configMap: 'ConfigMap' };

function describeEnv(e: EnvVarEvidence): string {
  if (!('ref' in e)) return `${e.name} (a literal value)`;
  const kind = SOURCE_KIND[e.ref.kind] ?? e.ref.kind;
  return `${e.name} from ${kind} ${e.ref.name ?? '?'}${e.ref.key ? `, key ${e.ref.key}` : ''}`;
}

/** The env var holding the store's password: beside the one naming its path (X_LOCATION → X_PASSWORD), else one named for its kind. */
function findPasswordEnv(env: readonly EnvVarEvidence[], path: string | undefined, kind: StorePassword['kind']): EnvVarEvidence | undefined {
  const isPassword = (name: string): boolean => /PASS(WORD)?|PWD/i.test(name);
  const locator = path === undefined ? undefined : env.find((e) => 'value' in e && e.value.includes(path));
  const prefix = locator?.name.replace(/_?(LOCATION|PATH|FILE|LOC)$/i, '');
  const beside = prefix ? env.find((e) => e.name !== locator?.name && e.name.startsWith(prefix) && isPassword(e.name)) : undefined;
  const word = kind === 'truststore' ? /TRUST/i : /KEY_?STORE|KEYSTORE/i;
  return beside ?? env.find((e) => isPassword(e.name) && word.test(e.name));
}

/** The kind of store: what the log says it loads, else what the env var naming its path says. */
function decideKind(lines: readonly string[], env: readonly EnvVarEvidence[], path: string | undefined): StorePassword['kind'] {
  const locator = path === undefined ? undefined : env.find((e) => 'value' in e && e.value.includes(path));
  if (locator !== undefined) return /TRUST/i.test(locator.name) ? 'truststore' : 'keystore';
  return lines.some((l) => /trust ?store/i.test(l)) ? 'truststore' : 'keystore';
}

/** "Secret events-cluster-ca-cert": the Secret or ConfigMap volume mounted over a store's path. */
export function findStoreSource(path: string, container: ContainerSpecEvidence | undefined, pod: PodEvidence | undefined): string | undefined {
  const mount = (container?.volumeMounts ?? []).filter((m) => path.startsWith(`${m.mountPath.replace(/\/$/, '')}/`)).sort((a, b) => b.mountPath.length - a.mountPath.length)[0];
  const volume = mount === undefined ? undefined : pod?.volumes?.find((v) => v.name === mount.name);
  return volume?.ref !== undefined && SOURCE_KIND[volume.source] !== undefined ? `${SOURCE_KIND[volume.source] ?? ''} ${volume.ref}` : undefined;
}

export function findStorePassword(lines: readonly string[], container: ContainerSpecEvidence | undefined, pod?: PodEvidence): StorePassword | undefined {
  const said = lines.map((l) => l.trim()).filter((l) => WRONG_PASSWORD.test(l));
  // The line that says "password" is plainer than the cipher's "failed to decrypt … bad key".
  const wrong = said.find((l) => /password/i.test(l)) ?? said[0];
  if (wrong === undefined) return undefined;
  const env = container?.env ?? [];
  const path = lines.map((l) => (/store|ssl|tls|pkcs/i.test(l) ? STORE_FILE.exec(l)?.[1] : undefined)).find((p) => p !== undefined)
    ?? env.map((e) => ('value' in e ? STORE_FILE.exec(e.value)?.[1] : undefined)).find((p) => p !== undefined);
  const kind = decideKind(lines, env, path);
  const password = findPasswordEnv(env, path, kind);
  const storeSource = path === undefined ? undefined : findStoreSource(path, container, pod);
  return {
    kind,
    ...(path ? { path } : {}),
    ...(password ? { password: describeEnv(password) } : {}),
    ...(storeSource ? { storeSource } : {}),
    line: wrong.replace(/^Caused by:\s*/, ''),
  };
}

/** "the truststore /etc/kafka-ca/ca.p12 refuses its password (KAFKA_TRUSTSTORE_PASSWORD from Secret …)". */
export function tellStorePassword(s: StorePassword): { title: string; cause: string; action: string; fix: string } {
  const store = `the ${s.kind}${s.path ? ` ${s.path}` : ''}`;
  const from = s.storeSource ? ` (from ${s.storeSource})` : '';
  const pw = s.password ?? `the ${s.kind} password`;
  const secretOf = /from (Secret|ConfigMap) ([\w.-]+)/.exec(s.password ?? '');
  const twoPlaces = secretOf && s.storeSource && s.storeSource !== `${secretOf[1] ?? ''} ${secretOf[2] ?? ''}` ? ` The store comes from ${s.storeSource} but its password from ${secretOf[1] ?? ''} ${secretOf[2] ?? ''}: a password taken from the wrong Secret or key is the usual story.` : '';
  return {
    title: `: ${store} cannot be opened with its password${s.password ? ` (${s.password})` : ''}`,
    cause: `The process loads ${store}${from} and the password it was given does not open it ("${s.line}").${twoPlaces}`,
    action: `Point ${pw.replace(/ from .*$/, '')} at the password of ${store}${from} (or fix the value at its source); the pods pick it up when they restart.`,
    fix: `give ${store} its own password`,
  };
}
