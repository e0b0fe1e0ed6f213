/**
 * A client asking for an API version the cluster no longer serves ("no matches for kind
 * "PodDisruptionBudget" in version "policy/v1beta1""). Kubernetes removes beta APIs in a known
 * minor release; after a control-plane upgrade past it, a controller or job built against the old
 * version fails on every start although nothing of its own changed. A rollback does not help: the
 * fix is the replacement version (and client libraries that know it).
 */
import type { NodeEvidence, TriageEvidence } from './evidence.js';
import { formatAgo, msBetween } from './time-span.js';
import type { ToldReading } from './told-reading.js';

interface Removal {
  groupVersion: string;
  /** The kinds it covers; absent: every kind of that group/version. */
  kinds?: readonly string[];
  /** The minor release of 1.x that no longer serves it. */
  removedIn: number;
  /** What to use instead; absent when the kind itself is gone. */
  replacement?: string;
}

// The Kubernetes deprecated-API migration guide, by release.
const REMOVALS: readonly Removal[] = [
  { groupVersion: 'extensions/v1beta1', kinds: ['Ingress'], removedIn: 22, replacement: 'networking.k8s.io/v1' },
  { groupVersion: 'extensions/v1beta1', kinds: ['NetworkPolicy'], removedIn: 16, replacement: 'networking.k8s.io/v1' },
  { groupVersion: 'extensions/v1beta1', kinds: ['PodSecurityPolicy'], removedIn: 16, replacement: 'policy/v1beta1' },
  { groupVersion: 'extensions/v1beta1', removedIn: 16, replacement: 'apps/v1' },
  { groupVersion: 'apps/v1beta1', removedIn: 16, replacement: 'apps/v1' },
  { groupVersion: 'apps/v1beta2', removedIn: 16, replacement: 'apps/v1' },
  { groupVersion: 'networking.k8s.io/v1beta1', removedIn: 22, replacement: 'networking.k8s.io/v1' },
  { groupVersion: 'apiextensions.k8s.io/v1beta1', removedIn: 22, replacement: 'apiextensions.k8s.io/v1' },
  { groupVersion: 'admissionregistration.k8s.io/v1beta1', removedIn: 22, replacement: 'admissionregistration.k8s.io/v1' },
  { groupVersion: 'apiregistration.k8s.io/v1beta1', removedIn: 22, replacement: 'apiregistration.k8s.io/v1' },
  { groupVersion: 'authentication.k8s.io/v1beta1', removedIn: 22, replacement: 'authentication.k8s.io/v1' },
  { groupVersion: 'authorization.k8s.io/v1beta1', removedIn: 22, replacement: 'authorization.k8s.io/v1' },
  { groupVersion: 'certificates.k8s.io/v1beta1', removedIn: 22, replacement: 'certificates.k8s.io/v1' },
  { groupVersion: 'coordination.k8s.io/v1beta1', removedIn: 22, replacement: 'coordination.k8s.io/v1' },
  { groupVersion: 'rbac.authorization.k8s.io/v1beta1', removedIn: 22, replacement: 'rbac.authorization.k8s.io/v1' },
  { groupVersion: 'scheduling.k8s.io/v1beta1', removedIn: 22, replacement: 'scheduling.k8s.io/v1' },
  { groupVersion: 'storage.k8s.io/v1beta1', kinds: ['CSIStorageCapacity'], removedIn: 27, replacement: 'storage.k8s.io/v1' },
  { groupVersion: 'storage.k8s.io/v1beta1', removedIn: 22, replacement: 'storage.k8s.io/v1' },
  { groupVersion: 'batch/v1beta1', removedIn: 25, replacement: 'batch/v1' },
  { groupVersion: 'discovery.k8s.io/v1beta1', removedIn: 25, replacement: 'discovery.k8s.io/v1' },
  { groupVersion: 'events.k8s.io/v1beta1', removedIn: 25, replacement: 'events.k8s.io/v1' },
  { groupVersion: 'autoscaling/v2beta1', removedIn: 25, replacement: 'autoscaling/v2' },
  { groupVersion: 'policy/v1beta1', kinds: ['PodSecurityPolicy'], removedIn: 25 },
  { groupVersion: 'policy/v1beta1', removedIn: 25, replacement: 'policy/v1' },
  { groupVersion: 'node.k8s.io/v1beta1', removedIn: 25, replacement: 'node.k8s.io/v1' },
  { groupVersion: 'autoscaling/v2beta2', removedIn: 26, replacement: 'autoscaling/v2' },
  { groupVersion: 'flowcontrol.apiserver.k8s.io/v1beta1', removedIn: 26, replacement: 'flowcontrol.apiserver.k8s.io/v1' },
  { groupVersion: 'flowcontrol.apiserver.k8s.io/v1beta2', removedIn: 29, replacement: 'flowcontrol.apiserver.k8s.io/v1' },
  { groupVersion: 'flowcontrol.apiserver.k8s.io/v1beta3', removedIn: 32, replacement: 'flowcontrol.apiserver.k8s.io/v1' },
];

export interface RemovedApi {
  kind: string;
  groupVersion: string;
  removedIn: string;
  replacement?: string;
  /** The newest minor version the nodes' kubelets run, when it is at or past the removal. */
  clusterVersion?: string;
  /** Nodes on that version that joined in the last day, first-joined first: the upgrade's rotation. */
  newNodes: { name: string; kubelet: string; ago: string }[];
  /** Nodes still on an older minor version. */
  olderNodes: string[];
  /** How the API server's refusal reads in the log. */
  said: string;
}

const NO_MATCHES = /no matches for kind \\?"([\w.]+)\\?" in version \\?"([\w.-]+\/v\w+|v\w+)\\?"/;
// client-go's 404 on a group/version: the informer names version and kind ("failed to list
// *v1beta1.HorizontalPodAutoscaler: the server could not find the requested resource"), the typed
// client the resource and group ("… (get horizontalpodautoscalers.autoscaling name)").
const NOT_FOUND = 'the server could not find the requested resource';
const LISTED = /\*(v\d+(?:alpha|beta)\d+)\.(\w+): the server could not find the requested resource/;
const GOT = /the server could not find the requested resource \((?:get|list|watch|post|put|patch|delete) [a-z0-9-]+\.([a-z0-9.-]+\.[a-z]+)\b/;
const DAY_MS = 24 * 60 * 60 * 1000;

function minorOf(n: NodeEvidence): number | undefined {
  const m = /^v?1\.(\d+)\./.exec(n.kubeletVersion ?? '');
  return m ? Number(m[1]) : undefined;
}

/** The removed group/version and kind the lines ask for: "no matches for kind", or client-go's 404 on it. */
function askedRemoved(lines: readonly string[]): { kind: string; groupVersion: string; removal: Removal; said: string } | undefined {
  const removalOf = (kind: string, groupVersion: string) =>
    REMOVALS.find((r) => r.groupVersion === groupVersion && (r.kinds === undefined || r.kinds.includes(kind)));
  const hit = [...lines].reverse().map((l) => NO_MATCHES.exec(l)).find((m) => m !== null);
  if (hit) {
    const removal = removalOf(hit[1] ?? '', hit[2] ?? '');
    return removal && { kind: hit[1] ?? '', groupVersion: hit[2] ?? '', removal, said: 'no matches for kind' };
  }
  const notFound = lines.filter((l) => l.includes(NOT_FOUND));
  const groups = new Set(notFound.flatMap((l) => GOT.exec(l)?.[1] ?? []));
  for (const l of [...notFound].reverse()) {
    const m = LISTED.exec(l);
    if (!m) continue;
    const [version, kind] = [m[1] ?? '', m[2] ?? ''];
    for (const group of groups) {
      const removal = removalOf(kind, `${group}/${version}`);
      if (removal) return { kind, groupVersion: removal.groupVersion, removal, said: NOT_FOUND };
    }
  }
  return undefined;
}

/** The API a log line asks for that Kubernetes has removed, with what the nodes say of the cluster's version. */
export function findRemovedApi(ev: Pick<TriageEvidence, 'nodes' | 'clusterNodes' | 'collectedAt'>, lines: readonly string[]): RemovedApi | undefined {
  const asked = askedRemoved(lines);
  if (!asked) return undefined;
  const { kind, groupVersion, removal, said } = asked;
  const nodes = [...ev.nodes, ...(ev.clusterNodes ?? []).filter((c) => !ev.nodes.some((n) => n.name === c.name))];
  const minors = nodes.flatMap((n) => minorOf(n) ?? []);
  const newest = minors.length > 0 ? Math.max(...minors) : undefined;
  const upgraded = newest !== undefined && newest >= removal.removedIn;
  const newNodes = upgraded
    ? nodes.filter((n) => minorOf(n) === newest && n.createdAt !== undefined && msBetween(n.createdAt, ev.collectedAt) < DAY_MS)
      .sort((a, b) => msBetween(b.createdAt ?? ev.collectedAt, a.createdAt ?? ev.collectedAt))
      .map((n) => ({ name: n.name, kubelet: n.kubeletVersion ?? '', ago: formatAgo(n.createdAt ?? ev.collectedAt, ev.collectedAt) }))
    : [];
  return {
    kind,
    groupVersion,
    removedIn: `1.${removal.removedIn}`,
    ...(removal.replacement ? { replacement: removal.replacement } : {}),
    ...(upgraded ? { clusterVersion: `1.${newest}` } : {}),
    newNodes,
    said,
    olderNodes: upgraded ? nodes.filter((n) => (minorOf(n) ?? newest) < newest).map((n) => n.name) : [],
  };
}

export interface RemovedApiTold extends ToldReading {
  evidence: string[];
  /** Set when the nodes show the upgrade past the removal: the cluster's change, not the workload's. */
  outside?: string;
}

// A tag that names a release (2.8, v0.12.3, 1.4.0-rc1): the image is a build someone released, so
// the way out is a newer release of it, not an edit of code the team may not own.
const RELEASE_TAG = /^v?\d+\.\d+(?:\.\d+)?(?:[-+][\w.]+)?$/;

/** The image's short name and release tag ("worker:1.4.2"), when its tag names a release. */
function releasedImage(image: string | undefined): string | undefined {
  const short = (image ?? '').split('@')[0]?.split('/').pop() ?? '';
  const [name, tag] = short.split(':');
  return name && tag && RELEASE_TAG.test(tag) ? `${name}:${tag}` : undefined;
}

/** The finding's words: the API Kubernetes stopped serving, since which release, what the nodes show, and the way out (not a rollback). */
export function tellRemovedApi(api: RemovedApi, container: string, image?: string): RemovedApiTold {
  const what = `${api.groupVersion} ${api.kind}`;
  const to = api.replacement ? `${api.replacement} ${api.kind}` : `a replacement for ${api.kind} (the kind is gone)`;
  const released = releasedImage(image);
  const joined = api.newNodes.length > 0
    ? `node${api.newNodes.length === 1 ? '' : 's'} ${api.newNodes.slice(0, 2).map((n) => `${n.name} (kubelet ${n.kubelet}, joined ${n.ago})`).join(', ')}${api.newNodes.length > 2 ? ` and ${api.newNodes.length - 2} more` : ''}`
    : undefined;
  const cluster = api.clusterVersion
    ? `The nodes run Kubernetes ${api.clusterVersion}${joined ? ` — ${joined}${api.olderNodes.length > 0 ? `, while ${api.olderNodes.length === 1 ? 'one node is' : `${api.olderNodes.length} nodes are`} still on an older version` : ''}: the cluster was upgraded recently` : ''}, and ${api.clusterVersion === api.removedIn ? 'that release' : `Kubernetes ${api.removedIn}`} removed ${what}.`
    : `Kubernetes ${api.removedIn} removed ${what}; the cluster no longer serves it.`;
  const fix = released
    ? `upgrade ${container} from ${released} (still on ${api.groupVersion}) to a newer release that uses ${to}, and redeploy`
    : `move ${container} to ${to} (client libraries that know it) and redeploy`;
  // The upgrade the nodes show is the change that brought it on: dated by the first node of the new release.
  const first = api.clusterVersion !== undefined ? api.newNodes[0] : undefined;
  const since = first ? `, since the nodes moved to Kubernetes ${api.clusterVersion} (kubelet ${first.kubelet}, joined ${first.ago})` : '';
  return {
    title: `: the API server no longer serves ${what} (removed in Kubernetes ${api.removedIn})${since}`,
    ...(first ? { datesChange: true as const, outside: `the cluster's upgrade to Kubernetes ${api.clusterVersion} removed ${what}; pods of any revision fail the same way` } : {}),
    cause: `The process asks for ${what}, which Kubernetes ${api.removedIn} no longer serves ("${api.said}"), so its start fails every time although nothing of its own changed. ${cluster} A rollback of the workload does not bring the API back.`,
    action: `${fix[0]?.toUpperCase()}${fix.slice(1)}; rolling back does not help, the API is gone.`,
    fix,
    evidence: [
      `the log asks for ${what}: Kubernetes ${api.removedIn} removed it${api.replacement ? ` (use ${api.replacement})` : ''}`,
      ...(api.clusterVersion ? [`nodes run Kubernetes ${api.clusterVersion}${joined ? `: ${joined}` : ''}`] : []),
    ],
  };
}
