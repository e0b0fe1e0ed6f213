// An image named without its registry ("team/app:1.2", "nginx:1.27") that the node's container
// runtime will not resolve. containerd (and Docker) expand such a short name to docker.io; CRI-O and
// Podman resolve it through /etc/containers/registries.conf: its short-name aliases, then its
// unqualified-search-registries. A node image with neither (or, in enforcing mode, several
// registries and no TTY to ask) refuses the name before any pull ("short-name … did not resolve to
// an alias and no unqualified-search registries are defined"), often at the image inspection
// (ImageInspectError). The image and the registry are fine; the reference is incomplete, which only
// the nodes of a CRI-O pool notice.
import type { PodEvidence, TriageEvidence } from './evidence.js';
import { findNode } from './evidence-lookup.js';
import { listNodesOf, unique } from './pod-status.js';
import { nodePoolOf } from './node-pool.js';
import { runtimesUnder } from './pull-media-type.js';

/** CRI-O's and Podman's (containers/image) refusals of a short name. */
export const SHORT_NAME_REFUSED = /short-name\b[^\n]*(did not resolve to an alias|resolution enforced|cannot prompt|ambiguous)|no unqualified-search registries are defined/i;

/**
 * The fully qualified reference Docker and containerd read a short name as: `docker.io/` before a
 * name whose first part is no host (no dot or port, not localhost), and `library/` before a
 * single-part name. Undefined when the reference already names its registry.
 */
export function qualifyImageName(image: string): string | undefined {
  const [first, ...rest] = image.split('/');
  if (first === undefined || first === '') return undefined;
  const isHost = rest.length > 0 && (first.includes('.') || first.includes(':') || first === 'localhost');
  if (isHost) return undefined;
  return rest.length === 0 ? `docker.io/library/${image}` : `docker.io/${image}`;
}

/** The refusal told: the name to write, and the runtime that separates the failing nodes from those where the same name runs. */
export function describeShortName(ev: TriageEvidence, failing: readonly PodEvidence[], image: string, container: string) {
  const qualified = qualifyImageName(image) ?? image;
  const runningSame = ev.pods.filter((p) => !failing.includes(p) && p.containers.some((c) => c.name === container && c.image === image && c.state !== undefined && 'running' in c.state));
  const bad = runtimesUnder(ev, failing);
  const good = runtimesUnder(ev, runningSame).filter((r) => !bad.includes(r));
  const badNodes = listNodesOf([...failing]);
  const on = bad.length > 0 ? bad.join(', ') : 'CRI-O';
  const pools = unique(failing.flatMap((p) => nodePoolOf(findNode(ev, p.nodeName)) ?? []));
  const where = `${on}${pools.length > 0 ? `, node pool ${pools.join(', ')}` : ''}`;
  const elsewhere = good.length > 0 ? `; the same short name runs on nodes with ${good.join(', ')}, which expand it to docker.io` : '';
  return {
    title: `the image name is unqualified, and the nodes' runtime (${where}) resolves it through no short-name alias or unqualified-search registry`,
    // The runtime of these nodes is the whole scope: the fix is the reference, not keeping pods off them.
    scopedTo: where,
    evidence: `failing pods are on ${badNodes.join(', ') || 'their nodes'}, container runtime ${on}${elsewhere}; the image names no registry (fully qualified: ${qualified})`,
    cause: `The image reference names no registry. containerd and Docker read it as ${qualified}; CRI-O resolves short names only through /etc/containers/registries.conf (short-name aliases, then unqualified-search-registries), and on these nodes (${on}) neither resolves it, so the runtime refuses the name before any pull: the image and the registry are fine${good.length > 0 ? `, and nodes running ${good.join(', ')} run the same reference` : ''}. Typically pods rescheduled onto a new CRI-O node pool.`,
    action: `Use the fully qualified image name ${qualified} in the pod template (or add docker.io to unqualified-search-registries, or a short-name alias, in /etc/containers/registries.conf on the ${on} nodes); running pods keep their image, and the stuck pods start once the name resolves.`,
    fix: `use the fully qualified image name ${qualified} (or configure unqualified-search-registries on the ${on} nodes)`,
  };
}
