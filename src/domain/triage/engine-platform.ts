/**
 * A client that ships a prebuilt native engine per platform finds none for the image it runs on:
 * Prisma's `Query engine library for current platform "debian-openssl-3.0.x" could not be
 * found` (or `… binary …`). The platform is the image's libc and OpenSSL major; the engines in the
 * image are the ones `prisma generate` fetched for the schema's binaryTargets at build time. So a
 * base-image move (a newer Alpine or Debian with OpenSSL 3, glibc to musl) without a regenerated
 * client is the cause: the app's code did not change, the platform under it did.
 */
export interface EngineWithoutPlatform {
  /** The platform the client looked for ("debian-openssl-3.0.x"). */
  platform: string;
  /** Platforms the message says the client was generated for, when it lists them. */
  generatedFor: string[];
  line: string;
}

const MISSING = /Query engine (?:library|binary) for current platform "([^"]+)" could not be found/;
const GENERATED_FOR = /generated for "([^"]+)"/;

/** The client's refusal, if the log carries one. */
export function findEngineWithoutPlatform(lines: readonly string[]): EngineWithoutPlatform | undefined {
  const at = lines.findIndex((l) => MISSING.test(l));
  if (at < 0) return undefined;
  const line = lines[at] ?? '';
  const platform = MISSING.exec(line)?.[1] ?? '';
  const generatedFor = [...new Set(lines.slice(at, at + 20).map((l) => GENERATED_FOR.exec(l)?.[1]).filter((p): p is string => p !== undefined && p !== platform))];
  return { platform, generatedFor, line: line.trim() };
}

export function tellEngineWithoutPlatform(e: EngineWithoutPlatform): { title: string; cause: string; action: string; fix: string; evidence: string[] } {
  const fix = `add "${e.platform}" to binaryTargets in schema.prisma's generator and run \`prisma generate\` in the image's build (or build on the base image the client was generated for)`;
  const was = e.generatedFor.length > 0 ? ` (it was generated for ${e.generatedFor.join(', ')})` : '';
  return {
    title: `: the Prisma client has no query engine for the image's platform ${e.platform}${was}`,
    cause: `The image carries the query engines \`prisma generate\` fetched for the schema's binaryTargets at build time; the platform the process runs on (${e.platform}: the image's libc and OpenSSL major) is not among them, so the client cannot load an engine and the app stops at start. That follows a base-image move (a newer distribution with OpenSSL 3, glibc to musl) without regenerating the client for it; the app's code is not at fault, and restarting will not help.`,
    action: `${fix.charAt(0).toUpperCase()}${fix.slice(1)}; restarting the pods will not help.`,
    fix,
    evidence: [`the Prisma client finds no query engine for ${e.platform}${was}`],
  };
}
