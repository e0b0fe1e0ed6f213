/**
 * A container whose pod spec sets args but no command: the image's ENTRYPOINT decides which program
 * receives those args. When a revision changes only the image and the process now refuses a flag
 * of the unchanged args ("unknown flag: --x", "flag provided but not defined: -x", "unrecognized
 * arguments: --x", "invalid option"), the args likely reach another program than the one they are
 * for — the new image's ENTRYPOINT (a base image that now starts a launcher or wrapper) — not a bad
 * flag. The usage text the refusing program prints names it. Pure: reads the log, the container
 * spec and the two revisions.
 */
import type { ContainerSpecEvidence } from './evidence-pod.js';
import type { RevisionEvidence } from './evidence-spec.js';

/** A command-line parser refusing a flag, as cobra/pflag, Go's flag, argparse, getopt and clap say it. */
const REFUSED: readonly RegExp[] = [
  /\bunknown (?:shorthand )?flag:? '?(-{1,2}[\w][\w.-]*)/i,
  /\bflag provided but not defined:? (-{1,2}[\w][\w.-]*)/i,
  /\bunrecognized arguments?:? (-{1,2}[\w][\w.-]*)/i,
  /\b(?:invalid|unknown|unrecognized) option:? '?(-{1,2}[\w][\w.-]*)/i,
  /\bunexpected argument '(-{1,2}[\w][\w.-]*)'/i,
];

export interface ArgsRefusal {
  /** The parser's own line, trimmed. */
  line: string;
  /** The refused flag ("--config"). */
  flag: string;
  /** The program whose usage the log prints, when it names one. */
  program?: string;
  /** The image before and now. */
  imageBefore: string;
  image: string;
  /** A base image the revisions' annotations or change cause name as moved ("base:1 → base:2"). */
  base?: string;
  /** The revision before, the way back. */
  previous: number;
}

/** "Usage:\n  prog [command]", "usage: prog [-h]", "Usage of /bin/prog:". */
function readProgram(lines: readonly string[]): string | undefined {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const of = /^\s*Usage of (\S+?):?\s*$/.exec(line)?.[1];
    const same = /^\s*usage:\s+(\S+)/i.exec(line)?.[1];
    const next = /^\s*usage:\s*$/i.test(line) ? /^\s+(\S+)/.exec(lines[i + 1] ?? '')?.[1] : undefined;
    const name = of ?? same ?? next;
    if (name !== undefined && !/^[[<-]/.test(name)) return name.split('/').at(-1);
  }
  return undefined;
}

const sameList = (a: readonly string[] | undefined, b: readonly string[] | undefined) => (a ?? []).join('\u0000') === (b ?? []).join('\u0000');
const IMAGE_LIKE = /^[\w.-]+(?:\/[\w.-]+)+:[\w.-]+$|^[\w.-]+:[\w.-]+$/;

/** A base image both revisions name in their template annotations, moved between them. */
function readBaseMove(current: RevisionEvidence, previous: RevisionEvidence): string | undefined {
  const now = current.template?.annotations ?? {};
  const before = previous.template?.annotations ?? {};
  for (const [key, value] of Object.entries(now)) {
    const old = before[key];
    if (/base/i.test(key) && old !== undefined && old !== value && IMAGE_LIKE.test(value) && IMAGE_LIKE.test(old)) return `${old} → ${value}`;
  }
  return undefined;
}

/**
 * The refusal in a crashed log, when the refused flag is one of the container's args, command is
 * unset, and the pods' revision changed the image but neither args nor command from the one before.
 */
export function findArgsRefusal(lines: readonly string[], c: Pick<ContainerSpecEvidence, 'name' | 'image' | 'command' | 'args'>, current?: RevisionEvidence, previous?: RevisionEvidence): ArgsRefusal | undefined {
  if ((c.command ?? []).length > 0 || (c.args ?? []).length === 0 || current === undefined || previous === undefined) return undefined;
  const hit = lines.flatMap((l) => REFUSED.map((re) => re.exec(l)).filter((m): m is RegExpExecArray => m !== null))[0];
  const flag = hit?.[1];
  if (hit === undefined || flag === undefined) return undefined;
  if (!(c.args ?? []).some((a) => a === flag || a.startsWith(`${flag}=`))) return undefined;
  const now = current.containers.find((x) => x.name === c.name);
  const before = previous.containers.find((x) => x.name === c.name);
  if (now === undefined || before === undefined || now.image === before.image) return undefined;
  if (!sameList(now.args, before.args) || !sameList(now.command, before.command)) return undefined;
  const program = readProgram(lines);
  const base = readBaseMove(current, previous);
  return { line: hit[0].trim(), flag, ...(program ? { program } : {}), imageBefore: before.image, image: now.image, ...(base ? { base } : {}), previous: previous.revision };
}

export function tellArgsRefusal(found: ArgsRefusal): { title: string; cause: string; action: string; fix: string; evidence: string[] } {
  const who = found.program ?? 'another program';
  const base = found.base ? ` (base image ${found.base})` : '';
  const fix = `set command in the pod spec to the program the args are for${found.program ? ` (not ${found.program})` : ''}, or adapt the args to the new image's ENTRYPOINT`;
  return {
    title: `: the unchanged args now reach ${who}, likely the image's new ENTRYPOINT (command is unset)`,
    cause:
      `The pod spec sets args but no command, so the image's ENTRYPOINT decides which program receives them. The revision changed the image${base} and not the args, yet the process now refuses ${found.flag}${found.program ? ` and prints the usage of ${found.program}` : ''}: ` +
      `the args likely reach a different program than the one they are for — the new image's ENTRYPOINT (a launcher or wrapper) — rather than the flag being wrong. The image's config (its Entrypoint) confirms it.`,
    action: `Roll back to revision ${found.previous}, then ${fix}. Restarting the pods will not help.`,
    fix,
    evidence: [`args unchanged, command unset; image ${found.imageBefore} → ${found.image}${base}${found.program ? `; the refusing program's usage names ${found.program}` : ''}`],
  };
}
