// A pull that fails while unpacking a layer of a media type the node's container runtime does not
// know: the image and registry are fine, the runtime is too old. zstd-compressed OCI layers
// (application/vnd.oci.image.layer.v1.tar+zstd) need containerd ≥ 1.5 (CRI-O ≥ 1.24); a builder that
// switches to zstd breaks exactly the nodes of an older node group, so the runtime version is what
// separates the failing pods from those that run the same image.
import type { PodEvidence, TriageEvidence } from './evidence.js';
import { findNode } from './evidence-lookup.js';
import { listNodesOf, unique } from './pod-status.js';

/** containerd's and CRI-O's words for a layer media type they have no decompressor for. */
export const UNKNOWN_MEDIA_TYPE = /no processor for media type|failed to get stream processor for|unsupported (layer )?media ?type|unknown media type|unsupported compression/i;

/** The media type the message names ("application/vnd.oci.image.layer.v1.tar+zstd"). */
function mediaTypeOf(message: string): string | undefined {
  return /application\/vnd\.[\w.+-]+/i.exec(message)?.[0];
}

/** The container runtimes of the nodes under `pods`, each once. */
export function runtimesUnder(ev: TriageEvidence, pods: readonly PodEvidence[]): string[] {
  return unique(pods.flatMap((p) => findNode(ev, p.nodeName)?.containerRuntime ?? []));
}

/** Failing nodes' runtime against the runtime of nodes where the same image (or else the workload) runs. */
export function describeMediaType(ev: TriageEvidence, failing: readonly PodEvidence[], image: string, container: string, message: string) {
  const media = mediaTypeOf(message) ?? 'this layer media type';
  const zstd = /zstd/i.test(media) || /zstd/i.test(message);
  const running = (sameImage: boolean) => ev.pods.filter((p) => !failing.includes(p) && p.containers.some((c) => c.name === container && (!sameImage || c.image === image) && c.state !== undefined && 'running' in c.state));
  const runningSame = running(true);
  const healthy = runningSame.length > 0 ? runningSame : running(false);
  const bad = runtimesUnder(ev, failing);
  const good = runtimesUnder(ev, healthy).filter((r) => !bad.includes(r));
  const badNodes = listNodesOf([...failing]);
  const on = bad.length > 0 ? bad.join(', ') : 'their container runtime';
  const what = zstd ? 'zstd-compressed layers' : `layers of media type ${media}`;
  const need = zstd ? ' (containerd 1.5+ / CRI-O 1.24+ unpack zstd)' : '';
  const elsewhere = good.length > 0 ? `; ${runningSame.length > 0 ? 'the same image runs' : 'the workload runs'} on nodes with ${good.join(', ')}` : '';
  return {
    title: `the nodes' container runtime (${on}) cannot unpack the image's ${what}${good.length > 0 ? `; it pulls on nodes with ${good.join(', ')}` : ''}`,
    evidence: `failing pods are on ${badNodes.join(', ') || 'their nodes'}, container runtime ${on}${elsewhere}; the error names ${media}`,
    cause: `The image was built with ${what} and the runtime on these nodes (${on}) has no decompressor for ${media}${need}: the tag and the registry are fine${good.length > 0 ? `, and nodes running ${good.join(', ')} pull the same image` : ''}. Typically a new image builder (or build setting) that switched the layer compression, deployed to a cluster that still has nodes of an older node group.`,
    action: `Rebuild and push the image with gzip layers (e.g. buildx --output compression=gzip,force-compression=true), or move the workload off the nodes running ${on} (upgrade or retire that node group); rolling back to the previous image restores service meanwhile.`,
    fix: `rebuild the image with gzip layers, or upgrade the nodes' container runtime (${on})`,
  };
}
