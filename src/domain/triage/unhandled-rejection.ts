/**
 * Node.js (15 and later) dies of a promise rejection nothing caught and prints
 * `[UnhandledPromiseRejection: This error originated … The promise rejected with the reason "…".] { code: 'ERR_UNHANDLED_REJECTION' }`
 * when the reason is not an Error: the reason is what matters, the boilerplate around it is not.
 */
const REJECTION_LINE = /^\[UnhandledPromiseRejection: .*?(?:The promise rejected with the reason "(.*)"\.)?\]/;

/** "UnhandledPromiseRejection: <reason> (ERR_UNHANDLED_REJECTION)" for Node's long rejection line, else undefined. */
export function condenseUnhandledRejection(line: string): string | undefined {
  const m = REJECTION_LINE.exec(line.trim());
  if (!m) return undefined;
  return `UnhandledPromiseRejection: ${m[1] ?? 'the promise rejected without a reason'} (ERR_UNHANDLED_REJECTION)`;
}
