/**
 * A process killed by SIGILL (exit 132, "Illegal instruction"): it ran a CPU instruction its
 * node's CPU does not have — native code built for a newer CPU (-march=native on a build machine
 * with AVX-512, a wheel for x86-64-v4). It fails only on the older machines, so the same revision
 * runs on newer ones: the build is the trigger, the node type the scope. Told by the instance type
 * and the CPU features (node-feature-discovery labels) the failing nodes lack and the healthy
 * nodes of the same revision have.
 */
import type { NodeEvidence, PodEvidence, TriageEvidence } from './evidence.js';
import { findPlace, nodesOf } from './failing-place.js';
import { isPodHealthy, unique } from './pod-status.js';

/** The runtimes' words for SIGILL: the kernel's, glibc's shell, Python's faulthandler, Go's. */
export const ILLEGAL_INSTRUCTION = /\billegal (?:hardware )?instruction\b|\bSIGILL\b/i;

const INSTANCE_TYPE = ['node.kubernetes.io/instance-type', 'beta.kubernetes.io/instance-type'];
const CPUID = 'feature.node.kubernetes.io/cpu-cpuid.';

function typeOf(n: NodeEvidence): string | undefined {
  return INSTANCE_TYPE.map((k) => n.labels?.[k]).find((v) => v !== undefined);
}

function featuresOf(n: NodeEvidence): Set<string> {
  return new Set(Object.entries(n.labels ?? {}).filter(([k, v]) => k.startsWith(CPUID) && v === 'true').map(([k]) => k.slice(CPUID.length)));
}

export interface IllegalInstructionTold {
  title: string;
  cause: string;
  action: string;
  fix: string;
  evidence: string[];
}

/** The finding's words: where it fails (type, pool), what those CPUs lack, where the same revision runs. */
export function tellIllegalInstruction(ev: TriageEvidence, failing: readonly PodEvidence[]): IllegalInstructionTold {
  const names = new Set(failing.map((p) => p.name));
  const revisions = new Set(failing.map((p) => p.revisionHash));
  // The healthy pods of the failing pods' revision: an older revision on the same nodes says nothing about this build.
  const fine = ev.pods.filter((p) => !names.has(p.name) && revisions.has(p.revisionHash) && isPodHealthy(p, ev.collectedAt));
  const place = fine.length > 0 ? findPlace(ev, failing, fine) : undefined;
  const bad = nodesOf(ev, failing);
  const good = nodesOf(ev, fine);
  const badTypes = unique(bad.flatMap((n) => typeOf(n) ?? []));
  const goodTypes = unique(good.flatMap((n) => typeOf(n) ?? [])).filter((t) => !badTypes.includes(t));
  // Features every healthy node has and no failing node has.
  const lacking = place && good.length > 0 && bad.length > 0
    ? [...featuresOf(good[0] as NodeEvidence)].filter((f) => good.every((n) => featuresOf(n).has(f)) && bad.every((n) => !featuresOf(n).has(f))).sort((a, b) => Number(!a.startsWith('AVX')) - Number(!b.startsWith('AVX')) || a.localeCompare(b))
    : [];
  const features = lacking.length > 0 ? `${lacking.slice(0, 3).join(', ')}${lacking.length > 3 ? '…' : ''}` : undefined;
  const badWhere = badTypes.length > 0 ? `${badTypes.join(', ')} nodes${place ? ` (${place.name})` : ''}` : place?.name;
  const goodWhere = goodTypes.length > 0 ? `${goodTypes.join(', ')} nodes` : place?.elsewhere;
  const evidence = [
    ...(place && badWhere ? [`exits with SIGILL only on ${badWhere}; the same revision runs on ${goodWhere ?? 'other nodes'}`] : []),
    ...(features ? [`CPU features the healthy nodes have and the failing ones lack (node-feature-discovery): ${lacking.join(', ')}`] : []),
  ];
  if (place === undefined || badWhere === undefined) {
    return {
      title: ': the binary uses CPU instructions its nodes\' CPUs lack',
      cause: 'The process ran a CPU instruction its node\'s CPU does not have (SIGILL): native code built for a newer CPU (-march=native on a build machine with AVX-512, a wheel built for a newer x86-64 level). It is not memory and not a probe.',
      action: 'Build the native code for a baseline CPU (-march=x86-64-v2, portable wheels), or keep the pods on nodes whose CPUs have the instructions (nodeSelector on node.kubernetes.io/instance-type).',
      fix: 'build the native code for a baseline CPU (-march=x86-64-v2 or portable wheels, not -march=native)',
      evidence,
    };
  }
  const keepOn = goodTypes.length > 0 ? `keep the pods on ${goodTypes.join(', ')} nodes (nodeSelector on node.kubernetes.io/instance-type)` : `keep the pods off ${place.name} (nodeSelector or affinity)`;
  return {
    title: `, only on ${badWhere}, whose older CPUs lack ${features ? `${features} that` : 'instructions'} the same revision uses on ${goodWhere ?? 'the healthy nodes'}`,
    cause:
      `The process ran a CPU instruction the CPUs of ${badWhere} do not have (SIGILL)${features ? `: they lack ${lacking.join(', ')}` : ''}. ` +
      'The build uses instructions of a newer CPU — native code compiled with -march=native on a build machine with AVX-512, or a wheel built for a newer x86-64 level — ' +
      `so the same revision runs on ${goodWhere ?? 'the newer nodes'} and dies at start on the older ones: the new build is the trigger, the node type the scope. It is not memory and not a probe.`,
    action: `Mitigate: ${keepOn}; then build the native code for a baseline CPU (-march=x86-64-v2, portable wheels, not -march=native).`,
    fix: `${keepOn}, then build the native code for a baseline CPU (-march=x86-64-v2 or portable wheels, not -march=native)`,
    evidence,
  };
}
