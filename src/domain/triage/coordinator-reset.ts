/**
 * A clustered store whose members keep their identity on their own volume and learn the cluster's
 * from a coordinator (Kafka brokers and ZooKeeper; Elasticsearch data nodes and their masters):
 * when the coordinator is re-created with fresh claims it starts empty and hands out a new identity,
 * and every member that restarts on its old volume refuses it. The coordinator's claims, younger
 * than the members' own, date that change. The fix is the data: the coordinator's restored, or the
 * members' stored identity reset (which gives up what they held).
 */
import type { LogEvidence, PodEvidence, PvcEvidence, TriageEvidence } from './evidence.js';
import type { DependencyMembersEvidence } from './evidence-dependency-members.js';
import { findInClusterService } from './down-service.js';
import { HOUR_MS, formatSpan, msBetween } from './time-span.js';

interface CoordinatedStore {
  store: string;
  coordinator: string;
  said: RegExp;
  /** The env var that holds the coordinator's address. */
  env: RegExp;
  /** A log line that names the address it connects to. */
  logged: RegExp;
  /** Where the member keeps the identity it compares, and the setting in it. */
  file: string;
}

const STORES: readonly CoordinatedStore[] = [
  { store: 'Kafka', coordinator: 'ZooKeeper', said: /InconsistentClusterIdException|doesn'?t match stored clusterId/i, env: /ZOOKEEPER_CONNECT$/i, logged: /Connecting to zookeeper on (\S+)/i, file: 'meta.properties (cluster.id)' },
  { store: 'Elasticsearch/OpenSearch', coordinator: 'the master nodes', said: /previously joined a cluster with UUID|different cluster uuid|cluster uuid mismatch/i, env: /DISCOVERY_SEED_HOSTS$|^discovery\.seed_hosts$/i, logged: /seed hosts? \[?([\w.-]+(?::\d+)?)/i, file: "the node's _state directory (cluster UUID)" },
];

/** Claims this much younger than the members' own came from another install of the coordinator. */
const YOUNGER_MS = HOUR_MS;

/** The store whose identity refusal the lines carry, and the line (cut after its first sentence). */
function findRefusal(lines: readonly string[]): { store: CoordinatedStore; line: string } | undefined {
  for (const l of lines) {
    const store = STORES.find((s) => s.said.test(l));
    if (store) return { store, line: l.trim() };
  }
  return undefined;
}

/** A headless member address (`zk-0.zk-headless[.ns.svc…]`) names its Service after the pod; others name the Service first. */
function serviceOfAddress(address: string, namespace: string): { name: string; namespace: string } | undefined {
  const host = address.split(',')[0]?.replace(/^\w+:\/\//, '').replace(/[:/].*$/, '') ?? '';
  const parts = host.split('.');
  const member = parts.length >= 2 && /-\d+$/.test(parts[0] ?? '') ? findInClusterService(parts.slice(1).join('.'), namespace) : undefined;
  return member ?? (host ? findInClusterService(host, namespace) : undefined);
}

/** The Service of the coordinator the refusing members connect to: from their env, else from their log. */
export function pickIdentityCoordinator(seen: { logs: readonly LogEvidence[]; pods: readonly PodEvidence[]; target: { namespace: string } }): { name: string; namespace: string } | undefined {
  const refusal = findRefusal(seen.logs.flatMap((l) => l.lines));
  if (refusal === undefined) return undefined;
  const { store } = refusal;
  const env = seen.pods.flatMap((p) => p.containers.flatMap((c) => c.env ?? [])).find((e) => store.env.test(e.name) && 'value' in e);
  const logged = seen.logs.flatMap((l) => l.lines).map((l) => store.logged.exec(l)?.[1]).find((a) => a !== undefined);
  const address = (env !== undefined && 'value' in env ? env.value : undefined) ?? logged;
  return address === undefined ? undefined : serviceOfAddress(address, seen.target.namespace);
}

export interface CoordinatorReset {
  store: string;
  coordinator: string;
  file: string;
  line: string;
  members: DependencyMembersEvidence;
  /** The coordinator's claims, all younger than the members' own. */
  claims: { name: string; createdAt: string }[];
  /** The newest of the members' own claims. */
  ownAt: string;
}

/** The coordinator re-created on fresh claims, younger than every claim of the refusing members. */
export function findCoordinatorReset(ev: TriageEvidence, pods: readonly PodEvidence[], lines: readonly string[]): CoordinatorReset | undefined {
  const refusal = findRefusal(lines);
  if (refusal === undefined) return undefined;
  const names = new Set(pods.flatMap((p) => (p.volumes ?? []).flatMap((v) => (v.source === 'pvc' && v.ref !== undefined ? [v.ref] : []))));
  const own = ev.pvcs.filter((c): c is PvcEvidence & { createdAt: string } => names.has(c.name) && c.createdAt !== undefined);
  const ownAt = own.map((c) => c.createdAt).sort().at(-1);
  if (ownAt === undefined) return undefined;
  for (const members of ev.dependencyMembers ?? []) {
    const claims = (members.memberClaims?.claims ?? []).flatMap((c) => (c.createdAt ? [{ name: c.name, createdAt: c.createdAt }] : []));
    if (claims.length === 0 || claims.length < (members.memberClaims?.claims.length ?? 0)) continue;
    if (!claims.every((c) => msBetween(ownAt, c.createdAt) > YOUNGER_MS)) continue;
    return { store: refusal.store.store, coordinator: refusal.store.coordinator, file: refusal.store.file, line: refusal.line, members, claims: claims.sort((a, b) => a.name.localeCompare(b.name)), ownAt };
  }
  return undefined;
}

export function tellCoordinatorReset(r: CoordinatorReset, now: string): { title: string; cause: string; action: string; fix: string; evidence: string[]; datesChange: true; onset: string } {
  const age = (t: string) => formatSpan(msBetween(t, now));
  const newest = r.claims.map((c) => c.createdAt).sort().at(-1) ?? now;
  const oldest = r.claims.map((c) => c.createdAt).sort()[0] ?? newest;
  const set = r.members.memberClaims?.statefulSet;
  const where = `${r.coordinator}${set ? ` (StatefulSet ${set}, Service ${r.members.service})` : ` (Service ${r.members.service})`}`;
  const claims = r.claims.map((c) => c.name).join(', ');
  return {
    title: `: ${where} was re-created with fresh claims ${claims} ${age(oldest)} ago, so it started empty and hands out a new cluster id the members' old volumes (claims ${age(r.ownAt)} old) do not store`,
    cause: `The members keep the cluster id they joined in ${r.file} on their own volumes, made ${age(r.ownAt)} ago. ${where} runs on claims made ${age(oldest)} ago, long after them: it was re-created with its data, started empty and issued a new cluster id, so every member that restarts refuses to join it. Their connection settings are not at fault; the coordinator's data is.`,
    action: `Restore ${r.coordinator}'s data from a backup or snapshot of its old volumes if there is one; otherwise reset each member's stored id (set cluster.id in ${r.file} to the new one, or remove the file) — the members then register in the new, empty ${r.coordinator}, and the topic and ACL metadata it held is lost.`,
    fix: `restore ${r.coordinator}'s data, or reset the members' stored cluster id in ${r.file} (its metadata is lost)`,
    evidence: [`${where}: claims ${r.claims.map((c) => `${c.name} created ${age(c.createdAt)} ago`).join(', ')}; the members' own claims ${age(r.ownAt)} old`],
    datesChange: true,
    onset: newest,
  };
}
