/**
 * The JetStream streams a NATS server's own config defines — a streams file its pods mount (the
 * JSON `nats stream add --config` and the API take: `{"name": …, "subjects": [...]}`), or a YAML
 * list of the same fields. A client told "stream not found" uses a name these do not hold; what
 * they do hold (the old name, the subjects it captures) is what to restore or create beside it.
 * Only names and subjects are kept.
 */

export interface StreamDefinition {
  name: string;
  subjects: string[];
}

/** At most this many streams kept per file: a name list, not an inventory. */
const MAX_STREAMS = 8;

const STREAM_NAME = /^[\w-]{1,64}$/;

function asStream(o: unknown): StreamDefinition | undefined {
  if (typeof o !== 'object' || o === null) return undefined;
  const r = o as Record<string, unknown>;
  const subjects = Array.isArray(r['subjects']) ? r['subjects'].filter((s): s is string => typeof s === 'string') : [];
  return typeof r['name'] === 'string' && STREAM_NAME.test(r['name']) && subjects.length > 0 ? { name: r['name'], subjects } : undefined;
}

function walk(v: unknown, out: StreamDefinition[]): void {
  if (Array.isArray(v)) {
    for (const x of v) walk(x, out);
    return;
  }
  const s = asStream(v);
  if (s !== undefined) out.push(s);
  else if (typeof v === 'object' && v !== null) for (const x of Object.values(v)) walk(x, out);
}

/** YAML: `name: ORDERS` with `subjects: ["a.>"]` (inline) or a `- a.>` list right after it. */
function readYamlStreams(text: string): StreamDefinition[] {
  const out: StreamDefinition[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const name = /^\s*-?\s*name:\s*["']?([\w-]+)["']?\s*$/.exec(lines[i] ?? '')?.[1];
    if (name === undefined) continue;
    for (let j = i + 1; j < Math.min(lines.length, i + 8); j++) {
      const inline = /^\s*subjects:\s*\[([^\]]*)\]/.exec(lines[j] ?? '');
      if (inline) {
        const subjects = (inline[1] ?? '').split(',').map((s) => s.trim().replace(/^["']|["']$/g, '')).filter(Boolean);
        if (subjects.length > 0) out.push({ name, subjects });
        break;
      }
      if (/^\s*subjects:\s*$/.test(lines[j] ?? '')) {
        const subjects: string[] = [];
        for (let k = j + 1; k < lines.length; k++) {
          const item = /^\s*-\s*["']?([^\s"']+)["']?\s*$/.exec(lines[k] ?? '');
          if (item?.[1] === undefined) break;
          subjects.push(item[1]);
        }
        if (subjects.length > 0) out.push({ name, subjects });
        break;
      }
      if (/^\s*-?\s*name:/.test(lines[j] ?? '')) break;
    }
  }
  return out;
}

/** The streams one ConfigMap key defines (JSON first, then YAML), each name once. */
export function findStreamDefinitions(text: string): StreamDefinition[] {
  const found: StreamDefinition[] = [];
  const t = text.trim();
  if (t.startsWith('[') || t.startsWith('{')) {
    try {
      walk(JSON.parse(t) as unknown, found);
    } catch {
      // Not JSON after all: the YAML reading below.
    }
  }
  if (found.length === 0) found.push(...readYamlStreams(text));
  return found.filter((s, i) => found.findIndex((o) => o.name === s.name) === i).slice(0, MAX_STREAMS);
}

/** "ORDERS (orders.>)". */
export function describeStream(s: StreamDefinition): string {
  return `${s.name} (${s.subjects.join(', ')})`;
}
