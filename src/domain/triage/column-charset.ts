/**
 * MySQL error 1366 (ER_TRUNCATED_WRONG_VALUE_FOR_FIELD) on text: "Incorrect string value:
 * '\xF0\x9F\x98\x80…' for column 'x'". In strict mode MySQL refuses a string its column's character
 * set cannot hold. The bytes it quotes say which case: a lead byte F0–F4 starts a 4-byte UTF-8
 * character (an emoji, a rare CJK character), which MySQL's old 3-byte `utf8` (utf8mb3) cannot
 * store — the column (often one a migration added to a table created long ago in utf8, so it
 * inherited that charset) must become utf8mb4; a 2- or 3-byte character means a narrower charset
 * (latin1, ascii); a byte that starts no UTF-8 character means the client sends another encoding
 * than its connection declares. Only writes carrying such text fail; the server is healthy.
 * Pure: reads the refused lines only.
 */

/** MySQL's words, with the bytes it quotes (JSON may double the backslashes) and the column. */
export const INCORRECT_STRING_VALUE = /Incorrect string value: '((?:\\+x[0-9A-F]{2})+)[^']*' for column [`']?(?:[\w$]+[`']?\.[`']?)*([\w$]+)[`']?/i;
/** The statement of the same record that names the table. */
const WRITE_TABLE = /\b(?:INSERT\s+(?:IGNORE\s+)?INTO|REPLACE\s+INTO|UPDATE)\s+[`"\\]*(?:[\w$]+[`"\\]*\.[`"\\]*)?([\w$]+)/i;

export type CharsetGap = 'four-byte' | 'narrow-charset' | 'wrong-encoding';

export interface CharsetRefusal {
  column: string;
  /** The first bytes quoted, as MySQL prints them (`\xF0\x9F\x93\xA6`). */
  bytes: string;
  gap: CharsetGap;
  table?: string;
  /** The column's type as a migration in the same logs declares it (`VARCHAR(1000)`). */
  type?: string;
}

/** What the first quoted byte starts: a 4-byte UTF-8 character, a shorter one, or no UTF-8 at all. */
function classify(hex: string): CharsetGap {
  const b = parseInt(hex, 16);
  if (b >= 0xf0 && b <= 0xf4) return 'four-byte';
  if (b >= 0xc2 && b <= 0xef) return 'narrow-charset';
  return 'wrong-encoding';
}

/** The refusal one line carries, with the table and type the logs give for its column. */
export function readCharsetRefusal(line: string, lines: readonly string[] = []): CharsetRefusal | undefined {
  const m = INCORRECT_STRING_VALUE.exec(line);
  if (!m) return undefined;
  const bytes = (m[1] ?? '').replace(/\\+/g, '\\');
  const hexes = [...bytes.matchAll(/x([0-9A-F]{2})/gi)].map((x) => x[1] ?? '');
  const column = m[2] ?? '';
  const table = [line, ...lines].map((l) => WRITE_TABLE.exec(l)?.[1]).find((t) => t !== undefined);
  const typeRe = new RegExp(`\\b(?:ADD|MODIFY|CHANGE)\\s+(?:COLUMN\\s+)?[\`"]?${column}[\`"]?\\s+((?:VAR)?CHAR\\(\\d+\\)|(?:TINY|MEDIUM|LONG)?TEXT)`, 'i');
  const type = lines.map((l) => typeRe.exec(l)?.[1]).find((t) => t !== undefined);
  return {
    column,
    bytes: hexes.slice(0, 4).map((h) => `\\x${h.toUpperCase()}`).join(''),
    gap: classify(hexes[0] ?? ''),
    ...(table ? { table } : {}),
    ...(type ? { type: type.toUpperCase() } : {}),
  };
}

/** The title's words: what MySQL refuses, where, and why the column cannot hold it. */
export function describeCharsetGap(r: CharsetRefusal): string {
  const column = `column ${r.column}${r.table ? ` of ${r.table}` : ''}`;
  if (r.gap === 'four-byte') return `MySQL refuses 4-byte UTF-8 characters (emoji, '${r.bytes}') in ${column}: it is in the 3-byte utf8 (utf8mb3) charset, not utf8mb4`;
  if (r.gap === 'narrow-charset') return `MySQL refuses characters ('${r.bytes}') that ${column} cannot store: its charset (latin1 or ascii) lacks them, utf8mb4 has them`;
  return `MySQL refuses text for ${column} that is not in the connection's declared encoding ('${r.bytes}' starts no UTF-8 character)`;
}

/** The fix, with the names the logs give. */
export function fixCharsetGap(r: CharsetRefusal): string {
  if (r.gap === 'wrong-encoding') {
    return `make the client send text in the encoding its connection declares (charset=utf8mb4 in the driver's connection options, and decode input as UTF-8), and keep the column utf8mb4`;
  }
  const table = r.table ?? '…';
  if (r.type !== undefined) {
    return `convert the column to utf8mb4: ALTER TABLE ${table} MODIFY ${r.column} ${r.type} CHARACTER SET utf8mb4 (or CONVERT TO CHARACTER SET utf8mb4 for the whole table; an online schema change if it is large)`;
  }
  return `convert the column to utf8mb4: ALTER TABLE ${table} CONVERT TO CHARACTER SET utf8mb4 (or MODIFY ${r.column} alone with CHARACTER SET utf8mb4; an online schema change if it is large)`;
}
