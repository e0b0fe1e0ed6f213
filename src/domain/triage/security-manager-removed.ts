/**
 * JDK 18 and later disallow installing a Security Manager by default (JEP 411): a call to
 * System.setSecurityManager throws `UnsupportedOperationException: The Security Manager is
 * deprecated and will be removed in a future release` unless the JVM starts with
 * -Djava.security.manager=allow (JDK 24 refuses it for good: "Setting a Security Manager is not
 * supported"). JDK 17 only printed a warning, so code that installs one keeps working until the
 * image's JDK moves past 17: the base image is the trigger, the call in the app the mechanism.
 */
import type { RevisionEvidence } from './evidence.js';
import { readJdkMajor, revisionJdk } from './jdk-locale-data.js';

const REFUSED = /UnsupportedOperationException: (?:The Security Manager is deprecated and will be removed|Setting a Security Manager is not supported|The Security Manager is permanently disabled)/;
/** The frame of the app that installed it: the line after System.setSecurityManager in the stack. */
const SET_FRAME = /System\.setSecurityManager\(/;

/** Stack frames name source files ("Sandbox.java:38"), not the JDK: only the other lines may carry its banner. */
const notFrames = (lines: readonly string[]) => lines.filter((l) => !/\.java:\d/.test(l));

export interface SecurityManagerRefusal {
  /** The line that says it, trimmed. */
  line: string;
  /** The app's frame that calls System.setSecurityManager ("com.acme.rules.Sandbox.<init>"), when the stack shows it. */
  caller?: string;
  /** The JDK major the failing process runs (its banner, its revision's image or env). */
  jdk?: number;
  /** The JDK major the revision before it ran, when it names one older than 18. */
  before?: number;
}

/**
 * The refusal in a crashed log, with the JDK it ran on. `current`/`previous`: the failing pods'
 * revision and the one before it; `otherLines`: the logs of pods still running the previous revision
 * (their banner names the JDK that only warned).
 */
export function findSecurityManagerRefusal(lines: readonly string[], current?: RevisionEvidence, previous?: RevisionEvidence, otherLines: readonly string[] = []): SecurityManagerRefusal | undefined {
  const at = lines.findIndex((l) => REFUSED.test(l));
  if (at < 0) return undefined;
  const line = (lines[at] ?? '').trim().replace(/^Caused by: /, '');
  const setAt = lines.findIndex((l, i) => i > at && SET_FRAME.test(l));
  const frame = setAt >= 0 ? /at\s+(?:[\w.$-]+\/)?([\w.$]+)\.([\w<>$]+)\(/.exec(lines[setAt + 1] ?? '') : null;
  // The class by its simple name, and the method unless it is a constructor or static initializer.
  const cls = frame?.[1]?.split('.').pop();
  const caller = cls ? (/^<(cl)?init>$/.test(frame?.[2] ?? '') ? cls : `${cls}.${frame?.[2] ?? ''}`) : undefined;
  const jdk = readJdkMajor(notFrames(lines)) ?? (current ? revisionJdk(current) : undefined);
  const older = (previous ? revisionJdk(previous) : undefined) ?? readJdkMajor(notFrames(otherLines));
  const before = older !== undefined && older < 18 && (jdk === undefined || older < jdk) ? older : undefined;
  return { line, ...(caller ? { caller } : {}), ...(jdk !== undefined ? { jdk } : {}), ...(before !== undefined ? { before } : {}) };
}

export function tellSecurityManagerRefusal(found: SecurityManagerRefusal): { title: string; cause: string; action: string; fix: string; evidence: string[] } {
  const runs = found.jdk !== undefined ? `Java ${found.jdk}` : 'a JDK past 17';
  const was = found.before !== undefined ? ` (Java ${found.before} before)` : '';
  const who = found.caller ? ` in ${found.caller}` : '';
  const stopgap = found.jdk !== undefined && found.jdk >= 24 ? '' : '; as a stopgap start the JVM with -Djava.security.manager=allow (JAVA_TOOL_OPTIONS)';
  const fix = `remove the System.setSecurityManager call${who}${stopgap}`;
  return {
    title: `: ${runs}${was} refuses System.setSecurityManager${who} — disallowed by default since JDK 18`,
    cause: `The process runs on ${runs}${was}. Since JDK 18 (JEP 411) installing a Security Manager is disallowed unless the JVM starts with -Djava.security.manager=allow: System.setSecurityManager throws UnsupportedOperationException, where JDK 17 only printed a warning. The app still installs one${who}, so it fails at startup; the base image's JDK move is the trigger, not the app's configuration.`,
    action: `Roll back to the image on Java ${found.before ?? 17} meanwhile (or add -Djava.security.manager=allow to JAVA_TOOL_OPTIONS as a stopgap), then remove the System.setSecurityManager call${who}. Restarting the pods will not help.`,
    fix,
    evidence: [`runtime: ${runs}${was}; System.setSecurityManager${who} throws since JDK 18 without -Djava.security.manager=allow`],
  };
}
