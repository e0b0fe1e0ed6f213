// The platform (OS/architecture) of the nodes a pull fails on, against the nodes where the same
// image runs: "no match for platform in manifest" means the image has no build for that node.
import type { NodeEvidence, PodEvidence, TriageEvidence } from './evidence.js';
import { findNode } from './evidence-lookup.js';

/** Messages of a registry image index with no entry for the node's OS/architecture. */
export const NO_PLATFORM = /no match for platform in manifest|no matching manifest for|image operating system "?\w+"? cannot be used on this platform|does not match the specified platform/i;

/** "windows/amd64", from the node's kubernetes.io/os and arch labels (or its OS image). */
export function platformOf(node: NodeEvidence | undefined): string | undefined {
  if (!node) return undefined;
  const os = node.labels?.['kubernetes.io/os'] ?? (/windows/i.test(node.osImage ?? '') ? 'windows' : node.osImage ? 'linux' : undefined);
  const arch = node.labels?.['kubernetes.io/arch'];
  if (!os && !arch) return undefined;
  return [os ?? '?', arch].filter(Boolean).join('/');
}

/** The distinct platforms of the nodes under `pods`. */
export function platformsUnder(ev: TriageEvidence, pods: readonly PodEvidence[]): string[] {
  const out = pods.map((p) => platformOf(findNode(ev, p.nodeName))).filter((x): x is string => x !== undefined);
  return [...new Set(out)];
}

/** The OS part of a platform: what a kubernetes.io/os nodeSelector names. */
export function osOf(platform: string | undefined): string | undefined {
  const os = platform?.split('/')[0];
  return os && os !== '?' ? os : undefined;
}
