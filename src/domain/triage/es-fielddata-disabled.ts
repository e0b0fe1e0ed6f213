/**
 * Elasticsearch (or OpenSearch) refusing an aggregation, sort or script on a `text` field: text
 * fields keep no per-document values, so the search is answered with 400 "Fielddata is disabled on
 * [field]" / "Text fields are not optimised for operations … set fielddata=true on [field]". The
 * field is `text` in the index the query hits — typically a new index created without an explicit
 * mapping (a reindex or rollover into an index whose dynamic mapping typed a string as text with a
 * .keyword sub-field), where the old one had it as keyword. The fix is the mapping or the query,
 * not fielddata=true (which loads the whole field into memory). Pure: reads log lines only.
 */
import type { ClientDiagnosis } from './client-diagnosis-reading.js';

/** The server's own words, naming the field. */
const FIELDDATA = /Fielddata is disabled on (?:text fields by default\. Set fielddata=true on )?\[([^\]\s]+)\]|set fielddata=true on \[([^\]\s]+)\]/i;

export function explainFielddataDisabled(errors: readonly string[], lines: readonly string[]): ClientDiagnosis | undefined {
  const line = [...errors, ...lines].find((l) => FIELDDATA.test(l));
  if (line === undefined) return undefined;
  const m = FIELDDATA.exec(line);
  const field = m?.[1] ?? m?.[2] ?? '';
  const fix = `aggregate and sort on a keyword field — [${field}.keyword] if the index has that sub-field — or map [${field}] as keyword in the index the queries hit (create it with the explicit mapping and reindex); not fielddata=true, which loads the whole field into memory`;
  return {
    summary: `Elasticsearch refuses aggregations and sorts on [${field}] with 400 "Fielddata is disabled on [${field}]": [${field}] is a text field in the index the queries hit, which needs a keyword (sub)field for that`,
    likelyCause:
      `The field [${field}] is mapped as text in the index the queries now hit, and text fields cannot be aggregated or sorted on, so Elasticsearch answers each such search with 400 while the cluster stays healthy. ` +
      `A field that used to work is usually text because a new index was created without the explicit mapping (a reindex or rollover whose dynamic mapping typed the string as text with a .keyword sub-field) and an alias moved to it; the pods are not at fault and restarting them changes nothing.`,
    nextAction: `${fix.charAt(0).toUpperCase()}${fix.slice(1)}. GET <index>/_mapping/field/${field} shows its type; look for the Job or person that reindexed or moved the alias just before the refusals began.`,
    fix,
  };
}
