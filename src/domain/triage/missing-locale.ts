/**
 * A process without a UTF-8 locale: the JVM, Python and Ruby encode file names (and often text)
 * in the charset of the locale LANG / LC_ALL name, and a minimal base image (distroless, -slim,
 * jlink, alpine) sets neither, so the process runs in the POSIX locale — ASCII. Only input with a
 * non-ASCII character (ü, é, ë) fails; ASCII input works and the pods stay Ready, so the errors
 * come and go with the input. The locale is fixed when the process starts: the change that set it
 * (a new base image, an env edit) is the trigger however late the first such input came.
 */
import type { ContainerSpecEvidence } from './evidence-pod.js';

interface Runtime {
  /** The error only a process in an ASCII locale gives. */
  error: RegExp;
  /** How the summary names the encoding when the process does not report it. */
  label: string;
  /** The runtime's own way out, after the locale. */
  hint: string;
}

const RUNTIMES: readonly Runtime[] = [
  {
    error: /InvalidPathException: Malformed input or input contains unmappable characters/,
    label: 'the JVM cannot encode non-ASCII file names',
    hint: 'the JVM reads the locale at start-up: sun.jnu.encoding follows it and cannot be set with -D (-Dfile.encoding=UTF-8 does not change how file names are encoded)',
  },
  { error: /Unicode(?:En|De)codeError: 'ascii' codec can't (?:en|de)code/, label: 'the ascii codec', hint: 'or set PYTHONUTF8=1, which makes Python use UTF-8 whatever the locale' },
  { error: /invalid byte sequence in US-ASCII/, label: 'US-ASCII', hint: 'or set RUBYOPT=-EUTF-8' },
];

/** The process's own report of an ASCII charset: `sun.jnu.encoding=ANSI_X3.4-1968`, glibc's `cannot change locale (en_US.UTF-8)`. */
const REPORTED_ASCII = /\b(?:sun\.jnu\.encoding|native\.encoding|filesystem ?encoding)\s*[=:]\s*(?:ANSI_X3\.4-1968|US-ASCII|ascii)\b/i;
const LOCALE_NAMES = ['LC_ALL', 'LC_CTYPE', 'LANG'];

export interface MissingLocale {
  /** For the title: "the process runs without a UTF-8 locale (…): …". */
  summary: string;
  likelyCause: string;
  nextAction: string;
  fix: string;
  /** Why a late first error does not clear the change that started the process. */
  latent: string;
}

/** `errors`: the error lines of ready pods; `lines`: all their log lines (the process may report its charset at start-up). */
export function explainMissingLocale(errors: readonly string[], lines: readonly string[], containers: readonly Pick<ContainerSpecEvidence, 'name' | 'env'>[]): MissingLocale | undefined {
  const runtime = RUNTIMES.find((r) => errors.some((l) => r.error.test(l)));
  if (runtime === undefined) return undefined;
  const reported = lines.map((l) => REPORTED_ASCII.exec(l)?.[0]).find((m) => m !== undefined);
  const set = containers.flatMap((c) => (c.env ?? []).flatMap((e) => (LOCALE_NAMES.includes(e.name) && 'value' in e ? [`${e.name}=${e.value}`] : [])));
  const utf8 = set.find((s) => /utf-?8/i.test(s));
  const fails = 'so every name or text with a non-ASCII character (ü, é, ë) fails while ASCII input works and the pods stay Ready';
  const where = utf8 !== undefined
    ? `The pod's env sets ${utf8}, but the process still runs in the POSIX locale: the image may not have that locale (a slim image often ships only C.UTF-8), so it falls back to ASCII, ${fails}.`
    : set.length > 0
    ? `The pod's env sets ${set.join(', ')}: the process runs in an ASCII locale, ${fails}.`
    : `Neither LANG nor LC_ALL is set in the pod's env, and a minimal base image (distroless, -slim, jlink, alpine) sets none: the process runs in the POSIX locale (ASCII), ${fails}. A new base image that dropped the old one's LANG is the usual trigger.`;
  const name = utf8?.split('=')[1];
  const fix = name !== undefined && !/^C\.UTF-?8$/i.test(name)
    ? `use LANG=C.UTF-8 (always present), or install the ${name} locale in the image`
    : "set LANG=C.UTF-8 (or LC_ALL=C.UTF-8) in the image or the container's env";
  return {
    summary: `the process runs without a UTF-8 locale (${reported ?? runtime.label}): names and text with non-ASCII characters fail`,
    likelyCause: `The process encodes file names and text in its locale's charset. ${where}`,
    nextAction: `${fix.charAt(0).toUpperCase()}${fix.slice(1)} and let the pods restart; ${runtime.hint}. Until then requests with non-ASCII names keep failing while the pods look healthy; a rollback restores the previous image and its locale.`,
    fix,
    latent: 'the locale is set when the process starts and only input with non-ASCII characters meets it, so errors that begin late still come from the change that started the process',
  };
}

/**
 * The UTF-8 locale variables the revision before set on `container` and `revision` no longer does
 * ("LANG=C.UTF-8, LC_ALL=C.UTF-8"): the edit that left the process in the POSIX locale.
 */
export function findDroppedLocale(revision: { containers: readonly Pick<ContainerSpecEvidence, 'name' | 'env'>[] } | undefined, previous: { containers: readonly Pick<ContainerSpecEvidence, 'name' | 'env'>[] } | undefined, container: string): string | undefined {
  const envOf = (r: typeof revision) => r?.containers.find((c) => c.name === container)?.env ?? [];
  const now = new Set(envOf(revision).filter((e) => 'value' in e && /utf-?8/i.test(e.value)).map((e) => e.name));
  const dropped = envOf(previous).flatMap((e) => (LOCALE_NAMES.includes(e.name) && 'value' in e && /utf-?8/i.test(e.value) && !now.has(e.name) ? [`${e.name}=${e.value}`] : []));
  return dropped.length > 0 ? dropped.join(', ') : undefined;
}
