/**
 * An app server that kills its own worker for running past its timeout (gunicorn's WORKER TIMEOUT,
 * uWSGI's HARAKIRI) prints where the worker was: when that stack ends in a socket read under an
 * HTTP client (requests → urllib3 → http.client → ssl.read), the worker sat waiting on an answer
 * from an outbound call that has no timeout of its own. The app's last frame names the call and the
 * code that made it (a partner's or upstream's client); the probes and restarts are what follows.
 */

const KILL = /\bWORKER TIMEOUT\b|HARAKIRI/;
const HEADER = /Traceback \(most recent call last\):\s*$/;
const FRAME = /^\s*File "([^"]+)", line (\d+), in (\S+)/;
/** A library's frame rather than the app's own: site-packages, the interpreter's standard library. */
const LIBRARY = /\/(?:site|dist)-packages\/|\/lib\/python\d(?:\.\d+)?\//;
/** A read that waits on the peer: the socket's, TLS's, or an HTTP client's wait for the status line. */
const BLOCKING_READ = /\/(?:socket|ssl)\.py$|\/http\/client\.py$/;
const READ_FN = /^(?:recv\w*|read\w*|_read_status|readline|begin|getresponse)$/;
/** The HTTP clients whose frames sit between the app's call and the socket. */
const CLIENTS: readonly [RegExp, string][] = [
  [/\/requests\//, 'requests'],
  [/\/httpx\//, 'httpx'],
  [/\/urllib3\//, 'urllib3'],
  [/\/http\/client\.py$/, 'http.client'],
];

export interface BlockedCall {
  /** The app server's kill line (`[CRITICAL] WORKER TIMEOUT (pid:24)`). */
  killLine: string;
  /** The innermost read it sat in (`ssl.py read: return self._sslobj.read(len, buffer)`). */
  read: string;
  /** The HTTP client library between the app and the socket. */
  client?: string;
  /** The app's own frame that made the call: its file, function and source line. */
  appFile: string;
  appFunction: string;
  appSource: string;
  /** Whether the call's source line passes a timeout. */
  hasTimeout: boolean;
}

interface Frame {
  file: string;
  fn: string;
  source: string;
}

/** Each worker kill in one log whose stack shows the worker blocked in an outbound call's read. */
export function findBlockedCalls(lines: readonly string[]): BlockedCall[] {
  const out: BlockedCall[] = [];
  for (let i = 0; i < lines.length; i++) {
    const killLine = lines[i] ?? '';
    if (!KILL.test(killLine)) continue;
    const header = lines.slice(i + 1, i + 5).findIndex((l) => HEADER.test(l.trim()));
    if (header < 0) continue;
    const frames = readFrames(lines, i + 2 + header);
    const call = readBlockedCall(killLine.trim(), frames);
    if (call) out.push(call);
  }
  return out;
}

function readFrames(lines: readonly string[], from: number): Frame[] {
  const frames: Frame[] = [];
  for (let j = from; j < lines.length && j < from + 120; j++) {
    const m = FRAME.exec(lines[j] ?? '');
    if (m) {
      const next = lines[j + 1] ?? '';
      frames.push({ file: m[1] ?? '', fn: m[3] ?? '', source: FRAME.test(next) ? '' : next.trim() });
    } else if (!/^\s/.test(lines[j] ?? '')) break;
  }
  return frames;
}

function readBlockedCall(killLine: string, frames: readonly Frame[]): BlockedCall | undefined {
  const readAt = frames.map((f, k) => (BLOCKING_READ.test(f.file) && READ_FN.test(f.fn) ? k : -1)).filter((k) => k >= 0).at(-1);
  if (readAt === undefined) return undefined;
  const appAt = frames.slice(0, readAt).map((f, k) => (LIBRARY.test(f.file) ? -1 : k)).filter((k) => k >= 0).at(-1);
  if (appAt === undefined) return undefined;
  const between = frames.slice(appAt + 1, readAt + 1);
  const client = CLIENTS.find(([re]) => between.some((f) => re.test(f.file)))?.[1];
  if (client === undefined) return undefined;
  const read = frames[readAt];
  const app = frames[appAt];
  if (read === undefined || app === undefined) return undefined;
  return {
    killLine,
    read: `${read.file.split('/').pop() ?? read.file} ${read.fn}${read.source ? `: ${read.source}` : ''}`,
    client,
    appFile: app.file,
    appFunction: app.fn,
    appSource: app.source,
    hasTimeout: /\btimeout\s*=/.test(app.source),
  };
}
