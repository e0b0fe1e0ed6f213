/**
 * An etcd member whose data is gone and that cannot rejoin: started on an empty data directory
 * with --initial-cluster-state=new, it finds the running cluster already lists a member of its name
 * ("member <id> has already been bootstrapped"), or it bootstraps a cluster of its own the others
 * refuse ("cluster ID mismatch"). Its claim came back empty (deleted or re-created, so younger than
 * its siblings'). Restarts and rollbacks change nothing: the stale member must be removed and added
 * back (`etcdctl member remove`, `member add`), and the member started with
 * --initial-cluster-state=existing so it syncs from the leader. Meanwhile the cluster runs on the
 * rest of its members: quorum may hold, but every member down costs fault tolerance.
 */
import type { EnvVarEvidence, PodEvidence, PvcEvidence, TriageEvidence } from './evidence.js';
import { HOUR_MS, formatSpan, msBetween } from './time-span.js';

const BOOTSTRAPPED = /member ([0-9a-f]+) has already been bootstrapped/i;
const MISMATCH = /cluster ?ID mismatch/i;

export interface EtcdRejoin {
  pod: string;
  /** The stale member's ID, when etcd named it. */
  memberId?: string;
  /** The peer URL the member advertises, with the pod's name put in for $(POD_NAME). */
  peerUrl?: string;
  /** The member's claim, when it is younger than the other members' (it came back empty). */
  claim?: { name: string; age: string; peersAge: string };
  members: number;
  up: number;
}

/** The claim template's other ordinals: `data-etcd-2` → `data-etcd-0`, `data-etcd-1`… */
function siblingsOf(claim: string, pvcs: readonly PvcEvidence[]): PvcEvidence[] {
  const stem = /^(.*-)\d+$/.exec(claim)?.[1];
  return stem === undefined ? [] : pvcs.filter((c) => c.name !== claim && c.name.startsWith(stem) && /^\d+$/.test(c.name.slice(stem.length)));
}

/** The pod's claim when it is an hour or more younger than every sibling's: its volume came back empty. */
function findFreshClaim(ev: TriageEvidence, pod: PodEvidence): EtcdRejoin['claim'] {
  for (const v of pod.volumes ?? []) {
    const claim = v.source === 'pvc' ? ev.pvcs.find((c) => c.name === v.ref) : undefined;
    if (claim?.createdAt === undefined) continue;
    const peers = siblingsOf(claim.name, ev.pvcs).flatMap((c) => (c.createdAt ? [c.createdAt] : []));
    if (peers.length === 0 || !peers.every((t) => msBetween(t, claim.createdAt!) > HOUR_MS)) continue;
    const newestPeer = peers.sort((a, b) => Date.parse(b) - Date.parse(a))[0] ?? claim.createdAt;
    return { name: claim.name, age: formatSpan(msBetween(claim.createdAt, ev.collectedAt)), peersAge: formatSpan(msBetween(newestPeer, ev.collectedAt)) };
  }
  return undefined;
}

/** --initial-advertise-peer-urls (flag or ETCD_ env), its $(VAR) of the pod's name filled in. */
function findPeerUrl(words: readonly string[], env: readonly EnvVarEvidence[], pod: string): string | undefined {
  const flag = words.map((w) => /--initial-advertise-peer-urls[= ](\S+)/.exec(w)?.[1]).find((u) => u !== undefined);
  const fromEnv = env.find((e) => e.name === 'ETCD_INITIAL_ADVERTISE_PEER_URLS' && 'value' in e);
  const url = flag ?? (fromEnv && 'value' in fromEnv ? fromEnv.value : undefined);
  if (url === undefined) return undefined;
  const named = new Set(env.filter((e) => 'ref' in e && e.ref.kind === 'field' && e.ref.key === 'metadata.name').map((e) => e.name));
  const filled = url.replace(/\$\((\w+)\)/g, (all, name: string) => (named.has(name) ? pod : all));
  return /\$\(/.test(filled) ? undefined : filled.split(',')[0];
}

export function findEtcdRejoin(ev: TriageEvidence, pod: PodEvidence, container: string, lines: readonly string[]): EtcdRejoin | undefined {
  const tail = lines.slice(-30);
  const bootstrapped = tail.map((l) => BOOTSTRAPPED.exec(l)).find((m) => m !== null);
  const mismatch = bootstrapped === undefined && tail.some((l) => MISMATCH.test(l));
  if (bootstrapped === undefined && !mismatch) return undefined;
  const claim = findFreshClaim(ev, pod);
  // A mismatch on an old claim is another cluster's data (foreign-cluster-claim.ts), not lost data.
  if (mismatch && claim === undefined) return undefined;
  const c = pod.containers.find((x) => x.name === container);
  const peerUrl = c ? findPeerUrl([...(c.command ?? []), ...(c.args ?? [])], c.env ?? [], pod.name) : undefined;
  const members = ev.workload?.specReplicas ?? ev.pods.length;
  const up = ev.pods.filter((p) => p.ready && p.name !== pod.name).length;
  return { pod: pod.name, ...(bootstrapped?.[1] ? { memberId: bootstrapped[1] } : {}), ...(peerUrl ? { peerUrl } : {}), ...(claim ? { claim } : {}), members, up };
}

/** "the cluster runs degraded on 2 of 3 members: quorum held, no fault tolerance left", and why that matters when it is none. */
function describeMembers(r: EtcdRejoin, brief: boolean): string {
  const quorum = Math.floor(r.members / 2) + 1;
  if (r.up < quorum) return `only ${r.up} of ${r.members} members are up, short of the ${quorum} a quorum needs`;
  const spare = r.up - quorum;
  const tolerance = spare === 0 ? `no fault tolerance left${brief ? '' : ' (one more member down stops writes)'}` : `${spare} more member${spare === 1 ? '' : 's'} may fail`;
  return `the cluster runs degraded on ${r.up} of ${r.members} members: quorum held, ${tolerance}`;
}

export function tellEtcdRejoin(r: EtcdRejoin): { title: string; cause: string; action: string; fix: string; evidence: string[] } {
  const member = r.memberId ? `member ${r.memberId}` : `the member ${r.pod}`;
  const id = r.memberId ?? '<its member ID from `etcdctl member list`>';
  const lost = r.claim ? `its claim ${r.claim.name} is ${r.claim.age} old (the other members' ${r.claim.peersAge}): the volume came back empty` : 'its data directory is empty';
  const members = describeMembers(r, false);
  const add = `etcdctl member add ${r.pod} --peer-urls=${r.peerUrl ?? '<its peer URL>'}`;
  return {
    title: `: etcd ${member} lost its data (${r.claim ? `claim ${r.claim.name} is new, ${r.claim.age} old` : 'empty data directory'}) and cannot rejoin as a new member; ${describeMembers(r, true)}`,
    cause:
      `${r.pod} starts on an empty data directory — ${lost} — with --initial-cluster-state=new, so etcd tries to bootstrap it while the running cluster still lists ${member} under its name, and refuses. ` +
      `Its data is not coming back by a restart or a rollback: the stale member must be replaced. The other members and their data are fine; ${members}.`,
    action: `From a healthy member run \`etcdctl member remove ${id}\`, then \`${add}\`, and start ${r.pod} with --initial-cluster-state=existing (the flag or ETCD_INITIAL_CLUSTER_STATE) so it syncs from the leader; leave the other members' claims alone. Restarting or rolling back will not help.`,
    fix: `remove the stale member (\`etcdctl member remove ${id}\`), add it back (\`etcdctl member add ${r.pod}\`) and start ${r.pod} with --initial-cluster-state=existing`,
    evidence: [
      ...(r.claim ? [`claim ${r.claim.name}: ${r.claim.age} old; the other members' claims ${r.claim.peersAge}`] : []),
      `etcd members up: ${r.up} of ${r.members}`,
    ],
  };
}
