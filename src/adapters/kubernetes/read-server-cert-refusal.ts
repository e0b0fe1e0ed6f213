// The current log tail of one serving pod of the server that refuses the workload's client
// certificate, read only when the pods' logs show the alert it sent ("remote error: tls: bad
// certificate") and their env names that server (client-cert-refused.ts): the Service get and one
// page of its pods (read-dependency-members.ts), then one bounded log read of its first container;
// only the lines that say why a certificate failed verification are kept, at most four.
import type { ServerCertRefusalEvidence } from '../../domain/triage/evidence-server-cert-refusal.js';
import { keepServerRefusalLines } from '../../domain/triage/client-cert-refused.js';
import type { CollectContext } from './collect-context.js';
import { readDependencyMembers } from './read-dependency-members.js';
import { readLogs } from './read-pod-details.js';

export async function readServerCertRefusal(ctx: CollectContext, ref: { name: string; namespace: string }): Promise<ServerCertRefusalEvidence | undefined> {
  const members = await readDependencyMembers(ctx, ref, "it refuses the workload's client certificate");
  const serving = members?.pods.find((p) => p.phase === 'Running' && p.ready) ?? members?.pods.find((p) => p.phase === 'Running');
  const container = serving?.containers[0]?.name;
  if (members === undefined || serving === undefined || container === undefined) return undefined;
  const [log] = await readLogs(ctx, [{ pod: serving.name, container, previous: false, why: 'system', restarts: 0, namespace: members.namespace }]);
  const lines = keepServerRefusalLines(log?.lines ?? []);
  return lines.length === 0 ? undefined : { namespace: members.namespace, service: ref.name, pod: serving.name, lines };
}
