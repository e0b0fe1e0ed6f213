/**
 * A JVM start-up blocked on entropy. Tomcat (and any SecureRandom seeded from the default source)
 * reads /dev/random, which blocks on entropy-starved VM nodes; its own log says how long:
 * "Creation of SecureRandom instance for session ID generation using [SHA1PRNG] took [183,442]
 * milliseconds". Images and JAVA_OPTS usually carry -Djava.security.egd=file:/dev/./urandom to
 * avoid it; a revision that dropped that flag (a new base image, rewritten JAVA_OPTS) is the trigger.
 */
import type { LogEvidence, RevisionEvidence } from './evidence.js';
import { sortRevisions } from './revision-diff.js';

/** Tomcat's SessionIdGeneratorBase warning, and the JDK's own "SecureRandom … took N ms" forms. */
const SECURE_RANDOM_TOOK = /Creation of SecureRandom instance(?: for [^\n]*?)?(?: using \[(\w+)\])? took \[([\d,]+)\] milliseconds/i;
/** Less than this is no stall worth naming. */
const MIN_STALL_MS = 10_000;
/** The flag (or its securerandom.source twin) that points SecureRandom at the non-blocking source. */
const EGD_FLAG = /-Djava\.security\.egd=\S+|-Dsecurerandom\.source=\S+/;
/** Variables a JVM takes its options from. */
const JVM_OPTS_ENV = /^(JAVA_OPTS|JAVA_TOOL_OPTIONS|CATALINA_OPTS|JDK_JAVA_OPTIONS|JVM_OPTS|JAVA_OPTIONS)$/;

export interface EntropyStall {
  /** The log line's words, shortened. */
  quote: string;
  ms: number;
  algorithm?: string;
  /** The revision whose JVM options no longer carry the egd flag the one before had. */
  dropped?: { revision: number; variable: string; flag: string };
}

/** The longest SecureRandom stall any of the logs names, with the revision that dropped the egd flag; undefined without one. */
export function findEntropyStall(logs: readonly LogEvidence[], revisions: readonly RevisionEvidence[], container: string): EntropyStall | undefined {
  let best: EntropyStall | undefined;
  for (const line of logs.flatMap((l) => l.lines)) {
    const m = SECURE_RANDOM_TOOK.exec(line);
    if (m === null) continue;
    const ms = Number((m[2] ?? '').replace(/,/g, ''));
    if (!(ms >= MIN_STALL_MS) || (best !== undefined && best.ms >= ms)) continue;
    best = { quote: m[0], ms, ...(m[1] ? { algorithm: m[1] } : {}) };
  }
  if (best === undefined) return undefined;
  const dropped = findDroppedEgd(revisions, container);
  return dropped ? { ...best, dropped } : best;
}

function egdOf(r: RevisionEvidence | undefined, container: string): { variable: string; flag: string } | undefined {
  const c = r?.containers.find((x) => x.name === container) ?? r?.containers[0];
  for (const e of c?.env ?? []) {
    if (!JVM_OPTS_ENV.test(e.name) || !('value' in e)) continue;
    const flag = EGD_FLAG.exec(e.value)?.[0];
    if (flag) return { variable: e.name, flag };
  }
  for (const a of [...(c?.command ?? []), ...(c?.args ?? [])]) {
    const flag = EGD_FLAG.exec(a)?.[0];
    if (flag) return { variable: 'the command line', flag };
  }
  return undefined;
}

/** The newest revision without the flag whose predecessor had it. */
function findDroppedEgd(revisions: readonly RevisionEvidence[], container: string): EntropyStall['dropped'] {
  const sorted = sortRevisions(revisions);
  for (let i = 0; i + 1 < sorted.length; i++) {
    const [now, before] = [sorted[i], sorted[i + 1]];
    if (now === undefined || egdOf(now, container) !== undefined) continue;
    const had = egdOf(before, container);
    if (had) return { revision: now.revision, ...had };
  }
  return undefined;
}
