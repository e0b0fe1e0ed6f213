/**
 * What a RabbitMQ broker's own log says while it blocks publishers: the resource alarm it raised,
 * and the clients whose connections closed before it and never came back (a consumer that stopped
 * lets its queue pile up in the broker's memory or disk).
 */
import type { LogEvidence } from './evidence.js';
import { formatBytes } from './quantity.js';
import { formatAgo } from './time-span.js';

const ALARM = /(memory|disk) resource limit alarm set|vm_memory_high_watermark set[^\n]*|disk_free_limit[^\n]*alarm/i;
const CLEARED = /resource limit alarm cleared/i;
const CLOSED = /closing AMQP connection[^\n]*\buser: '([^']+)'/;
const OPENED = /user '([^']+)' authenticated/;
/** The node named in the alarm line: "rabbit@rabbitmq-1.rabbitmq-nodes.orders.svc…" — its first DNS label is the pod. */
const ALARM_NODE = /alarm set on node '?[^@\s']+@([a-z0-9]([-a-z0-9]*[a-z0-9])?)/i;
/**
 * The disk monitor's reading when free space fell below the limit, in the wordings of RabbitMQ
 * 3.x ("Free disk space is insufficient. Free bytes: N. Limit: M") and later ("Free disk space is
 * 48 MiB (N bytes). Limit is 50 MiB (M bytes)").
 */
const DISK_READING = [
  /Free disk space is insufficient\. Free bytes: ?(\d+)\. Limit: ?(\d+)/i,
  /Free disk space is [^(\n]*\((\d+) bytes\)\. Limit is [^(\n]*\((\d+) bytes\)/i,
];
/** RabbitMQ's own timestamp: "2026-11-21 02:40:12.345678+00:00". */
const STAMP = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})(\.\d+)?(Z|[+-]\d{2}:?\d{2})?/;

export interface BrokerAlarm {
  /** The alarm line, as logged. */
  alarm: string;
  /** The broker pod whose node raised it (from 'rabbit@<pod>.<service>…'), when the line names one. */
  node?: string;
  /** Its disk monitor's last reading below the limit, in any broker log read: "free 48Mi, limit 50Mi = 52428800 bytes". */
  disk?: { said: string; line: string };
  /** Clients whose last connection line is a close before the alarm: "invoice-worker, 3h ago". */
  gone: { user: string; ago?: string }[];
}

function timeOf(line: string): string | undefined {
  const m = STAMP.exec(line.trim());
  if (!m) return undefined;
  const zone = m[4] === undefined || m[4] === 'Z' ? 'Z' : m[4].replace(/^([+-]\d{2})(\d{2})$/, '$1:$2');
  const ms = Date.parse(`${m[1]}T${m[2]}${(m[3] ?? '').slice(0, 4)}${zone}`);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

/** The alarm still set in one of the broker's logs, and who left before it; undefined when none is set. */
export function findBrokerAlarm(logs: readonly LogEvidence[], now: string): BrokerAlarm | undefined {
  for (const log of logs) {
    const at = log.lines.findLastIndex((l) => ALARM.test(l));
    if (at < 0 || log.lines.slice(at + 1).some((l) => CLEARED.test(l))) continue;
    const last = new Map<string, { closed: boolean; line: string }>();
    for (const line of log.lines.slice(0, at)) {
      const closed = CLOSED.exec(line)?.[1];
      const opened = OPENED.exec(line)?.[1];
      if (closed) last.set(closed, { closed: true, line });
      else if (opened) last.set(opened, { closed: false, line });
    }
    // Reconnected after the alarm: not gone.
    for (const line of log.lines.slice(at + 1)) {
      const opened = OPENED.exec(line)?.[1];
      if (opened) last.delete(opened);
    }
    const gone = [...last].filter(([, v]) => v.closed).map(([user, v]) => {
      const t = timeOf(v.line);
      return t ? { user, ago: formatAgo(t, now) } : { user };
    });
    const alarm = (log.lines[at] ?? '').trim().replace(/^\S+ \S+ \[\w+\] <[\d.]+> /, '');
    const node = ALARM_NODE.exec(alarm)?.[1];
    const disk = /^disk\b/i.test(alarm) ? findDiskReading(logs) : undefined;
    return { alarm, ...(node ? { node } : {}), ...(disk ? { disk } : {}), gone };
  }
  return undefined;
}

/** The last reading of free disk below the limit in the broker logs read. */
function findDiskReading(logs: readonly LogEvidence[]): { said: string; line: string } | undefined {
  for (const log of logs) {
    for (const raw of [...log.lines].reverse()) {
      const m = DISK_READING.map((re) => re.exec(raw)).find((x) => x !== null);
      if (!m) continue;
      const free = Number(m[1]);
      const limit = Number(m[2]);
      return { said: `free ${formatBytes(free)}, limit ${formatBytes(limit)} = ${limit} bytes`, line: raw.trim().replace(/^\S+ \S+ \[\w+\] <[\d.]+> /, '') };
    }
  }
  return undefined;
}
