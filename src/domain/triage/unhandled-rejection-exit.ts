/**
 * A Node.js process that exits because a promise rejection went uncaught. Since Node 15 the
 * default --unhandled-rejections=throw makes that fatal; Node 14 and older only warned. What a
 * senior SRE wants next: which code path rejected (the last log record before the crash), which
 * Node.js runs, and whether the revision moved the runtime across 15.
 */
import type { RevisionEvidence } from './evidence.js';
import { condenseStructuredLine } from './evidence-lookup.js';
import { sortRevisions } from './revision-diff.js';

/** Node's marks of a fatal unhandled rejection: its error code, its message, the frame it throws from. */
const FATAL_REJECTION = /ERR_UNHANDLED_REJECTION|^\[UnhandledPromiseRejection: |triggerUncaughtException\(err, true \/\* fromPromise \*\/\)/;
/** Where Node's crash report starts: a source location alone on its line, or the rejection itself. */
const CRASH_HEAD = /^(?:node:internal\/\S+|\/\S+\.[cm]?[jt]s|file:\/\/\S+):\d+$|^\[UnhandledPromiseRejection: /;
/** The first version of Node.js on which an unhandled rejection ends the process. */
const FATAL_SINCE = 15;

export interface FatalRejection {
  /** "v18.20.4", from the report's last line. */
  node?: string | undefined;
  /** The last log record before the crash report, told briefly: the code path that rejected. */
  before?: string | undefined;
  /** That record's message alone ("export requested"), to name the code path in a fix. */
  message?: string | undefined;
}

export interface RuntimeMove {
  revision: number;
  from?: number | undefined;
  to: number;
  where: string;
}

/** The last fatal unhandled rejection in a log, with what ran just before it. */
export function findFatalRejection(lines: readonly string[]): FatalRejection | undefined {
  const trimmed = lines.map((l) => l.trim());
  const last = trimmed.findLastIndex((l) => FATAL_REJECTION.test(l));
  if (last < 0) return undefined;
  let head = last;
  for (let i = last; i >= Math.max(0, last - 8); i--) if (CRASH_HEAD.test(trimmed[i] ?? '')) head = i;
  const before = trimmed.slice(0, head).filter((l) => l !== '').at(-1);
  const node = trimmed.slice(last).map((l) => /^Node\.js (v\d+(?:\.\d+)*)$/.exec(l)?.[1]).find((v) => v !== undefined);
  const told = before === undefined ? undefined : describeRecord(before);
  return { node, before: told, message: told?.replace(/ \(.*\)$/, '') };
}

/** Fields of a JSON record that say nothing about the request (pino's and bunyan's bookkeeping). */
const BOOKKEEPING = new Set(['level', 'time', 'timestamp', 'ts', 'pid', 'hostname', 'v', 'msg', 'message', 'name', 'req', 'res', 'reqId']);

/** A JSON record as "msg (key value, …)", a request's method and URL first; other lines as condensed elsewhere. */
function describeRecord(line: string): string {
  let fields: Record<string, unknown> | undefined;
  try {
    const parsed: unknown = line.startsWith('{') ? JSON.parse(line) : undefined;
    if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) fields = parsed as Record<string, unknown>;
  } catch {
    fields = undefined;
  }
  if (fields === undefined) return condenseStructuredLine(line);
  const req = fields['req'] as { method?: unknown; url?: unknown } | undefined;
  const request = typeof req?.method === 'string' && typeof req.url === 'string' ? `${req.method} ${req.url}` : undefined;
  const scalars = Object.entries(fields)
    .filter(([k, v]) => !BOOKKEEPING.has(k) && (typeof v === 'string' || typeof v === 'number'))
    .slice(0, 4)
    .map(([k, v]) => `${k} ${String(v)}`);
  const msg = typeof fields['msg'] === 'string' ? fields['msg'] : typeof fields['message'] === 'string' ? fields['message'] : '';
  const details = [request, ...scalars].filter((x) => x !== undefined);
  return `${msg}${details.length > 0 ? ` (${details.join(', ')})` : ''}`.trim();
}

/** The Node.js major a revision names: a node base image, a NODE_VERSION env, or its change-cause. */
function nodeMajorOf(r: RevisionEvidence): { major: number; where: string } | undefined {
  for (const c of r.containers) {
    const image = /(?:^|\/)node:v?(\d+)/.exec(c.image)?.[1];
    if (image) return { major: Number(image), where: `image ${c.image}` };
    const env = c.env.flatMap((e) => (e.name === 'NODE_VERSION' && 'value' in e ? [e.value] : []))[0] ?? '';
    const fromEnv = /^v?(\d+)/.exec(env)?.[1];
    if (fromEnv) return { major: Number(fromEnv), where: `env NODE_VERSION=${env}` };
  }
  const cause = /\bnode(?:\.js)?[: ]v?(\d+)[\w.-]*/i.exec(r.changeCause ?? '');
  return cause?.[1] ? { major: Number(cause[1]), where: `change-cause "${cause[0]}"` } : undefined;
}

/** The newest revision's move of Node.js across 15 (from an older or unnamed major), when its spec or change-cause says so. */
export function findRuntimeMove(revisions: readonly RevisionEvidence[]): RuntimeMove | undefined {
  const [current, previous] = sortRevisions(revisions);
  const now = current ? nodeMajorOf(current) : undefined;
  if (current === undefined || now === undefined || now.major < FATAL_SINCE) return undefined;
  const before = previous ? nodeMajorOf(previous) : undefined;
  if (before !== undefined && before.major >= FATAL_SINCE) return undefined;
  return { revision: current.revision, from: before?.major, to: now.major, where: now.where };
}

/** The words of a finding: the uncaught rejection is the cause, catching it the fix. */
export function tellFatalRejection(found: readonly FatalRejection[], move: RuntimeMove | undefined): { title: string; cause: string; action: string; fix: string; evidence: string[] } {
  const node = found.map((f) => f.node).find((v) => v !== undefined);
  const befores = [...new Set(found.flatMap((f) => (f.before ? [f.before] : [])))].slice(0, 3);
  const moved = move
    ? ` Revision ${move.revision} moved the runtime ${move.from !== undefined ? `from Node.js ${move.from} ` : ''}to Node.js ${move.to} (${move.where}): the same rejection ${move.from !== undefined ? 'only warned before' : 'may only have warned on the Node.js it replaced'}.`
    : '';
  const path = befores.length > 0 ? ` The last log record before the crash: ${befores.map((b) => `"${b}"`).join('; ')} — the code path whose promise rejects.` : '';
  const message = found.map((f) => f.message).find((m) => m !== undefined && m !== '');
  const where = message !== undefined ? `the code path that logs "${message}"` : 'the code path that rejects';
  return {
    title: `: an unhandled promise rejection, fatal on Node.js ${node ?? `${FATAL_SINCE}+`}`,
    cause: `The process died of a promise rejection nothing caught (ERR_UNHANDLED_REJECTION): since Node.js ${FATAL_SINCE} the default --unhandled-rejections=throw ends the process, where Node.js 14 and older printed a warning.${moved}${path}`,
    action: `Catch the rejection in ${where} (answer the request with an error instead); as a stopgap set NODE_OPTIONS=--unhandled-rejections=warn. Restarts only wait for the next such request.`,
    fix: `catch the rejection in ${where} (stopgap: NODE_OPTIONS=--unhandled-rejections=warn)`,
    evidence: [
      ...befores.map((b) => `last log record before the crash: ${b}`),
      `runtime: Node.js ${node ?? 'version not logged'}${move ? `; revision ${move.revision} moved it ${move.from !== undefined ? `from ${move.from} ` : ''}to ${move.to} (${move.where})` : ''}; an unhandled rejection is fatal since Node.js ${FATAL_SINCE}`,
    ],
  };
}
