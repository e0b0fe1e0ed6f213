// etcd refuses writes once its backend database reaches --quota-backend-bytes (2 GiB by default):
// it raises the cluster-wide NOSPACE alarm and answers every put, txn and lease grant with
// "etcdserver: mvcc: database space exceeded" while reads, /health and /readyz still answer, so
// its pods and its clients' pods stay Ready. The database keeps every revision of every key until
// something compacts it, so a server started without --auto-compaction-retention fills its quota
// with the history of keys rewritten often (heartbeats, sessions, leases), whatever the live data's
// size. What decides it is on the server: its quota and whether it compacts, and the alarm it logged.
import type { PodEvidence } from './evidence-pod.js';
import type { EnvVarEvidence } from './evidence-spec.js';
import { formatBytes } from './quantity.js';
import type { ServerExplanation } from './server-explanation.js';

/**
 * The refusal as clients and the server word it: the gRPC error a client gets (ErrGRPCNoSpace),
 * the server's own apply error (ErrNoSpace) and the alarm as `etcdctl alarm list` prints it.
 */
export const ETCD_NOSPACE = /\bmvcc: database space exceeded\b|\betcdserver: no space\b|\balarm:NOSPACE\b/;

/** Whether a line carries etcd's refusal: a failed write, whatever level the client logs it at. */
export function isEtcdNoSpace(line: string): boolean {
  return ETCD_NOSPACE.test(line);
}

/**
 * The alarm as the members log it when it is raised: zap JSON (etcd 3.4+, `"msg":"alarm raised",
 * "alarm":"NOSPACE","from":"<member id>"`) or capnslog (3.3: `alarm NOSPACE raised by peer <id>`).
 */
export const ETCD_NOSPACE_ALARM: ServerExplanation = {
  pattern: /"ts":"([^"]+)"[^\n]*"msg":"alarm raised"[^\n]*"alarm":"NOSPACE"|^(\d{4}-\d\d-\d\d[ T]\d\d:\d\d)\S* W \| etcdserver: alarm NOSPACE raised by peer/,
  describe: (m) => {
    const when = formatAlarmTime(m[1] ?? m[2]);
    return { said: `its members raised the NOSPACE alarm${when ? ` at ${when}` : ''}, which holds until disarmed` };
  },
  // Each member applies the alarm through raft and logs it.
  everyMember: true,
};

/** "2026-11-21T01:37:12.345Z" → "2026-11-21 01:37 UTC"; an offset other than Z is kept as written. */
function formatAlarmTime(ts: string | undefined): string | undefined {
  const m = /^(\d{4}-\d\d-\d\d)[ T](\d\d:\d\d)(?::[\d.]+)?(Z|[+-]\d\d:?\d\d)?$/.exec(ts ?? '');
  if (!m) return undefined;
  return `${m[1] ?? ''} ${m[2] ?? ''}${m[3] === 'Z' ? ' UTC' : m[3] ? ` ${m[3]}` : ''}`;
}

/** etcd's default --quota-backend-bytes (DefaultQuotaBytes). */
const DEFAULT_QUOTA = 2 * 2 ** 30;

/** etcd reads every flag from its command line or from ETCD_<FLAG> in its environment. */
function envNameOf(flag: string): string {
  return `ETCD_${flag.toUpperCase().replace(/-/g, '_')}`;
}

/** `--flag=value`, `--flag value` or a literal ETCD_FLAG env value; null when neither is there. */
function readFlag(words: readonly string[], env: readonly EnvVarEvidence[], flag: string): string | null {
  for (let i = 0; i < words.length; i++) {
    const w = words[i] ?? '';
    if (w.startsWith(`--${flag}=`)) return w.slice(flag.length + 3);
    const next = words[i + 1];
    if (w === `--${flag}` && next !== undefined && !next.startsWith('--')) return next;
  }
  const e = env.find((x) => x.name === envNameOf(flag));
  return e && 'value' in e ? e.value : null;
}

/** "268435456 (256Mi)": bytes as written, and as people read them. */
function formatQuota(value: string): string {
  const n = Number(value);
  return Number.isFinite(n) && n > 0 ? `${value} (${formatBytes(n)})` : value;
}

/**
 * The quota and compaction an etcd pod was started with, from its command, args and literal env.
 * Undefined when no container runs etcd, or when its settings may come from elsewhere (a
 * --config-file, env from a ConfigMap or Secret, an env reference) — then absence proves nothing.
 */
export function readEtcdSettings(pod: PodEvidence): { said: string; evidence: string } | undefined {
  const c = pod.containers.find((x) => /\betcd\b/.test([x.image, ...(x.command ?? []), ...(x.args ?? [])].join(' ')));
  if (!c) return undefined;
  const words = [...(c.command ?? []), ...(c.args ?? [])].flatMap((w) => w.split(/\s+/)).filter((w) => w !== '');
  const env = c.env ?? [];
  const elsewhere = (c.envFrom ?? []).length > 0 || readFlag(words, env, 'config-file') !== null || env.some((e) => e.name.startsWith('ETCD_') && !('value' in e));
  if (elsewhere) return undefined;
  const quota = readFlag(words, env, 'quota-backend-bytes');
  const retention = readFlag(words, env, 'auto-compaction-retention');
  const mode = readFlag(words, env, 'auto-compaction-mode');
  const quotaSaid = quota !== null ? `--quota-backend-bytes ${formatQuota(quota)}` : `no --quota-backend-bytes (the default ${formatBytes(DEFAULT_QUOTA)} quota)`;
  // "0" (or "0s", "0h") is etcd's "off": the same as leaving the flag out.
  const compacts = retention !== null && !/^0+(\.0+)?[smh]?$/.test(retention.trim());
  const compactionSaid = compacts ? `--auto-compaction-retention ${retention}${mode !== null ? ` (${mode})` : ''}` : retention === null ? 'no --auto-compaction-retention' : `--auto-compaction-retention ${retention} (off)`;
  const means = compacts ? '' : ': nothing compacts its revision history, so every rewrite of a key stays in the database';
  return { said: `${quotaSaid}, ${compactionSaid}`, evidence: `${pod.name} runs ${c.name} with ${quotaSaid} and ${compactionSaid}${means}` };
}
