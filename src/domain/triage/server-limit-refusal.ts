/**
 * A server that refuses, sheds or drops requests at one of its own configured limits, and says so
 * in its log: uvicorn past --limit-concurrency ("Exceeded concurrency limit.", 503), Tomcat past
 * maxParameterCount or maxPostSize (the rest of the parameters ignored), Undertow and Jetty past
 * their form limits, gunicorn past --limit-request-line, uWSGI past its buffer-size, nginx past
 * large_client_header_buffers, Kestrel past MaxConcurrentConnections. Servers log these at
 * WARNING or INFO (Tomcat once, then at DEBUG), so an error count misses them while the pods stay
 * Ready; the limit is the mechanism, and the change that set it (a flag added, a server version
 * whose default is lower) is its trigger. Pure: log lines and container specs.
 */
import type { ContainerSpecEvidence, IsoTime, LogEvidence, PodEvidence } from './evidence.js';
import type { RevisionContainerEvidence } from './evidence-spec.js';
import { readLogLineTime } from './log-line-time.js';

/** A limit's default that a server release lowered: requests that passed under the old default are refused under the new one. */
interface LoweredDefault {
  /** The server's own start-up line, its version captured: `Apache Tomcat/10.1.42`. */
  version: RegExp;
  /** The first release of each line (major.minor) with the lower default: `10.1` → 42. */
  since: Readonly<Record<string, number>>;
  /** The default before, and after. */
  was: number;
  now: number;
}

export interface ServerLimitReading {
  /** `uvicorn-concurrency`: the finding's id is `server-limit/<id>`. */
  id: string;
  server: string;
  /** The server's own line saying it refused at the limit. */
  line: RegExp;
  /** The limit as the line states it (first group), when it does. */
  stated?: RegExp;
  /** The setting's name, as an engineer sets it. */
  setting: string;
  /** Command-line flags that set it (without the dashes), and env names that do. */
  flags?: readonly string[];
  env?: RegExp;
  /** Words a diff line that changes the setting carries (mechanism-settings.ts). */
  words: RegExp;
  /** What the server does, completed by "past its own limit": "answers 503 Service Unavailable to requests". */
  refuses: string;
  /** The status the refused requests get in the access log, when the server answers them itself. */
  status?: number;
  /** The server logs only the first refusal (then at DEBUG): one line is the limit met, not a blip. */
  logsOnce?: true;
  lowered?: LoweredDefault;
  /** How the limit works and why requests meet it. */
  cause: string;
  /** How to raise it. */
  raise: string;
}

export const SERVER_LIMITS: readonly ServerLimitReading[] = [
  {
    id: 'uvicorn-concurrency',
    server: 'uvicorn',
    line: /\bExceeded concurrency limit\./,
    setting: '--limit-concurrency',
    flags: ['limit-concurrency'],
    env: /^UVICORN_LIMIT_CONCURRENCY$/,
    words: /limit[-_]?concurrency/i,
    refuses: 'answers 503 Service Unavailable to requests',
    status: 503,
    cause:
      'uvicorn counts every open connection and running task against --limit-concurrency, keep-alive connections held idle by callers\' pools included, and answers 503 to any request that arrives past it, without running the app; the probes get 503 too. A limit below the connections the callers keep open refuses ordinary traffic: nothing is overloaded.',
    raise: 'remove --limit-concurrency or set it well above the connections the callers keep open (their pool sizes × replicas)',
  },
  {
    id: 'tomcat-parameter-count',
    server: 'Tomcat',
    line: /More than the maximum number of request parameters \(GET plus POST\) for a single request/,
    stated: /request \(\[([\d,.]+)\]\)/,
    setting: 'maxParameterCount',
    env: /MAX_?PARAMETER_?COUNT/i,
    words: /max[-_.]?parameter[-_.]?count/i,
    refuses: 'ignores request parameters',
    logsOnce: true,
    lowered: { version: /Apache Tomcat\/(\d+)\.(\d+)\.(\d+)/, since: { '9.0': 106, '10.1': 42, '11.0': 8 }, was: 10000, now: 1000 },
    cause:
      'Tomcat parses at most maxParameterCount parameters (query string and form body together) per request and silently ignores the rest, logging it once per process and then only at DEBUG: a form or query with more parameters reaches the app without its last fields, so its validation refuses it (400) or it handles part of the data, while small requests pass and the pods stay Ready.',
    raise: 'raise maxParameterCount on the connector (a WebServerFactoryCustomizer calling connector.setMaxParameterCount, or server.tomcat.max-parameter-count where Spring Boot has it) above the largest form',
  },
  {
    id: 'tomcat-post-size',
    server: 'Tomcat',
    line: /Parameters were not parsed because the size of the posted data was too big/,
    setting: 'maxPostSize',
    env: /MAX_?(?:HTTP_?FORM_?)?POST_?SIZE/i,
    words: /max[-_.]?(?:http[-_.]?form[-_.]?)?post[-_.]?size/i,
    refuses: 'ignores the form parameters of bodies',
    logsOnce: true,
    cause: 'Tomcat parses a form body only up to maxPostSize (2 MB by default, server.tomcat.max-http-form-post-size in Spring Boot); a larger one reaches the app with no parameters at all, so its validation refuses it, while smaller forms pass.',
    raise: 'raise maxPostSize (server.tomcat.max-http-form-post-size) above the largest form body',
  },
  {
    id: 'undertow-parameters',
    server: 'Undertow',
    line: /UT000046: The number of parameters exceeded the maximum of \d+/,
    stated: /maximum of (\d+)/,
    setting: 'max-parameters',
    env: /MAX_?PARAMETERS/i,
    words: /max[-_.]?parameters/i,
    refuses: 'refuses requests with parameters',
    cause: 'Undertow refuses a request whose query string and form carry more than its max-parameters (1000 by default, server.undertow.max-parameters in Spring Boot) before the app sees it.',
    raise: 'raise max-parameters (server.undertow.max-parameters) above the largest form',
  },
  {
    id: 'jetty-form-keys',
    server: 'Jetty',
    line: /\bForm (?:with )?too many keys\b/,
    stated: /> ?(\d+)\]?/,
    setting: 'maxFormKeys',
    env: /MAX_?FORM_?KEYS/i,
    words: /max[-_.]?form[-_.]?keys/i,
    refuses: 'refuses forms with keys',
    cause: 'Jetty refuses a form with more keys than maxFormKeys (1000 by default, server.jetty.max-form-keys in Spring Boot) before the app sees it.',
    raise: 'raise maxFormKeys (server.jetty.max-form-keys) above the largest form',
  },
  {
    id: 'jetty-form-size',
    server: 'Jetty',
    line: /\bForm (?:is larger than max length|too large:) ?\d+/,
    setting: 'maxFormContentSize',
    env: /MAX_?(?:HTTP_?)?FORM_?(?:CONTENT_|POST_)?SIZE/i,
    words: /max[-_.]?(?:http[-_.]?)?form[-_.]?(?:content|post)[-_.]?size/i,
    refuses: 'refuses form bodies',
    cause: 'Jetty refuses a form body larger than maxFormContentSize (200000 bytes by default, server.jetty.max-http-form-post-size in Spring Boot) before the app sees it.',
    raise: 'raise maxFormContentSize (server.jetty.max-http-form-post-size) above the largest form body',
  },
  {
    id: 'gunicorn-request-limits',
    server: 'gunicorn',
    line: /Invalid request from ip=\S+: (?:Request Line is too large \(\d+ > \d+\)|limit request headers fields)/,
    stated: /too large \(\d+ > (\d+)\)/,
    setting: '--limit-request-line / --limit-request-field_size',
    flags: ['limit-request-line', 'limit-request-field_size', 'limit-request-fields'],
    env: /^GUNICORN_CMD_ARGS$/,
    words: /limit[-_]request/i,
    refuses: 'answers 400 Bad Request to request lines or headers',
    status: 400,
    cause: 'gunicorn refuses a request whose request line or header fields pass its --limit-request-line (4094 bytes by default) or --limit-request-field_size (8190) with 400, before the app sees it: long URLs (a grown query string) or headers (a grown cookie) meet it.',
    raise: 'raise --limit-request-line / --limit-request-field_size above what the callers send, or shorten what they send',
  },
  {
    id: 'uwsgi-buffer-size',
    server: 'uWSGI',
    line: /invalid request block size: \d+ \(max \d+\)/,
    stated: /\(max (\d+)\)/,
    setting: 'buffer-size',
    flags: ['buffer-size', 'b'],
    env: /^UWSGI_BUFFER_SIZE$/,
    words: /buffer[-_]?size/i,
    refuses: 'drops requests whose line and headers run',
    cause: 'uWSGI reads a request\'s line and headers into a buffer of buffer-size bytes (4096 by default) and drops any request that does not fit ("invalid request block size"), so the proxy in front answers 502: long URLs or a grown cookie meet it.',
    raise: 'raise buffer-size (e.g. --buffer-size 32768) above what the callers send',
  },
  {
    id: 'nginx-header-buffers',
    server: 'nginx',
    line: /\bclient sent too long header line\b|\bclient sent too long URI\b|\bclient sent too large request\b/,
    setting: 'large_client_header_buffers',
    words: /large_client_header_buffers/i,
    refuses: 'answers 400 (or 414) to request lines or headers',
    cause: 'nginx refuses a request whose line or one header is longer than one of its large_client_header_buffers (8k by default) and answers 400 (414 for the URI), logging it only at [info]: a grown cookie or query string meets it.',
    raise: 'raise large_client_header_buffers (e.g. 4 32k) above what the callers send, or shorten what they send',
  },
  {
    id: 'kestrel-connections',
    server: 'Kestrel',
    line: /rejected because the maximum number of concurrent connections has been reached/,
    setting: 'MaxConcurrentConnections',
    env: /MAX_?CONCURRENT_?(?:UPGRADED_?)?CONNECTIONS/i,
    words: /max[-_]?concurrent[-_]?connections/i,
    refuses: 'closes new connections',
    cause: 'Kestrel refuses every connection past Limits.MaxConcurrentConnections; keep-alive connections held by callers\' pools count against it, so ordinary traffic meets a limit set below them.',
    raise: 'raise or unset Limits.MaxConcurrentConnections above the connections the callers keep open',
  },
];

export interface LimitHit {
  pod: string;
  container: string;
  line: string;
  at?: IsoTime;
}

export interface ServerLimitRefusals {
  reading: ServerLimitReading;
  container: string;
  hits: LimitHit[];
  pods: string[];
  /** The limit as the server's line states it ("1,000"), when it does. */
  stated?: string;
  /** Access-log answers of the same logs: all, and those with the refusal's status. */
  answered: number;
  refused: number;
  /** The server's version from its start-up line, when the reading knows a lowered default. */
  version?: string;
}

/** Lines of one reading, over the pods' current logs, before it counts (unless the server logs only the first). */
const MIN_LINES = 3;

/** A request answered in an access log: `"GET /x HTTP/1.1" 503`. */
const ANSWERED = /"[A-Z]+ \S+ HTTP\/[\d.]+" (\d{3})\b/;

/** The refusals of the first reading the pods' current logs show enough of; undefined when none. */
export function findServerLimitRefusals(logs: readonly LogEvidence[], pods: readonly PodEvidence[], now: IsoTime): ServerLimitRefusals | undefined {
  const own = new Set(pods.map((p) => p.name));
  const current = logs.filter((l) => !l.previous && own.has(l.pod));
  for (const reading of SERVER_LIMITS) {
    const hits = current.flatMap((l) => l.lines.flatMap((line) => {
      if (!reading.line.test(line)) return [];
      const at = readLogLineTime(line, now);
      return [{ pod: l.pod, container: l.container, line: line.trim(), ...(at !== undefined ? { at } : {}) }];
    }));
    if (hits.length === 0 || (hits.length < MIN_LINES && reading.logsOnce === undefined)) continue;
    const container = hits[0]?.container ?? '';
    const logged = current.filter((l) => l.container === container && hits.some((h) => h.pod === l.pod));
    const statuses = logged.flatMap((l) => l.lines.flatMap((x) => ANSWERED.exec(x)?.[1] ?? []));
    const stated = reading.stated === undefined ? undefined : hits.map((h) => reading.stated?.exec(h.line)?.[1]).find((s) => s !== undefined);
    const version = reading.lowered === undefined ? undefined : logged.flatMap((l) => l.lines.flatMap((x) => reading.lowered?.version.exec(x)?.slice(1, 4).join('.') ?? [])).at(-1);
    return {
      reading,
      container,
      hits,
      pods: [...new Set(hits.map((h) => h.pod))],
      ...(stated !== undefined ? { stated } : {}),
      answered: statuses.length,
      refused: reading.status === undefined ? 0 : statuses.filter((s) => Number(s) === reading.status).length,
      ...(version !== undefined ? { version } : {}),
    };
  }
  return undefined;
}

/** The setting as a container is started with it: `--limit-concurrency 20`, `UVICORN_LIMIT_CONCURRENCY=20`. */
export function readLimitSetting(c: Pick<ContainerSpecEvidence | RevisionContainerEvidence, 'command' | 'args' | 'env'> | undefined, reading: ServerLimitReading): string | undefined {
  if (c === undefined) return undefined;
  const words = [...(c.command ?? []), ...(c.args ?? [])].flatMap((w) => w.split(/\s+/)).filter((w) => w !== '');
  for (const flag of reading.flags ?? []) {
    const dash = flag.length === 1 ? '-' : '--';
    for (let i = 0; i < words.length; i++) {
      const w = words[i] ?? '';
      if (w.startsWith(`${dash}${flag}=`)) return `${dash}${flag} ${w.slice(flag.length + dash.length + 1)}`;
      const next = words[i + 1];
      if (w === `${dash}${flag}` && next !== undefined && !next.startsWith('-')) return `${w} ${next}`;
    }
  }
  const env = (c.env ?? []).find((e) => reading.env?.test(e.name) === true && 'value' in e);
  return env !== undefined && 'value' in env ? `${env.name}=${env.value}` : undefined;
}

/** Whether a server version ("10.1.42") runs with the lowered default. */
export function hasLoweredDefault(lowered: LoweredDefault, version: string): boolean {
  const [major, minor, patch] = version.split('.');
  const first = lowered.since[`${major ?? ''}.${minor ?? ''}`];
  if (first !== undefined) return Number(patch) >= first;
  // A line newer than every line listed started with the lower default.
  const newest = Object.keys(lowered.since).map((k) => k.split('.').map(Number)).sort((a, b) => (b[0] ?? 0) - (a[0] ?? 0) || (b[1] ?? 0) - (a[1] ?? 0))[0];
  return newest !== undefined && (Number(major) > (newest[0] ?? 0) || (Number(major) === newest[0] && Number(minor) > (newest[1] ?? 0)));
}

/** "1,000" → 1000. */
export function parseStatedLimit(stated: string | undefined): number | undefined {
  if (stated === undefined) return undefined;
  const n = Number(stated.replace(/[,.]/g, ''));
  return Number.isFinite(n) ? n : undefined;
}
