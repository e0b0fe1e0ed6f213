/**
 * A container that never started its process: the runtime (runc, crun) could not exec the command,
 * and says why in the container's terminated message (StartError / ContainerCannotRun, exit 128)
 * and in the kubelet's Failed event. That message is the mechanism; a controller's condition above
 * it ("Job has reached the specified backoff limit") only counts the failures.
 *
 * Four shapes, each with its own meaning:
 * - `exec: "/bin/bash": stat /bin/bash: no such file or directory` (or `executable file not found
 *   in $PATH`): the program the command names is not in the image. When it is the interpreter the
 *   command runs its script with (a shell, python), the image lacks that interpreter — typically a
 *   base image rebuilt on a smaller distribution (Alpine ships only /bin/sh, distroless no shell).
 * - `exec /app/run.sh: no such file or directory`: the file is there but its interpreter is not
 *   (bad-interpreter.ts).
 * - `permission denied`: the file is there but may not be executed.
 * - `exec format error`: the binary is built for another CPU architecture.
 */
import { describeBadInterpreter, findBadInterpreter } from './bad-interpreter.js';
import { readMissingHookBinary } from './hook-binary-missing.js';

export interface StartFailure {
  /** What the runtime could not run, in a few words for a headline. */
  clause: string;
  cause: string;
  fix: string;
  /** The program the runtime named, when it named one. */
  path?: string;
}

/** Programs a command hands a script to: when one of them is missing, the image lacks the interpreter. */
const INTERPRETER = /^(?:ba|da|a|z|k)?sh$|^(?:python|node|ruby|perl|php)[\d.]*$/;

function baseName(path: string): string {
  return path.split('/').pop() ?? path;
}

/** The command runs a script through the program: it is the first word and a script or flag follows. */
function isInterpreterOf(program: string, command: readonly string[]): boolean {
  const first = command[0];
  if (first === undefined || baseName(first) !== baseName(program)) return false;
  return INTERPRETER.test(baseName(program));
}

function missingProgram(program: string, command: readonly string[]): StartFailure {
  if (isInterpreterOf(program, command)) {
    const shell = /sh$/.test(baseName(program));
    return {
      path: program,
      clause: `the image has no ${program} — the command's interpreter is missing from the image`,
      cause: `The container's command runs its script with ${program}, and the runtime found no ${program} in the image ("no such file or directory"), so the process never started. The command was written for an image that had it; the image it runs now does not${shell ? ' (a base rebuilt on Alpine ships only /bin/sh; distroless has no shell at all)' : ''}.`,
      fix: `run the command with an interpreter the image has${shell ? ' (/bin/sh -c …)' : ''}, or pin a build of the image that still has ${program} (by its digest)`,
    };
  }
  return {
    path: program,
    clause: `${program} is not in the image — the command names a program the image lacks`,
    cause: `The runtime looked up ${program}, the program the container's command names, and the image does not contain it, so the process never started: the image's layout changed, or the command names the wrong path.`,
    fix: `make the command name a program the image has, or pin a build of the image that still has ${program} (by its digest)`,
  };
}

/** The runtime's start failure read from its message, for a container whose command is `command`. */
export function readStartFailure(message: string | undefined, command: readonly string[] = []): StartFailure | undefined {
  if (message === undefined) return undefined;
  const bad = findBadInterpreter(message);
  if (bad !== undefined) {
    const told = describeBadInterpreter(bad);
    return { path: bad.path, clause: told.clause, cause: told.cause, fix: told.fix };
  }
  const missing = readMissingHookBinary(message);
  if (missing !== undefined) return missingProgram(missing.binary, command);
  const denied = /exec(?::)? "?([^\s:"]+)"?: permission denied/.exec(message);
  if (denied?.[1] !== undefined) {
    return {
      path: denied[1],
      clause: `${denied[1]} is in the image but may not be executed (permission denied)`,
      cause: `The runtime found ${denied[1]} but could not execute it ("permission denied"): the file has no execute bit in the image, or it sits on a volume mounted noexec.`,
      fix: `give ${denied[1]} its execute bit in the image build (chmod +x), or run it through its interpreter`,
    };
  }
  if (/exec format error/i.test(message)) {
    return {
      clause: 'the image\'s binary is built for another CPU architecture (exec format error)',
      cause: 'The kernel refused the binary ("exec format error"): it is built for another CPU architecture than the node (arm64 vs amd64), usually a single-architecture build pushed over a multi-architecture tag.',
      fix: 'publish the image for the nodes\' architecture (a multi-arch build), or pin a build that has it',
    };
  }
  return undefined;
}
