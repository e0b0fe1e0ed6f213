/**
 * Commands that keep a container running without doing anything: `sleep infinity`,
 * `tail -f /dev/null`, a shell that loops on sleep. They are how people keep a pod up to exec into
 * it (a debug values file, a toolbox); they start no server and open no port.
 */

/** Init wrappers that exec what follows them: their own flags and `--` are skipped. */
const WRAPPERS = new Set(['tini', 'dumb-init', 'catatonit', 'exec']);
const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh']);
/** `sleep infinity`, `sleep 3600`, `sleep 1d`: any sleep; a server never starts from one. */
const SLEEP_ARG = /^(inf|infinity|\d+(\.\d+)?[smhd]?)$/;
/** Loop heads that never end: `while true`, `while :`, `until false`. */
const ENDLESS = /^(while\s+(true|:|\[\s*1\s*\])|until\s+false)$/;

function baseName(word: string): string {
  return word.slice(word.lastIndexOf('/') + 1);
}

function unquote(word: string): string {
  return word.replace(/^(["'])(.*)\1$/, '$2');
}

/** Drops init wrappers (`tini --`, `dumb-init`, `exec`) in front of the real command. */
function skipWrappers(argv: readonly string[]): string[] {
  let rest = [...argv];
  while (rest.length > 0 && WRAPPERS.has(baseName(rest[0] ?? ''))) {
    rest = rest.slice(1);
    while (rest.length > 0 && (rest[0] ?? '').startsWith('-')) {
      const flag = rest.shift();
      if (flag === '--') break;
    }
  }
  return rest;
}

/** One simple command that only waits: sleep, tail -f /dev/null, pause, or shell glue (wait, trap, echo, true). */
function isIdleWords(words: readonly string[]): boolean {
  const [head, ...rest] = skipWrappers(words);
  if (head === undefined) return true;
  const cmd = baseName(head);
  if (cmd === 'sleep') return rest.length > 0 && rest.every((a) => SLEEP_ARG.test(a));
  if (cmd === 'tail') return rest.includes('/dev/null') && rest.some((a) => /^-[a-zA-Z]*[fF]/.test(a));
  if (cmd === 'pause') return rest.length === 0;
  return ['wait', 'true', ':', 'trap', 'echo', 'printf'].includes(cmd);
}

/** A shell script made only of idle commands, endless loops around them, and glue. */
function isIdleScript(script: string): boolean {
  const statements = script
    .replace(/#[^\n]*/g, '')
    .split(/;|&&|\|\||&|\n/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (statements.length === 0) return false;
  let waits = false;
  for (const statement of statements) {
    const body = statement.replace(/^(do|then|else)\s+/, '');
    if (body === 'done' || body === 'fi' || ENDLESS.test(body)) continue;
    const words = body.split(/\s+/).map(unquote);
    if (!isIdleWords(words)) return false;
    if (/^(sleep|tail|pause|wait)$/.test(baseName(skipWrappers(words)[0] ?? ''))) waits = true;
  }
  // A script of only echo and true exits at once: that is another failure, not an idle container.
  return waits;
}

/**
 * What the container runs, shown as a person would type it, when it is a placeholder that
 * waits and serves nothing; undefined for anything else (including the image's own command).
 */
export function describeIdleCommand(command: readonly string[] | undefined, args: readonly string[] | undefined): string | undefined {
  const argv = [...(command ?? []), ...(args ?? [])];
  if (argv.length === 0) return undefined;
  const words = skipWrappers(argv);
  const [head] = words;
  if (head === undefined) return undefined;
  const shown = argv.map((a) => (/\s|;/.test(a) ? JSON.stringify(a) : a)).join(' ');
  if (SHELLS.has(baseName(head))) {
    const flag = words.findIndex((w, i) => i > 0 && /^-[a-z]*c[a-z]*$/.test(w));
    const script = flag > 0 ? words[flag + 1] : undefined;
    return script !== undefined && isIdleScript(script) ? shown : undefined;
  }
  if (!/^(sleep|tail|pause)$/.test(baseName(head))) return undefined;
  return isIdleWords(words) ? shown : undefined;
}
