/**
 * A JVM that refuses an option on its command line and exits before any application code runs
 * ("Unrecognized VM option 'X'", "Unrecognized option: X", "Improperly specified VM option 'X'"),
 * followed by the generic "Could not create the Java Virtual Machine" / "A fatal exception has
 * occurred" trailer. The refused option is the decisive line, not the trailer. Options are removed
 * as the JDK moves (a GC, PermGen, old logging flags), so a base image moving to a newer JDK under
 * an unchanged options variable is the usual trigger: the option, where it is set and the JDK
 * move say what to do.
 */
import type { ContainerSpecEvidence, RevisionEvidence } from './evidence.js';
import { readJdkMajor, revisionJdk } from './jdk-locale-data.js';

const REFUSED = [
  /Unrecognized VM option '([^']+)'/,
  /Improperly specified VM option '([^']+)'/,
  /Unrecognized option: (\S+)/,
];

/** Options the JDK dropped, by the name the JVM quotes: what went and in which JDK. */
const REMOVED: readonly { re: RegExp; what: string; plural?: true; jdk: number; instead: string }[] = [
  { re: /^(?:UseConcMarkSweepGC|CMS\w*|UseCMS\w*)/, what: 'the CMS collector', jdk: 14, instead: 'use G1, the default' },
  { re: /^UseParNewGC/, what: 'the ParNew collector', jdk: 10, instead: 'use G1, the default' },
  { re: /^(?:Max)?PermSize/, what: 'the PermSize options (PermGen itself went in JDK 8)', plural: true, jdk: 17, instead: 'use -XX:MaxMetaspaceSize if a cap is needed' },
  { re: /^AggressiveOpts/, what: 'AggressiveOpts', jdk: 12, instead: 'drop it' },
  { re: /^(?:PrintGCDateStamps|PrintGCTimeStamps|PrintGCApplicationStoppedTime|UseGCLogFileRotation|NumberOfGCLogFiles|GCLogFileSize|PrintTenuringDistribution)/, what: 'the old GC logging flags', plural: true, jdk: 9, instead: 'use -Xlog:gc*' },
];

export interface JvmOptionRefusal {
  /** The JVM's own line, trimmed. */
  line: string;
  /** The option as the JVM quotes it ("UseConcMarkSweepGC"). */
  option: string;
  /** The flag as written where it is set ("-XX:+UseConcMarkSweepGC"), and where ("JAVA_OPTS", "args"). */
  flag?: string;
  where?: string;
  /** The JDK major the failing process runs, and the one its revision before ran (when older). */
  jdk?: number;
  before?: number;
  removed?: { what: string; plural?: true; jdk: number; instead: string };
}

/** The token that carries the option in a command line or an options variable. */
function tokenFor(text: string, option: string): string | undefined {
  const name = option.replace(/^[-+]+|[=:].*$/g, '').replace(/^XX:[+-]?/, '');
  return text.split(/\s+/).find((t) => t.length > 0 && (t === option || t.includes(name)));
}

function whereSet(c: ContainerSpecEvidence, option: string): { flag: string; where: string } | undefined {
  for (const e of c.env ?? []) {
    const flag = 'value' in e ? tokenFor(e.value, option) : undefined;
    if (flag !== undefined) return { flag, where: e.name };
  }
  for (const [where, list] of [['args', c.args], ['command', c.command]] as const) {
    const flag = tokenFor((list ?? []).join(' '), option);
    if (flag !== undefined) return { flag, where };
  }
  return undefined;
}

/**
 * The refusal in a crashed log (its last lines), with the flag's place in the container spec and the
 * JDK move of the failing pods' revision. `current`/`previous`: that revision and the one before it.
 */
export function findJvmOptionRefusal(lines: readonly string[], c: ContainerSpecEvidence, current?: RevisionEvidence, previous?: RevisionEvidence): JvmOptionRefusal | undefined {
  // The trailer says it is the JVM: without it an "Unrecognized option" line may be any tool's.
  if (!lines.some((l) => /Could not create the Java Virtual Machine/.test(l))) return undefined;
  const hit = lines.flatMap((l) => REFUSED.map((re) => re.exec(l)).filter((m): m is RegExpExecArray => m !== null))[0];
  const option = hit?.[1];
  if (hit === undefined || option === undefined) return undefined;
  const set = whereSet(c, option);
  const jdk = (current ? revisionJdk(current) : undefined) ?? readJdkMajor(lines);
  const older = previous ? revisionJdk(previous) : undefined;
  const before = older !== undefined && (jdk === undefined || older < jdk) ? older : undefined;
  const bare = option.replace(/^-XX:[+-]?/, '').replace(/^[+-]/, '');
  const gone = REMOVED.find((r) => r.re.test(bare));
  return {
    line: hit[0],
    option,
    ...(set ?? {}),
    ...(jdk !== undefined ? { jdk } : {}),
    ...(before !== undefined ? { before } : {}),
    ...(gone ? { removed: { what: gone.what, ...(gone.plural ? { plural: true as const } : {}), jdk: gone.jdk, instead: gone.instead } } : {}),
  };
}

export function tellJvmOptionRefusal(found: JvmOptionRefusal): { title: string; cause: string; action: string; fix: string; evidence: string[] } {
  const flag = found.flag ?? found.option;
  const where = found.where ? ` set in ${found.where}` : '';
  const runs = found.jdk !== undefined ? `Java ${found.jdk}` : 'the JVM';
  const was = found.before !== undefined ? ` (Java ${found.before} before)` : '';
  const were = found.removed?.plural ? 'were' : 'was';
  const gone = found.removed ? ` — ${found.removed.what} ${were} removed in JDK ${found.removed.jdk}` : '';
  const instead = found.removed ? ` (${found.removed.instead})` : '';
  const fix = `remove ${flag} from ${found.where ?? 'the JVM options'}${instead}`;
  return {
    title: `: ${runs}${was} does not recognize ${flag}${where}${gone}`,
    cause: `The JVM exits before any application code runs: it refuses ${flag}${where} ("${found.line}"), and "Could not create the Java Virtual Machine" is only its trailer. ${found.removed ? `${capital(found.removed.what)} ${were} removed in JDK ${found.removed.jdk}, so ${runs} no longer knows the option` : `${runs} does not know the option`}${found.before !== undefined ? `; the image's move from Java ${found.before} is the trigger, the unchanged options the mechanism` : ''}.`,
    action: `${found.before !== undefined ? `Roll back to the image on Java ${found.before}, or ` : ''}${found.before !== undefined ? fix : capital(fix)}. Restarting the pods will not help.`,
    fix,
    evidence: [`${flag}${where}; ${runs}${was} refuses it${gone}`],
  };
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
