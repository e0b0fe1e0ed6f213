/**
 * An SSH client refusing a server whose host key no longer matches the one it trusts: paramiko's
 * BadHostKeyException ("Host key for server 'h' does not match"), OpenSSH's "REMOTE HOST
 * IDENTIFICATION HAS CHANGED" / "Host key verification failed". The trusted key comes from a
 * known_hosts file, in a cluster usually a ConfigMap mounted into the pods (named, never read). The
 * server presents a new key: it rotated it, or something answers in its place, which is why the fix
 * is to verify the new fingerprint with the server's owner out of band before updating the file.
 * Nothing in the cluster changed, so a rollback will not help.
 */
import type { ContainerSpecEvidence } from './evidence-pod.js';
import type { VolumeEvidence } from './evidence-spec.js';
import type { ClientDiagnosis } from './client-diagnosis-reading.js';

const HOST_KEY_MISMATCH = /BadHostKeyException|Host key for server .* does not match|REMOTE HOST IDENTIFICATION HAS CHANGED|Host key verification failed/i;
/** The server, as paramiko names it (`Host key for server '[h]:2222'`) or OpenSSH (`Host key for h has changed`). */
const SERVER = /Host key for server '([^']+)'|Host key for ([\w.:[\]-]+) has changed/i;
/** OpenSSH's closing words, the ones to quote: "Host key for h has changed and you have requested strict checking. Host key verification failed." */
const OPENSSH_REFUSAL = /(?:Host key for [\w.:[\]-]+ has changed and you have requested strict checking\.(?:\\r|\\n|\s)*)?Host key verification failed\.?/i;
/** A path to a known_hosts file, in an env value or the line. */
const KNOWN_HOSTS_PATH = /(\/[\w./-]*known_hosts\w*)/;
/** A volume that by its name holds known hosts. */
const KNOWN_HOSTS_NAME = /known.?hosts|ssh/i;

type Container = Pick<ContainerSpecEvidence, 'name'> & Partial<Pick<ContainerSpecEvidence, 'env' | 'volumeMounts' | 'args' | 'command'>>;

/** The known_hosts path the pods use (an env value names it), and the ConfigMap or Secret volume it is mounted from. */
function findKnownHosts(lines: readonly string[], containers: readonly Container[], volumes: readonly VolumeEvidence[]): { path?: string; from?: string } {
  // An env value or a flag (`--ssh-known-hosts-file=…`) names the file the client reads.
  const fromEnv = containers.flatMap((c) => [...(c.env ?? []).flatMap((e) => ('value' in e ? [e.value] : [])), ...(c.command ?? []), ...(c.args ?? [])].flatMap((v) => KNOWN_HOSTS_PATH.exec(v)?.[1] ?? []));
  const path = fromEnv[0] ?? lines.map((l) => KNOWN_HOSTS_PATH.exec(l)?.[1]).find((x) => x !== undefined);
  const sourced = volumes.filter((v) => (v.source === 'configMap' || v.source === 'secret') && v.ref !== undefined);
  const mount = path === undefined ? undefined : containers.flatMap((c) => c.volumeMounts ?? []).filter((m) => path.startsWith(m.mountPath.replace(/\/?$/, '/'))).sort((a, b) => b.mountPath.length - a.mountPath.length)[0];
  const volume = (mount ? sourced.find((v) => v.name === mount.name) : undefined) ?? sourced.find((v) => KNOWN_HOSTS_NAME.test(`${v.name} ${v.ref ?? ''}`));
  const from = volume ? `${volume.source === 'secret' ? 'Secret' : 'ConfigMap'} ${volume.ref}` : undefined;
  return { ...(path ? { path } : {}), ...(from ? { from } : {}) };
}

export function explainHostKeyChanged(errors: readonly string[], lines: readonly string[], containers: readonly Container[], volumes: readonly VolumeEvidence[] = []): ClientDiagnosis | undefined {
  const refusal = errors.find((l) => HOST_KEY_MISMATCH.test(l));
  if (refusal === undefined) return undefined;
  const named = SERVER.exec(refusal) ?? errors.map((l) => SERVER.exec(l)).find((m) => m !== null);
  const server = named?.[1] ?? named?.[2];
  const { path, from } = findKnownHosts(lines, containers, volumes);
  const file = `${path ?? 'known_hosts'}${from ? ` (from ${from})` : ''}`;
  const who = server ? `the host key of ${server}` : "the SSH server's host key";
  const fix = `verify the server's new host key fingerprint with its owner out of band, then update ${from ?? 'the known_hosts file'} with it and restart the pods if they read it only at start`;
  return {
    summary: `${who} no longer matches the one trusted in ${file}: the server presents a new key (SSH host key verification fails)`,
    likelyCause:
      `The SSH client refuses the server because its host key differs from the one in ${file}. The server rotated (re-keyed) its host key, or something else answers at its address; ` +
      'nothing in the cluster changed, so a rollback will not help, and other servers keep working.',
    nextAction: `${fix.charAt(0).toUpperCase()}${fix.slice(1)}.`,
    fix,
  };
}

/** The line of an SSH client's host key refusal, and OpenSSH's (or paramiko's) words in it to quote. */
export function findHostKeyRefusal(lines: readonly string[]): { line: string; quote: string } | undefined {
  const line = lines.find((l) => HOST_KEY_MISMATCH.test(l));
  if (line === undefined) return undefined;
  const quote = OPENSSH_REFUSAL.exec(line)?.[0] ?? SERVER.exec(line)?.[0] ?? HOST_KEY_MISMATCH.exec(line)?.[0] ?? line;
  return { line, quote: quote.replace(/(?:\\[rn]|\s)+/g, ' ').trim() };
}
