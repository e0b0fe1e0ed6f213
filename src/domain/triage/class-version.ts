/**
 * A JVM refusing classes compiled by a newer JDK: `java.lang.UnsupportedClassVersionError: X has
 * been compiled by a more recent version of the Java Runtime (class file version 65.0), this
 * version of the Java Runtime only recognizes class file versions up to 61.0` (Java 9 and later),
 * or `X : Unsupported major.minor version 52.0` (Java 8 and older runtimes). Class file major
 * version N is Java release N − 44 (52 → 8, 61 → 17, 65 → 21). The build's JDK moved past the
 * runtime the image ships (a toolchain bump without the base image): the image is the change, so a
 * rollback mitigates, and a runtime as new as the compiler, or `--release` for the runtime, fixes it.
 */
import type { PodEvidence, RevisionEvidence, TriageEvidence } from './evidence.js';
import { sortRevisions } from './revision-diff.js';
import { unique } from './pod-status.js';

export interface ClassVersionRefusal {
  /** The log line that says it, trimmed. */
  line: string;
  /** The refused class, as the JVM names it ("com/acme/billing/App"). */
  className: string;
  /** The class file's major version. */
  compiled: number;
  /** The newest class file version the runtime reads; older runtimes do not say. */
  supported?: number;
  /** The refused class is the main class the JVM was loading: the app's own build, not a dependency's. */
  mainClass: boolean;
}

const RECENT_JVM = /UnsupportedClassVersionError: (\S+) has been compiled by a more recent version of the Java Runtime \(class file version (\d+)(?:\.\d+)?\), this version of the Java Runtime only recognizes class file versions up to (\d+)(?:\.\d+)?/;
const OLD_JVM = /UnsupportedClassVersionError: (\S+?) ?: Unsupported major\.minor version (\d+)(?:\.\d+)?/;

/** Java release of a class file major version (49 is Java 5); undefined below it. */
export function javaRelease(classFileVersion: number): number | undefined {
  return classFileVersion >= 49 ? classFileVersion - 44 : undefined;
}

/** The last refusal the log reports, with the versions it names. */
export function findClassVersionRefusal(lines: readonly string[]): ClassVersionRefusal | undefined {
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i] ?? '';
    const recent = RECENT_JVM.exec(line);
    const old = recent ? undefined : OLD_JVM.exec(line);
    const m = recent ?? old;
    if (!m) continue;
    const className = m[1] ?? '';
    const dotted = className.replace(/\//g, '.');
    const mainClass = lines.some((l) => l.includes(`main class ${dotted}`) || l.includes(`Exception in thread "main" java.lang.UnsupportedClassVersionError: ${className}`));
    return { line: line.trim(), className, compiled: Number(m[2]), ...(recent ? { supported: Number(recent[3]) } : {}), mainClass };
  }
  return undefined;
}

/** The revision whose pods are refused, and the one before it when its image differs. */
function findBringingRevision(ev: TriageEvidence, failing: readonly PodEvidence[], container: string): { revision: RevisionEvidence; previous?: RevisionEvidence } | undefined {
  const hashes = unique(failing.flatMap((p) => (p.revisionHash ? [p.revisionHash] : [])));
  if (hashes.length !== 1) return undefined;
  const sorted = sortRevisions(ev.revisions);
  const at = sorted.findIndex((r) => r.hash === hashes[0]);
  const revision = sorted[at];
  if (revision === undefined) return undefined;
  const imageOf = (r: RevisionEvidence) => r.containers.find((c) => c.name === container)?.image;
  const previous = sorted.slice(at + 1).find((r) => imageOf(r) !== undefined);
  return previous && imageOf(previous) !== imageOf(revision) ? { revision, previous } : { revision };
}

export interface ClassVersionTold {
  title: string;
  cause: string;
  action: string;
  fix: string;
  evidence: string[];
}

/** The finding's words: both Java releases, what brought the classes, and the two ways to make them agree. */
export function tellClassVersionRefusal(found: ClassVersionRefusal, ev: TriageEvidence, failing: readonly PodEvidence[], container: string, image: string): ClassVersionTold {
  const built = javaRelease(found.compiled);
  const runs = found.supported !== undefined ? javaRelease(found.supported) : undefined;
  const builtFor = built !== undefined ? `Java ${built}` : `class file ${found.compiled}`;
  const runtime = runs !== undefined ? `Java ${runs}` : built !== undefined ? `older than Java ${built}` : 'older';
  const title = `: compiled for ${builtFor} (class file ${found.compiled}), the image's runtime is ${runtime}${found.supported !== undefined ? ` (up to ${found.supported})` : ''}`;
  const release = runs !== undefined ? `--release ${runs}` : '--release for the runtime';
  const newer = built !== undefined ? `a Java ${built} runtime` : 'a runtime as new as the compiler';
  // A dependency built for the newer Java is not fixed by --release of the app's own code.
  const fix = found.mainClass ? `rebuild the image on ${newer} (or compile with ${release})` : `rebuild the image on ${newer} (or compile with ${release}; a dependency built for ${builtFor} needs a release of it built for the runtime)`;
  const brought = findBringingRevision(ev, failing, container);
  const before = brought?.previous?.containers.find((c) => c.name === container)?.image;
  const since = brought
    ? ` Revision ${brought.revision.revision} brought the image (${image}${brought.previous ? `; revision ${brought.previous.revision} ran ${shortenLike(before ?? 'another image', image)}` : ''}): it is the change to roll back.`
    : ` The image these pods run (${image}) brought the classes.`;
  return {
    title,
    cause: `The JVM refuses to load ${found.className}: it was compiled for ${builtFor} (class file version ${found.compiled}.0) and the Java runtime in the image is ${runtime}${found.supported !== undefined ? ` (reads class files up to ${found.supported}.0)` : ''}. The build's JDK moved past the runtime the image ships, so every start fails the same way within a second; the cluster and the app's dependencies have nothing to do with it.${since}`,
    action: `${brought?.previous ? `Roll back to revision ${brought.previous.revision} so its image keeps serving; then ` : ''}${fix}. Restarting the pods will not help.`,
    fix,
    evidence: [`${found.className}: class file version ${found.compiled} (${builtFor}); the runtime reads up to ${found.supported ?? '?'}${runs !== undefined ? ` (Java ${runs})` : ''}, in image ${image}`],
  };
}

/** The other image's tag alone when it is the same repository ("2.18.0"), else the whole reference. */
function shortenLike(other: string, image: string): string {
  const repo = (i: string) => i.replace(/@sha256:[0-9a-f]+$/, '').replace(/:[\w][\w.-]*$/, '');
  return repo(other) === repo(image) && other.startsWith(`${repo(other)}:`) ? other.slice(repo(other).length + 1) : other;
}
