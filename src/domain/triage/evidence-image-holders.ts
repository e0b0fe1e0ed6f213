// The nodes of the cluster that are not Ready, read only where a pod's volume will not map because
// its block image is still in use by another client (rbd "is still being used", "Device or resource
// busy"): a node that died with the image mapped keeps its watcher and lock (rbd-image-held.ts).
import type { NodeEvidence } from './evidence-node.js';

/** A NotReady node of the cluster (its Ready condition False or Unknown), as read; at most a few. */
export type ImageHolderNodeEvidence = NodeEvidence;
