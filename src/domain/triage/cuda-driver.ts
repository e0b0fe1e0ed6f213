/**
 * A CUDA runtime newer than the node's NVIDIA driver supports (cudaErrorInsufficientDriver, error
 * 35; PyTorch's "driver on your system is too old"; the NVIDIA runtime's "unsatisfied condition:
 * cuda>=12.4"). The driver is the node's (its machine image ships it), not the image's, so the same
 * image runs on nodes with a newer driver and fails on a pool built from an older image: the pool
 * is to move to a current driver, and the pods kept off it meanwhile. The driver version comes from
 * GPU feature discovery's node labels, else from the log (the nvidia-smi banner).
 */
import type { NodeEvidence, PodEvidence, TriageEvidence } from './evidence.js';
import { findPlace, nodesOf } from './failing-place.js';
import { isPodHealthy, listNodesOf, unique } from './pod-status.js';

export interface CudaDriverTooOld {
  /** The log line that says it. */
  line: string;
  /** The words to quote: "CUDA failure 35: CUDA driver version is insufficient for CUDA runtime version". */
  quote: string;
  /** The driver the log names (the nvidia-smi banner), when it does. */
  loggedDriver?: string;
  /** The CUDA version the image asks for ("cuda>=12.4"), when the message says it. */
  wanted?: string;
}

/** The runtimes' words for a driver older than the CUDA runtime needs, with the error code some prefix. */
const TOO_OLD = /(?:CUDA (?:error|failure):? ?35:? )?(?:CUDA driver version is insufficient for CUDA runtime version|cudaErrorInsufficientDriver|CUDA_ERROR_INSUFFICIENT_DRIVER)|The NVIDIA driver on your system is too old(?: \(found version \d+\))?|unsatisfied condition: cuda ?>= ?[\d.]+/i;
/** The nvidia-smi banner ("Driver Version: 470.256.02") or a runtime naming the driver. */
const DRIVER_IN_LOG = /Driver Version:?\s*(\d{3}(?:\.\d+)*)|driver version (\d{3}(?:\.\d+)+)/i;

/** The last log line (or runtime message) that says the driver is too old for the CUDA runtime. */
export function findCudaDriverTooOld(lines: readonly string[]): CudaDriverTooOld | undefined {
  const logged = [...lines].reverse().map((l) => DRIVER_IN_LOG.exec(l)).find((m) => m !== null);
  const loggedDriver = logged?.[1] ?? logged?.[2];
  for (const raw of [...lines].reverse()) {
    const m = TOO_OLD.exec(raw);
    if (!m) continue;
    const wanted = /cuda ?>= ?([\d.]+)/i.exec(m[0])?.[1];
    return { line: raw.trim(), quote: m[0], ...(loggedDriver ? { loggedDriver } : {}), ...(wanted ? { wanted } : {}) };
  }
  return undefined;
}

/** GPU feature discovery's driver version ("470.256.02"), old label scheme or new. */
function driverOf(n: NodeEvidence): string | undefined {
  const l = n.labels ?? {};
  const full = l['nvidia.com/cuda.driver-version.full'];
  if (full) return full;
  const major = l['nvidia.com/cuda.driver.major'] ?? l['nvidia.com/cuda.driver-version.major'];
  if (major === undefined) return undefined;
  const rest = [l['nvidia.com/cuda.driver.minor'] ?? l['nvidia.com/cuda.driver-version.minor'], l['nvidia.com/cuda.driver.rev'] ?? l['nvidia.com/cuda.driver-version.revision']];
  return [major, ...rest.filter((v): v is string => v !== undefined && v !== '')].join('.');
}

/** The newest CUDA the node's driver supports, as GPU feature discovery labels it ("11.4"). */
function cudaOf(n: NodeEvidence): string | undefined {
  const l = n.labels ?? {};
  const full = l['nvidia.com/cuda.runtime-version.full'];
  if (full) return full;
  const major = l['nvidia.com/cuda.runtime.major'] ?? l['nvidia.com/cuda.runtime-version.major'];
  const minor = l['nvidia.com/cuda.runtime.minor'] ?? l['nvidia.com/cuda.runtime-version.minor'];
  return major === undefined ? undefined : minor === undefined ? major : `${major}.${minor}`;
}

/** The driver branch, the token engineers use ("470" of 470.256.02). */
function branchOf(version: string): string {
  return version.split('.')[0] ?? version;
}

/** The one value the nodes all share; undefined when any lacks it or they differ. */
function sharedBy(nodes: readonly NodeEvidence[], get: (n: NodeEvidence) => string | undefined): string | undefined {
  const values = nodes.map(get);
  const [v] = values;
  return v !== undefined && values.every((x) => x === v) ? v : undefined;
}

export interface CudaDriverTold {
  title: string;
  cause: string;
  fix: string;
  evidence: string[];
  /** The title dates the nodes' arrival, which brought the failure on. */
  datesChange?: true;
  outside: string;
}

/**
 * The finding's words: the driver of the failing pods' nodes against the healthy pods' nodes',
 * where they sit (a pool, new nodes) and the fix on those nodes' image.
 */
export function tellCudaDriverTooOld(ev: TriageEvidence, found: CudaDriverTooOld, failing: readonly PodEvidence[]): CudaDriverTold {
  const place = findPlace(ev, failing);
  const failingNames = new Set(failing.map((p) => p.name));
  const bad = nodesOf(ev, failing);
  const healthyPods = ev.pods.filter((p) => !failingNames.has(p.name) && isPodHealthy(p, ev.collectedAt) && !listNodesOf(failing).includes(p.nodeName ?? ''));
  const good = nodesOf(ev, healthyPods);
  const driver = sharedBy(bad, driverOf) ?? found.loggedDriver;
  const goodDrivers = unique(good.map(driverOf).filter((v): v is string => v !== undefined));
  const goodBranch = goodDrivers.length === 1 && driver !== undefined && goodDrivers[0] !== driver ? branchOf(goodDrivers[0] ?? '') : undefined;
  const where = place?.name ?? (bad.length > 0 ? `node ${listNodesOf(failing).join(', ')}` : 'the nodes');
  const healthySide = place?.byPool ? 'the healthy pool' : 'the healthy nodes';
  const versus = driver === undefined ? '' : ` (driver ${branchOf(driver)}${goodBranch ? ` vs ${goodBranch} on ${healthySide}` : ''})`;
  // The nodes came after every healthy pod's node: their arrival dates the failure.
  const dated = place?.addedAgo ? `; ${place.byPool ? 'its nodes were' : 'they were'} added ${place.addedAgo}` : '';
  const cuda = sharedBy(bad, cudaOf);
  const target = goodBranch ? `NVIDIA driver ${goodBranch} (as on ${place?.elsewhere ?? 'the healthy nodes'}) or newer` : `an NVIDIA driver that supports ${found.wanted ? `CUDA ${found.wanted}` : 'the image\'s CUDA runtime'}`;
  const fix = `move ${where} to a GPU node image with ${target}`;
  return {
    title: `: CUDA driver too old on ${where}${versus}${dated}`,
    ...(dated ? { datesChange: true as const } : {}),
    cause: `The image's CUDA runtime${found.wanted ? ` (${found.wanted})` : ''} needs a newer NVIDIA driver than ${where} has${driver ? ` (${driver}${cuda ? `, which supports CUDA up to ${cuda}` : ''})` : ''}. The driver is the node's, shipped by its machine image, not the container's: ${goodBranch ? `the same image runs on ${place?.elsewhere ?? 'the healthy nodes'} with driver ${goodDrivers[0] ?? ''}` : 'no revision of the workload changes it'}. Nothing is wrong with the app or its rollout.`,
    fix,
    evidence: [
      `the log says the driver is too old: ${found.quote}`,
      ...(driver ? [`NVIDIA driver ${driver} on ${where}${cuda ? ` (supports CUDA up to ${cuda})` : ''}${goodDrivers.length > 0 && goodBranch ? `; ${goodDrivers.join(', ')} on ${place?.elsewhere ?? 'the healthy nodes'}` : ''}`] : []),
    ],
    outside: `the NVIDIA driver of ${where}: any revision of this image fails the same way there`,
  };
}
