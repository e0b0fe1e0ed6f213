/**
 * What a client trusts when it refuses a server's certificate ("x509: certificate signed by
 * unknown authority"): the CA bundle its container is pointed at (SSL_CERT_FILE and its kin, a
 * Java trustStore) or mounts over the system's CA directory. When that bundle comes from a
 * ConfigMap or Secret, the image does not decide what is trusted, so a rollout that left the
 * bundle alone cannot have made the server untrusted: the server's chain or the bundle changed.
 */
import type { PodEvidence, RevisionEvidence, TriageEvidence } from './evidence.js';
import type { EnvVarEvidence, VolumeEvidence } from './evidence-spec.js';
import { sortRevisions } from './revision-diff.js';

export interface TrustBundle {
  /** "ConfigMap internal-ca-bundle", "Secret corp-roots", or "a file in the image". */
  source: string;
  /** The volume, when the bundle is mounted from one. */
  volume?: VolumeEvidence;
  /** How the container is pointed at it: "SSL_CERT_FILE=/etc/ssl/internal/ca.crt", "mounted at /etc/ssl/certs". */
  via: string;
  /** The env var that points at it, when one does. */
  envName?: string;
  /** The key of the ConfigMap or Secret the path names (`ca.crt`), when it does. */
  key?: string;
}

/** Env vars that replace or extend a TLS client's CA roots: OpenSSL and Go, Python requests, curl, Node, the AWS SDKs, gRPC. */
const TRUST_ENV = ['SSL_CERT_FILE', 'SSL_CERT_DIR', 'REQUESTS_CA_BUNDLE', 'CURL_CA_BUNDLE', 'NODE_EXTRA_CA_CERTS', 'AWS_CA_BUNDLE', 'GRPC_DEFAULT_SSL_ROOTS_FILE_PATH'];
/** JVM options carrying a trust store. */
const JAVA_ENV = ['JAVA_TOOL_OPTIONS', 'JAVA_OPTS', 'JDK_JAVA_OPTIONS'];
const JAVA_TRUST_STORE = /-Djavax\.net\.ssl\.trustStore=(\S+)/;
/** Where images keep their CA roots: a volume mounted there replaces them. */
// The JDK keeps its own (lib/security/cacerts under its home, wherever the image puts it).
const SYSTEM_CA_DIRS = /^\/etc\/ssl\/certs|^\/etc\/ssl\/cert\.pem|^\/etc\/pki\/(ca-trust|tls\/certs)|^\/usr\/local\/share\/ca-certificates|^\/usr\/share\/ca-certificates|\/lib\/security\/cacerts$/;

/** Whether a mount path is the runtime's own trust store (a file or directory it reads its default roots from). */
export function isRuntimeTrustStore(mountPath: string): boolean {
  return SYSTEM_CA_DIRS.test(mountPath);
}
/** Sources that live outside the image. */
const MOUNTED_KINDS: Partial<Record<VolumeEvidence['source'], string>> = { configMap: 'ConfigMap', secret: 'Secret', projected: 'projected volume' };

function literal(env: readonly EnvVarEvidence[] | undefined, name: string): string | undefined {
  const e = env?.find((x) => x.name === name);
  return e !== undefined && 'value' in e && e.value !== '' ? e.value : undefined;
}

/** The env var and path that point the container at its CA roots, if any. */
function pointedAt(env: readonly EnvVarEvidence[] | undefined): { name: string; path: string } | undefined {
  for (const name of TRUST_ENV) {
    const path = literal(env, name);
    if (path !== undefined) return { name, path };
  }
  for (const name of JAVA_ENV) {
    const path = JAVA_TRUST_STORE.exec(literal(env, name) ?? '')?.[1];
    if (path !== undefined) return { name, path };
  }
  return undefined;
}

/** The CA bundle the pod's container trusts, when its spec says (an env var, or a mount over the system CA directory). */
export function findTrustBundle(pod: PodEvidence, containerName: string): TrustBundle | undefined {
  const c = pod.containers.find((x) => x.name === containerName) ?? pod.containers[0];
  if (c === undefined) return undefined;
  const mounts = c.volumeMounts ?? [];
  const pointer = pointedAt(c.env);
  const under = (path: string, dir: string): boolean => path === dir || path.startsWith(`${dir.replace(/\/$/, '')}/`);
  const mount = pointer
    ? mounts.filter((m) => under(pointer.path, m.mountPath)).sort((a, b) => b.mountPath.length - a.mountPath.length)[0]
    : mounts.find((m) => SYSTEM_CA_DIRS.test(m.mountPath));
  const volume = mount === undefined ? undefined : pod.volumes?.find((v) => v.name === mount.name);
  const kind = volume === undefined ? undefined : MOUNTED_KINDS[volume.source];
  if (pointer === undefined && kind === undefined) return undefined;
  const via = pointer ? `${pointer.name}=${pointer.path}` : `mounted at ${mount?.mountPath ?? ''}`;
  if (kind === undefined || volume === undefined || mount === undefined) return pointer ? { source: 'a file in the image', via, envName: pointer.name } : undefined;
  const rest = pointer && !mount.subPath ? pointer.path.slice(mount.mountPath.replace(/\/$/, '').length + 1) : mount.subPath;
  return {
    source: `${kind}${volume.ref ? ` ${volume.ref}` : ''}`,
    volume,
    via,
    ...(pointer ? { envName: pointer.name } : {}),
    ...(rest && !rest.includes('/') ? { key: rest } : {}),
  };
}

/** Whether an older revision pointed the container at the same bundle: same env value, same volume source. */
function sameIn(r: RevisionEvidence, containerName: string, b: TrustBundle, env: readonly EnvVarEvidence[] | undefined): boolean {
  const c = r.containers.find((x) => x.name === containerName);
  if (c === undefined || r.template === undefined || b.volume === undefined) return false;
  const sameEnv = b.envName === undefined || JSON.stringify(c.env.find((e) => e.name === b.envName)) === JSON.stringify(env?.find((e) => e.name === b.envName));
  const v = r.template.volumes.find((x) => x.name === b.volume?.name);
  return sameEnv && v !== undefined && v.source === b.volume.source && v.ref === b.volume.ref;
}

/**
 * "it kept the bundle the pods trust (ConfigMap internal-ca-bundle, SSL_CERT_FILE) as revision 21
 * had it" when the newest revision kept a bundle that lives outside the image; else undefined.
 */
export function describeTrustUnchanged(ev: TriageEvidence, pod: PodEvidence, containerName: string, b: TrustBundle): string | undefined {
  const [newest, previous] = sortRevisions(ev.revisions);
  if (newest === undefined || previous === undefined || b.volume === undefined || pod.revisionHash !== newest.hash) return undefined;
  const env = newest.containers.find((x) => x.name === containerName)?.env;
  if (!sameIn(newest, containerName, b, env) || !sameIn(previous, containerName, b, env)) return undefined;
  return `it kept the bundle the pods trust (${b.source}, ${b.envName ?? b.via}) as revision ${previous.revision} had it`;
}

/** Go's hint that the bundle holds a CA of that name whose key did not sign the certificate: the CA was re-keyed. */
export function findRekeyedCa(line: string): string | undefined {
  return /verification error\\?"? while trying to verify candidate authority certificate \\?"([^"\\]+)\\?"/.exec(line)?.[1];
}

/** Cause, next action and fix of an untrusted server certificate, told against the bundle the client trusts. */
export function explainUntrusted(host: string, b: TrustBundle, rekeyed: string | undefined): { cause: string; action: string; fix: string } {
  const where = `${b.source}${b.key ? ` (key ${b.key})` : ''}`;
  const inImage = b.volume === undefined;
  const ca = rekeyed === undefined
    ? `the certificate ${host} serves now chains to a CA that is not in it: the certificate was re-issued from a new or rotated CA, or the bundle lost a root`
    : `it holds a CA named ${rekeyed}, but not the key that signed the certificate ${host} serves now: ${rekeyed} was re-keyed (renewed with a new key under the same name) and the bundle still has the old one`;
  return {
    cause: `The pods verify TLS against ${where}, set by ${b.via}, and ${ca}.${inImage ? ' That file comes with the image, so a new image can change it.' : ' The bundle lives outside the image: a rollout that kept it does not change what is trusted.'}`,
    action: `Compare the CA that signs ${host}'s certificate now (\`openssl s_client -connect ${host} -showcerts\`) with ${where}; add the new root to ${inImage ? 'the bundle' : b.source} (or distribute it with trust-manager), then restart the pods if they do not reload it. Do not turn off verification.`,
    fix: `add the CA that now signs ${host}'s certificate to ${b.source} (${b.key ? `key ${b.key}, ` : ''}${b.envName ?? b.via}), then restart the pods`,
  };
}
