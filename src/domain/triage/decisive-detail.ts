/**
 * A wrapper that says only that something failed ("Validate failed: Migrations have failed
 * validation", "Application run failed", "Error creating bean with name 'x'"): Spring, Flyway and
 * Liquibase print the reason itself on the next lines of the same error block. So do HTTP clients
 * of a server that answers in HTTP (ClickHouse's, Elasticsearch's): "… returned response code 500"
 * says only the status, and the server's own error body (its code and message) follows it.
 */
const GENERIC_ENDING = /(?:failed validation|validation failed|validate failed|run failed|failed to start|initiali[sz]ation failed|Error creating bean with name '[^']*'(?: defined in [^:]*)?|(?:returned|with) (?:HTTP )?(?:response|status) code:? ?[45]\d\d\)?)[.:]?\s*$|:\s*$/i;
/** What ends an error block: a stack frame, a chained cause, a new log record (a timestamp first), a blank line. */
const BLOCK_END = /^\s*(?:at |\.\.\. \d+|Caused by:)|^\s*$|^\S*\d{4}-\d\d-\d\d[T ]\d\d:\d\d/;
/** Lines of a block that point elsewhere rather than state the reason: values of the line before (->), advice, links. */
const NOT_A_REASON = /^\s*(?:->|Either |Need more|Learn more|Hint:|See |For more|https?:)/i;

/** The specific reason that follows a generic chosen line in its error block, when one does. */
export function findSpecificDetail(chosen: string, lines: readonly string[]): string | undefined {
  if (!GENERIC_ENDING.test(chosen)) return undefined;
  const at = lines.lastIndexOf(chosen);
  if (at < 0) return undefined;
  for (const line of lines.slice(at + 1, at + 8)) {
    if (BLOCK_END.test(line)) return undefined;
    if (!NOT_A_REASON.test(line) && !GENERIC_ENDING.test(line)) return line.trim();
  }
  return undefined;
}
