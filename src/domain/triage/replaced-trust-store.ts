/**
 * A revision that mounts a ConfigMap or Secret over the runtime's own trust store (the JDK's
 * lib/security/cacerts, /etc/ssl/certs, a ca-certificates.crt) to trust one more CA: the mount
 * replaces the file, it does not add to it, so the public roots the image carried are gone and
 * every outside host (a SaaS API, a cloud endpoint) now fails verification — "PKIX path building
 * failed", "unknown authority" — while the hosts the added CA signs work. The remote certificates
 * did not change: that revision is the since, and the fix is a store that is the runtime's
 * defaults plus the added CA (or the CA given as an extra store), never the remote's certificate.
 * Pure: reads the revisions' templates and the failing pod's mounts.
 */
import type { PodEvidence, RevisionEvidence, TriageEvidence } from './evidence.js';
import { isRuntimeTrustStore, type TrustBundle } from './trust-bundle.js';
import { sortRevisions } from './revision-diff.js';
import { formatAgo } from './time-span.js';

export interface ReplacedTrustStore {
  revision: RevisionEvidence;
  previous: RevisionEvidence;
  /** "ConfigMap internal-roots". */
  source: string;
  mountPath: string;
  subPath?: string;
}

/** The mount of `volume` over a runtime trust store in the revision's container, if it has one. */
function mountIn(r: RevisionEvidence, container: string, volume: { source: string; ref?: string }): { mountPath: string } | undefined {
  const c = r.containers.find((x) => x.name === container);
  const names = new Set((r.template?.volumes ?? []).filter((v) => v.source === volume.source && v.ref === volume.ref).map((v) => v.name));
  return c?.volumeMounts?.find((m) => names.has(m.name) && isRuntimeTrustStore(m.mountPath));
}

/**
 * The revision the pod runs mounted `b` over the runtime's trust store and the revision before did
 * not: the store was replaced then. Not when an env var points the client at the bundle (that is a
 * store of its own choosing), and not when the revision before had the same mount.
 */
export function findReplacedTrustStore(ev: TriageEvidence, pod: PodEvidence, container: string, b: TrustBundle): ReplacedTrustStore | undefined {
  const volume = b.volume;
  if (volume === undefined || b.envName !== undefined || (volume.source !== 'configMap' && volume.source !== 'secret' && volume.source !== 'projected')) return undefined;
  const sorted = sortRevisions(ev.revisions);
  const i = sorted.findIndex((r) => r.hash === pod.revisionHash);
  const [now, before] = [sorted[i], sorted[i + 1]];
  if (now === undefined || before === undefined || before.template === undefined) return undefined;
  const mount = now.containers.find((c) => c.name === container)?.volumeMounts?.find((m) => m.name === volume.name && isRuntimeTrustStore(m.mountPath));
  if (mount === undefined || mountIn(before, container, volume) !== undefined) return undefined;
  return { revision: now, previous: before, source: b.source, mountPath: mount.mountPath, ...(mount.subPath ? { subPath: mount.subPath } : {}) };
}

/** A host outside the cluster: a dotted name, no Service name of the namespace, no private suffix, no address. */
export function isPublicHost(host: string, namespace: string): boolean {
  const bare = host.replace(/:\d+$/, '');
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(bare) || bare.startsWith('[') || !bare.includes('.')) return false;
  if (/\.svc(\.|$)|\.local$|\.internal$|\.corp$|\.lan$/i.test(bare)) return false;
  const parts = bare.split('.');
  return !(parts.length === 2 && parts[1] === namespace);
}

/** The reading's words: the since, what it did to the roots, and the store to build instead. */
export function explainReplacedTrustStore(r: ReplacedTrustStore, host: string, now: string): { title: string; evidence: string[]; cause: string; action: string; fix: string } {
  const jdk = /\/lib\/security\/cacerts$/.test(r.mountPath);
  const store = jdk ? 'the JDK\'s default trust store (cacerts)' : 'the system CA store';
  const defaults = jdk ? 'the JDK\'s cacerts' : 'the image\'s CA bundle';
  const fix = `build a trust store that is ${defaults} plus the added CA (${jdk ? 'keytool -importcert into a copy of cacerts, or pass it as an extra store' : 'append the CA to the system bundle, e.g. update-ca-certificates in the image or trust-manager'}) and mount that instead of ${r.source} alone`;
  return {
    title: `TLS to ${host} fails (unknown authority) since revision ${r.revision.revision} (${formatAgo(r.revision.createdAt, now)}) mounted ${r.source} over ${store} at ${r.mountPath}: the public roots are gone`,
    evidence: [
      `revision ${r.revision.revision} mounts ${r.source} at ${r.mountPath}${r.subPath ? ` (subPath ${r.subPath})` : ''}; revision ${r.previous.revision} did not: the file replaces the runtime's own store`,
    ],
    cause:
      `Revision ${r.revision.revision} mounted ${r.source} over ${store} (${r.mountPath}). A mount replaces the file, it does not add to it: the pods now trust only what that store holds (an internal CA), not the public roots the image carried, ` +
      `so calls to public hosts such as ${host} fail verification while hosts signed by the added CA work. ${host}'s certificate did not change.`,
    action: `Roll back to revision ${r.previous.revision}; then ${fix}.`,
    fix,
  };
}
