/**
 * A wrapper script's line that only reports a tool it ran failed ("run.sh: dumptool failed (exit 2),
 * upload aborted", "pg-tool exited with status 1") says that, not why: the tool printed why itself,
 * above it, the way Unix tools do (`dumptool: Got error: … (1045)`). That own line is the decisive one.
 */

/** `<tool> failed (exit 2)`, `<tool> exited with status 1`, `<tool> failed with exit code 3`, `<tool> exited rc=139`. */
const CHILD_EXIT = /(?:^|[\s:'"(])([A-Za-z][\w.+-]*)\s+(?:failed|exited|returned|terminated|died)\b[^'"]{0,24}?(?:\(exit(?: code| status)?\s*-?\d+\)|\bwith (?:exit )?(?:status|code)\s*-?\d+|\bexit (?:status|code)\s*-?\d+|\brc=-?\d+)/;

/** Words that name no program: a script saying "command failed (exit 1)" names nothing to look up. */
const NOT_A_TOOL = new Set(['command', 'process', 'child', 'script', 'it', 'job', 'task', 'step', 'subprocess', 'program', 'pod', 'container', 'and']);

/** A tool's own line that only warns or informs (`tool: [Warning] …`, `tool: warning: …`, `tool: [Note] …`). */
const NOT_AN_ERROR = /^\s*(?:\[(?:warning|warn|note|info)\]|(?:warning|warn|note|info|notice|hint):)/i;

/** A tool's own line that states an error (`tool: error: …`, `tool: Got error: …`, `tool: FATAL: …`). */
const OWN_ERROR = /\b(?:error|fatal|failed|couldn't|could not|cannot|unable|denied|refused|unknown|not found|no such)\b/i;

/** The tool a line reports as having failed, when it names one. */
export function readFailedChild(line: string): string | undefined {
  const tool = CHILD_EXIT.exec(line)?.[1];
  return tool === undefined || NOT_A_TOOL.has(tool.toLowerCase()) ? undefined : tool;
}

/**
 * The tool's own error line above `chosen` when `chosen` only reports that the tool failed: the
 * last one it printed that states an error, else the last it printed that is no warning; undefined
 * when `chosen` names no tool or the tool printed nothing above it.
 */
export function findChildOwnError(chosen: string, lines: readonly string[]): string | undefined {
  const tool = readFailedChild(chosen);
  if (tool === undefined) return undefined;
  const at = lines.lastIndexOf(chosen);
  const prefix = new RegExp(`^(?:\\S*\\d{2}:\\d{2}\\S*\\s+)?${tool.replace(/[.+]/g, '\\$&')}(?:\\[\\d+\\])?:\\s*(.*)$`);
  const own = lines.slice(0, at < 0 ? 0 : at).flatMap((l) => {
    const m = prefix.exec(l.trim());
    return m && m[1] !== undefined && m[1] !== '' && !NOT_AN_ERROR.test(m[1]) ? [{ line: l.trim(), message: m[1] }] : [];
  });
  return (own.filter((o) => OWN_ERROR.test(o.message)).at(-1) ?? own.at(-1))?.line;
}

/**
 * A client's error that quotes the whole statement it ran (`Couldn't execute 'SELECT …  FROM …': the
 * reason (code)`): the statement's whitespace collapsed and a long one cut, so the reason after it
 * survives the quote's length limit.
 */
export function condenseQuotedStatement(line: string, keep = 60): string {
  const collapsed = line.replace(/\s{2,}/g, ' ');
  const m = /^(.*?')((?:SELECT|INSERT|UPDATE|DELETE|WITH|SHOW|CREATE|ALTER|DROP|LOCK|SET|CALL)\b.*)(;?':\s.*)$/is.exec(collapsed);
  if (m === null) return collapsed;
  const [, head = '', statement = '', tail = ''] = m;
  return statement.length <= keep ? collapsed : `${head}${statement.slice(0, keep).trimEnd()} …${tail.replace(/^;/, '')}`;
}
