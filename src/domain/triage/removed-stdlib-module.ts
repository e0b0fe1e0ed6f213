/**
 * A Python process that fails to import a module the standard library used to ship and a newer
 * Python removed: distutils, asyncore, asynchat, imp and smtpd in 3.12 (PEP 632, PEP 594's
 * schedule), the "dead batteries" (cgi, imghdr, telnetlib, pipes, crypt, …) and lib2to3 in 3.13.
 * "No module named 'distutils'" after a base-image bump is the new Python, not a missing package
 * of the app: replace the import (or install the package that brings it back, setuptools for
 * distutils), or pin the base image to the last Python that had it.
 */

/** Removed modules, with the version that removed them and what brings them back. */
const REMOVED: Record<string, { in: [number, number]; pep: string; instead: string }> = {
  distutils: { in: [3, 12], pep: 'PEP 632', instead: 'port it to packaging, shutil or sysconfig, or install setuptools, which ships a distutils shim' },
  imp: { in: [3, 12], pep: 'deprecated since 3.4', instead: 'port it to importlib' },
  asyncore: { in: [3, 12], pep: 'PEP 594', instead: 'port it to asyncio, or install the pyasyncore package' },
  asynchat: { in: [3, 12], pep: 'PEP 594', instead: 'port it to asyncio, or install the pyasynchat package' },
  smtpd: { in: [3, 12], pep: 'PEP 594', instead: 'port it to aiosmtpd' },
  ...Object.fromEntries(['aifc', 'audioop', 'cgi', 'cgitb', 'chunk', 'crypt', 'imghdr', 'mailcap', 'msilib', 'nis', 'nntplib', 'ossaudiodev', 'pipes', 'sndhdr', 'spwd', 'sunau', 'telnetlib', 'uu', 'xdrlib'].map((m) => [m, { in: [3, 13] as [number, number], pep: 'PEP 594', instead: m === 'cgi' || m === 'cgitb' ? 'port it, or install the legacy-cgi package' : `port it, or install the standard-${m} package` }])),
  lib2to3: { in: [3, 13], pep: 'deprecated since 3.11', instead: 'port it to a maintained parser (libcst, parso)' },
};

export interface RemovedStdlibModule {
  module: string;
  /** The Python that removed it ("3.12"). */
  removedIn: string;
  pep: string;
  instead: string;
  /** The Python the process runs, when its traceback or log says ("3.12"). */
  running?: string;
  /** The error line. */
  line: string;
  /** The import that asked for it, and the file and line it is in, when the traceback shows them. */
  importLine?: string;
  at?: string;
}

/** The Python version a traceback's paths or a start-up line name: `/usr/local/lib/python3.12/`, `Python 3.12.1`. */
function readPython(lines: readonly string[]): [number, number] | undefined {
  for (const l of lines) {
    const m = /\/python(\d)\.(\d+)\//.exec(l) ?? /\bPython (\d)\.(\d+)(?:\.\d+)?\b/.exec(l);
    if (m) return [Number(m[1]), Number(m[2])];
  }
  return undefined;
}

const atLeast = (a: [number, number], b: [number, number]) => a[0] > b[0] || (a[0] === b[0] && a[1] >= b[1]);

/** The removed module the process fails to import; undefined when its Python is known to still have it. */
export function findRemovedStdlibModule(lines: readonly string[]): RemovedStdlibModule | undefined {
  const tail = lines.slice(-80).map((l) => l.trim());
  for (let i = tail.length - 1; i >= 0; i--) {
    const line = tail[i] ?? '';
    const m = /(?:ModuleNotFoundError|ImportError): No module named '?([\w]+)(?:\.[\w.]+)?'?/.exec(line);
    const module = m?.[1];
    const removed = module === undefined ? undefined : REMOVED[module];
    if (module === undefined || removed === undefined) continue;
    const running = readPython(tail);
    if (running !== undefined && !atLeast(running, removed.in)) return undefined;
    const importAt = tail.slice(0, i).map((l, k) => ({ l, k })).reverse().find(({ l }) => new RegExp(`^(?:from ${module}\\b|import ${module}\\b)`).test(l));
    const file = importAt === undefined ? undefined : /^File "([^"]+)", line (\d+)/.exec(tail[importAt.k - 1] ?? '');
    return {
      module,
      removedIn: removed.in.join('.'),
      pep: removed.pep,
      instead: removed.instead,
      ...(running ? { running: running.join('.') } : {}),
      line,
      ...(importAt ? { importLine: importAt.l } : {}),
      ...(file ? { at: `${file[1] ?? ''} line ${file[2] ?? ''}` } : {}),
    };
  }
  return undefined;
}

/** How it is told: the Python that removed the module, the import that needs it, and the ways out. */
export function tellRemovedStdlibModule(r: RemovedStdlibModule): { title: string; cause: string; action: string; fix: string; evidence: string[] } {
  const older = `${r.removedIn.split('.')[0] ?? '3'}.${Number(r.removedIn.split('.')[1] ?? '0') - 1}`;
  const where = r.importLine ? ` (\`${r.importLine}\`${r.at ? ` in ${r.at}` : ''})` : '';
  return {
    title: `: Python ${r.removedIn} removed the ${r.module} module (${r.pep}) and the code still imports it${r.running && r.running !== r.removedIn ? ` (it runs Python ${r.running})` : ''}`,
    cause: `The process runs${r.running ? ` Python ${r.running}` : ' a Python'} that no longer ships ${r.module}: it was deprecated and removed from the standard library in Python ${r.removedIn} (${r.pep}), so the import${where} fails with "${r.line}" before the app can start. The base image moved to a newer Python under code that still uses it; nothing is missing from the app's own packages.`,
    action: `Fix the ${r.module} import (${r.instead}), or pin the base image to Python ${older} until the code is ported; roll back meanwhile if the image bump brought it.`,
    fix: `fix the ${r.module} import (${r.instead}), or pin the base image to Python ${older}`,
    evidence: [`${r.module}: removed from the standard library in Python ${r.removedIn} (${r.pep})${r.running ? `; the traceback runs Python ${r.running}` : ''}`],
  };
}
