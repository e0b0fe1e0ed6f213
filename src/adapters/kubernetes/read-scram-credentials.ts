// What a Kafka cluster's members log about their users' SCRAM credentials, read only when the
// workload's SCRAM logins are refused with the mechanism they use (scram-mechanism.ts): one current
// log read of each running member (at most MAX_MEMBERS; a bounded tail, SEARCH_TAIL_LINES lines /
// SEARCH_LIMIT_BYTES — a KRaft controller logs the records it replays when they are written, hours
// back), of which only the lines about users' SCRAM credentials are kept (a dozen per member).
import type { DependencyMembersEvidence } from '../../domain/triage/evidence-dependency-members.js';
import { keepScramCredentialLines } from '../../domain/triage/scram-mechanism.js';
import type { CollectContext } from './collect-context.js';
import { splitLogLines } from './read-pod-details.js';

/** A controller quorum has three members, sometimes five: the active one logs the records. */
const MAX_MEMBERS = 3;
const SEARCH_TAIL_LINES = 5000;
const SEARCH_LIMIT_BYTES = 1_000_000;

export async function readScramCredentials(ctx: CollectContext, members: DependencyMembersEvidence, mechanism: string): Promise<DependencyMembersEvidence> {
  const { namespace } = members;
  const running = members.pods.filter((p) => p.phase === 'Running').slice(0, MAX_MEMBERS);
  const got = await Promise.all(running.map((pod) => {
    const container = pod.containers[0]?.name;
    return container === undefined
      ? undefined
      : ctx.reads.one(`log of ${pod.name}/${container} in ${namespace} (its clients' ${mechanism} logins are refused: which SCRAM mechanisms does it hold for their user?)`, 'dependencyMembers', (o) =>
          ctx.clients.core.readNamespacedPodLog({ name: pod.name, namespace, container, tailLines: SEARCH_TAIL_LINES, limitBytes: SEARCH_LIMIT_BYTES }, o),
        ).then((text) => (text === undefined ? [] : keepScramCredentialLines(pod.name, splitLogLines(text))));
  }));
  const scramCredentials = got.flatMap((l) => l ?? []);
  return scramCredentials.length === 0 ? members : { ...members, scramCredentials };
}
