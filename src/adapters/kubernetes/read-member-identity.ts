// The current log tail of one serving member of a dependency that refuses the workload's client
// certificate, read only then (certificate-reissue.ts): the server names there the identity it read
// from the certificate and the user it wanted (Postgres: "provided user name (…) and authenticated
// user name (…) do not match"). One log read (its first container, a bounded tail); only those
// lines are kept, at most four.
import type { DependencyMembersEvidence } from '../../domain/triage/evidence-dependency-members.js';
import { keepIdentityLines } from '../../domain/triage/certificate-reissue.js';
import type { CollectContext } from './collect-context.js';
import { readLogs } from './read-pod-details.js';

export async function readMemberIdentity(ctx: CollectContext, members: DependencyMembersEvidence): Promise<DependencyMembersEvidence> {
  const serving = members.pods.find((p) => p.phase === 'Running' && p.ready) ?? members.pods.find((p) => p.phase === 'Running');
  const container = serving?.containers[0]?.name;
  if (serving === undefined || container === undefined) return members;
  const [log] = await readLogs(ctx, [{ pod: serving.name, container, previous: false, why: 'system', restarts: 0, namespace: members.namespace }]);
  const identityLines = keepIdentityLines(log?.lines ?? []);
  return identityLines.length === 0 ? members : { ...members, identityLines };
}
