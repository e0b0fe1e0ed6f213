/**
 * Ruby's Logger writes `F, [2026-11-21T03:10:44.888177 #19] FATAL -- : message`, and Rails'
 * tagged logging puts the request id before the message: `… FATAL -- : [8cf17484-…] message`.
 * Rails logs an exception as a FATAL line that holds only the tags, with the exception itself on
 * the next line (`[8cf17484-…] ActiveRecord::ConnectionTimeoutError (…)`): the quote must carry
 * that message, not the prefix.
 */

/** Ruby Logger's prefix: severity letter, time and pid, severity word, progname. */
const RUBY_LOGGER = /^[DIWEFAU], \[[^\]]*\]\s+[A-Z]+ -- [^:]*: ?/;
/**
 * Rails' request-id tags, one or more in brackets: a UUID, a long hex id, or hex groups joined by
 * dashes in another shape (Rails keeps the id a proxy sent in X-Request-Id, whatever its shape).
 */
const REQUEST_TAGS = /^(?:\[(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{16,}|(?=[0-9a-f-]{16,}\])[0-9a-f]+(?:-[0-9a-f]+){2,})\]\s*)+/i;

/** The message of a Ruby Logger line or of a tagged continuation line, without prefix or request tags; the line as is otherwise. */
export function condenseRubyLoggerLine(line: string): string {
  const t = line.trim();
  const prefix = RUBY_LOGGER.exec(t);
  const rest = prefix ? t.slice(prefix[0].length) : t;
  const tags = REQUEST_TAGS.exec(rest);
  if (!prefix && !tags) return line;
  const message = tags ? rest.slice(tags[0].length).trim() : rest.trim();
  return message === '' ? line : message;
}

/** A Ruby Logger line whose message is only request tags (or nothing): its message is on the next line. */
function isEmptyRubyLoggerLine(line: string): boolean {
  const t = line.trim();
  const prefix = RUBY_LOGGER.exec(t);
  if (!prefix) return false;
  const rest = t.slice(prefix[0].length);
  return rest.replace(REQUEST_TAGS, '').trim() === '';
}

/**
 * Each Ruby Logger line that holds no message joined to the next line that does (its request tags
 * dropped), which then leaves the list: `F, […] FATAL -- : [id] ActiveRecord::ConnectionTimeoutError (…)`.
 * A line of request tags alone is blank: it ends the exception's block like an empty line; so is
 * a Logger line that holds only tags when the next line carries a Logger prefix of its own.
 */
export function joinRubyLoggerMessages(lines: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (REQUEST_TAGS.test(line.trim()) && line.trim().replace(REQUEST_TAGS, '') === '') {
      out.push('');
      continue;
    }
    if (!isEmptyRubyLoggerLine(line)) {
      out.push(line);
      continue;
    }
    let j = i + 1;
    while (j < lines.length && condenseRubyLoggerLine(lines[j] ?? '').replace(REQUEST_TAGS, '').trim() === '') j++;
    const next = lines[j];
    if (next === undefined) {
      out.push(line);
      continue;
    }
    // Rails' production logger prefixes every line of a record: a prefix holding only tags above
    // another prefixed line is the record's blank spacer, not a message of its own.
    if (RUBY_LOGGER.test(next.trim())) {
      out.push('');
      continue;
    }
    out.push(`${line.trimEnd()} ${condenseRubyLoggerLine(next)}`);
    i = j;
  }
  return out;
}
