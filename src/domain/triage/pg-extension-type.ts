/**
 * A PostgreSQL type that an extension provides, missing from the database: `type "vector" does
 * not exist` (or pgvector-python's "vector type not found in the database"). The type exists only
 * in a database where CREATE EXTENSION ran, and CREATE EXTENSION needs the extension's files in
 * the server's image ("extension "vector" is not available": no vector.control). A database
 * restored or re-created on a stock image loses it, with the tables and columns that used it,
 * while everything else works. Pure: the refused lines only.
 */

/** Types that only an extension provides, and the extension's name. */
const EXTENSION_TYPES: Record<string, { extension: string; image?: string }> = {
  vector: { extension: 'vector', image: 'pgvector/pgvector' },
  halfvec: { extension: 'vector', image: 'pgvector/pgvector' },
  sparsevec: { extension: 'vector', image: 'pgvector/pgvector' },
  geometry: { extension: 'postgis', image: 'postgis/postgis' },
  geography: { extension: 'postgis', image: 'postgis/postgis' },
  hstore: { extension: 'hstore' },
  citext: { extension: 'citext' },
  ltree: { extension: 'ltree' },
};

const NAMES = Object.keys(EXTENSION_TYPES).join('|');

export const PG_EXTENSION_TYPE_MISSING = new RegExp(`type "(?:public\\.)?(${NAMES})" does not exist|\\b(${NAMES}) type not found in the database|extension "(${NAMES})" is not available`, 'i');

function readType(line: string): string | undefined {
  const m = PG_EXTENSION_TYPE_MISSING.exec(line);
  return (m?.[1] ?? m?.[2] ?? m?.[3])?.toLowerCase();
}

/** ": type vector, extension vector not installed in that database". */
export function describeExtensionType(line: string): string {
  const type = readType(line);
  const ext = type ? EXTENSION_TYPES[type] : undefined;
  return type && ext ? `: type ${type}, extension ${ext.extension} not installed in that database` : '';
}

/** The fix with the extension's name, when the lines name its type. */
export function fixExtensionType(lines: readonly string[]): string | undefined {
  const type = lines.map(readType).find((t) => t !== undefined);
  const ext = type ? EXTENSION_TYPES[type] : undefined;
  if (ext === undefined) return undefined;
  const image = ext.image ? `, e.g. ${ext.image}` : '';
  return `run CREATE EXTENSION ${ext.extension} in that database (on a server image that ships it${image}: elsewhere it is "not available"), then restore the tables with ${type ?? 'its'} columns`;
}

export const EXTENSION_TYPE_WHY = 'The type comes from an extension, and exists only in a database where CREATE EXTENSION ran — which needs the extension\'s files in the server\'s image (otherwise "extension … is not available", no .control file). A database restored or re-created without it (a fresh instance on a stock image, a restore whose CREATE EXTENSION failed) lacks the type and the tables or columns that used it, so every query that needs them fails while the rest of the app works.';

export const EXTENSION_TYPE_FIX = 'run CREATE EXTENSION for the extension that provides the type in that database (on a server image that includes it), then restore what needed the type';

export const EXTENSION_TYPE_OUTLASTS = 'the database lacks the extension; a rollback of the app does not add it';
