/**
 * A server that refuses its clients' credentials since it restarted: its members were all
 * re-created (a rollout of its StatefulSet) after the clients' pods started, just after a
 * ConfigMap they mount was written. Servers that load their users from configuration at boot
 * (RabbitMQ's definitions import, a users file) then hold whatever that file says: a password
 * (hash) changed there before the clients' Secret refuses every login from then on, while the
 * clients changed nothing. The fix is on the server's configuration or the clients' Secret, never
 * a rollback of the clients.
 */
import type { PodEvidence, TriageEvidence } from '../evidence.js';
import type { ContainerSpecEvidence } from '../evidence-pod.js';
import type { DependencyMembersEvidence } from '../evidence-dependency-members.js';
import { condenseStructuredLine } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { findInClusterService } from '../down-service.js';
import { formatKubectl } from '../kubectl-command.js';
import { listNodesOf, severityForPods } from '../pod-status.js';
import { HOUR_MS, MINUTE_MS, earliest, formatAgo, msBetween } from '../time-span.js';
import { joinAnd } from '../../text.js';
import { findRejections, MIN_LINES } from './credentials-rejections.js';

/** Env names that hold a server's address. */
const ADDRESS_ENV = /(?:HOST|ADDR|ADDRESS|URL|URI|SERVER|BROKERS?)$/i;
/** A restart of the whole server this recent is a suspect. */
const RESTART_WINDOW_MS = 2 * HOUR_MS;
/** A ConfigMap written this long before the first member was re-created brought the restart on (a checksum annotation, a rollout). */
const CONFIG_LEAD_MS = 30 * MINUTE_MS;

/** The in-cluster Service the refusing container's env names as its server, when one env var does. */
export function pickRejectingServer(ev: Pick<TriageEvidence, 'logs' | 'pods' | 'target'>): { name: string; namespace: string } | undefined {
  const { hits, container } = findRejections(ev);
  if (hits.length < MIN_LINES || container === undefined) return undefined;
  return findServerNamedByEnv(container, ev.target.namespace);
}

/** The one in-cluster Service a container's address env vars name, if exactly one. */
export function findServerNamedByEnv(container: { env?: ContainerSpecEvidence['env'] }, namespace: string): { name: string; namespace: string } | undefined {
  const found = (container.env ?? []).flatMap((e) => {
    if (!('value' in e) || !ADDRESS_ENV.test(e.name)) return [];
    // A JDBC URL nests its scheme (jdbc:postgresql://host…): every scheme before the // goes.
    const host = /^(?:(?:[a-z][a-z0-9+.-]*:)+\/\/)?(?:[^@/\s]*@)?([a-z0-9.-]+)/i.exec(e.value.trim())?.[1];
    const svc = host && /[a-z]/i.test(host) ? findInClusterService(host, namespace) : undefined;
    return svc ? [svc] : [];
  });
  const names = new Set(found.map((s) => `${s.namespace}/${s.name}`));
  return names.size === 1 ? found[0] : undefined;
}

interface ServerRestart {
  members: DependencyMembersEvidence;
  restartedAt: string;
  config?: { configMap: string; updatedAt: string; by?: string };
}

/** The server's members all re-created after the clients started, within the window, and the ConfigMap written just before. */
function findServerRestart(ev: TriageEvidence, clients: readonly PodEvidence[]): ServerRestart | undefined {
  const server = pickRejectingServer(ev);
  const members = server ? ev.dependencyMembers?.find((m) => m.service === server.name && m.namespace === server.namespace) : undefined;
  if (members === undefined || members.pods.length === 0) return undefined;
  const created = members.pods.map((p) => p.createdAt);
  const restartedAt = earliest(created);
  if (restartedAt === undefined || created.some((c) => c === undefined) || msBetween(restartedAt, ev.collectedAt) > RESTART_WINDOW_MS) return undefined;
  // The clients started before it and were let in then: their credentials are not what changed.
  const clientsStarted = earliest(clients.map((p) => p.createdAt));
  if (clientsStarted === undefined || msBetween(clientsStarted, restartedAt) <= 0) return undefined;
  const config = (members.configUpdates ?? [])
    .filter((c) => { const lead = msBetween(c.updatedAt, restartedAt); return lead >= 0 && lead <= CONFIG_LEAD_MS; })
    .sort((a, b) => msBetween(a.updatedAt, b.updatedAt))[0];
  return { members, restartedAt, ...(config ? { config } : {}) };
}

export function analyzeCredentialsServerRestart(ev: TriageEvidence): Finding[] {
  const { hits, pods, podObjects, fromSecret, secrets } = findRejections(ev);
  if (hits.length < MIN_LINES) return [];
  const restart = findServerRestart(ev, podObjects);
  if (restart === undefined) return [];
  const { members, restartedAt, config } = restart;
  const now = ev.collectedAt;
  const server = members.service;
  const where = { ...ev.target, namespace: members.namespace };
  const decisive = condenseStructuredLine((hits[hits.length - 1] ?? hits[0])?.line.trim() ?? '');
  const secret = secrets[0];
  const via = fromSecret.length > 0 ? `${joinAnd(fromSecret.map((f) => f.env))} from Secret ${secret ?? ''}` : secret ? `Secret ${secret}` : 'the credentials the pods present';
  // The verdict dates the ConfigMap's edit itself (affected.configMaps): the title says what followed it.
  const changed = config ? `, which loaded their users from it at boot` : '';
  const fix = config
    ? `restore this user's previous password (hash) in ConfigMap ${config.configMap} and restart ${server}'s pods so they load it, or give ${ev.target.name} the new password (${via}) and restart it`
    : `compare this user's password on ${server} (its configuration loaded at boot) with ${via}, and restore the one that changed`;
  return [
    {
      id: 'credentials-rejected/server-restart',
      kind: 'credentials-rejected',
      title: `${server} refuses the login (password credentials) of ${pods.length} pod${pods.length === 1 ? '' : 's'} since its ${members.pods.length} pods were re-created ${formatAgo(restartedAt, now)}${changed}`,
      layer: 'container/process',
      severity: podObjects.some((p) => !p.ready) ? severityForPods(ev, podObjects.filter((p) => !p.ready).length) : 'warning',
      confidence: config ? 'high' : 'medium',
      evidence: [
        `${hits.length} refused logins in ${pods.length} pod${pods.length === 1 ? '' : 's'}`,
        ...hits.slice(-1).map((h) => `log ${h.log.pod}: ${condenseStructuredLine(h.line.trim())}`),
        `pods of ${server} in ${members.namespace}: ${members.pods.map((p) => `${p.name} created ${formatAgo(p.createdAt ?? now, now)}`).join(', ')}`,
        ...(config ? [`ConfigMap ${config.configMap} written ${formatAgo(config.updatedAt, now)}${config.by ? ` by ${config.by}` : ''}`] : []),
      ],
      decisive,
      likelyCause: `The server refuses the user these pods log in as, and they started before it restarted and were let in then: their credentials (${via}) did not change, the server's did. A server that loads its users from configuration when it boots (RabbitMQ imports its definitions file, users and password hashes included, at every start) takes whatever that configuration holds${config ? `: ConfigMap ${config.configMap} was written just before ${server} rolled, so the password (hash) of this user there most likely no longer matches the one the pods present` : ''}. Other users of ${server} still log in if only this one changed. Rolling back or restarting ${ev.target.name} will not help.`,
      nextAction: `${fix.charAt(0).toUpperCase()}${fix.slice(1)}.`,
      fix,
      outsideWorkload: `${server} refuses the credentials since it restarted`,
      onset: restartedAt,
      datesChange: true,
      confirmCommands: [
        formatKubectl(ev.target, `logs ${pods[0] ?? ''} --previous --tail=50`),
        formatKubectl(where, `logs ${members.pods[0]?.name ?? ''} --tail=200 | grep -i 'refused\\|invalid credentials'`),
        ...(config ? [formatKubectl(where, `get configmap ${config.configMap} -o jsonpath='{.metadata.managedFields[*].time}'`)] : []),
      ],
      affected: { pods, nodes: listNodesOf(podObjects), services: [server], ...(config ? { configMaps: [config.configMap] } : {}) },
    },
  ];
}
