/**
 * A client library that refuses, at start, a server older than it requires: Sidekiq 7 ("You are
 * connecting to Redis 6.0.16, Sidekiq requires Redis 6.2.0 or greater"), Django ("PostgreSQL 13
 * or later is required (found 12.8)"), and the like. The process exits before doing any work, on
 * every start. The server is healthy; the client's bump (the image) brought a requirement it does
 * not meet: roll the client back, or upgrade the server. The server's pod is read only when a log
 * says so (collect-leads: the Service the client's address names), and its image tag named.
 */
import type { ContainerSpecEvidence, PodEvidence, TriageEvidence } from './evidence.js';
import { findInClusterService } from './down-service.js';

export interface ServerVersionRequirement {
  /** The refusal as logged. */
  line: string;
  /** "Sidekiq", when the line names it. */
  client?: string;
  /** "Redis", as the line names it. */
  server: string;
  /** "6.2.0" */
  required: string;
  /** "6.0.16" */
  found: string;
  /**
   * The other way round: the server is newer than the client supports (a MongoDB driver that
   * supports at most wire version 9 meets a server whose minimum is 25). `required` is then the
   * newest release the client supports, `found` the server's; the server's upgrade is the change.
   */
  ceiling?: true;
}

const VERSION = String.raw`v?(\d+(?:\.\d+)*)`;
const AT_LEAST = String.raw`(?:or (?:greater|later|newer|higher|above)|\+)`;
/** "You are connecting to Redis 6.0.16, Sidekiq requires Redis 6.2.0 or greater": found first, then the client and what it requires. */
const FOUND_THEN_REQUIRED = new RegExp(String.raw`(?:connect(?:ing|ed) to|running|server is|found)\s+([A-Z][\w-]*)\s+${VERSION}[,;.:]?\s+(?:but\s+)?([A-Z][\w:.-]*)\s+requires\s+\1\s+(?:version\s+)?(?:>=\s*)?${VERSION}\s*${AT_LEAST}?`, 'i');
/** "Sidekiq requires Redis 6.2.0 or greater, you are connected to 6.0.16" / "… (found 6.0.16)". */
const REQUIRED_THEN_FOUND = new RegExp(String.raw`([A-Z][\w:.-]*)\s+requires\s+([A-Z][\w-]*)\s+(?:version\s+)?(?:>=\s*)?${VERSION}\s*${AT_LEAST}?[^\n]*?\b(?:found|got|have|running|connected to|connecting to|server is|server version is)[:\s]+(?:\2\s+)?${VERSION}`, 'i');
/** Django's: "PostgreSQL 13 or later is required (found 12.8)." */
const REQUIRED_FOUND_AFTER = new RegExp(String.raw`\b([A-Z][\w-]*)\s+${VERSION}\s+or\s+(?:later|newer|greater|higher)\s+is\s+required\s*\(found\s+${VERSION}\)`);

/**
 * MongoDB drivers speak of wire versions: "Server at db-0:27017 reports maximum wire version 6, but
 * this version of the Node.js Driver requires at least 7 (MongoDB 4.0)". The server's highest wire
 * version says its release (MongoDB's table), the driver's floor the oldest release it still supports.
 */
const MONGO_WIRE = /reports maximum wire version (\d+),? but this version of (?:the )?([\w.# -]*?)\s*(?:[Dd]river|libmongoc)?\s+requires at least (\d+)(?: \(MongoDB ([\d.]+)\))?/i;
const MONGO_RELEASE_OF_WIRE: Record<number, string> = { 2: '2.6', 3: '3.0', 4: '3.2', 5: '3.4', 6: '3.6', 7: '4.0', 8: '4.2', 9: '4.4', 13: '5.0', 14: '5.1', 15: '5.2', 16: '5.3', 17: '6.0', 18: '6.1', 19: '6.2', 20: '6.3', 21: '7.0', 22: '7.1', 23: '7.2', 24: '7.3', 25: '8.0' };

/**
 * And a server newer than the driver supports: "Server at db-0:27017 reports minimum wire version
 * 25, but this version of the Node.js Driver requires at most 9 (MongoDB 4.4)". The server's lowest
 * wire version says the oldest release it can be, the driver's ceiling the newest it supports.
 */
export const MONGO_WIRE_CEILING = /reports minimum wire version (\d+),? but this version of (?:the )?([\w.# -]*?)\s*(?:[Dd]river|libmongoc)?\s+requires at most (\d+)(?: \(MongoDB ([\d.]+)\))?/i;

/** The sentence itself, not the JSON record around it: "Server at host:port reports …". */
function quoteWireSentence(line: string, m: RegExpExecArray): string {
  const start = line.lastIndexOf('Server at ', m.index);
  return line.slice(start >= 0 && m.index - start < 200 ? start : m.index, m.index + m[0].length);
}

function readMongoWireCeiling(line: string): ServerVersionRequirement | undefined {
  const m = MONGO_WIRE_CEILING.exec(line);
  if (!m) return undefined;
  const [minWire, maxWire] = [Number(m[1]), Number(m[3])];
  // A minimum past the table's last entry is a release newer than it knows: the newest it knows, or later.
  const known = Object.keys(MONGO_RELEASE_OF_WIRE).map(Number).filter((w) => w <= minWire);
  const found = MONGO_RELEASE_OF_WIRE[minWire] ?? (known.length > 0 ? `${MONGO_RELEASE_OF_WIRE[Math.max(...known)] ?? ''}+` : undefined);
  const required = m[4] ?? MONGO_RELEASE_OF_WIRE[maxWire];
  if (found === undefined || required === undefined) return undefined;
  const driver = (m[2] ?? '').trim();
  return { line: quoteWireSentence(line, m), client: `the MongoDB ${driver ? `${driver} ` : ''}driver`, server: 'MongoDB', required, found: `${found} (minimum wire version ${minWire})`, ceiling: true };
}

function readMongoWire(line: string): ServerVersionRequirement | undefined {
  const ceiling = readMongoWireCeiling(line);
  if (ceiling) return ceiling;
  const m = MONGO_WIRE.exec(line);
  if (!m) return undefined;
  const [maxWire, minWire] = [Number(m[1]), Number(m[3])];
  const found = MONGO_RELEASE_OF_WIRE[maxWire];
  const required = m[4] ?? MONGO_RELEASE_OF_WIRE[minWire];
  if (found === undefined || required === undefined) return undefined;
  const driver = (m[2] ?? '').trim();
  return { line: quoteWireSentence(line, m), client: `the MongoDB ${driver ? `${driver} ` : ''}driver`, server: 'MongoDB', required, found: `${found} (wire version ${maxWire})` };
}

/** The first line of a log tail that refuses the server for its version, with both versions. */
export function findServerVersionRequirement(lines: readonly string[]): ServerVersionRequirement | undefined {
  for (const raw of lines) {
    const line = raw.trim();
    const wire = readMongoWire(line);
    if (wire) return wire;
    const a = FOUND_THEN_REQUIRED.exec(line);
    if (a?.[1] && a[2] && a[3] && a[4]) return { line, server: a[1], found: a[2], client: a[3], required: a[4] };
    const b = REQUIRED_THEN_FOUND.exec(line);
    if (b?.[1] && b[2] && b[3] && b[4]) return { line, client: b[1], server: b[2], required: b[3], found: b[4] };
    const c = REQUIRED_FOUND_AFTER.exec(line);
    if (c?.[1] && c[2] && c[3]) return { line, server: c[1], required: c[2], found: c[3] };
  }
  return undefined;
}

/** URL schemes of each server, lower case, by the name the client gives it. */
const SCHEMES: Record<string, readonly string[]> = {
  redis: ['redis', 'rediss'],
  postgresql: ['postgres', 'postgresql'],
  postgres: ['postgres', 'postgresql'],
  mysql: ['mysql', 'mysql2'],
  mariadb: ['mysql', 'mariadb'],
  mongodb: ['mongodb', 'mongodb+srv'],
  rabbitmq: ['amqp', 'amqps'],
};

/** Image names of each server, by the name the client gives it (the server's own name otherwise). */
const IMAGES: Record<string, RegExp> = {
  redis: /(?:^|\/)(?:redis|redis-stack-server|valkey)(?::|@|$)/i,
  postgresql: /(?:^|\/)(?:postgres|postgresql|postgis|timescaledb(?:-ha)?)(?::|@|$)/i,
  postgres: /(?:^|\/)(?:postgres|postgresql|postgis|timescaledb(?:-ha)?)(?::|@|$)/i,
  mongodb: /(?:^|\/)(?:mongo|mongodb(?:-community-server)?)(?::|@|$)/i,
};

function imageOf(server: string): RegExp {
  const key = server.toLowerCase();
  return IMAGES[key] ?? new RegExp(`(?:^|/)${key.replace(/[^a-z0-9]/g, '')}(?::|@|$)`, 'i');
}

/**
 * The namespace Service the refusing container's address names: an env value that is a URL of the
 * server's scheme, or whose variable names the server (REDIS_URL), pointing at a Service here.
 */
export function pickServerService(container: Pick<ContainerSpecEvidence, 'env'>, requirement: ServerVersionRequirement, namespace: string): string | undefined {
  const server = requirement.server.toLowerCase();
  const schemes = SCHEMES[server] ?? [server];
  for (const e of container.env ?? []) {
    if (!('value' in e) || typeof e.value !== 'string') continue;
    const url = /^([a-z][\w+.-]*):\/\/(?:[^@/\s]*@)?([^:/?\s,]+)/i.exec(e.value);
    const host = url?.[2] ?? (new RegExp(server, 'i').test(e.name) ? /^([a-z0-9.-]+?)(?::\d+)?$/i.exec(e.value)?.[1] : undefined);
    if (host === undefined) continue;
    if (url !== null && !schemes.includes((url[1] ?? '').toLowerCase()) && !new RegExp(server, 'i').test(e.name)) continue;
    const service = findInClusterService(host, namespace);
    if (service?.namespace === namespace) return service.name;
  }
  return undefined;
}

/** For the collector: the Service of the server a crashed run's log refuses for its version (at most one). */
export function listVersionRefusedServices(ev: Pick<TriageEvidence, 'logs' | 'pods' | 'target'>): string[] {
  for (const log of ev.logs) {
    const requirement = findServerVersionRequirement(log.lines.slice(-60));
    const container = ev.pods.find((p) => p.name === log.pod)?.containers.find((c) => c.name === log.container);
    const service = requirement && container ? pickServerService(container, requirement, ev.target.namespace) : undefined;
    if (service !== undefined) return [service];
  }
  return [];
}

export interface ServerAtOldVersion {
  pod: string;
  /** "StatefulSet redis", when the pod says its owner. */
  owner?: string;
  image: string;
}

/** The server pod the evidence holds whose image is the server's, preferring one whose tag is the version found. */
export function findServerAtOldVersion(ev: Pick<TriageEvidence, 'dependencyPods' | 'downServices' | 'foreignPods'>, requirement: ServerVersionRequirement): ServerAtOldVersion | undefined {
  const pods: PodEvidence[] = [...(ev.dependencyPods ?? []).map((d) => d.pod), ...(ev.downServices ?? []).flatMap((s) => s.pods), ...(ev.foreignPods ?? []).map((f) => f.pod)];
  const image = imageOf(requirement.server);
  // "3.6 (wire version 6)": the release, not the words after it.
  const minor = /^\d+(?:\.\d+)?/.exec(requirement.found)?.[0] ?? requirement.found;
  const hits = pods.flatMap((p) => p.containers.filter((c) => image.test(c.image)).map((c) => ({ p, c })));
  const hit = hits.find((h) => new RegExp(`:${minor.replace(/\./g, '\\.')}(?:[.-]|$)`).test(h.c.image)) ?? hits[0];
  if (hit === undefined) return undefined;
  const owner = hit.p.ownerWorkload;
  return { pod: hit.p.name, image: hit.c.image, ...(owner ? { owner: `${owner.kind} ${owner.name}` } : {}) };
}

export interface ToldServerVersion {
  title: string;
  cause: string;
  action: string;
  fix: string;
  evidence: string[];
  /** The server's rollout dates it. */
  datesChange?: true;
  /** Why the client's revision is not to blame (the server outgrew its driver). */
  outside?: string;
}

/**
 * How the crash reading tells it. `serverRolled`: the server's own recent rollout
 * (server-upgrade.ts), the trigger of a server newer than the client supports.
 */
export function tellServerVersionRequirement(requirement: ServerVersionRequirement, server: ServerAtOldVersion | undefined, previousRevision: number | undefined, serverRolled?: { said: string; evidence: string }): ToldServerVersion {
  if (requirement.ceiling) return tellServerPastCeiling(requirement, server, serverRolled);
  const { client, required, found } = requirement;
  const name = requirement.server;
  const who = client ?? 'the client library';
  const where = server ? ` (${server.owner ?? `pod ${server.pod}`}, image ${server.image.replace(/^.*\//, '')})` : '';
  const target = server?.owner ?? `the ${name} server`;
  const fix = `upgrade ${target} to ${name} ${required} or later, or pin ${who} to a release that supports ${name} ${found}`;
  const back = previousRevision !== undefined ? `Roll back to revision ${previousRevision} (the ${who} before the bump)` : `Pin ${who} to a release that supports ${name} ${found}`;
  return {
    title: `: ${who} requires ${name} ${required} or greater, and the ${name} it connects to runs ${found}${where}`,
    cause: `${who} checks the server's version when it starts and refuses ${name} older than ${required}; the server it connects to runs ${found}${where}, so every start exits before doing any work. The ${name} server itself is healthy: the client's upgrade brought a requirement it does not meet.`,
    action: `${back}, or upgrade ${target} to ${name} ${required} or later; restarting the pods will not help.`,
    fix,
    evidence: [`refusal: ${requirement.line.slice(0, 200)}`, ...(server ? [`${name} server: pod ${server.pod}${server.owner ? ` of ${server.owner}` : ''}, image ${server.image}`] : [])],
  };
}

/**
 * A server newer than the client's driver supports: the server's upgrade (its rollout, when read)
 * is the change, the driver the fix; an older revision of the client carries an older driver.
 */
function tellServerPastCeiling(requirement: ServerVersionRequirement, server: ServerAtOldVersion | undefined, rolled: { said: string; evidence: string } | undefined): ToldServerVersion {
  const { required, found } = requirement;
  const name = requirement.server;
  const who = requirement.client ?? 'the client library';
  const where = server ? ` (${server.owner ?? `pod ${server.pod}`}, image ${server.image.replace(/^.*\//, '')})` : '';
  const target = server?.owner ?? `the ${name} server`;
  // "8.0 (minimum wire version 25)": the release, and what the driver read it from.
  const [, release = found, wire] = /^(\S+)(?: \((.*)\))?$/.exec(found) ?? [];
  const fix = `upgrade ${who} to a release that supports ${name} ${release}, or hold ${target} at a version ${who} supports until then`;
  return {
    // The rollout names the workload and its image change: the title says them once.
    title: `: ${who} supports at most ${name} ${required} and refuses the ${name} ${release} it connects to${wire ? ` (${wire})` : ''}${rolled ? `, since ${rolled.said}` : where}`,
    cause:
      `${who} checks each server's wire version when it connects and refuses a server newer than it supports (at most ${name} ${required}); the server it connects to runs ${found}${where}, so it selects no server and every start exits before doing any work — the driver's "no primary" is its own refusal, not the replica set's. ` +
      (rolled
        ? `The server was upgraded under the unchanged client: ${rolled.said}. That rollout is the trigger; rolling back the client does not help.`
        : `When the client did not change, the ${name} server was upgraded under it: check its own rollout history for the version change.`),
    action: `Upgrade ${who} in the client to a release that supports ${name} ${release} and redeploy; until then, roll ${target} back to its previous version if its featureCompatibilityVersion was not raised yet. Restarting or rolling back the client's pods will not help.`,
    fix,
    evidence: [`refusal: ${requirement.line.slice(0, 200)}`, ...(server ? [`${name} server: pod ${server.pod}${server.owner ? ` of ${server.owner}` : ''}, image ${server.image}`] : []), ...(rolled ? [rolled.evidence] : [])],
    ...(rolled ? { datesChange: true as const } : {}),
    outside: `${target} runs a release newer than the client's driver supports; any revision with that driver is refused the same way`,
  };
}
