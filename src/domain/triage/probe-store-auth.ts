/**
 * An exec probe that runs a data store's own client (`redis-cli ping`, `mysqladmin ping`, `psql -c
 * 'select 1'`) and is refused by the store's authentication: Redis answers `NOAUTH Authentication
 * required.`, MySQL `Access denied for user …`. The store is up and answering; it requires a
 * password (Redis requirepass or an ACL user, a MySQL account's password) that the probe's
 * command does not give, so every probe fails and the kubelet kills a healthy server. Restarting
 * changes nothing; the probe must authenticate (the client's password env var from the Secret
 * that holds the password) or check the port with tcpSocket instead.
 */
import type { ContainerSpecEvidence, ProbeEvidence } from './evidence.js';
import type { ProbeMiss } from './probe-miss.js';
import type { ServerConfigOrigin } from './server-config-origin.js';

/** no-password: the client gave none; wrong: it gave one the store refuses; no-permission: its user may not run the command. */
type Refusal = 'no-password' | 'wrong' | 'no-permission';

interface StoreClient {
  /** The client's invocation in the probe's command, from its name to the end of that command. */
  invocation: RegExp;
  /** The store's name by the client's: valkey-cli → Valkey. */
  store: (client: string) => string;
  /** How the store refuses, and which refusal it is. */
  refusals: readonly { answer: RegExp; refusal: Refusal }[];
  /** Flags of the client that pass a password or a credentials file. */
  authFlags: RegExp;
  /** Env vars the client reads a password from. */
  authEnv: (client: string) => readonly string[];
  /** What the store requires, told after "requires". */
  requirement: string;
  defaultPort: number;
  /** Another way to authenticate, told after the env var: "or redis-cli -a". */
  orFlag: (client: string) => string;
}

const STORES: readonly StoreClient[] = [
  {
    invocation: /\b(redis-cli|valkey-cli|keydb-cli)\b[^;|&)\n]*/,
    store: (c) => (c.startsWith('valkey') ? 'Valkey' : c.startsWith('keydb') ? 'KeyDB' : 'Redis'),
    refusals: [
      { answer: /\bNOAUTH\b[^\n]*/, refusal: 'no-password' },
      { answer: /\bWRONGPASS\b[^\n]*/, refusal: 'wrong' },
      { answer: /\bNOPERM\b[^\n]*/, refusal: 'no-permission' },
    ],
    authFlags: /(?:^|\s)(?:-a|--pass|--user|--askpass)(?:\s|=|$)|-u\s+\S*:\S+@/,
    // valkey-cli reads VALKEYCLI_AUTH and still honours REDISCLI_AUTH.
    authEnv: (c) => (c.startsWith('valkey') ? ['VALKEYCLI_AUTH', 'REDISCLI_AUTH'] : ['REDISCLI_AUTH']),
    requirement: 'a password (requirepass or an ACL user)',
    defaultPort: 6379,
    orFlag: (c) => `or ${c} -a`,
  },
  {
    invocation: /\b(mysqladmin|mariadb-admin|mysql|mariadb)\b[^;|&)\n]*/,
    store: (c) => (c.startsWith('mariadb') ? 'MariaDB' : 'MySQL'),
    refusals: [
      { answer: /Access denied for user [^\n]*\(using password: NO\)/, refusal: 'no-password' },
      { answer: /Access denied for user [^\n]*/, refusal: 'wrong' },
    ],
    authFlags: /(?:^|\s)(?:-p\S*|--password\b|--defaults(?:-extra)?-file\b|--login-path\b)/,
    authEnv: () => ['MYSQL_PWD'],
    requirement: "a password for the probe's user",
    defaultPort: 3306,
    orFlag: () => 'or --defaults-extra-file from a mounted Secret',
  },
  {
    invocation: /\b(psql)\b[^;|&)\n]*/,
    store: () => 'PostgreSQL',
    refusals: [
      { answer: /fe_sendauth: no password supplied[^\n]*/, refusal: 'no-password' },
      { answer: /password authentication failed for user[^\n]*/, refusal: 'wrong' },
    ],
    authFlags: /postgres(?:ql)?:\/\/[^:@\s]+:[^@\s]+@|(?:^|\s)(?:password=)/,
    authEnv: () => ['PGPASSWORD', 'PGPASSFILE'],
    requirement: "a password for the probe's role",
    defaultPort: 5432,
    orFlag: () => 'or probe with pg_isready, which needs no login',
  },
];

/** The store client an exec probe runs and the store's refusal in the probe's output; undefined when either is missing. */
export function findStoreRefusal(probe: ProbeEvidence | undefined, messages: string): { client: StoreClient; name: string; invocation: string; refusal: Refusal; answer: string } | undefined {
  if (probe?.type !== 'exec' || probe.command === undefined) return undefined;
  for (const client of STORES) {
    const m = client.invocation.exec(probe.command);
    if (m === null) continue;
    for (const { answer, refusal } of client.refusals) {
      const a = answer.exec(messages);
      if (a !== null) return { client, name: m[1] ?? '', invocation: m[0].trim(), refusal, answer: a[0].trim().slice(0, 160) };
    }
  }
  return undefined;
}

/** `$VAR` or `${VAR}` a password flag reads that the container's env does not set (envFrom may: then undefined). */
function findUnsetPasswordVar(invocation: string, spec: Pick<ContainerSpecEvidence, 'env' | 'envFrom'>): string | undefined {
  if ((spec.envFrom ?? []).length > 0) return undefined;
  const names = new Set((spec.env ?? []).map((e) => e.name));
  const vars = [...invocation.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?/g)].map((m) => m[1] ?? '');
  return vars.find((v) => !names.has(v) && /PASS|AUTH|PWD|SECRET/i.test(v));
}

/** The Secret the container already takes a password from (`REDIS_PASSWORD` from Secret redis-auth, key password), for the fix. */
function findPasswordSecret(spec: Pick<ContainerSpecEvidence, 'env'>): string | undefined {
  for (const e of spec.env ?? []) {
    if ('ref' in e && e.ref.kind === 'secret' && e.ref.name !== undefined && /PASS|AUTH|PWD/i.test(e.name)) {
      return `Secret ${e.ref.name}${e.ref.key ? ` (key ${e.ref.key})` : ''}, where ${e.name} comes from`;
    }
  }
  return undefined;
}

/** The probe's port for a tcpSocket check: the store's default when the container declares it, else its first port. */
function storePort(client: StoreClient, spec: Pick<ContainerSpecEvidence, 'ports'>): number {
  const ports = spec.ports.map((p) => p.containerPort);
  return ports.includes(client.defaultPort) || ports.length === 0 ? client.defaultPort : (ports[0] ?? client.defaultPort);
}

/**
 * Why an exec probe of a store's client fails on the store's authentication, with what the
 * revision changed in how the server is configured when that is known (`origin`). Undefined
 * unless the probe runs a known client and its output carries the store's refusal.
 */
export function explainUnauthenticatedProbe(
  probe: ProbeEvidence | undefined,
  spec: Pick<ContainerSpecEvidence, 'name' | 'ports' | 'env' | 'envFrom'>,
  messages: string,
  probeName: string,
  origin?: ServerConfigOrigin,
): ProbeMiss | undefined {
  const found = findStoreRefusal(probe, messages);
  if (found === undefined) return undefined;
  const { client, name, invocation, refusal, answer } = found;
  const store = client.store(name);
  const envVars = client.authEnv(name);
  const passesEnv = (spec.env ?? []).some((e) => envVars.includes(e.name));
  const authenticates = passesEnv || client.authFlags.test(invocation);
  const unset = authenticates && !passesEnv ? findUnsetPasswordVar(invocation, spec) : undefined;
  const since = origin ? ` since revision ${origin.revision}, which ${origin.told} (the likely source; its contents are not read)` : '';
  const cmd = `\`${invocation}\``;

  let scope: string;
  let why: string;
  if (refusal === 'no-permission') {
    scope = `its ${cmd} is refused by ${store}'s ACL (NOPERM)`;
    why = `the ${probeName} probe's ${cmd} logs in as an ACL user that may not run its command${since}: ${store} answers "${answer}". ${store} is up; only the probe's user lacks the permission`;
  } else if (refusal === 'wrong' || (authenticates && unset === undefined)) {
    scope = `${store} refuses the password its ${cmd} gives`;
    why = `the ${probeName} probe's ${cmd} passes a password that is not the server's current one${since}: ${store} answers "${answer}". ${store} is up; only the probe's login fails`;
  } else {
    const gives = unset !== undefined ? `passes $${unset}, which the container's env does not set, so it sends no password` : 'sends no password';
    scope = `its ${cmd} does not authenticate, and ${store} requires ${client.requirement.replace(/ \(.*$/, '')}`;
    why = `the ${probeName} probe's ${cmd} ${gives}, while ${store} requires ${client.requirement}${since}: it answers "${answer}". ` +
      `${store} itself is up and answering; every probe is refused, so the kubelet kills a healthy server`;
  }
  const secret = findPasswordSecret(spec) ?? 'the Secret that holds the password';
  const port = storePort(client, spec);
  const fix = `make the ${probeName} probe authenticate — ${envVars[0] ?? 'the password env var'} in ${spec.name}'s env from ${secret} (secretKeyRef) ${client.orFlag(name)} — or probe with tcpSocket on :${port}`;
  const rollback = origin && refusal === 'no-password' ? `; rolling back to revision ${origin.previous} would also drop the password requirement the revision brought, so fix the probe first` : '';
  return {
    scope,
    why,
    fix,
    action: `${fix.charAt(0).toUpperCase()}${fix.slice(1)}. Restarting will not help: every new container is refused the same way${rollback}.`,
    ...(origin && refusal === 'no-password' ? { rollbackUndoes: 'drop the password requirement it brought' } : {}),
  };
}
