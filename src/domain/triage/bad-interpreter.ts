/**
 * runc words a missing entrypoint and an entrypoint that cannot be loaded differently. A file that
 * is not in the image fails its lookup: `exec: "/app/run.sh": stat /app/run.sh: no such file or
 * directory`. A file that is there but whose execve fails with ENOENT reads `exec /app/run.sh: no
 * such file or directory` (no quotes, no stat): what the kernel could not find is the interpreter
 * the file names — a script's shebang saved with CRLF line endings ("#!/bin/sh\r"), a shell the
 * image lacks, or a binary's dynamic loader (a glibc build on a musl image).
 *
 * The image's base tells which: a static base (distroless/static, scratch) has no loader, no libc
 * and no shell, so a dynamically linked binary (Go with cgo on, any C dependency) cannot start on
 * it; an Alpine base has musl's loader, not glibc's.
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

/** A base image as an image reference, a template annotation or a change cause names it, and the libc it ships. */
export interface ImageBase {
  /** "gcr.io/distroless/static-debian11", "alpine:3.19". */
  name: string;
  /** none: no loader, no libc, no shell (only static binaries run); musl: Alpine's loader, not glibc's. */
  libc: 'none' | 'musl';
}

const NO_LIBC = /[\w.\-/]*(?:distroless\/static|chainguard\/static|static-debian\d+)[\w.\-:@]*|^scratch$|(?<=\bFROM )scratch\b/i;
const MUSL = /[\w.\-/:]*\balpine(?![a-z])[\w.\-:@]*/i;

/** The first text that names a base with no libc or with musl: the image, then the template's annotations, then the change cause. */
export function readImageBase(texts: readonly string[]): ImageBase | undefined {
  for (const t of texts) {
    const none = NO_LIBC.exec(t)?.[0];
    if (none !== undefined) return { name: none, libc: 'none' };
    const musl = MUSL.exec(t)?.[0];
    if (musl !== undefined) return { name: musl, libc: 'musl' };
  }
  return undefined;
}

interface Told {
  clause: string;
  cause: string;
  fix: string;
}

const FOUND = (path: string) => `runc found ${path} (for a file that does not exist it reports \`exec: "${path}": stat …\`), but execve failed with "no such file or directory"`;

/** A binary on a base with no libc: the loader its ELF header names is what the kernel could not find. */
function tellOnStaticBase(bad: BadInterpreter, base: string): Told {
  if (bad.script) {
    return {
      clause: `${bad.path} is there but the interpreter its shebang names is not: ${base} has no shell, no interpreter and no libc`,
      cause: `${FOUND(bad.path)}: the kernel could not find the interpreter the script's shebang names, and ${base} ships none — it has no shell, no interpreter and no libc, only what a statically linked binary needs.`,
      fix: `make the entrypoint a statically linked binary, or build the image on a base that has the interpreter ${bad.path} names`,
    };
  }
  return {
    clause: `${bad.path} is a dynamically linked binary (cgo or another C dependency) but ${base} has no dynamic loader nor libc to load it`,
    cause: `${FOUND(bad.path)}: what the kernel could not find is the ELF interpreter the binary names (/lib64/ld-linux-x86-64.so.2 for a glibc build). ${base} ships no dynamic loader and no libc — only statically linked binaries run on it (nor a script: it has no shell) — so this build linked ${bad.path} dynamically: a Go build with cgo on (a package that wraps a C library, or the cgo DNS/user resolvers), or a C, C++ or Rust build against glibc. \`file ${bad.path}\` says "dynamically linked, interpreter …".`,
    fix: `link ${bad.path} statically (Go: CGO_ENABLED=0, with a pure-Go replacement for the cgo package, or -ldflags '-linkmode external -extldflags "-static"'; Rust: the musl target), or run it on a base with glibc (gcr.io/distroless/base-debian12 or cc-debian12), rebuild the image`,
  };
}

/** "its interpreter line (shebang) names an interpreter the kernel cannot find: …"; `base`: the image's base when its revision names one. */
export function describeBadInterpreter(bad: BadInterpreter, base?: ImageBase): Told {
  if (base?.libc === 'none') return tellOnStaticBase(bad, base.name);
  if (base?.libc === 'musl' && !bad.script) {
    return {
      clause: `${bad.path} is there but its dynamic loader is not: a binary linked against glibc on ${base.name}, which has musl's loader, not glibc's (or a script whose shebang names a shell Alpine lacks, bash)`,
      cause: `${FOUND(bad.path)}: what the kernel could not find is the ELF interpreter the binary names (/lib64/ld-linux-x86-64.so.2 for a glibc build). ${base.name} is Alpine, whose libc is musl (/lib/ld-musl-*.so.1), so a binary built and linked on a glibc distribution (Debian, Ubuntu) cannot be loaded there.`,
      fix: `build ${bad.path} on Alpine (musl) or statically (Go: CGO_ENABLED=0), or run it on a glibc base (a -slim Debian image, gcr.io/distroless/base-debian12), rebuild the image`,
    };
  }
  const loader = bad.script ? '' : ', or, for a binary, its dynamic loader (a glibc build on a musl image)';
  return {
    clause: `${bad.path} is there but the interpreter its first line names is not: a shebang with CRLF line endings ("#!/bin/sh\\r") or a shell the image lacks${loader}`,
    cause: `runc found ${bad.path} (for a file that does not exist it reports \`exec: "${bad.path}": stat …\`), but execve failed with "no such file or directory": the kernel could not find the interpreter its shebang names — a script saved with Windows (CRLF) line endings asks for "/bin/sh\\r" — or the shell it names is not installed${loader}.`,
    fix: `fix the interpreter line of ${bad.path} (convert it to LF line endings with dos2unix and keep them with .gitattributes \`*.sh text eol=lf\`, or install the shell it names), rebuild the image`,
  };
}
