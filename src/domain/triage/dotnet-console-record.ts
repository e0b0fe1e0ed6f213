/**
 * .NET's console logger writes a record as a header (`crit: Microsoft.AspNetCore.Server.Kestrel[0]`,
 * the level, the category and the event id, maybe time-stamped) with the message and the exception
 * indented on the lines below it. The header says only how grave and where; the message says why.
 * A record is read as one line, its header followed by what its body says, and its quote drops the
 * header: a gravest-level header must not win the crash's quote with nothing but a category.
 */

/** A .NET console record's header: level (trce, dbug, info, warn, fail, crit), category, event id. */
export const DOTNET_RECORD_HEAD = /^(?:\S+ )?(?:trce|dbug|info|warn|fail|crit): [\w.\x60]+\[\d+\]/;

/**
 * An exception's own line in a record body: `System.IO.IOException: …`, an inner one after `---> `, a code in
 * parentheses — a native error (`(111)`) or the HRESULT in hex that ToString prints (`SqlException (0x80131904)`).
 */
const EXCEPTION_LINE = /^(?:---> )?[\w.`]+(?:Exception|Error)(?: \((?:-?\d+|0x[\dA-Fa-f]+)\))?: \S/;

/** The record's message: the innermost exception its body prints (the last one, `---> ` chains inward), else its first line. */
function readRecordMessage(body: readonly string[]): string | undefined {
  const said = body.map((l) => l.trim()).filter((l) => l !== '' && !/^at |^--- End of/.test(l));
  const exception = said.filter((l) => EXCEPTION_LINE.test(l)).at(-1);
  return exception?.replace(/^---> /, '') ?? said[0];
}

/** A record header at the levels that report a failure: fail (Error) and crit (Critical); warn and below do not. */
const DOTNET_FAILURE_HEAD = /^(?:\S+ )?(?:fail|crit): [\w.\x60]+\[\d+\]/;

/** Whether a line opens a .NET console record logged at Error or Critical. */
export function isDotnetFailureHead(line: string): boolean {
  return DOTNET_FAILURE_HEAD.test(line);
}

/** The record whose header is line `at`, as one line (`header message`), and the index past its indented body. */
export function readDotnetRecordAt(lines: readonly string[], at: number): { line: string; end: number } {
  const head = lines[at] ?? '';
  let end = at + 1;
  while (end < lines.length && /^\s+\S/.test(lines[end] ?? '')) end++;
  const message = readRecordMessage(lines.slice(at + 1, end));
  return { line: message === undefined ? head : `${head.trimEnd()} ${message}`, end };
}

/**
 * Each .NET console record as one line, `header message`, its indented body dropped (a header
 * with no body stays as it is); every other line as it is.
 */
export function joinDotnetRecords(lines: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (!DOTNET_RECORD_HEAD.test(line)) {
      out.push(line);
      continue;
    }
    const record = readDotnetRecordAt(lines, i);
    out.push(record.line);
    i = record.end - 1;
  }
  return out;
}

/** The message of a joined .NET console record, without its header; any other line as it is. */
export function condenseDotnetRecord(line: string): string {
  const head = DOTNET_RECORD_HEAD.exec(line.trim());
  const message = head ? line.trim().slice(head[0].length).trim() : '';
  return message === '' ? line : message;
}
