/**
 * MongoDB caps every document at 16 MB of BSON (16777216 bytes) and refuses a write that would make
 * one larger: an update with "Resulting document after update is larger than 16777216" (code
 * 17419), an insert with "object to insert too large" or BSONObjectTooLarge (code 10334); drivers
 * refuse before sending with "Payload document size is larger than maximum". It strikes the few
 * documents that grew to the limit — most often an embedded array each write $pushes to and
 * nothing trims — and every write to them fails for good while every other document, the replica
 * set and the pods stay fine. No setting raises the limit, and a rollback does not shrink them.
 * Pure: reads the logged lines only.
 */

export const MONGO_DOCUMENT_TOO_LARGE = /Resulting document after update is larger than \d+|\bobject to insert too large\b|\bBSONObjectTooLarge\b|BSONObj size: \d+ \(0x[0-9A-Fa-f]+\) is invalid|Payload document size (?:of \d+ )?is larger than maximum/i;

/** "$push points_history", `{"$push": {"history": …}}`: the array the refused update grows. */
const PUSHED = /\$(?:push|addToSet)\\?"?\s*[:=]?\s*\{?\s*\\?"?([A-Za-z_][\w.]*)/;

/** " (each write $pushes to points_history)", from a refused line that names the update. */
export function describePushedArray(line: string): string {
  const field = PUSHED.exec(line)?.[1];
  return field ? ` (each write $pushes to its ${field} array)` : '';
}

export const DOCUMENT_SIZE_WHY =
  'MongoDB caps every document at 16 MB of BSON (16777216 bytes) and refuses whole any write that would make one larger — an update with "Resulting document after update is larger than 16777216" (code 17419), an insert with BSONObjectTooLarge (code 10334) — so every write to such a document fails, for good, while every other document, the replica set and its probes stay fine. No setting raises the limit.';

export const DOCUMENT_SIZE_CLIENT_SIDE =
  'MongoDB itself is healthy and takes every write to every other document: the few documents these pods keep growing have reached the limit — most often an embedded array each write appends to ($push) that nothing trims, an unbounded history kept inside its parent document.';

export const DOCUMENT_SIZE_OUTLASTS = 'the documents at the limit stay there whatever revision writes to them: a rollback does not shrink them';

export const DOCUMENT_SIZE_FIX =
  'bound what grows inside the document: cap the array ($push with $each and $slice), or move the history to its own collection (one document per entry, or bucketed by period) and archive the old entries; then trim the documents already at the limit (move their old entries out) so their writes succeed again';
