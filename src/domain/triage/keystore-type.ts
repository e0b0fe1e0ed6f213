/**
 * A JVM that cannot parse its key store or trust store as the type it was told to read it as:
 * the PKCS12 loader fails on a JKS or JCEKS file with "DerInputStream.getLength(): lengthTag=…,
 * too big" (or "toDerInputStream rejects tag type …"), the JKS loader on a PKCS12 file with
 * "Invalid keystore format". The file is usually unchanged; the type changed: a revision that set
 * another javax.net.ssl.keyStoreType (often with a new base image and its platform JVM flags), or
 * a move past Java 8, whose default type became PKCS12. Names the store, its source, the type and
 * where it is set, and the revision that changed it.
 */
import type { ContainerSpecEvidence, PodEvidence, RevisionEvidence } from './evidence.js';
import type { EnvVarEvidence } from './evidence-spec.js';
import { sortRevisions, splitImage } from './revision-diff.js';
import { findStoreSource } from './store-password.js';

export interface KeystoreType {
  kind: 'keystore' | 'truststore';
  /** The log line that says the file is not of the type (without "Caused by: "). */
  line: string;
  /** The store's file, when the flags or the log name it. */
  path?: string;
  /** "ConfigMap partner-gateway-keystore": the volume behind the file. */
  source?: string;
  /** The type it is read as and where that is set ("env JAVA_TOOL_OPTIONS"). */
  type?: { value: string; where: string };
  /** The revision that changed the type, and the type before it. */
  changed?: { revision: number; previous: number; from: string; image?: string };
}

// The loaders' own words for a file of another format; the wrong-password text counts only beside a type change.
const WRONG_FORMAT = /DerInputStream\.getLength\(\): lengthTag=\d+, too big|toDerInputStream rejects tag type \d+|Invalid keystore format|Unrecognized keystore format/i;
const WRONG_PASSWORD = /keystore password was incorrect/i;
/** A DER parse error is a store's only when the log shows a store being loaded. */
const LOADING_STORE = /KeyStore\.load|KeyStore(Delegator|Impl)?\.engineLoad|PKCS12KeyStore|JavaKeyStore|SSLContext|key ?store|trust ?store/i;
const TRUST_LOAD = /getTrustManagers|TrustStoreManager|trustStore|truststore/;

/** Where each store's type and path are set: JVM flags in any env value or the args, or Spring's and similar env names. */
function readFlag(env: readonly EnvVarEvidence[], args: readonly string[], kind: KeystoreType['kind'], what: 'Type' | ''): { value: string; where: string } | undefined {
  const prop = kind === 'truststore' ? 'trustStore' : 'keyStore';
  const flag = new RegExp(`-Djavax\\.net\\.ssl\\.${prop}${what}=("?)([^\\s"]+)\\1`);
  for (const e of env) {
    const m = 'value' in e ? flag.exec(e.value) : null;
    if (m) return { value: m[2] ?? '', where: `env ${e.name}` };
  }
  const inArgs = args.map((a) => flag.exec(a)?.[2]).find((v) => v !== undefined);
  if (inArgs !== undefined) return { value: inArgs, where: 'the args' };
  const name = new RegExp(`${kind === 'truststore' ? 'TRUST_?STORE' : 'KEY_?STORE'}_${what === 'Type' ? 'TYPE' : '(PATH|LOCATION|FILE)'}$`, 'i');
  const named = env.find((e) => 'value' in e && name.test(e.name));
  return named && 'value' in named ? { value: named.value, where: `env ${named.name}` } : undefined;
}

function typeIn(env: readonly EnvVarEvidence[], args: readonly string[] | undefined, kind: KeystoreType['kind']): string | undefined {
  return readFlag(env, args ?? [], kind, 'Type')?.value;
}

/** The newest revision whose container reads the store as another type than the one before it. */
function findTypeChange(revisions: readonly RevisionEvidence[], container: string, kind: KeystoreType['kind'], now: string): KeystoreType['changed'] {
  const [newest, previous] = sortRevisions(revisions);
  const a = previous?.containers.find((c) => c.name === container);
  const b = newest?.containers.find((c) => c.name === container);
  if (!newest || !previous || !a || !b) return undefined;
  const from = typeIn(a.env, a.args, kind) ?? 'the JDK default';
  const to = typeIn(b.env, b.args, kind) ?? 'the JDK default';
  if (from.toLowerCase() === to.toLowerCase() || to !== now) return undefined;
  const image = a.image !== b.image ? `${splitImage(a.image).version} → ${splitImage(b.image).version}` : undefined;
  return { revision: newest.revision, previous: previous.revision, from, ...(image ? { image } : {}) };
}

export function findKeystoreType(lines: readonly string[], container: ContainerSpecEvidence, pod: PodEvidence | undefined, revisions: readonly RevisionEvidence[]): KeystoreType | undefined {
  const said = lines.map((l) => l.trim());
  const format = said.find((l) => WRONG_FORMAT.test(l));
  if (format !== undefined && !/Invalid keystore format/i.test(format) && !said.some((l) => LOADING_STORE.test(l))) return undefined;
  const kind: KeystoreType['kind'] = said.some((l) => TRUST_LOAD.test(l)) && !said.some((l) => /getKeyManagers|keyStore\b/.test(l)) ? 'truststore' : 'keystore';
  const env = container.env ?? [];
  const type = readFlag(env, container.args ?? [], kind, 'Type');
  const changed = type ? findTypeChange(revisions, container.name, kind, type.value) : undefined;
  // A wrong password beside a changed type: the loader of the new type could not read the file.
  const line = format ?? (changed ? said.find((l) => WRONG_PASSWORD.test(l)) : undefined);
  if (line === undefined) return undefined;
  const path = readFlag(env, container.args ?? [], kind, '')?.value;
  const source = path ? findStoreSource(path, container, pod) : undefined;
  return {
    kind,
    line: line.replace(/^Caused by:\s*/, ''),
    ...(path ? { path } : {}),
    ...(source ? { source } : {}),
    ...(type ? { type } : {}),
    ...(changed ? { changed } : {}),
  };
}

/** "keytool -importkeystore" converts the file; setting the type back reads it as it is. */
export function tellKeystoreType(k: KeystoreType): { title: string; cause: string; action: string; fix: string; evidence: string[] } {
  const store = `the ${k.kind}${k.path ? ` ${k.path}` : ''}`;
  const from = k.source ? ` (from ${k.source})` : '';
  const prop = `javax.net.ssl.${k.kind === 'truststore' ? 'trustStore' : 'keyStore'}Type`;
  const as = k.type ? `${k.type.value} (-D${prop}=${k.type.value} in ${k.type.where})` : 'the JDK\'s default type (PKCS12 since Java 9, JKS before)';
  const change = k.changed ? `; revision ${k.changed.revision} changed it from ${k.changed.from}${k.changed.image ? ` along with the image (${k.changed.image})` : ''}` : '';
  const back = k.changed && !/default/.test(k.changed.from) ? k.changed.from : undefined;
  const target = k.type?.value ?? 'the type';
  const convert = `convert the ${k.kind} to ${target} (keytool -importkeystore${back ? ` -srcstoretype ${back}` : ''} -deststoretype ${target})`;
  const fix = back ? `set ${prop} back to ${back}${k.type ? ` in ${k.type.where}` : ''}, or ${convert}` : `set ${prop} to the ${k.kind}'s real type (JKS, JCEKS or PKCS12), or ${convert}`;
  return {
    title: `: ${store} cannot be read as ${k.type?.value ?? 'the type the JVM expects'}${k.type ? ` (${prop} in ${k.type.where.replace(/^env /, '')})` : ''}${k.changed ? `, ${k.changed.from} in revision ${k.changed.previous}` : ''}`,
    cause: `The JVM loads ${store}${from} as ${as}${change}, and the file is of another format ("${k.line}"), so the TLS context (SSLContext) cannot be built and the app stops at start. The file did not change; the type it is read as did.`,
    action: `${fix[0]?.toUpperCase() ?? ''}${fix.slice(1)}${k.changed ? `; rolling back to revision ${k.changed.previous} restores ${k.changed.from} meanwhile` : ''}.`,
    fix,
    evidence: [
      ...(k.type ? [`${k.type.where} sets -D${prop}=${k.type.value}`] : []),
      ...(k.changed ? [`revision ${k.changed.previous} read it as ${k.changed.from}`] : []),
      ...(k.source && k.path ? [`${k.path} is mounted from ${k.source}`] : []),
    ],
  };
}
