/**
 * A crash raised inside a third-party library's own code (a Python traceback's last frame under
 * site-packages/<library>/, a Node.js stack's top frame under node_modules/<library>/) by a revision that rebuilt the same app version: the build resolved an
 * unpinned (or loosely pinned) requirement to a new major version of that library, whose API no
 * longer takes what the unchanged code passes it. The code did not change; the library under it
 * did. The version the crashed run installed is read from its log (a start banner that names
 * "<library> 2.1.4", a dist-info path), the one before from the pods of the older revision that
 * still serve. Pinning the library below the new major in the requirements (or porting the code)
 * is the fix; a rollback to the older build mitigates.
 */
import type { LogEvidence, RevisionEvidence } from './evidence.js';
import { findPythonTracebacks } from './python-traceback.js';
import { splitImage } from './revision-diff.js';

export interface LibraryMajorMove {
  /** The library's import name, as its frames' path says it ("sqlalchemy"). */
  library: string;
  /** The exception line that ended the run. */
  line: string;
  /** The library's frame that raised it: "site-packages/sqlalchemy/engine/base.py:1414". */
  frame: string;
  /** The app's own frame that called into the library: "/srv/app/store.py:12". */
  caller?: string;
  /** The library version the crashed run installed, from its log ("2.1.4"). */
  version?: string;
  /** The version the pods of the revision before run, from their logs ("1.9.2"). */
  before?: string;
  /** The revision that rebuilt the same app version, and the one before it. */
  rebuild?: { revision: number; previous: number; app: string; cause?: string };
  /** Where the ecosystem states its requirements: "requirements" (pip), "package.json" (npm). */
  manifest: 'requirements' | 'package.json';
  /** What the library's new major asks of the code, when the exception is a known one, and an example. */
  port?: string;
  example?: string;
}

/** A traceback frame's file under an installed-packages directory: the top-level package is the library. */
const LIBRARY_FRAME = /^\s+File "(?<path>[^"]*\/(?:site|dist)-packages\/(?<lib>[A-Za-z_][\w]*)\/[^"]*)", line (?<line>\d+)/;
/** A frame of the app's own code: any file not under the interpreter's library or installed packages. */
const APP_FRAME = /^\s+File "(?<path>\/[^"]+\.py)", line (?<line>\d+)/;
const RUNTIME_PATH = /\/(?:site|dist)-packages\/|\/lib\/python\d/;

/**
 * Known breaks of a library's major version, by its exception: what porting the code takes. Only
 * the advice; the reading itself stands on the frames and the versions, for any library.
 */
const PORTS: readonly { library: string; exception: RegExp; port: string; example?: string }[] = [
  { library: 'sqlalchemy', exception: /ObjectNotExecutableError|Not an executable object/, port: 'wrap raw SQL strings in text()', example: 'conn.execute(text(sql))' },
  { library: 'sqlalchemy', exception: /RemovedIn20Warning|has no attribute 'execute'|'Engine' object has no attribute/, port: 'move to the 2.0 API (connections from engine.connect(), statements through text() or select())' },
  { library: 'pydantic', exception: /PydanticUserError|PydanticImportError|`__root__`|parse_obj|validator/, port: 'move the models to the Pydantic 2 API (field_validator, model_validate), or import pydantic.v1' },
  { library: 'numpy', exception: /np\.(?:float_|NaN|Inf|unicode_)|numpy\.core\.multiarray failed to import|compiled using NumPy 1\.x/, port: 'rebuild the extensions that import numpy against NumPy 2 and rename the removed aliases' },
  { library: 'werkzeug', exception: /cannot import name '(?:url_quote|url_decode|url_encode|cached_property)' from 'werkzeug/, port: 'pin Flask and Werkzeug together (the same release line)' },
];

/** "requests 2.32.3", "Requests==2.32.3", "requests/2.32.3", a dist-info path: the version a line names for the library. */
function versionIn(line: string, library: string): string | undefined {
  const name = library.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/_/g, '[-_]');
  const m = new RegExp(String.raw`(?:^|[^\w@.-])${name}(?:[ =/:@]+|-)v?(\d+\.\d+(?:\.\d+)?(?:[a-z]+\d*)?)\b`, 'i').exec(line);
  return m?.[1];
}

export function findLibraryVersion(lines: readonly string[], library: string): string | undefined {
  for (const line of lines) {
    const v = versionIn(line, library);
    if (v !== undefined) return v;
  }
  return undefined;
}

const major = (v: string | undefined): string | undefined => (v === undefined ? undefined : /^(\d+)/.exec(v)?.[1]);

/** The app version an image tag carries before its build suffix: "4.0.2-b17" → "4.0.2", "git-1a2b3c4-b17" → "git-1a2b3c4" (a commit rebuilt). */
function appVersionOf(image: string): string | undefined {
  const { version } = splitImage(image);
  return /^v?(\d+\.\d+(?:\.\d+)?)(?:[-+_.].*)?$/.exec(version)?.[1]
    ?? /^((?:git-|sha-)?(?=[0-9a-f]*[a-f])[0-9a-f]{7,40})[-+_.](?:b|build)?\d+$/i.exec(version)?.[1];
}

/** The revision the crashed pods run rebuilt the same app version as the one before it (its tag's version, or its change-cause says a rebuild). */
export function findRebuild(revisions: readonly RevisionEvidence[], revisionHash: string | undefined, container: string): LibraryMajorMove['rebuild'] {
  const sorted = [...revisions].sort((a, b) => b.revision - a.revision);
  const i = sorted.findIndex((r) => r.hash === revisionHash);
  const [mine, before] = [sorted[i], sorted[i + 1]];
  if (mine === undefined || before === undefined) return undefined;
  const a = before.containers.find((c) => c.name === container);
  const b = mine.containers.find((c) => c.name === container);
  if (a === undefined || b === undefined || a.image === b.image) return undefined;
  const [va, vb] = [appVersionOf(a.image), appVersionOf(b.image)];
  const same = va !== undefined && va === vb;
  const said = /\brebuil[dt]\b/i.test(mine.changeCause ?? '');
  if (!same && !said) return undefined;
  return { revision: mine.revision, previous: before.revision, app: vb ?? splitImage(b.image).version, ...(mine.changeCause ? { cause: mine.changeCause } : {}) };
}

/** Where a library raised: its name, the exception line, its frame, the app's frame that called it, and how its ecosystem pins. */
type LibraryRaise = Pick<LibraryMajorMove, 'library' | 'line' | 'frame' | 'caller' | 'manifest'>;

/** A Python traceback whose last frame is under site-packages/<library>/, called from the app's own code. */
function findPythonLibraryRaise(lines: readonly string[]): LibraryRaise | undefined {
  const { exceptions } = findPythonTracebacks(lines);
  const last = Math.max(-1, ...exceptions);
  if (last < 0) return undefined;
  // The frame that raised: the last one of the traceback that ends at the exception.
  let frame: RegExpExecArray | null = null;
  for (let i = last - 1; i >= 0; i--) {
    const l = lines[i] ?? '';
    if (/Traceback \(most recent call last\):\s*$/.test(l)) break;
    const lib = LIBRARY_FRAME.exec(l);
    const app = APP_FRAME.exec(l);
    if (frame === null && app !== null) {
      if (lib === null) return undefined; // raised in the app's own code
      frame = lib;
      continue;
    }
    if (frame !== null && app !== null && !RUNTIME_PATH.test(app.groups?.['path'] ?? '')) {
      const library = frame.groups?.['lib'] ?? '';
      const path = (frame.groups?.['path'] ?? '').replace(/^.*\/((?:site|dist)-packages\/)/, '$1');
      return { library, line: (lines[last] ?? '').trim(), frame: `${path}:${frame.groups?.['line'] ?? ''}`, caller: `${app.groups?.['path'] ?? ''}:${app.groups?.['line'] ?? ''}`, manifest: 'requirements' };
    }
  }
  return undefined;
}

/** A Node.js stack frame: `    at fn (/app/node_modules/lib/x.js:12:5)` or `    at /app/src/db.js:4:10`. */
const NODE_FRAME = /^\s+at (?:.*? \()?(?<path>\/[^():]+):(?<line>\d+):\d+\)?\s*$/;
const NODE_MODULE = /\/node_modules\/(?<lib>@[\w.-]+\/[\w.-]+|[\w.-]+)\//;

/** A Node.js error whose top frame is under node_modules/<library>/, called from the app's own code. */
function findNodeLibraryRaise(lines: readonly string[]): LibraryRaise | undefined {
  const end = lines.findLastIndex((l) => NODE_FRAME.test(l));
  if (end < 0) return undefined;
  let start = end;
  while (start > 0 && /^\s+at /.test(lines[start - 1] ?? '')) start--;
  const line = (lines[start - 1] ?? '').trim();
  const top = NODE_FRAME.exec(lines[start] ?? '');
  const lib = NODE_MODULE.exec(top?.groups?.['path'] ?? '')?.groups?.['lib'];
  if (top === null || lib === undefined || line === '') return undefined;
  for (let i = start + 1; i <= end; i++) {
    const app = NODE_FRAME.exec(lines[i] ?? '');
    const path = app?.groups?.['path'] ?? '';
    if (app === null || path.includes('/node_modules/')) continue;
    const frame = `${(top.groups?.['path'] ?? '').replace(/^.*\/(node_modules\/)/, '$1')}:${top.groups?.['line'] ?? ''}`;
    return { library: lib, line, frame, caller: `${path}:${app.groups?.['line'] ?? ''}`, manifest: 'package.json' };
  }
  return undefined;
}

/**
 * The crashed run's traceback, when its last frame is a library's own code and either the
 * revision rebuilt the same app version or the serving pods run another major of that library.
 */
export function findLibraryMajorMove(input: {
  lines: readonly string[];
  revisions: readonly RevisionEvidence[];
  revisionHash: string | undefined;
  container: string;
  /** Logs of pods of other revisions (the ones still serving). */
  servingLogs: readonly LogEvidence[];
}): LibraryMajorMove | undefined {
  const { lines } = input;
  const raised = findPythonLibraryRaise(lines) ?? findNodeLibraryRaise(lines);
  if (raised === undefined) return undefined;
  const { library, line } = raised;
  const version = findLibraryVersion(lines, library);
  const before = findLibraryVersion(input.servingLogs.flatMap((l) => l.lines), library);
  const rebuild = findRebuild(input.revisions, input.revisionHash, input.container);
  const moved = version !== undefined && before !== undefined && major(version) !== major(before);
  if (rebuild === undefined && !moved) return undefined;
  if (rebuild !== undefined && version !== undefined && before !== undefined && !moved) return undefined;
  const known = PORTS.find((p) => p.library === library.toLowerCase() && p.exception.test(line));
  return {
    ...raised,
    ...(version ? { version } : {}),
    ...(before ? { before } : {}),
    ...(rebuild ? { rebuild } : {}),
    ...(known ? { port: known.port } : {}),
    ...(known?.example ? { example: known.example } : {}),
  };
}

export interface LibraryMajorMoveTold {
  title: string;
  cause: string;
  action: string;
  fix: string;
  evidence: string[];
}

/** The finding's words: the library's new major under unchanged code, and the pin that holds it back. */
export function tellLibraryMajorMove(m: LibraryMajorMove): LibraryMajorMoveTold {
  const lib = m.library;
  const now = m.version ? `${lib} ${m.version}` : `a new major version of ${lib}`;
  const nextMajor = major(m.version);
  const pin = m.manifest === 'package.json'
    ? nextMajor !== undefined && nextMajor !== '0' ? `${lib} below ${nextMajor} ("${lib}": "<${nextMajor}")` : `${lib} to the version the previous build had`
    : nextMajor !== undefined && nextMajor !== '0' ? `${lib}<${nextMajor}.0` : `${lib} to the version the previous build had${m.before ? ` (${lib}==${m.before})` : ''}`;
  const manifest = m.manifest === 'package.json' ? 'package.json (and commit the lockfile the build installs from)' : 'the requirements';
  const was = m.before ? ` where the pods of the revision before run ${lib} ${m.before}` : '';
  const built = m.rebuild ? `Revision ${m.rebuild.revision} rebuilt the same code (${m.rebuild.app}) as revision ${m.rebuild.previous}, and the build` : 'The new build';
  const port = m.port ? `, or port the code (${m.port})` : `, or port the code to ${lib}'s new major version`;
  const fix = `pin ${pin} in ${m.manifest === 'package.json' ? 'package.json' : 'the requirements'}${port}`;
  return {
    title: `: the ${m.rebuild ? 'rebuild' : 'build'} installed ${now}${m.before ? ` (was ${m.before})` : ''}, a new major version that raises it from its own code`,
    cause: `${built} installed ${now}${was}: a requirement without an upper bound picked up the library's new major version, whose API no longer accepts what the code passes. The exception is raised inside ${lib} (${m.frame}), called from the app's ${m.caller ?? 'code'}; the app's code did not change, the library under it did.`,
    action: `Roll back to the previous build${m.rebuild ? ` (revision ${m.rebuild.previous})` : ''}, then pin ${pin} in ${manifest} and rebuild${port}${m.example ? `: ${m.example}` : ''}. Restarting the pods will not help.`,
    fix,
    evidence: [
      `raised in the library's own code: ${m.frame}${m.caller ? `, called from ${m.caller}` : ''}`,
      `${lib} installed by the crashed run: ${m.version ?? 'not logged'}${m.before ? `; the serving pods run ${m.before}` : ''}`,
      ...(m.rebuild ? [`revision ${m.rebuild.revision} rebuilt app version ${m.rebuild.app}${m.rebuild.cause ? ` — ${m.rebuild.cause}` : ''}`] : []),
    ],
  };
}
