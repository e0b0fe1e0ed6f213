/**
 * A database server upgraded to a version that reserves more words (MySQL 8.0 reserves rank,
 * groups, row_number, window, lead, lag, system, cube, function…; 8.4 a few more): a client whose
 * queries use such a word, unquoted, as a column or table name now gets a syntax error "near" it on
 * every such query (MySQL error 1064, PostgreSQL "syntax error at or near"), though nothing of the
 * client changed and the server is healthy. The server's rollout is the trigger (server-upgrade.ts);
 * the fix is to quote the identifier in the client, since a server past its data dictionary upgrade
 * cannot be downgraded in place.
 */
import type { ClientDiagnosis } from './client-diagnosis-reading.js';

/** The server's syntax error with the text it stopped at: MySQL's "near '…'" (1064), PostgreSQL's "at or near "…"". */
export const SQL_SYNTAX_ERROR = /You have an error in your SQL syntax[^\n]*?near '([^'\n]*)'|syntax error at or near "([^"\n]+)"/;

interface Dialect {
  server: string;
  /** How the client quotes an identifier. */
  quote: (word: string) => string;
  /** Words a later release reserved, with the release that did. */
  reserved: Readonly<Record<string, string>>;
}

const MYSQL_80 = ['cube', 'cume_dist', 'dense_rank', 'empty', 'except', 'first_value', 'function', 'grouping', 'groups', 'intersect', 'json_table', 'lag', 'last_value', 'lateral', 'lead', 'nth_value', 'ntile', 'of', 'over', 'percent_rank', 'rank', 'recursive', 'row', 'rows', 'row_number', 'system', 'window'];
const MYSQL_84 = ['manual', 'parallel', 'qualify', 'tablesample'];

const MYSQL: Dialect = {
  server: 'MySQL',
  quote: (w) => `\`${w}\``,
  reserved: Object.fromEntries([...MYSQL_80.map((w) => [w, '8.0']), ...MYSQL_84.map((w) => [w, '8.4'])]),
};
const POSTGRES: Dialect = {
  server: 'PostgreSQL',
  quote: (w) => `"${w}"`,
  reserved: { window: '8.4', variadic: '8.4', lateral: '9.3' },
};

/** The newly reserved word the server stopped at, and its dialect. */
function findReservedWord(lines: readonly string[]): { word: string; dialect: Dialect; line: string } | undefined {
  for (const line of lines) {
    const m = SQL_SYNTAX_ERROR.exec(line);
    if (m === null) continue;
    const dialect = m[1] !== undefined ? MYSQL : POSTGRES;
    const word = /^[`"]?([A-Za-z_]\w*)/.exec((m[1] ?? m[2] ?? '').trim())?.[1]?.toLowerCase();
    if (word !== undefined && dialect.reserved[word] !== undefined) return { word, dialect, line: line.trim() };
  }
  return undefined;
}

/** A line of the server's syntax error near a word a later release reserved (for server-upgrade.ts: the server to read). */
export const RESERVED_WORD_SYNTAX_ERROR = { test: (line: string): boolean => findReservedWord([line]) !== undefined };

/** `serverRolled`: the server's own recent rollout (server-upgrade.ts), the trigger when it is known. */
export function explainReservedWordSyntax(errors: readonly string[], lines: readonly string[], serverRolled?: { said: string; evidence: string }): ClientDiagnosis | undefined {
  const found = findReservedWord([...errors, ...lines]);
  if (found === undefined) return undefined;
  const { word, dialect } = found;
  const since = dialect.reserved[word] ?? '';
  const quoted = dialect.quote(word);
  const code = dialect === MYSQL ? 'error 1064, SQL syntax' : 'syntax error at or near';
  const fix = `quote the identifier ${word} as ${quoted} in the app's queries (or rename the column), and redeploy`;
  return {
    summary: `\`${word}\` is a reserved word since ${dialect.server} ${since}, and the app's queries use it unquoted as a name: they fail with ${code} near ${word}${serverRolled ? `; since ${serverRolled.said}` : ''}`,
    ...(found.line.length <= 400 ? { decisive: found.line } : {}),
    likelyCause:
      `${dialect.server} ${since} made ${word.toUpperCase()} a reserved word, so a query that names a column or table ${word} without quoting it no longer parses, and the server answers every such query with a syntax error near it. The server is up and answers; the app's SQL is older than the server. ` +
      (serverRolled
        ? `The server was upgraded under the unchanged client: ${serverRolled.said}. That rollout is the trigger; rolling back the app does not help.`
        : `When nothing of these pods changed, an upgrade of the database to ${dialect.server} ${since} or later under them is the trigger: check the database's own rollout history for the version change.`),
    nextAction: `${fix.charAt(0).toUpperCase()}${fix.slice(1)}. A downgrade of the server is no way back once the new version has upgraded its data files (MySQL 8.0 its data dictionary); rolling back these pods does not help either.`,
    fix,
    noRollback: 'the app\'s queries are older than the server; an earlier revision of these pods carries the same SQL',
    ...(serverRolled ? { datesChange: true as const, evidence: [serverRolled.evidence] } : {}),
  };
}
