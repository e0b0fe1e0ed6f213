/**
 * A database client whose driver cannot do the authentication method its server asks for
 * (mysqljs' ER_NOT_SUPPORTED_AUTH_MODE against MySQL 8.0's caching_sha2_password, an old libpq
 * against scram-sha-256): the password is right, the handshake is not. It follows an upgrade of
 * the server or accounts re-created with the new default, never a change of the client; the fix is
 * the account's method (stop-gap) or a newer driver, not a rollback of either side. A stray
 * "access denied" among these lines is the same handshake failing, not a wrong password.
 */
import type { TriageEvidence } from '../evidence.js';
import type { DependencyMembersEvidence } from '../evidence-dependency-members.js';
import { condenseStructuredLine } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { listNodesOf, severityForPods, unique } from '../pod-status.js';
import { splitImage } from '../revision-diff.js';
import { HOUR_MS, earliest, formatAgo, msBetween } from '../time-span.js';
import { readAuthPluginMismatch } from '../auth-plugin-lines.js';
import { findServerNamedByEnv } from './credentials-server-restart.js';

/** Lines before it counts: one failed handshake is not an outage. */
const MIN_LINES = 2;
/** A server re-created this recently is the change that brought its new method on. */
const UPGRADE_WINDOW_MS = 6 * HOUR_MS;

function findMismatches(ev: Pick<TriageEvidence, 'logs' | 'pods'>) {
  const hits = ev.logs.flatMap((l) => l.lines.flatMap((line) => {
    const m = readAuthPluginMismatch(line);
    return m ? [{ log: l, line, m }] : [];
  }));
  const pods = unique(hits.map((h) => h.log.pod));
  const podObjects = pods.flatMap((p) => ev.pods.find((x) => x.name === p) ?? []);
  const container = podObjects[0]?.containers.find((c) => c.name === hits[0]?.log.container);
  return { hits, pods, podObjects, container };
}

/** More handshake mismatches than the credential rejections around them: the rejections are the same failure. */
export function outnumbersRejections(ev: Pick<TriageEvidence, 'logs' | 'pods'>, rejections: number): boolean {
  const n = findMismatches(ev).hits.length;
  return n >= MIN_LINES && n >= rejections;
}

/** The in-cluster server the mismatching client names: the collector reads its members to date its upgrade. */
export function pickAuthPluginServer(ev: Pick<TriageEvidence, 'logs' | 'pods' | 'target'>): { name: string; namespace: string } | undefined {
  const { hits, container } = findMismatches(ev);
  return hits.length < MIN_LINES || container === undefined ? undefined : findServerNamedByEnv(container, ev.target.namespace);
}

/** When the server's members were all re-created (its upgrade), and the image they run now. */
function describeServerChange(ev: TriageEvidence, members: DependencyMembersEvidence | undefined, clientsStarted: string | undefined) {
  if (members === undefined || members.pods.length === 0) return undefined;
  const restartedAt = earliest(members.pods.map((p) => p.createdAt));
  if (restartedAt === undefined || msBetween(restartedAt, ev.collectedAt) > UPGRADE_WINDOW_MS) return undefined;
  if (clientsStarted !== undefined && msBetween(clientsStarted, restartedAt) <= 0) return undefined;
  const image = members.pods[0]?.containers[0]?.image;
  return { restartedAt, members, version: image ? splitImage(image).version : undefined };
}

export function analyzeAuthPluginMismatch(ev: TriageEvidence): Finding[] {
  const { hits, pods, podObjects, container } = findMismatches(ev);
  if (hits.length < MIN_LINES || container === undefined) return [];
  const last = hits[hits.length - 1] ?? hits[0];
  if (last === undefined) return [];
  const { method, server: engine } = last.m;
  const ref = findServerNamedByEnv(container, ev.target.namespace);
  const members = ref ? ev.dependencyMembers?.find((m) => m.service === ref.name && m.namespace === ref.namespace) : undefined;
  const change = describeServerChange(ev, members, earliest(podObjects.map((p) => p.createdAt)));
  const name = ref?.name ?? `the ${engine} server`;
  const user = container.env?.find((e) => /USER(NAME)?$/i.test(e.name) && 'value' in e);
  const account = user && 'value' in user ? `'${user.value}'@'%'` : "'<user>'@'%'";
  const mysql = engine === 'MySQL';
  const since = change ? ` since its pods were re-created ${formatAgo(change.restartedAt, ev.collectedAt)}${change.version ? ` running ${change.version}` : ''} (an upgrade: accounts created since get its default ${method})` : '';
  const stopGap = mysql
    ? `ALTER USER ${account} IDENTIFIED WITH mysql_native_password BY '<its password>' on ${name} (stop-gap), then move ${ev.target.name} to a driver that supports ${method} (mysql2 for Node.js, Connector/J 8, PHP ≥ 7.4)`
    : `set password_encryption = md5 and reset the password of the account on ${name} (stop-gap), then move ${ev.target.name} to a driver that supports ${method} (libpq ≥ 10, pgjdbc ≥ 42.2, pg ≥ 8)`;
  const decisive = condenseStructuredLine(last.line.trim());
  return [
    {
      id: 'credentials-rejected/auth-plugin',
      kind: 'credentials-rejected',
      title: `${engine} ${name} asks ${pods.length} pod${pods.length === 1 ? '' : 's'} for the ${method} authentication plugin, which their old client driver does not support${since}`,
      layer: 'container/process',
      severity: podObjects.some((p) => !p.ready) ? severityForPods(ev, podObjects.filter((p) => !p.ready).length) : 'warning',
      confidence: 'high',
      evidence: [
        `${hits.length} handshake failures in ${pods.length} pod${pods.length === 1 ? '' : 's'}`,
        `log ${last.log.pod}: ${decisive}`,
        ...(change ? [`pods of ${change.members.service} in ${change.members.namespace}: ${change.members.pods.map((p) => `${p.name} created ${formatAgo(p.createdAt ?? ev.collectedAt, ev.collectedAt)}${p.containers[0]?.image ? ` (${p.containers[0].image})` : ''}`).join(', ')}`] : []),
      ],
      decisive,
      likelyCause: `The password is not the problem: the client's driver cannot do the authentication method the server requires for this account. ${mysql ? `MySQL 8.0 creates accounts with caching_sha2_password by default; old drivers (mysqljs/mysql 2.x, PHP before 7.4, Go without allowNativePasswords) only speak mysql_native_password and fail the handshake with ER_NOT_SUPPORTED_AUTH_MODE.` : `PostgreSQL 14 stores new passwords as scram-sha-256; libpq before 10 and old JDBC/Node drivers cannot answer the SASL challenge.`}${change ? ` ${name} was upgraded ${formatAgo(change.restartedAt, ev.collectedAt)}, and the account was (re)created or its password reset since.` : ' The server was upgraded, or the account re-created with the new default.'} Rolling back ${ev.target.name} will not help, and the server cannot be downgraded in place.`,
      nextAction: `${stopGap.charAt(0).toUpperCase()}${stopGap.slice(1)}.`,
      fix: stopGap,
      outsideWorkload: `${name} requires ${method}, which the client's driver cannot do`,
      ...(change ? { onset: change.restartedAt, datesChange: true as const } : {}),
      confirmCommands: [
        formatKubectl(ev.target, `logs ${pods[0] ?? ''} --tail=100`),
        ...(change ? [formatKubectl({ ...ev.target, namespace: change.members.namespace }, `logs ${change.members.pods[0]?.name ?? ''} --tail=200 | grep -i 'upgrade\\|ready for connections'`)] : []),
      ],
      affected: { pods, nodes: listNodesOf(podObjects), ...(ref ? { services: [ref.name] } : {}) },
    },
  ];
}
