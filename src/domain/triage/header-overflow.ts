/**
 * A server refusing requests whose headers pass its size limit, before any handler runs: Node's
 * HTTP parser (llhttp) stops at 16 KiB by default with HPE_HEADER_OVERFLOW and answers 431 Request
 * Header Fields Too Large; Tomcat stops at 8 KB ("Request header is too large") and answers 400.
 * Each refusal is a 4xx, so it reads like a client's mistake; many of them mean that what callers
 * send grew past the limit: usually a cookie (a new one, or one grown by a caller's release) that
 * a front end forwards with every request. The pods stay ready: their probes send small headers.
 */
import type { ContainerSpecEvidence, IsoTime, LogEvidence, PodEvidence } from './evidence.js';
import { readLineTime } from './request-silence.js';

/** Refusals it takes to call it a limit the traffic keeps meeting, not one odd client. */
export const MIN_OVERFLOWS = 3;

interface ServerLimit {
  server: 'node' | 'tomcat';
  /** The server's own words for the refusal. */
  refusal: RegExp;
  /** Its default limit, in bytes. */
  defaultBytes: number;
  /** How the default is named: "Node's default 16 KiB (16384 bytes)". */
  defaultText: string;
  /** The setting that raises it, as the command line or env writes it, with its value. */
  setting: RegExp;
  /** The setting's name, for the advice. */
  settingName: string;
}

const LIMITS: readonly ServerLimit[] = [
  {
    server: 'node',
    refusal: /\bHPE_HEADER_OVERFLOW\b/,
    defaultBytes: 16384,
    defaultText: "Node's default 16 KiB (16384 bytes)",
    setting: /--max-http-header-size[= ](\d+)/,
    settingName: '--max-http-header-size',
  },
  {
    server: 'tomcat',
    refusal: /\bRequest header is too large\b/,
    defaultBytes: 8192,
    defaultText: "Tomcat's default 8 KB (8192 bytes)",
    setting: /(?:server\.max-http-request-header-size|server\.max-http-header-size|SERVER_MAX_HTTP_REQUEST_HEADER_SIZE|SERVER_MAX_HTTP_HEADER_SIZE)[= ](\d+\s*[kKmM]?B?)/,
    settingName: 'server.max-http-request-header-size',
  },
];

/** The size of the headers the parser had read when it gave up (Node's error carries bytesParsed). */
const BYTES_PARSED = /"?bytesParsed"?\s*[:=]\s*(\d+)/;
/** The server said it answered 431 (Node) or the request header size in its own words. */
const ANSWERED_431 = /\b431\b|Request Header Fields Too Large/i;

export interface HeaderOverflowHit {
  pod: string;
  line: string;
  bytes?: number;
  at?: IsoTime;
}

export interface HeaderOverflow {
  server: 'node' | 'tomcat';
  container: string;
  hits: HeaderOverflowHit[];
  /** Refusals the server says it answered 431. */
  answered431: number;
  pods: string[];
  /** The limit in force: set in the container (flag and where), or the server's default. */
  limit: { bytes?: number; flag?: string; where?: string; defaultText: string };
  settingName: string;
}

/** The limit the container's command, args or literal env (NODE_OPTIONS, JAVA_OPTS, …) set, where they set it. */
function findSetLimit(container: ContainerSpecEvidence | undefined, limit: ServerLimit): { flag: string; where: string; bytes?: number } | undefined {
  if (container === undefined) return undefined;
  const places = [
    { where: 'command', text: (container.command ?? []).join(' ') },
    { where: 'args', text: (container.args ?? []).join(' ') },
    ...(container.env ?? []).flatMap((e) => ('value' in e ? [{ where: `env ${e.name}`, text: `${e.name}=${e.value} ${e.value}` }] : [])),
  ];
  for (const p of places) {
    const m = limit.setting.exec(p.text);
    if (m === null) continue;
    const bytes = parseSize(m[1] ?? '');
    return { flag: m[0], where: p.where, ...(bytes === undefined ? {} : { bytes }) };
  }
  return undefined;
}

function parseSize(text: string): number | undefined {
  const m = /^(\d+)\s*([kKmM]?)B?$/.exec(text.trim());
  if (m === null) return undefined;
  const unit = (m[2] ?? '').toLowerCase();
  return Number(m[1]) * (unit === 'k' ? 1024 : unit === 'm' ? 1024 * 1024 : 1);
}

/** The workload's current logs refusing requests for the size of their headers, again and again (MIN_OVERFLOWS); else undefined. */
export function findHeaderOverflow(logs: readonly LogEvidence[], pods: readonly PodEvidence[]): HeaderOverflow | undefined {
  const byName = new Map(pods.map((p) => [p.name, p]));
  for (const limit of LIMITS) {
    const hits: (HeaderOverflowHit & { container: string })[] = [];
    for (const log of logs) {
      if (log.previous || !byName.has(log.pod)) continue;
      for (const line of log.lines) {
        if (!limit.refusal.test(line)) continue;
        const bytes = BYTES_PARSED.exec(line)?.[1];
        const at = readLineTime(line);
        hits.push({ pod: log.pod, container: log.container, line: line.trim(), ...(bytes === undefined ? {} : { bytes: Number(bytes) }), ...(at === undefined ? {} : { at }) });
      }
    }
    if (hits.length < MIN_OVERFLOWS) continue;
    const container = hits[0]?.container ?? '';
    const spec = byName.get(hits[0]?.pod ?? '')?.containers.find((c) => c.name === container);
    const set = findSetLimit(spec, limit);
    return {
      server: limit.server,
      container,
      hits: hits.map(({ container: _c, ...h }) => h),
      answered431: hits.filter((h) => ANSWERED_431.test(h.line)).length,
      pods: [...new Set(hits.map((h) => h.pod))],
      limit: { ...(set ?? { bytes: limit.defaultBytes }), defaultText: limit.defaultText },
      settingName: limit.settingName,
    };
  }
  return undefined;
}
