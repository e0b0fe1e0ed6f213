/**
 * A Postgres whose collation library changed under its data: the image's OS moved to another
 * glibc (CentOS 7 → Rocky 9, Debian buster → bookworm: glibc 2.28 reordered most locales), so
 * every B-tree index on text built under the old order is out of order. Index scans miss rows
 * that exist, the app's existence checks pass, and the unique index then refuses the insert of a
 * key that is there (or lets a duplicate in, so REINDEX fails later). Postgres says so itself at
 * each connection to the database, with both versions in the DETAIL line. Pure: log lines only.
 */
import type { PodEvidence } from './evidence-pod.js';
import type { ServerExplanation } from './server-explanation.js';
import { formatAgo } from './time-span.js';

/** A unique index refusing an insert: the app's own business, unless the server's log explains it (onlyWhenTold). */
export const PG_UNIQUE_VIOLATION = /duplicate key value violates unique constraint/;

const FIX =
  'stop the writes to the affected tables, remove the duplicates the corrupt indexes let in, REINDEX every index on text columns (REINDEX DATABASE, or amcheck\'s bt_index_check to find them), then run ALTER DATABASE … REFRESH COLLATION VERSION; until that is done, the image with the old glibc reads the indexes as they were built';

/** `DETAIL:  The database was created using collation version 2.17, but the operating system provides version 2.34.` (or "The collation in the database was created using version …" for one collation). */
export const COLLATION_MISMATCH: ServerExplanation = {
  pattern: /was created using (?:collation )?version (\w[\w.]*\w), but the operating system provides version (\w[\w.]*\w)/,
  describe: (m) => ({
    said: `its own log warns of a collation version mismatch: built under ${m[1] ?? '?'}, the OS (glibc) now provides ${m[2] ?? '?'}, so its text indexes are out of order`,
    fix: FIX,
  }),
};

export const COLLATION_WHY =
  'Postgres sorts text with the operating system\'s collation library (glibc for libc locales) and keeps B-tree indexes in that order. When the server\'s image moves to another glibc on the same data volume (2.28 changed the order of en_US and most locales), indexes on text built under the old order are silently corrupt: lookups by that column miss rows that exist, existence checks pass, and the unique index then refuses the insert of a key it already holds — or lets a duplicate in, so a later REINDEX fails. The server and these pods pass every probe; only the queries that use those indexes go wrong.';

export const COLLATION_OUTLASTS = 'the corrupt indexes stay whatever revision of the client runs: only a rebuild under the new collation (or the old glibc) puts them in order';

export { FIX as COLLATION_FIX };

/** The image the server's pod runs and since when: the OS (and glibc) under the data is the image's. */
export function readServerImage(pod: PodEvidence, now?: string): { said: string; evidence: string } | undefined {
  const c = pod.containers.find((x) => /postgres|postgis|timescale|pgvector/i.test(x.image)) ?? pod.containers[0];
  if (!c) return undefined;
  const image = c.image.replace(/@sha256:[0-9a-f]+$/, '').split('/').pop() ?? c.image;
  const started = pod.startTime ?? pod.createdAt;
  const since = started && now ? ` since ${formatAgo(started, now)}` : '';
  return { said: `${pod.name} runs ${image}${since}`, evidence: `${pod.name} runs ${c.image}${started ? ` (started ${started})` : ''}` };
}
