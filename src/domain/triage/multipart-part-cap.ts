/**
 * A multipart upload to S3 (and the stores that speak its API: MinIO, Ceph RGW, R2) takes at most
 * 10,000 parts. An uploader that streams with a fixed part size therefore caps the object at
 * 10,000 × that size, and once the data outgrows it every attempt fails at part 10,001 ("Part
 * number must be an integer between 1 and 10000"; the Go SDK's uploader refuses earlier with
 * "exceeded total allowed configured MaxUploadParts (10000)"). Nothing is wrong with the bucket
 * or the way to it, and a retry fails the same way: the part size is what to change
 * — larger, or derived from the expected size. The part size is read where it is set: the
 * container's env, its command line, or the uploader's own log.
 */
import type { EnvVarEvidence } from './evidence.js';

/** The most parts one multipart upload may have. */
export const MAX_PARTS = 10_000;

const REFUSED = /Part number must be an integer between 1 and 10,?000|MaxUploadParts \(10,?000\)/i;

/** An env var that sets a multipart part size: PART_SIZE, S3_CHUNK_SIZE_MB, MULTIPART_CHUNKSIZE. */
const SIZE_ENV = /(?:^|_)(?:PART|CHUNK|MULTIPART_CHUNK)_?SIZE(?:_(KB|KIB|MB|MIB|GB|GIB))?$|^MULTIPART_?CHUNKSIZE$/i;
/** A command-line flag that sets it: --part-size 64MiB, --multipart-chunk-size-mb=15, --multipart-chunksize 8MB. */
const SIZE_FLAG = /--(?:part-size|multipart-chunk-?size)(-mb)?[= ](\S+)/i;
/** The uploader's own words: "part_size=16777216", "part size: 8388608". */
const SIZE_LOGGED = /\bpart[_ -]?size\s*[=:]\s*(\d+)\b/i;

const UNIT: Record<string, number> = { '': 1, b: 1, k: 2 ** 10, kb: 2 ** 10, kib: 2 ** 10, ki: 2 ** 10, m: 2 ** 20, mb: 2 ** 20, mib: 2 ** 20, mi: 2 ** 20, g: 2 ** 30, gb: 2 ** 30, gib: 2 ** 30, gi: 2 ** 30 };

export interface PartCap {
  /** The refusal, trimmed. */
  line: string;
  /** The part size in bytes and where it is set ("env PART_SIZE=16777216"), when it could be read. */
  partSize?: { bytes: number; source: string };
}

/** S3's smallest part (but the last): a smaller value is not a part size (a batch size in rows, say). */
const MIN_PART = 5 * 2 ** 20;

/** "16777216" or "64MiB" in bytes; `unit` is the one a name says (…_MB), else bytes. */
function toBytes(value: string, unit = ''): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(value);
  const factor = m ? UNIT[(m[2] || unit).toLowerCase()] : undefined;
  if (!m || factor === undefined) return undefined;
  const bytes = Number(m[1]) * factor;
  return bytes >= MIN_PART ? Math.round(bytes) : undefined;
}

function fromEnv(env: readonly EnvVarEvidence[]): PartCap['partSize'] {
  for (const e of env) {
    if (!('value' in e)) continue;
    const m = SIZE_ENV.exec(e.name);
    const bytes = m ? toBytes(e.value, m[1] ?? '') : undefined;
    if (bytes !== undefined) return { bytes, source: `env ${e.name}=${e.value}` };
  }
  return undefined;
}

function fromCommand(command: readonly string[]): PartCap['partSize'] {
  for (const part of command) {
    const m = SIZE_FLAG.exec(part);
    const bytes = m ? toBytes(m[2] ?? '', m[1] ? 'mb' : '') : undefined;
    if (m && bytes !== undefined) return { bytes, source: `flag ${m[0]}` };
  }
  return undefined;
}

function fromLog(lines: readonly string[]): PartCap['partSize'] {
  for (const line of lines) {
    const m = SIZE_LOGGED.exec(line);
    if (m && Number(m[1]) >= MIN_PART) return { bytes: Number(m[1]), source: `the log's ${m[0]}` };
  }
  return undefined;
}

/** The refusal in a log, with the part size the container uploads with when its env, command or log says it. */
export function findPartCap(lines: readonly string[], container: { env?: readonly EnvVarEvidence[]; command?: readonly string[]; args?: readonly string[] } = {}): PartCap | undefined {
  const line = [...lines].reverse().find((l) => REFUSED.test(l));
  if (line === undefined) return undefined;
  const partSize = fromEnv(container.env ?? []) ?? fromCommand([...(container.command ?? []), ...(container.args ?? [])]) ?? fromLog(lines);
  return { line: line.trim(), ...(partSize ? { partSize } : {}) };
}

/** "5 MiB", "48.8 GiB": sizes the way an uploader's settings are written. */
function formatSize(bytes: number): string {
  for (const [unit, size] of [['TiB', 2 ** 40], ['GiB', 2 ** 30], ['MiB', 2 ** 20], ['KiB', 2 ** 10]] as const) {
    if (bytes >= size) {
      const v = bytes / size;
      return `${Number.isInteger(v) ? v : v.toFixed(1)} ${unit}`;
    }
  }
  return `${bytes} B`;
}

export function tellPartCap(found: PartCap): { clause: string; cause: string; fix: string; evidence: string[] } {
  const size = found.partSize;
  const cap = size ? `${MAX_PARTS.toLocaleString('en-US')} × ${formatSize(size.bytes)} ≈ ${formatSize(size.bytes * MAX_PARTS)}` : undefined;
  const where = size ? ` (${size.source}: ${formatSize(size.bytes)} parts)` : '';
  return {
    clause: `a multipart upload takes at most ${MAX_PARTS.toLocaleString('en-US')} parts, and its fixed part size${where} caps the object${cap ? ` at ${cap}` : ''}: the data outgrew it`,
    cause: `S3 (and every store that speaks its API) accepts at most ${MAX_PARTS.toLocaleString('en-US')} parts in one multipart upload. The uploader streams with a fixed part size${where}, so the largest object it can write is ${cap ?? `${MAX_PARTS.toLocaleString('en-US')} × the part size`}; the data has grown past that, and every attempt fails at the same part. Nothing is wrong with the bucket or the way to it, and a retry fails the same way.`,
    fix: `raise the part size${size?.source.startsWith('env ') ? ` (${size.source.slice(4).split('=')[0] ?? ''})` : ''}, or derive it from the expected size (size ÷ ${MAX_PARTS.toLocaleString('en-US')}, rounded up, with room to grow)`,
    evidence: [`${found.line}: at most ${MAX_PARTS.toLocaleString('en-US')} parts per upload${size ? `; part size ${formatSize(size.bytes)} from ${size.source}, so at most ${formatSize(size.bytes * MAX_PARTS)}` : ''}`],
  };
}
