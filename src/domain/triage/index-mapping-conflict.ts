/**
 * Documents a search index refuses for its mapping: Elasticsearch and OpenSearch answer a bulk
 * item whose field value does not fit the field's mapped type with 400 mapper_parsing_exception
 * (8.x: document_parsing_exception), "failed to parse field [seller_id] of type [long] in document
 * with id '…'"; an index mapped `dynamic: strict` refuses a field it does not know
 * (strict_dynamic_mapping_exception). The cluster is healthy and the indexer's pods are Ready:
 * the document itself is wrong for the index, so a retry fails the same way and an indexer that
 * logs and skips it (or commits past it) loses it — data loss, not a transient error. A mapping
 * is fixed per index, so what changed is what the documents carry: the producer of the events
 * the indexer consumes started sending another type for the field (its rollout is the trigger,
 * producer-rollout.ts), unless the indexer's own release changed how it builds them.
 */
import type { LogEvidence, PodEvidence } from './evidence-pod.js';
import type { IsoTime } from './evidence-spec.js';
import { isPodFailing } from './pod-status.js';
import { readLineTime } from './request-silence.js';
import { earliest } from './time-span.js';

export interface MappingConflictLine {
  /** The field the document carries a value of another type in, or a field the strict mapping lacks. */
  field: string;
  /** Its mapped type ("long"), or "strict" for a field a strict mapping does not know. */
  type: string;
  /** The exception's name, as the cluster gave it. */
  exception: string;
  /** The index, when the line names it. */
  index?: string;
  /** A value the field got, when the line previews it. */
  value?: string;
  /** The words that say it: "mapper_parsing_exception: failed to parse field [seller_id] of type [long]". */
  quote: string;
}

const PARSE_FAILED = /(mapper_parsing_exception|document_parsing_exception|MapperParsingException|DocumentParsingException)\b[\s\S]{0,200}?failed to parse field \[([^\]]+)\] of type \[([^\]]+)\]/;
const STRICT = /(strict_dynamic_mapping_exception|StrictDynamicMappingException)\b[\s\S]{0,200}?dynamic introduction of \[([^\]]+)\]/;
const INDEX = /"_?index"\s*:\s*"([^"]+)"|\bindex[=:]\s*\[?([\w.-]+)\]?/;
const VALUE = /Preview of field's value: '([^']{1,60})'|For input string: \\?"([^"\\]{1,60})\\?"/;

export function readMappingConflictLine(line: string): MappingConflictLine | undefined {
  const parse = PARSE_FAILED.exec(line);
  const strict = parse ? undefined : STRICT.exec(line);
  const m = parse ?? strict;
  if (!m) return undefined;
  const exception = m[1] ?? '';
  const field = m[2] ?? '';
  const type = parse ? (m[3] ?? '') : 'strict';
  const index = INDEX.exec(line);
  const value = VALUE.exec(line);
  const quote = parse ? `${exception}: failed to parse field [${field}] of type [${type}]` : `${exception}: dynamic introduction of [${field}] is not allowed`;
  return {
    field, type, exception, quote,
    ...(index?.[1] ?? index?.[2] ? { index: index?.[1] ?? index?.[2] ?? '' } : {}),
    ...(value?.[1] ?? value?.[2] ? { value: value?.[1] ?? value?.[2] ?? '' } : {}),
  };
}

export interface MappingConflictHit {
  pod: string;
  line: string;
  at?: IsoTime;
  read: MappingConflictLine;
}

export interface MappingConflicts {
  hits: MappingConflictHit[];
  /** The field most of them name, with its type. */
  field: string;
  type: string;
  exception: string;
  index?: string;
  /** Values it got, a few. */
  values: string[];
  /** The first one with a time. */
  onset?: IsoTime;
  /** The indexer says it drops, skips or discards the refused documents: they are lost. */
  dropped: boolean;
  /** The lines of the same logs: where the documents come from (the topic, the sender). */
  context: string[];
}

/** Refusals in a ready pod's log tail before they count: one odd document is not a conflict. */
const READY_POD_THRESHOLD = 3;
const DROPPED = /\b(?:dropp(?:ed|ing)|discard(?:ed|ing)|skipp(?:ed|ing)|lost|ignor(?:ed|ing))\b/i;

export function findMappingConflicts(seen: { logs: readonly LogEvidence[]; pods: readonly PodEvidence[]; collectedAt: IsoTime }): MappingConflicts | undefined {
  const hits: MappingConflictHit[] = [];
  const context: string[] = [];
  for (const log of seen.logs) {
    const pod = seen.pods.find((p) => p.name === log.pod);
    if (pod === undefined) continue;
    const mine = log.lines.flatMap((line) => {
      const read = readMappingConflictLine(line);
      if (read === undefined) return [];
      const at = readLineTime(line);
      return [{ pod: log.pod, line: line.trim(), read, ...(at ? { at } : {}) }];
    });
    if (mine.length === 0 || (mine.length < READY_POD_THRESHOLD && !log.previous && !isPodFailing(pod, seen.collectedAt))) continue;
    hits.push(...mine);
    context.push(...log.lines);
  }
  if (hits.length === 0) return undefined;
  const counts = new Map<string, number>();
  for (const h of hits) counts.set(h.read.field, (counts.get(h.read.field) ?? 0) + 1);
  const field = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
  const first = hits.find((h) => h.read.field === field)?.read;
  const onset = earliest(hits.flatMap((h) => h.at ?? []));
  return {
    hits, field, type: first?.type ?? '', exception: first?.exception ?? '',
    ...(first?.index ? { index: first.index } : {}),
    values: [...new Set(hits.filter((h) => h.read.field === field).flatMap((h) => h.read.value ?? []))].slice(0, 3),
    ...(onset ? { onset } : {}),
    dropped: hits.some((h) => DROPPED.test(h.line)),
    context,
  };
}
