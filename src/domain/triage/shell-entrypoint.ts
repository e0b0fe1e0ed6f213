/**
 * A container command that runs the app as a child of a shell (`sh -c "render … && java …"`): the
 * shell is PID 1, and PID 1 has no default signal handling, so the shell neither stops on SIGTERM
 * nor forwards it. The app only learns it must stop when the kubelet SIGKILLs it at the end of the
 * grace period. A script that ends in `exec app …`, traps the signal, or runs under an init (tini,
 * dumb-init) hands it on; one simple command is exec'd by the shell itself.
 */

export interface ShellEntrypoint {
  /** The shell as the command names it: `/bin/sh`, `bash`. */
  shell: string;
  /** The `-c` script as written. */
  script: string;
  /** The script's last command: the app the shell waits on. */
  app: string;
}

const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'ksh', 'zsh']);
/** Inits that reap and forward signals to their child. */
const INITS = /(?:^|\/)(?:tini|tini-static|dumb-init|catatonit)$/;

const baseName = (path: string): string => path.slice(path.lastIndexOf('/') + 1);

/** The shell wrapper of a container's command + args, when it keeps the app from PID 1 and signals. */
export function readShellEntrypoint(c: { command?: string[]; args?: string[] }): ShellEntrypoint | undefined {
  const argv = [...(c.command ?? []), ...(c.args ?? [])];
  if (argv.some((a) => INITS.test(a))) return undefined;
  // `env sh -c …` runs the same shell.
  const at = baseName(argv[0] ?? '') === 'env' ? 1 : 0;
  const shell = argv[at];
  if (shell === undefined || !SHELLS.has(baseName(shell))) return undefined;
  let i = at + 1;
  while (i < argv.length && /^-[a-z]+$/.test(argv[i] ?? '') && !(argv[i] ?? '').includes('c')) i++;
  if (!/^-[a-z]*c[a-z]*$/.test(argv[i] ?? '')) return undefined;
  const script = argv[i + 1];
  if (script === undefined || /\btrap\b/.test(script)) return undefined;
  // Pipes stay within one command; lists and lines make the shell wait on the last one.
  const commands = script.split(/&&|\|\||;|\n/).map((s) => s.trim()).filter((s) => s !== '');
  const app = commands[commands.length - 1];
  if (app === undefined || commands.length < 2 || /^exec\b/.test(app)) return undefined;
  return { shell, script, app };
}

/** The program the app command starts (`java`), past any `VAR=value` assignments. */
export function programOf(app: string): string {
  return app.split(/\s+/).find((w) => !/^\w+=/.test(w)) ?? app;
}

/** Log lines that state the process's own id: Spring Boot's "with PID 7", JSON loggers' "pid":7. */
const PID_LINES = [/\bwith PID (\d+)\b/, /"pid"\s*:\s*(\d+)/];

/** The app's process id as its own logs state it, when they do. */
export function findAppPid(lines: readonly string[]): number | undefined {
  for (const line of lines) {
    for (const re of PID_LINES) {
      const m = re.exec(line);
      if (m?.[1] !== undefined) return Number(m[1]);
    }
  }
  return undefined;
}
