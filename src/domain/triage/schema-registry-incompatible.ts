/**
 * A producer whose new schema its schema registry refuses: the serializer registers the schema of
 * the records it sends (auto.register.schemas) and the registry answers 409 "Schema being
 * registered is incompatible with an earlier schema" when the new schema breaks the subject's
 * compatibility rule (BACKWARD by default). Newer Confluent registries say why in the same message:
 * an error type (READER_FIELD_MISSING_DEFAULT_VALUE, TYPE_MISMATCH, NAME_MISMATCH, …), the field
 * and the subject's compatibility level. Every send of the new record type fails, so the change
 * of what is produced (the producer's release) is the trigger and the registry is not at fault.
 * Pure: reads log lines only.
 */
import { truncate } from '../text.js';
import type { ClientDiagnosis } from './client-diagnosis-reading.js';

const REFUSED = /Schema being registered is incompatible with an earlier schema/i;

/** What each of the registry's error types means, and how to make the schema compatible again. */
const ERROR_TYPES: Readonly<Record<string, { says: (field: string) => string; fix: (field: string) => string }>> = {
  READER_FIELD_MISSING_DEFAULT_VALUE: {
    says: (f) => `the new schema adds ${f} without a default, so it cannot read records written with the earlier schema`,
    fix: (f) => `give ${f} a default in the new schema (or make it an optional union with null)`,
  },
  TYPE_MISMATCH: {
    says: (f) => `the new schema changes the type of ${f}`,
    fix: (f) => `keep the type of ${f} (only widening promotions are compatible) and add a new field for the new type`,
  },
  NAME_MISMATCH: {
    says: () => 'the new schema renames the record (its name or namespace)',
    fix: () => 'keep the registered record name and namespace (or declare the old one as an alias)',
  },
  MISSING_UNION_BRANCH: {
    says: (f) => `the new schema drops a union branch of ${f}`,
    fix: (f) => `keep every union branch of ${f} that the earlier schema had`,
  },
  MISSING_ENUM_SYMBOLS: {
    says: (f) => `the new schema drops enum symbols of ${f}`,
    fix: (f) => `keep the enum symbols of ${f} (or give the enum a default symbol)`,
  },
  FIXED_SIZE_MISMATCH: {
    says: (f) => `the new schema changes the size of the fixed type ${f}`,
    fix: (f) => `keep the size of ${f}`,
  },
};

interface Refusal {
  line: string;
  subject?: string;
  errorType?: string;
  field?: string;
  compatibility?: string;
}

function readRefusal(line: string): Refusal {
  const subject = /for subject "([^"]+)"/.exec(line)?.[1] ?? /subject[:= ]+'?"?([\w.-]+-(?:value|key))\b/.exec(line)?.[1];
  const errorType = /errorType:\s*'?"?([A-Z][A-Z_]+)/.exec(line)?.[1];
  const field = /additionalInfo:\s*'([^']+)'/.exec(line)?.[1] ?? /The field '([^']+)'/.exec(line)?.[1];
  const compatibility = /compatibility:\s*'?"?([A-Z_]+)/.exec(line)?.[1];
  return { line, ...(subject ? { subject } : {}), ...(errorType ? { errorType } : {}), ...(field ? { field } : {}), ...(compatibility ? { compatibility } : {}) };
}

/** The refusal's own words and what decides it, without the schemas it repeats. */
function quoteOf(r: Refusal): string {
  const at = r.line.search(REFUSED);
  const head = r.line.slice(at).replace(/,?\s*details:.*$/, '').replace(/;\s*error code:.*$/, '').trim();
  return truncate(`${head}${r.errorType ? ` (${r.errorType}${r.field ? `, field ${r.field}` : ''})` : ''}`, 220);
}

export function explainSchemaIncompatible(errors: readonly string[], lines: readonly string[]): ClientDiagnosis | undefined {
  const refusals = [...errors, ...lines].filter((l) => REFUSED.test(l)).map(readRefusal);
  if (refusals.length === 0) return undefined;
  const best = refusals.find((r) => r.errorType !== undefined) ?? refusals.find((r) => r.subject !== undefined) ?? (refusals[0] as Refusal);
  const field = best.field !== undefined ? `field ${best.field}` : 'the changed field';
  const known = best.errorType !== undefined ? ERROR_TYPES[best.errorType] : undefined;
  const subject = best.subject !== undefined ? ` for subject ${best.subject}` : '';
  const rule = best.compatibility !== undefined ? ` (${best.compatibility} compatibility)` : '';
  const why = best.errorType !== undefined ? `: ${best.errorType}${best.field !== undefined ? ` on ${field}` : ''}` : '';
  const summary = `the schema registry refuses the new schema${subject} as incompatible with an earlier one (409${best.compatibility !== undefined ? `, ${best.compatibility}` : ''})${why}`;
  const fix = known ? known.fix(field) : `make the new schema compatible with the registered one under the subject's compatibility rule${rule}`;
  return {
    summary,
    title: (where) => `Schema refused in the ${where}: ${summary}`,
    decisive: quoteOf(best),
    likelyCause:
      `The serializer registers the schema of each record type it sends, and the schema registry refuses the new one with 409 because it breaks the subject's compatibility rule${rule}${known ? `: ${known.says(field)}` : ''}. ` +
      'Every send of that record fails while the registry itself answers, so the registry and the broker are not at fault: the release that changed the schema is the trigger.',
    nextAction: `Roll back to the revision that produced the earlier schema, then ${fix}; do not lower the subject's compatibility to let it through, which breaks the consumers reading older records.`,
    fix,
  };
}
