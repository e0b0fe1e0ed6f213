/**
 * A Kafka consumer whose committed position fell below the log start of its partitions (the
 * brokers deleted the segments under it: retention shorter than its lag) and that then reset to
 * the END of the log (auto.offset.reset=latest): every record between its position and the end
 * was skipped, silently — the client logs it at INFO/WARN, the pods stay Ready. A single reset at
 * the first start of a new group is by design; this reads only positions the group had.
 * Pure: reads the workload's logs and its template's env.
 */
import type { ContainerSpecEvidence, LogEvidence } from './evidence-pod.js';
import type { IsoTime } from './evidence-spec.js';
import { readLineTime } from './request-silence.js';
import { earliest } from './time-span.js';

/** The client saying its position is out of range, in each client's words; [1] the partition or topic, [2] the partition number, [3] the position. */
const OUT_OF_RANGE: readonly RegExp[] = [
  // Java: "Fetch position FetchPosition{offset=4118000, …} is out of range for partition usage-3, resetting offset".
  /Fetch position FetchPosition\{offset=(\d+)[^}]*\}+ is out of range for partition ([\w.-]+-\d+)/,
  // Older Java: "Fetch offset 4118000 is out of range for partition usage-3, resetting offset".
  /Fetch offset (\d+) is out of range for partition ([\w.-]+-\d+)/,
];
/** librdkafka: "usage [3]: offset reset (at offset 4118000 (leader epoch 9), broker 1) to END: fetch failed due to requested offset not available on the broker: Broker: Offset out of range". */
const RDKAFKA_RESET = /([\w.-]+) \[(\d+)\]: (?:fetch )?offset reset \(at offset (\d+)[^)]*\)?[^)]*\) to (END|offset END|LATEST|BEGINNING|offset BEGINNING)[^\n]*(?:Offset out of range|not available)/i;
/** Java: where the client then starts. */
const RESET_TO = /Resetting offset for partition ([\w.-]+-\d+) to (?:position FetchPosition\{offset=|offset )(\d+)/;
/** The reset policy as the Java client prints its ConsumerConfig, or a librdkafka/Spring property. */
const POLICY = /auto[._-]offset[._-]reset\s*[=:]\s*['"]?(\w+)/i;
const ENV_POLICY = /AUTO_OFFSET_RESET$|^AUTO_OFFSET_RESET|auto\.offset\.reset/i;
const GROUP = /groupId=([\w.-]+)|group\.id\s*=\s*([\w.-]+)/;

export interface OutOfRangeReset {
  group?: string;
  /** Partitions whose position was out of range ("topic-3"). */
  partitions: string[];
  /** auto.offset.reset as the logs or the template's env say; 'latest' when the client logged a reset to the end. */
  policy?: string;
  /** Where the policy was read. */
  policyFrom?: string;
  /** Records skipped: the reset position minus the out-of-range one, summed over the partitions the client logged both for. */
  skipped?: number;
  pods: string[];
  /** The client's line, without stamp and logger. */
  quote: string;
  at?: IsoTime;
}

function shorten(line: string): string {
  const t = line.trim();
  return (/\s:\s(.+)$/.exec(t)?.[1] ?? t).replace(/^\[Consumer [^\]]*\]\s*/, '').replace(/^%\d\|[^|]*\|[^|]*\|[^:]*:\s*/, '').trim();
}

function policyFromEnv(containers: readonly ContainerSpecEvidence[]): { policy: string; from: string } | undefined {
  for (const c of containers) {
    for (const e of c.env ?? []) {
      if ('value' in e && ENV_POLICY.test(e.name)) return { policy: e.value.trim().toLowerCase(), from: `env ${e.name}=${e.value}` };
    }
  }
  return undefined;
}

/** The out-of-range resets a consumer logged, and what it skipped when it reset to the end. */
export function findOutOfRangeReset(logs: readonly LogEvidence[], containers: readonly ContainerSpecEvidence[] = []): OutOfRangeReset | undefined {
  const from = new Map<string, number>();
  const to = new Map<string, number>();
  const toEnd = new Set<string>();
  const pods = new Set<string>();
  const stamps: (IsoTime | undefined)[] = [];
  let quote: string | undefined;
  let logged: string | undefined;
  let group: string | undefined;
  for (const log of logs) {
    for (const line of log.lines) {
      logged ??= POLICY.exec(line)?.[1]?.toLowerCase();
      let partition: string | undefined;
      let position: number | undefined;
      const java = OUT_OF_RANGE.map((re) => re.exec(line)).find((m) => m !== null);
      if (java) {
        partition = java[2];
        position = Number(java[1]);
      } else {
        const rd = RDKAFKA_RESET.exec(line);
        if (rd) {
          partition = `${rd[1] ?? ''}-${rd[2] ?? ''}`;
          position = Number(rd[3]);
          if (/END|LATEST/i.test(rd[4] ?? '')) toEnd.add(partition);
        }
      }
      if (partition !== undefined && position !== undefined) {
        if (!from.has(partition)) from.set(partition, position);
        pods.add(log.pod);
        quote ??= shorten(line);
        stamps.push(readLineTime(line));
        const g = GROUP.exec(line);
        group ??= g?.[1] ?? g?.[2];
        continue;
      }
      const reset = RESET_TO.exec(line);
      if (reset?.[1] !== undefined && from.has(reset[1]) && !to.has(reset[1])) to.set(reset[1], Number(reset[2]));
    }
  }
  if (from.size === 0 || quote === undefined) return undefined;
  const env = policyFromEnv(containers);
  const moved = [...to].filter(([p, n]) => n > (from.get(p) ?? n));
  const policy = logged ?? env?.policy ?? (toEnd.size > 0 ? 'latest' : undefined);
  const policyFrom = logged !== undefined ? 'the consumer config it logged' : env !== undefined ? env.from : toEnd.size > 0 ? 'the client logged a reset to END' : undefined;
  const skipped = moved.length > 0 ? moved.reduce((s, [p, n]) => s + n - (from.get(p) ?? n), 0) : undefined;
  const at = earliest(stamps);
  return {
    ...(group !== undefined ? { group } : {}),
    partitions: [...from.keys()].sort((a, b) => a.localeCompare(b, 'en', { numeric: true })),
    ...(policy !== undefined ? { policy } : {}),
    ...(policyFrom !== undefined ? { policyFrom } : {}),
    ...(skipped !== undefined ? { skipped } : {}),
    pods: [...pods],
    quote,
    ...(at !== undefined ? { at } : {}),
  };
}
