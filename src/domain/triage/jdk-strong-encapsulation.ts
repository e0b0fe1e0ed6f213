/**
 * Since JDK 16 (JEP 396) the JDK's internals are strongly encapsulated by default, and since JDK 17
 * (JEP 403) no --illegal-access switch brings the old leniency back: a library that reflects into
 * java.base (cglib's ClassLoader.defineClass behind old Spring proxies, old Groovy, Kryo, javassist
 * …) gets `InaccessibleObjectException: Unable to make … accessible: module java.base does not
 * "opens java.lang" to unnamed module`, or an IllegalAccessError for a package java.base does not
 * export. JDK 9 to 15 only warned ("An illegal reflective access operation has occurred"), so the
 * same code breaks when the image's JDK moves past 15: the base image is the trigger, the library
 * the mechanism. The way out is --add-opens (or --add-exports) for that package, the library's
 * upgrade, or the older JDK.
 */
import type { RevisionEvidence } from './evidence.js';
import { readJdkMajor, revisionJdk } from './jdk-locale-data.js';

/** `module java.base does not "opens java.lang" to unnamed module @4b85612c`; `… does not export sun.nio.ch to unnamed module`. */
const REFUSED = /(InaccessibleObjectException|IllegalAccessError)\b.*?module ([\w.]+) does not (?:"(opens|exports) ([\w.]+)"|(export) ([\w.]+)) to (unnamed module|module ([\w.]+))/;
/** A stack frame and the class it runs in. */
const FRAME = /^\s*at\s+(?:[\w.$-]+\/)?([\w.$]+)\.[\w<>$]+\(/;
/** The JDK's own frames, before the library's. */
const JDK_FRAME = /^(?:java|javax|jdk|sun|com\.sun)\./;

/** Stack frames name source files, not the JDK: only the other lines may carry its banner. */
const notFrames = (lines: readonly string[]) => lines.filter((l) => !/\.java:\d/.test(l));

export interface EncapsulationRefusal {
  /** The line that says it, trimmed. */
  line: string;
  /** `--add-opens` or `--add-exports`. */
  flag: '--add-opens' | '--add-exports';
  /** The option's value: `java.base/java.lang=ALL-UNNAMED`. */
  value: string;
  /** The package the JDK keeps closed: `java.lang`. */
  pkg: string;
  /** The first class outside the JDK that reflects (`org.example.proxy.ReflectUtils`), when the stack shows it. */
  caller?: string;
  /** The JDK major the failing process runs (its banner, its revision's image or change cause). */
  jdk?: number;
  /** The JDK major of the revision before, when it names one older than 16. */
  before?: number;
}

/** The refusal in a crashed log, with the JDKs of the failing pods' revision (`current`) and the one before (`previous`). */
export function findEncapsulationRefusal(lines: readonly string[], current?: RevisionEvidence, previous?: RevisionEvidence): EncapsulationRefusal | undefined {
  // The innermost cause is the JDK's own words; a wrapper above it may quote them too.
  const at = lines.findLastIndex((l) => REFUSED.test(l));
  if (at < 0) return undefined;
  const m = REFUSED.exec(lines[at] ?? '');
  if (m === null) return undefined;
  const [, , module = 'java.base', quoted, quotedPkg, , barePkg, , named] = m;
  const pkg = quotedPkg ?? barePkg ?? '';
  const flag = quoted === 'opens' ? '--add-opens' : '--add-exports';
  const caller = lines.slice(at + 1, at + 30).map((l) => FRAME.exec(l)?.[1]?.replace(/\$.*$/, '')).find((c) => c !== undefined && !JDK_FRAME.test(c));
  const jdk = readJdkMajor(notFrames(lines)) ?? (current ? revisionJdk(current) : undefined);
  const older = previous ? revisionJdk(previous) : undefined;
  const before = older !== undefined && older < 16 && (jdk === undefined || older < jdk) ? older : undefined;
  return {
    line: (lines[at] ?? '').trim().replace(/^Caused by: /, ''),
    flag,
    value: `${module}/${pkg}=${named ?? 'ALL-UNNAMED'}`,
    pkg,
    ...(caller ? { caller } : {}),
    ...(jdk !== undefined ? { jdk } : {}),
    ...(before !== undefined ? { before } : {}),
  };
}

export function tellEncapsulationRefusal(found: EncapsulationRefusal): { title: string; cause: string; action: string; fix: string; evidence: string[] } {
  const runs = found.jdk !== undefined ? `Java ${found.jdk}` : 'a JDK 16 or later';
  const was = found.before !== undefined ? ` (Java ${found.before} before)` : '';
  const who = found.caller ? ` (${found.caller})` : '';
  const option = `${found.flag} ${found.value}`;
  return {
    title: `: ${runs}${was} denies a library's reflective access to ${found.pkg}${who} — JDK internals are strongly encapsulated since JDK 16 (needs ${option})`,
    cause: `The process runs on ${runs}${was}. Since JDK 16 (JEP 396, and for good in JDK 17, JEP 403) the JDK's internals are strongly encapsulated: reflection into ${found.pkg} is refused unless the JVM starts with ${option}, where JDK 9 to 15 only warned of an illegal reflective access. A library of the app${who} still reflects into it (cglib proxies of older Spring, old Groovy, Kryo, javassist do), so the app fails at startup; ${found.before !== undefined ? 'the base image\'s JDK move is the trigger' : 'a move of the image\'s JDK past 15 is the usual trigger'}, not the app's code or configuration.`,
    action: `Roll back to the image ${found.before !== undefined ? `on Java ${found.before}` : 'before the JDK moved'} meanwhile, or start the JVM with ${option} (JAVA_TOOL_OPTIONS, which the JVM reads itself); then upgrade the library that reflects to a release that supports ${runs}. Restarting the pods will not help.`,
    fix: `add ${option} to the JVM's options (JAVA_TOOL_OPTIONS), or upgrade the library that reflects${who}, or keep the JDK the app ran on`,
    evidence: [`runtime: ${runs}${was}; reflection into ${found.pkg} is refused since JDK 16 without ${option}`],
  };
}
