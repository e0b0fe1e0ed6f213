/**
 * Which Spring Boot actuator health component is DOWN, from the app's own log. A readiness (or
 * health) endpoint that answers 503 aggregates several checks; the kubelet only sees the status.
 * Spring logs the failing one: DiskSpaceHealthIndicator warns "Free disk space below threshold.
 * Available: N bytes (threshold: M)" on every check, and every other indicator (AbstractHealthIndicator)
 * warns "<Name> health check failed" from its own logger, with the exception after it. The
 * component named there — not a guess at "a dependency" — is what makes the pods unready.
 */
import type { LogEvidence } from './evidence.js';

/** DiskSpaceHealthIndicator's warning (Spring Boot 1.x–3.x). */
const DISK_LOW = /Free disk space below threshold\.?\s*Available: (\d+) bytes \(threshold: ([^)]+)\)/i;
/** AbstractHealthIndicator's warning, from the indicator's own logger: "o.s.b.a.jdbc.DataSourceHealthIndicator : DataSource health check failed". */
const CHECK_FAILED = /\b([A-Z]\w*?)(?:Reactive)?HealthIndicator\b[^\n]*?\bhealth check failed\b/;
/** How far back a log's warnings count: the newest say what is DOWN now. */
const RECENT_LINES = 400;

export interface DownHealthComponent {
  /** The actuator component name as a health group lists it: diskSpace, db, redis, mongo… */
  component: string;
  /** The indicator's warning, trimmed to its message. */
  line: string;
  /** diskSpace only: the free bytes it measured and the threshold as configured. */
  availableBytes?: number;
  threshold?: string;
}

/** The newest DOWN component the current logs name; undefined when none does. */
export function findDownHealthComponent(logs: readonly LogEvidence[]): DownHealthComponent | undefined {
  let found: DownHealthComponent | undefined;
  for (const log of logs.filter((l) => !l.previous)) {
    for (const raw of log.lines.slice(-RECENT_LINES)) {
      const hit = readLine(raw);
      // The last one wins: the newest warning says what is DOWN now.
      if (hit !== undefined) found = hit;
    }
  }
  return found;
}

function readLine(raw: string): DownHealthComponent | undefined {
  const disk = DISK_LOW.exec(raw);
  if (disk) {
    return { component: 'diskSpace', line: messageOf(raw, disk.index), availableBytes: Number(disk[1]), threshold: disk[2]?.trim() ?? '' };
  }
  const failed = CHECK_FAILED.exec(raw);
  if (failed?.[1]) {
    return { component: componentName(failed[1]), line: messageOf(raw, Math.max(0, raw.search(/\S*\s*health check failed/i))) };
  }
  return undefined;
}

/** The indicator's class name as the component Spring registers: DataSource → db, DiskSpace → diskSpace, Redis → redis. */
function componentName(indicator: string): string {
  if (indicator === 'DataSource') return 'db';
  return `${indicator[0]?.toLowerCase() ?? ''}${indicator.slice(1)}`;
}

/** The log message from where the match begins, without the timestamp, level and logger before it. */
function messageOf(raw: string, index: number): string {
  return raw.slice(index).trim().replace(/["}\s]+$/, '').slice(0, 200);
}

/** "536310000" as "511 MiB"; "536870912B" as "512 MiB"; other thresholds ("512MB") as written. */
export function formatBytes(value: number | string): string {
  const bytes = typeof value === 'number' ? value : /^\d+B?$/i.test(value) ? Number(value.replace(/B$/i, '')) : undefined;
  if (bytes === undefined) return String(value);
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(1)} GiB`;
  return `${Math.floor(bytes / 1024 ** 2)} MiB`;
}
