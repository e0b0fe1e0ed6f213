/**
 * An error whose message the runtime wrapped over several lines, the first naming only its subject
 * (Node's `Error: The module '/app/lib/addon.node'` then `was compiled against a different …`): the
 * lines that go on with the sentence say what is wrong, so they are read as one line with it.
 */

/** The exception's own header: `Error: …`, `TypeError: …`, `Uncaught Error [ERR_X]: …`, `x.y.SomeException: …`. */
const HEADER = /^(?:Uncaught )?[\w.$]*(?:Error|Exception)(?: \[[A-Z0-9_]+\])?: \S/;
/** A line that goes on with the sentence above: prose at the margin, not a frame, a record or a code frame. */
const CONTINUES = /^[A-Za-z(`'"][^\t]*$/;
/** Lines that start something new: a frame, a cause, another exception, a stamped or bracketed record, Node's own lines. */
const NOT_PROSE = /^(?:at |from |File "|Caused by|\w*(?:Error|Exception)\b|\d{4}-\d\d-\d\d|\[|\{|node:|Node\.js v)/;
const MAX_JOINED = 6;

/** What follows an exception's message: its stack or a blank line. */
const ENDS_MESSAGE = /^\s*$|^\s+at /;

export function joinWrappedErrorMessages(lines: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const rest = HEADER.test(line) ? wrappedRest(lines, i + 1) : [];
    out.push(rest.length === 0 ? line : [line.trimEnd(), ...rest.map((l) => l.trim())].join(' '));
    i += rest.length;
  }
  return out;
}

/**
 * The lines from `from` that go on with the header's sentence: the first in lower case ("was
 * compiled …"), all prose at the margin, the last ending a sentence, and the stack or a blank line
 * right after them, so the next log record is never taken for the message.
 */
function wrappedRest(lines: readonly string[], from: number): string[] {
  if (!/^[a-z]/.test(lines[from] ?? '')) return [];
  const rest: string[] = [];
  for (let i = from; i < lines.length && rest.length < MAX_JOINED; i++) {
    const next = lines[i] ?? '';
    if (ENDS_MESSAGE.test(next)) break;
    if (!CONTINUES.test(next) || NOT_PROSE.test(next)) return [];
    rest.push(next);
  }
  // The sentence ends where the message does.
  const after = lines[from + rest.length];
  return after !== undefined && ENDS_MESSAGE.test(after) && /[.!?]\)?\.?$/.test(rest.at(-1)?.trimEnd() ?? '') ? rest : [];
}
