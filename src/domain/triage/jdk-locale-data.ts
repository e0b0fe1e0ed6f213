/**
 * Since JDK 9 the JDK formats and parses dates with CLDR's locale data (JEP 252) instead of its
 * own (COMPAT), and CLDR's words differ and keep changing with the JDK: en_GB abbreviates
 * September as "Sept" (JDK 17), JDK 20 puts a narrow no-break space before "AM"/"PM". A
 * DateTimeFormatter with a locale-sensitive field (MMM, EEE, a) and a locale that is not the
 * data's own (Locale.UK for feeds written in plain English) then refuses text it took before:
 * `DateTimeParseException: Text '25-Sep-2026' could not be parsed at index 3`, the index where
 * the month word starts. Only input carrying such a word fails (September dates, afternoon
 * times), so the pods stay Ready and the errors come and go with the input. The JDK is fixed when
 * the process starts: the change that moved the base image to a newer JDK is the trigger however
 * late the first such input came. The fix is a fixed Locale (ENGLISH, US) for machine-written
 * dates; -Djava.locale.providers=COMPAT,CLDR is a stopgap (COMPAT is gone in JDK 23).
 */
import type { PodEvidence, RevisionEvidence } from './evidence.js';
import { sortRevisions } from './revision-diff.js';

const PARSE_FAILED = /DateTimeParseException: Text '([^']*)' could not be parsed at index (\d+)/;
/** A month, weekday or day-period word: what locale data supplies and CLDR changed. */
const LOCALE_WORD = /^(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun|AM|PM|a\.m\.|p\.m\.)[a-z.]*/i;
/** A JDK named by a base image, a change cause, an env value or the JVM's banner: `eclipse-temurin:17-jre`, `Java 17.0.13`. */
const JDK = /\b(?:temurin|openjdk|jdk|jre|java|(?:amazon)?corretto|zulu|liberica|semeru|microsoft-openjdk)[\s:_-]?v?(\d{1,2})(?=[._+\-\s)]|$)/i;

interface JdkMove {
  revision: number;
  from?: number;
  to: number;
}

/** The JDK major the first text naming one names (a base image, an env value, the JVM's banner). */
export function readJdkMajor(texts: readonly string[]): number | undefined {
  for (const t of texts) {
    const major = Number(JDK.exec(t)?.[1]);
    if (major >= 8 && major <= 40) return major;
  }
  return undefined;
}

/** The JDK one revision names: its change cause first (it says what moved), then its images and env values. */
export function revisionJdk(r: RevisionEvidence): number | undefined {
  return readJdkMajor([r.changeCause ?? '', ...r.containers.flatMap((c) => [c.image, ...c.env.flatMap((e) => ('value' in e && e.value !== undefined ? [e.value] : []))])]);
}

/** The newest revision's move to a newer JDK major, when the erroring pods run it and the two revisions name their JDKs. */
function findJdkMove(revisions: readonly RevisionEvidence[], pods: readonly PodEvidence[], lines: readonly string[]): JdkMove | undefined {
  const [newest, previous] = sortRevisions(revisions);
  if (newest === undefined || previous === undefined || pods.length === 0 || pods.some((p) => p.revisionHash !== newest.hash)) return undefined;
  const to = revisionJdk(newest) ?? readJdkMajor(lines);
  const from = revisionJdk(previous);
  if (to === undefined || from === undefined || from >= to) return undefined;
  return { revision: newest.revision, from, to };
}

export interface JdkLocaleData {
  summary: string;
  likelyCause: string;
  nextAction: string;
  fix: string;
  /** Set when a revision moved the JDK: errors that begin late still come from it. */
  latent?: string;
}

/** `errors`: the error lines of ready pods; `lines`: all their log lines (the JVM's banner names its version). */
export function explainJdkLocaleData(errors: readonly string[], lines: readonly string[], revisions: readonly RevisionEvidence[], pods: readonly PodEvidence[]): JdkLocaleData | undefined {
  // The word at the index the parser stopped at; a space before it counts (JDK 20+ expects a narrow no-break space before AM/PM).
  const wordAt = (m: RegExpExecArray) => LOCALE_WORD.exec((m[1] ?? '').slice(Number(m[2])).replace(/^[\s\u00a0\u202f]+/, ''))?.[0];
  const refused = errors.map((l) => PARSE_FAILED.exec(l)).find((m): m is RegExpExecArray => m !== null && wordAt(m) !== undefined);
  if (refused === undefined) return undefined;
  const word = wordAt(refused) ?? '';
  const move = findJdkMove(revisions, pods, lines);
  const running = move?.to ?? readJdkMajor(lines);
  const jdk = running !== undefined ? `JDK ${running}` : 'this JDK';
  const moved = move ? ` Revision ${move.revision} moved the image from JDK ${move.from ?? '?'} to JDK ${move.to}, whose CLDR data spells these words differently from the JDK it replaced.` : '';
  const fix = 'parse machine-written dates with a fixed Locale (Locale.ENGLISH or Locale.US) instead of a regional one, or set -Djava.locale.providers=COMPAT,CLDR as a stopgap (gone in JDK 23)';
  return {
    summary: `date parsing refuses "${word}": ${move ? `JDK ${move.to} (JDK ${move.from ?? '?'} before revision ${move.revision})` : jdk} takes month and day words from CLDR's locale data, which spells that word differently for the pattern's locale`,
    likelyCause: `The dates are parsed with a locale-sensitive pattern (MMM, EEE, a), and since JDK 9 the words come from CLDR's locale data, which differs from the old COMPAT data and changes with the JDK (en_GB abbreviates September as "Sept" since JDK 17; JDK 20 puts a narrow no-break space before AM/PM).${moved} Only input carrying such a word fails, so the pods stay Ready while those records are refused.`,
    nextAction: `${fix.charAt(0).toUpperCase()}${fix.slice(1)}; roll back to the previous JDK meanwhile if the refused input cannot wait, then reprocess what was refused. Restarting the pods will not help.`,
    fix,
    ...(move ? { latent: `the JDK's locale data is fixed when the process starts and only input with such a word meets it, so errors that begin late still come from revision ${move.revision}'s JDK ${move.to}` } : {}),
  };
}
