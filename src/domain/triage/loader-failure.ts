/**
 * The dynamic loader stops a binary before it runs when a library it links is not in the image, and
 * exits 127 — the shell's code for a command not found, though the command is there. The loader's
 * own words tell the two apart: glibc's `/app/server: error while loading shared libraries:
 * libfoo.so.2: cannot open shared object file: No such file or directory`, musl's `Error loading
 * shared library libfoo.so.2: No such file or directory (needed by /app/server)`. musl then lists
 * every symbol the missing library would have given (`Error relocating /app/server: foo_init:
 * symbol not found`), and those lines come last: the consequence, never the cause. Symbols missing
 * while every library loads (glibc's `symbol lookup error: …: undefined symbol: …`, its ``version
 * `GLIBC_2.34' not found``, musl's relocation errors alone) mean the image holds other versions of
 * the libraries than the binary was built against.
 */
import { capitalize, joinAnd, listFirst } from '../text.js';
import { compareDottedVersions } from './dotted-version.js';

export interface LoaderFailure {
  /** The libraries the loader could not find, in the order it says. */
  libraries: string[];
  /** The symbols (or symbol versions) it could not resolve. */
  symbols: string[];
  /** The binary (or library) that needs them, when the loader says. */
  binary?: string;
  /** musl's wording: the image is built on a musl base (Alpine). */
  musl: boolean;
  /** The loader's line that decides it: the first missing library, else the first unresolved symbol. */
  line: string;
}

const GLIBC_MISSING = /(?:^|\s)([^\s:]+): error while loading shared libraries: ([^\s:]+): cannot open shared object file/;
const MUSL_MISSING = /Error loading shared library ([^\s:]+): No such file or directory(?: \(needed by ([^\s)]+)\))?/;
const MUSL_SYMBOL = /Error relocating ([^\s:]+): ([^\s:]+): symbol not found/;
const GLIBC_SYMBOL = /(?:^|\s)([^\s:]+): symbol lookup error: [^\s:]+: undefined symbol: ([^\s,]+)/;
// The object that needs the version is the one it is "required by" (a binary, or a native module a runtime's dlopen loads:
// Node's and Python's errors put their own prefix where the loader puts the binary).
const GLIBC_VERSION = /([^\s:]+): version `([^']+)' not found \(required by ([^)\s]+)\)/;

/** The loader's failure in a log or a termination message, if it stopped the binary. */
export function findLoaderFailure(lines: readonly string[]): LoaderFailure | undefined {
  const libraries: string[] = [];
  const symbols: string[] = [];
  let binary: string | undefined;
  let musl = false;
  let libraryLine: string | undefined;
  let symbolLine: string | undefined;
  for (const line of lines) {
    const missing = MUSL_MISSING.exec(line) ?? GLIBC_MISSING.exec(line);
    if (missing) {
      const fromMusl = missing[0].startsWith('Error loading');
      const library = (fromMusl ? missing[1] : missing[2]) ?? '';
      if (!libraries.includes(library)) libraries.push(library);
      binary ??= fromMusl ? missing[2] : missing[1];
      musl ||= fromMusl;
      libraryLine ??= line.trim();
      continue;
    }
    const version = GLIBC_VERSION.exec(line);
    const symbol = MUSL_SYMBOL.exec(line) ?? GLIBC_SYMBOL.exec(line) ?? (version && [version[0], version[3], version[2]]);
    if (symbol?.[2] === undefined) continue;
    if (!symbols.includes(symbol[2])) symbols.push(symbol[2]);
    binary ??= symbol[1];
    musl ||= symbol[0].startsWith('Error relocating');
    symbolLine ??= line.trim();
  }
  const line = libraryLine ?? symbolLine;
  if (line === undefined) return undefined;
  return { libraries, symbols, ...(binary ? { binary } : {}), musl, line };
}

/** How the reading is told: the title's clause, the cause, the next action and the fix. */
export function tellLoaderFailure(found: LoaderFailure): { title: string; cause: string; action: string; fix: string; evidence: string[] } {
  const binary = found.binary ?? 'the binary';
  const some = (names: readonly string[]) => (names.length > 4 ? listFirst(names, 3) : joinAnd(names));
  const base = found.musl ? ' The loader\'s words are musl\'s: the image is built on a musl base (Alpine), which ships and names its libraries unlike the glibc base such a binary is usually built on.' : '';
  if (found.libraries.length > 0) {
    const libs = some(found.libraries);
    const fix = `ship ${libs} in the image, or build ${binary} against the image's own libraries`;
    return {
      title: `: ${libs} ${found.libraries.length === 1 ? 'is' : 'are'} not in the image`,
      cause: `${binary} links ${libs}, which the image does not contain, so the dynamic loader stops it before it runs: exit 127, as for a missing command, though the command is there.${base}${found.symbols.length > 0 ? ` The unresolved symbols it lists after (${some(found.symbols)}) follow from the missing ${found.libraries.length === 1 ? 'library' : 'libraries'}.` : ''}`,
      action: `Run \`ldd ${binary}\` in the image to list every library it lacks, then ${fix}; restarting the pods will not help.`,
      fix,
      evidence: [`dynamic loader: ${binary} needs ${libs}, not found in the image`],
    };
  }
  const cxx = newestLibstdcxx(found.symbols);
  if (cxx !== undefined) {
    const fix = `build ${binary} on the runtime image's own distribution (the same release in the build and the runtime stage), or move the runtime base up to one whose libstdc++ provides ${cxx} (or link libstdc++ statically)`;
    return {
      title: `: ${binary} was built against a newer libstdc++ than the image's runtime provides (${some(found.symbols)} not found)`,
      cause: `${binary} was compiled with a newer C++ toolchain than the runtime image carries: the loader refuses the libstdc++ symbol versions it needs and the process stops as it loads it. The build and the runtime base disagree: a builder image moved to a newer distribution release while the runtime stage stayed on the older one, or the runtime moved to an older base. Nothing in the cluster is at fault; every pod of this image fails the same way.`,
      action: `${capitalize(fix)}; restarting the pods will not help.`,
      fix,
      evidence: [`dynamic loader: ${binary} needs ${some(found.symbols)}, which the image's libstdc++ does not have`],
    };
  }
  const glibc = newestGlibc(found.symbols);
  if (glibc !== undefined) {
    const fix = `build ${binary} on the runtime image's own distribution (the same release in the build and the runtime stage), or move the runtime base up to one with glibc ${glibc} or newer (or link ${binary} statically)`;
    return {
      title: `: ${binary} was built against glibc ${glibc}, newer than the image's runtime provides (${some(found.symbols)} not found)`,
      cause: `The binary was linked on a build image whose glibc is newer than the one in the runtime image, so the loader refuses the symbol versions it needs and stops it before it runs. The build and the runtime base disagree: a builder image moved to a newer distribution release while the runtime stage stayed on the older one, or the runtime moved to an older base or to musl (Alpine). Nothing in the cluster is at fault; every pod of this image fails the same way.`,
      action: `${capitalize(fix)}; restarting the pods will not help.`,
      fix,
      evidence: [`dynamic loader: ${binary} needs ${some(found.symbols)}, which the image's glibc does not have`],
    };
  }
  const syms = some(found.symbols);
  const fix = `build ${binary} against the libraries the image ships, or ship the versions it was built against`;
  return {
    title: `: the image's libraries lack ${syms} that ${binary} needs`,
    cause: `Every library ${binary} links is in the image, but not the versions it was built against: the loader cannot resolve ${syms} and stops it before it runs (exit 127).${base}`,
    action: `Compare the libraries of the running and the failing image (\`ldd ${binary}\`), then ${fix}; restarting the pods will not help.`,
    fix,
    evidence: [`dynamic loader: ${binary} cannot resolve ${syms}`],
  };
}

/** The loader's failure when all it lacks are glibc (or libstdc++) symbol versions: the binary was built on a newer glibc (or C++ toolchain) than the image's. */
export function findGlibcTooOld(lines: readonly string[]): LoaderFailure | undefined {
  const found = findLoaderFailure(lines);
  return found !== undefined && found.libraries.length === 0 && (newestGlibc(found.symbols) ?? newestLibstdcxx(found.symbols)) !== undefined ? found : undefined;
}

/** The newest libstdc++ symbol version missing ("GLIBCXX_3.4.29", else a "CXXABI_1.3.11"), when glibc's and libstdc++'s versions are all it lacks and one is libstdc++'s. */
function newestLibstdcxx(symbols: readonly string[]): string | undefined {
  if (!symbols.every((s) => /^(GLIBC|GLIBCXX|CXXABI)_\d+(\.\d+)*$/.test(s))) return undefined;
  const newerFirst = (a: string, b: string) => compareDottedVersions(b.split('_')[1] ?? '', a.split('_')[1] ?? '');
  const newest = (prefix: string) => symbols.filter((s) => s.startsWith(`${prefix}_`)).sort(newerFirst)[0];
  return newest('GLIBCXX') ?? newest('CXXABI');
}

/** The newest glibc symbol version the loader could not find ("GLIBC_2.34" → "2.34"), when those are all it lacks. */
function newestGlibc(symbols: readonly string[]): string | undefined {
  const versions = symbols.map((s) => /^GLIBC_(\d+)\.(\d+)$/.exec(s));
  if (versions.length === 0 || versions.some((v) => v === null)) return undefined;
  const best = versions.map((v) => [Number(v?.[1]), Number(v?.[2])] as const).sort((a, b) => b[0] - a[0] || b[1] - a[1])[0];
  return best ? `${best[0]}.${best[1]}` : undefined;
}
