/**
 * Why a node is NotReady, in the kubelet's own Ready message: some messages name the part of the
 * node that failed. "PLEG is not healthy: pleg was last seen active 7m4s ago; threshold is 3m0s"
 * says the kubelet's pod lifecycle event generator has not relisted the containers for that long,
 * because the container runtime does not answer; "container runtime is down" says the kubelet
 * cannot reach the runtime at all. Either way the node's runtime, not the workload, is at fault.
 */
import type { NodeEvidence } from './evidence.js';
import { findCondition } from './evidence-lookup.js';
import type { NodeFault } from './node-own-warnings.js';

/** "containerd://1.7.22" → "containerd", "cri-o://1.29.4" → "CRI-O", "docker://24.0.7" → "Docker". */
export function nameRuntime(version: string | undefined): string | undefined {
  const scheme = /^([\w.-]+):\/\//.exec(version ?? '')?.[1]?.toLowerCase();
  if (scheme === undefined) return undefined;
  return ({ 'cri-o': 'CRI-O', crio: 'CRI-O', docker: 'Docker', containerd: 'containerd' } as Record<string, string>)[scheme] ?? scheme;
}

/** "5m12.402118331s" → "5m12s": a relist gap to the second. */
function toSeconds(span: string): string {
  return span.replace(/(\d+)\.\d+s$/, '$1s');
}

const RUNTIME_DOWN = /container runtime is down/i;
const PLEG = /PLEG is not healthy: pleg (?:was last seen active ([\dhms.]+) ago; threshold is ([\dhms.]+)|has yet to be successful)/i;

/** The fault the node's Ready message names, with the message quoted from its words. */
export function readReadyFault(node: NodeEvidence): { known: NodeFault; quote: string } | undefined {
  const ready = findCondition(node.conditions, 'Ready');
  const message = ready?.status === 'True' ? undefined : ready?.message;
  if (message === undefined) return undefined;
  const runtime = nameRuntime(node.containerRuntime);
  const named = runtime ? `container runtime (${runtime})` : 'container runtime';
  const restart = `restart ${runtime ?? 'the container runtime'} and the kubelet on the node (systemctl restart ${runtime === 'CRI-O' ? 'crio' : runtime === 'Docker' ? 'docker' : 'containerd'} kubelet) after reading their logs (journalctl -u ${runtime === 'CRI-O' ? 'crio' : runtime === 'Docker' ? 'docker' : 'containerd'} -u kubelet); if the node stays NotReady, cordon, drain and replace it`;
  const after = 'The workload did not change; the node did.';
  const down = RUNTIME_DOWN.exec(message);
  if (down) {
    return {
      quote: message.slice(down.index),
      known: {
        what: `its ${named} is down: the kubelet cannot reach it`,
        cause: `The kubelet cannot reach the ${named} on its socket: the runtime crashed, was stopped, or hangs without answering its status call, so no container on the node can be started, stopped or listed. ${after}`,
        fix: restart,
        confirm: [],
      },
    };
  }
  const pleg = PLEG.exec(message);
  if (pleg) {
    const [, seen, threshold] = pleg;
    const gap = seen && threshold ? `no relist for ${toSeconds(seen)}, threshold ${threshold}` : 'no relist has succeeded yet';
    return {
      quote: message.slice(pleg.index),
      known: {
        what: `its ${named} stopped answering the kubelet (${gap})`,
        cause: `The kubelet's pod lifecycle event generator (PLEG) relists the node's containers through the ${named} every second; ${seen ? `none of those relists has completed for ${toSeconds(seen)}` : 'none has completed since the kubelet started'}, so the kubelet reports the node NotReady. The runtime is hung or too slow to answer: a stuck shim or container it waits on, a kernel or disk I/O stall under it, or more containers than it can list in time. ${after}`,
        fix: restart,
        confirm: [],
      },
    };
  }
  return undefined;
}
