/**
 * runc words a missing entrypoint and an entrypoint that cannot be loaded differently. A file that
 * is not in the image fails its lookup: `exec: "/app/run.sh": stat /app/run.sh: no such file or
 * directory`. A file that is there but whose execve fails with ENOENT reads `exec /app/run.sh: no
 * such file or directory` (no quotes, no stat): what the kernel could not find is the interpreter
 * the file names — a script's shebang saved with CRLF line endings ("#!/bin/sh\r"), a shell the
 * image lacks, or a binary's dynamic loader (a glibc build on a musl image).
 */
export interface BadInterpreter {
  /** The entrypoint runc found and could not execute. */
  path: string;
  /** A script by its name (.sh, .py …): its shebang line is the suspect, not a loader. */
  script: boolean;
}

const FOUND_BUT_ENOENT = /(?:^|[\s:])exec (\/[^\s:"]+): no such file or directory/;
const SCRIPT = /\.(sh|bash|py|pl|rb)$/;

export function findBadInterpreter(message: string | undefined): BadInterpreter | undefined {
  const m = FOUND_BUT_ENOENT.exec(message ?? '');
  if (m?.[1] === undefined) return undefined;
  return { path: m[1], script: SCRIPT.test(m[1]) };
}

/** runc's own line alone in the container's output (the kubelet kept no message, exit 255 or 1): the same ENOENT, read from the log. */
const LOG_LINE = /^exec (\/[^\s:"]+): no such file or directory$/;

export function findBadInterpreterInLog(lines: readonly string[]): BadInterpreter | undefined {
  for (const line of lines) {
    const m = LOG_LINE.exec(line.trim());
    if (m?.[1] !== undefined) return { path: m[1], script: SCRIPT.test(m[1]) };
  }
  return undefined;
}

/** "its interpreter line (shebang) names an interpreter the kernel cannot find: …". */
export function describeBadInterpreter(bad: BadInterpreter): { clause: string; cause: string; fix: string } {
  const loader = bad.script ? '' : ', or, for a binary, its dynamic loader (a glibc build on a musl image)';
  return {
    clause: `${bad.path} is there but the interpreter its first line names is not: a shebang with CRLF line endings ("#!/bin/sh\\r") or a shell the image lacks${loader}`,
    cause: `runc found ${bad.path} (for a file that does not exist it reports \`exec: "${bad.path}": stat …\`), but execve failed with "no such file or directory": the kernel could not find the interpreter its shebang names — a script saved with Windows (CRLF) line endings asks for "/bin/sh\\r" — or the shell it names is not installed${loader}.`,
    fix: `fix the interpreter line of ${bad.path} (convert it to LF line endings with dos2unix and keep them with .gitattributes \`*.sh text eol=lf\`, or install the shell it names), rebuild the image`,
  };
}
