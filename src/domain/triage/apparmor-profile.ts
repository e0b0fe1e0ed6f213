/**
 * A container under a Localhost AppArmor profile that the runtime cannot find on its node
 * ("apparmor profile not found k8s-ingest-hardened", "Cannot enforce AppArmor: profile … is not
 * loaded"). The profile lives in the node's kernel, put there by a node agent (a loader DaemonSet,
 * the Security Profiles Operator's spod) or the node image: when the same spec runs on other nodes,
 * those nodes have it and these do not, most often because the loader does not run on them (its
 * nodeSelector or affinity leaves out a newer pool). The fix is on the nodes, not in the spec.
 */
import type { PodEvidence, TriageEvidence } from './evidence.js';
import { findPlace, type Place } from './failing-place.js';
import { type AgentIdentity, type NodeAgent, identityOf } from './node-agents.js';
import { getWaiting, isPodHealthy, listAllContainers, listNodesOf } from './pod-status.js';
import type { ToldReading } from './told-reading.js';

/** containerd's and CRI-O's words, and the kubelet's own admission check. */
const NOT_LOADED = /apparmor profile not found:? "?([\w./-]+)"?|Cannot enforce AppArmor: profile "?([\w./-]+)"? is not loaded|apparmor profile "?([\w./-]+)"? (?:is )?not loaded/i;

/** The Localhost profile a runtime message says the node lacks; undefined for any other message. */
export function parseMissingProfile(message: string | undefined): string | undefined {
  const m = NOT_LOADED.exec(message ?? '');
  return m ? (m[1] ?? m[2] ?? m[3]) : undefined;
}

/** A node agent that loads AppArmor profiles: a loader named for it, or the Security Profiles Operator's daemon. */
export function isProfileLoader(a: AgentIdentity): boolean {
  return [a.name, a.owner ?? '', ...a.images].some((s) => /apparmor|security-profiles-operator|(^|[\s/-])spod\b/i.test(s));
}

/** The workload's pods whose container the runtime refuses for a profile missing on their node. */
function podsMissingProfile(pods: readonly PodEvidence[]): PodEvidence[] {
  const refs = listAllContainers(pods).filter((r) => parseMissingProfile(getWaiting(r.container)?.message) !== undefined);
  return [...new Set(refs.map((r) => r.pod))];
}

/**
 * The nodes whose agents tell which loader the failing node lacks: one node of a pod refused for a
 * missing profile, and one node of a ready pod of the workload (where the profile is loaded). None
 * without such a refusal.
 */
export function pickProfileNodes(pods: readonly PodEvidence[]): string[] {
  const failing = listNodesOf(podsMissingProfile(pods));
  const [bad] = failing;
  if (bad === undefined) return [];
  const good = pods.find((p) => p.ready && p.nodeName !== undefined && !failing.includes(p.nodeName))?.nodeName;
  return good === undefined ? [bad] : [bad, good];
}

export interface ProfileLoader {
  /** "DaemonSet kube-system/apparmor-loader". */
  name: string;
  /** Its pods' nodeSelector ("eks.amazonaws.com/nodegroup=general-ubuntu-2204"), when it has one. */
  nodeSelector?: string;
}

/** A loader that runs on a read healthy node and not on the read failing node: what leaves the profile out. */
function findAbsentLoader(ev: TriageEvidence, failingNodes: readonly string[]): ProfileLoader | undefined {
  const reads = ev.nodeAgents ?? [];
  const badRead = reads.find((r) => failingNodes.includes(r.node));
  if (badRead === undefined) return undefined;
  const present = (a: NodeAgent) => badRead.agents.some((b) => b.owner !== undefined && b.owner === a.owner && b.namespace === a.namespace);
  const loader = reads.filter((r) => !failingNodes.includes(r.node)).flatMap((r) => r.agents).find((a) => isProfileLoader(identityOf(a)) && !present(a));
  if (loader === undefined) return undefined;
  const [kind, owner] = (loader.owner ?? `Pod ${loader.pod.name}`).split(' ');
  const selector = Object.entries(loader.pod.placement?.nodeSelector ?? {}).filter(([k]) => k !== 'kubernetes.io/os').map(([k, v]) => `${k}=${v}`);
  return { name: `${kind ?? 'DaemonSet'} ${loader.namespace}/${owner ?? loader.pod.name}`, ...(selector.length > 0 ? { nodeSelector: selector.join(', ') } : {}) };
}

export interface MissingProfileTold extends ToldReading {
  evidence: string[];
  outside: string;
}

/** "node pool general-ubuntu-2404", or the failing nodes by name. */
function placeName(place: Place | undefined, failing: readonly PodEvidence[]): string {
  return place?.name ?? `node ${listNodesOf(failing).join(', ')}`;
}

/** The finding's words: the profile, where it is not loaded, which loader does not run there, and the fix on the nodes. */
export function tellMissingProfile(ev: TriageEvidence, profile: string, failing: readonly PodEvidence[]): MissingProfileTold {
  const names = new Set(failing.map((p) => p.name));
  const place = findPlace(ev, failing, ev.pods.filter((p) => !names.has(p.name) && isPodHealthy(p, ev.collectedAt)));
  const where = placeName(place, failing);
  const loader = findAbsentLoader(ev, listNodesOf(failing));
  const selector = loader?.nodeSelector ? ` (nodeSelector ${loader.nodeSelector})` : '';
  const dated = place?.addedAgo ? `; ${place.byPool ? 'its nodes were' : 'they were'} added ${place.addedAgo}` : '';
  const title = `AppArmor profile ${profile} is not loaded on ${where}${loader ? `: its loader ${loader.name} does not run there${selector}` : ''}${dated}`;
  const fix = loader
    ? `extend ${loader.name} to ${where}${loader.nodeSelector ? ' (its nodeSelector)' : ' (its nodeSelector or affinity)'}, so it loads the profile there`
    : `load the profile ${profile} on ${where} (what loads it on ${place?.elsewhere ?? 'the other nodes'}: a loader DaemonSet or the node image)`;
  return {
    title,
    ...(dated ? { datesChange: true as const } : {}),
    cause: `The pod spec runs the container under the Localhost AppArmor profile ${profile}, which must be loaded into each node's kernel before a container can use it; the runtime on ${where} does not find it, so it refuses to create the container. ${place ? `The same spec runs on ${place.elsewhere}, where the profile is loaded. ` : ''}${loader ? `The profiles come from ${loader.name}, which runs on those nodes but not on ${where}${selector}. ` : ''}The spec is not wrong: the nodes lack the profile.`,
    action: `Keep the pods off ${where} meanwhile (nodeSelector or affinity), then ${fix}; restarting the pods will not help.`,
    fix,
    evidence: [
      `the runtime says profile ${profile} is not on ${where}`,
      ...(loader ? [`${loader.name} runs on the healthy pods' nodes and not on ${where}${selector}`] : []),
    ],
    outside: `the AppArmor profiles loaded on ${where}: any revision with this profile fails there`,
  };
}
