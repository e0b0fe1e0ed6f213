// Where the workload's calls fail a TLS handshake whose reading depends on the client's TLS library
// and the log tails read do not name it: the head of one failing pod's current log (limitBytes, no
// tailLines — a process names its TLS library when it starts), only the line that names it kept
// (tls-library-lead.ts).
import type { TlsLibraryEvidence } from '../../domain/triage/evidence-tls-library.js';
import { findTlsLibrary } from '../../domain/triage/tls-terms.js';
import type { CollectContext } from './collect-context.js';
import { splitLogLines } from './read-pod-details.js';

/** The start of the log, where the process names its runtime and TLS library. */
const HEAD_BYTES = 64_000;

export async function readTlsLibrary(ctx: CollectContext, at: { pod: string; container: string }): Promise<TlsLibraryEvidence | undefined> {
  const r = await ctx.objectGate(() => ctx.reads.attempt((options) => ctx.clients.core.readNamespacedPodLog({ name: at.pod, namespace: ctx.namespace, container: at.container, limitBytes: HEAD_BYTES }, options)));
  if (!r.ok) {
    ctx.reads.failures.push({ what: `start of the log of ${at.pod}/${at.container} (its TLS library)`, source: 'logs', reason: r.reason, detail: r.detail });
    return undefined;
  }
  for (const line of splitLogLines(r.value)) {
    const library = findTlsLibrary([line]);
    if (library !== undefined) return { pod: at.pod, container: at.container, line: line.trim(), library };
  }
  return undefined;
}
