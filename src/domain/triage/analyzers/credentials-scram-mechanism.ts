import type { PodEvidence, TriageEvidence } from '../evidence.js';
import { condenseStructuredLine } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { listNodesOf, severityForPods } from '../pod-status.js';
import { readLineTime } from '../request-silence.js';
import { findClientUser, findScramMismatch, findScramRefusal } from '../scram-mechanism.js';
import { formatAgo } from '../time-span.js';
import { joinAnd } from '../../text.js';

interface Rejected {
  pods: string[];
  podObjects: PodEvidence[];
  container?: { name: string };
  decisive: string;
}

/**
 * SCRAM logins refused for their mechanism: the clients log in with SCRAM-SHA-256 (their
 * sasl.mechanism) while the brokers hold only SCRAM-SHA-512 credentials for the user, or the
 * reverse (scram-mechanism.ts). The password may well be right: the Secret did not change, the
 * user's credentials on the brokers did (a migration, users re-created by a bootstrap job), so a
 * restart reads the same Secret and is refused the same way.
 */
export function describeScramMismatch(ev: TriageEvidence, r: Rejected): Finding | undefined {
  const refusal = findScramRefusal(ev.logs);
  if (refusal === undefined) return undefined;
  const members = (ev.dependencyMembers ?? []).find((m) => (m.scramCredentials ?? []).length > 0);
  if (members === undefined) return undefined;
  const user = findClientUser(r.podObjects, r.container?.name);
  const mismatch = findScramMismatch(refusal, members.scramCredentials ?? [], user);
  if (mismatch === undefined) return undefined;
  const now = ev.collectedAt;
  const at = readLineTime(mismatch.said.line);
  const held = joinAnd(mismatch.held);
  const users = mismatch.users.length === 1 ? `user ${mismatch.users[0] ?? ''}` : `users ${joinAnd(mismatch.users)}`;
  const when = at ? `, written ${formatAgo(at, now)}` : '';
  const unready = r.podObjects.filter((p) => !p.ready).length;
  // Where the clients set the mechanism (their config file, a ConfigMap): what to switch, if that is the fix chosen.
  const set = (ev.settingConfig ?? []).find((c) => c.mechanism === 'sasl-mechanism' && c.written.toUpperCase().includes(mismatch.client));
  const uses = set ? `${set.written} (ConfigMap ${set.configMap})` : `sasl.mechanism ${mismatch.client}`;
  const where = { ...ev.target, namespace: members.namespace };
  const server = members.pods.find((p) => p.ready)?.name ?? mismatch.said.pod;
  const add = `add ${mismatch.client} credentials for ${users} on the brokers (kafka-configs.sh --alter --entity-type users --entity-name ${mismatch.users[0] ?? '<user>'} --add-config '${mismatch.client}=[…]', with the password the clients' Secret holds)`;
  const fix = `${add}, or switch the clients' sasl.mechanism${set ? ` in ConfigMap ${set.configMap}` : ''} to ${mismatch.held[0] ?? 'the mechanism the brokers hold'}`;
  return {
    id: 'credentials-rejected/scram-mechanism',
    kind: 'credentials-rejected',
    title: `Kafka cluster ${members.service} refuses the ${mismatch.client} login of ${r.pods.length} pod${r.pods.length === 1 ? '' : 's'}: the clients use ${uses}, but the brokers hold only ${held} credentials for ${users} (${mismatch.said.pod}${when})`,
    layer: 'container/process',
    severity: unready > 0 ? severityForPods(ev, unready) : 'warning',
    confidence: 'high',
    ...(at ? { onset: at, datesChange: true as const } : {}),
    outsideWorkload: `the brokers' credentials for ${users} changed, not the workload: any pod of any revision logs in with ${mismatch.client} and is refused`,
    evidence: [
      `${refusal.lines.length} refused ${mismatch.client} logins in ${r.pods.length} pod${r.pods.length === 1 ? '' : 's'}`,
      ...refusal.lines.slice(-1).map((h) => `log ${h.log.pod}: ${condenseStructuredLine(h.line)}`),
      `log ${mismatch.said.pod}: ${mismatch.said.line}`,
      ...(set ? [`ConfigMap ${set.configMap} (${set.key}, ${set.via}): ${set.written}`] : []),
    ],
    decisive: r.decisive,
    likelyCause: `A Kafka cluster keeps separate SCRAM credentials per mechanism for each user: a user created with ${held} only has no ${mismatch.client} credential, and a client configured with sasl.mechanism=${mismatch.client} is refused "invalid credentials with SASL mechanism ${mismatch.client}" whatever its password. The brokers' own log shows ${users} with ${held} only${when}: the credentials were (re)created with the other mechanism (a migration, a user-bootstrap job), while the clients' config and Secret did not change. Restarting or rolling back the clients reads the same settings and is refused the same way.`,
    nextAction: `${fix.charAt(0).toUpperCase()}${fix.slice(1)}. The bot will not change anything.`,
    fix,
    confirmCommands: [
      formatKubectl(where, `exec ${server} -- kafka-configs.sh --bootstrap-server localhost:9092 --describe --entity-type users --entity-name ${mismatch.users[0] ?? '<user>'}`),
      formatKubectl(ev.target, `logs ${r.pods[0] ?? ''} --tail=100 | grep -i 'SASL mechanism'`),
    ],
    affected: { pods: r.pods, nodes: listNodesOf(r.podObjects), services: [members.service] },
  };
}
