/**
 * DynamoDB refusing the keys the code sends: ValidationException "The provided key element does
 * not match the schema". A table's key schema (its hash key, and range key when it has one) is
 * fixed when the table is made; a GetItem, UpdateItem, DeleteItem or PutItem whose Key names other
 * attributes, or gives them another type, is refused before any data is read. Nothing on the table
 * changes by itself: either the code now builds its keys another way (renamed attributes, a
 * composite "single-table" key) or it points at another table than the one those keys were made
 * for. Every keyed request fails while the pods stay Ready. The table and the key attributes sent
 * are named from the log lines when they carry them; the revision the pods run dates it.
 */
import type { ClientDiagnosis } from './client-diagnosis-reading.js';
import type { ContainerSpecEvidence, EnvVarEvidence, RevisionEvidence } from './evidence.js';
import { sortRevisions } from './revision-diff.js';

const REFUSED = /\bThe provided key element does not match the schema\b/i;
/** The table a logged request names: a JSON field or the SDK's TableName. */
const TABLE_FIELD = /"(?:table|tableName|TableName|table_name)"\s*:\s*"([\w.-]{3,255})"|\bTableName[=:]\s*'?"?([\w.-]{3,255})/;
/** A logged request's key: `"key":{"A":…,"B":…}` (the attributes' names are what the schema checks). */
const KEY_FIELD = /"(?:key|Key)"\s*:\s*\{([^{}]*(?:\{[^{}]*\}[^{}]*)*)\}/;
const ATTRIBUTE = /"([\w.-]+)"\s*:/g;
/** An env var that names a table. */
const TABLE_SETTING = /TABLE/i;

function readTable(lines: readonly string[]): string | undefined {
  for (const l of [...lines].reverse()) {
    const m = TABLE_FIELD.exec(l);
    if (m) return m[1] ?? m[2];
  }
  return undefined;
}

/** The top-level attribute names of the last key a log line shows, in order. */
function readKeyAttributes(lines: readonly string[]): string[] {
  for (const l of [...lines].reverse()) {
    const body = KEY_FIELD.exec(l)?.[1];
    if (body === undefined) continue;
    // Only the top level: nested typed values ({"S":"…"}) are left out.
    const top = body.replace(/\{[^{}]*\}/g, '{}');
    const names = [...top.matchAll(ATTRIBUTE)].map((m) => m[1] ?? '').filter((n) => n !== '');
    if (names.length > 0) return [...new Set(names)];
  }
  return [];
}

function tableSettings(containers: readonly { env?: readonly EnvVarEvidence[] }[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of containers.flatMap((c) => c.env ?? [])) if (TABLE_SETTING.test(e.name) && 'value' in e) out.set(e.name, e.value);
  return out;
}

export function explainKeySchemaMismatch(errors: readonly string[], lines: readonly string[], containers: readonly Pick<ContainerSpecEvidence, 'env'>[], revisions: readonly RevisionEvidence[]): ClientDiagnosis | undefined {
  const line = [...errors].reverse().find((l) => REFUSED.test(l));
  if (line === undefined) return undefined;
  const settings = tableSettings(containers);
  const table = readTable([...errors, ...lines]) ?? (settings.size === 1 ? [...settings.values()][0] : undefined);
  const keys = readKeyAttributes(lines);
  const [newest, previous] = sortRevisions(revisions);
  // A table setting the newest revision changed: the code now points at another table.
  const moved = newest !== undefined && previous !== undefined
    ? [...tableSettings(newest.containers)].find(([name, value]) => tableSettings(previous.containers).get(name) !== value)
    : undefined;
  const was = moved !== undefined && previous !== undefined ? tableSettings(previous.containers).get(moved[0]) : undefined;
  const sent = keys.length > 0 ? ` (${keys.join(', ')})` : '';
  const on = table !== undefined ? ` of table ${table}` : '';
  const summary = moved !== undefined
    ? `DynamoDB rejects the keys the code sends (ValidationException: key element does not match the schema): revision ${newest?.revision} points ${moved[0]} at ${moved[1]}${was !== undefined ? ` (was ${was})` : ''}, whose key schema is not the key the code builds${sent}`
    : `DynamoDB rejects the keys the code sends (ValidationException: key element does not match the schema): the key attributes it builds${sent} are not the key schema${on}`;
  return {
    summary,
    title: (logs) => `${summary.charAt(0).toUpperCase()}${summary.slice(1)} in the ${logs}`,
    likelyCause: `A DynamoDB table's key schema (its partition key, and sort key when it has one) is fixed when the table is created; a request whose Key names other attributes, or gives them another type, is refused with ValidationException before anything is read. The table does not change its schema by itself: the code builds its keys another way (renamed attributes, a composite key of a new data model) or it is pointed at a table whose keys are not the ones it builds${moved !== undefined ? ` (revision ${newest?.revision} changed ${moved[0]})` : ''}. Every keyed read and write fails while the pods stay Ready${keys.length > 0 ? `; the logged requests send the key attributes ${keys.join(', ')}` : ''}.`,
    nextAction: `${previous !== undefined ? `Roll back to revision ${previous.revision}, the code that sent the table's key attributes, ` : 'Roll back to the release that sent the table\'s key attributes, '}then compare the table's KeySchema (aws dynamodb describe-table${table !== undefined ? ` --table-name ${table}` : ''}) with the key the code builds before rolling forward (or migrate the data to a table keyed as the new code expects).`,
    fix: `send the table's own key attributes${table !== undefined ? ` (the KeySchema of ${table})` : ''}, or migrate the data to a table keyed as the code now builds`,
  };
}
