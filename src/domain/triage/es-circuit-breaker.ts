/**
 * Elasticsearch (and OpenSearch) guard each node's heap with circuit breakers: before a request
 * reserves memory (its body, an aggregation's buckets, fielddata) the node checks the breaker, and
 * refuses it when the total would pass the limit — circuit_breaking_exception "[parent] Data too
 * large, data for [<what>] would be [X], which is larger than the limit of [Y]", HTTP 429. That is
 * the search cluster refusing work for its own memory, not an outside API's rate budget: the
 * requests got heavier (a bigger aggregation or page), or the heap got smaller or fuller. Pure:
 * reads log lines only.
 */
import type { ClientDiagnosis } from './client-diagnosis-reading.js';

/** The breaker's refusal in the client's or the server's words. */
export const ES_CIRCUIT_BREAKER = /circuit_breaking_exception|CircuitBreakingException/i;

/** "[parent] Data too large, data for [<http_request>] would be [8215532110/7.6gb], which is larger than the limit of [8160437862/7.5gb]". */
const DATA_TOO_LARGE = /\[(\w+)\] Data too large, data for \[([^\]]*)\] would be \[(?:\d+\/)?([^\]]+)\], which is larger than the limit of \[(?:\d+\/)?([^\]]+)\]/;

/** Refusals before they are a pattern, not one heavy request. */
const MIN_BREAKER_LINES = 3;

export function explainEsCircuitBreaker(errors: readonly string[], lines: readonly string[]): ClientDiagnosis | undefined {
  const refused = errors.filter((l) => ES_CIRCUIT_BREAKER.test(l));
  if (refused.length < MIN_BREAKER_LINES) return undefined;
  const line = [...refused].reverse().find((l) => DATA_TOO_LARGE.test(l)) ?? refused[refused.length - 1] ?? '';
  const m = DATA_TOO_LARGE.exec(line);
  const name = m?.[1] ?? 'parent';
  const numbers = m ? ` (would be ${m[3]}, limit ${m[4]})` : '';
  const status = /\b429\b/.test(line) || lines.some((l) => ES_CIRCUIT_BREAKER.test(l) && /\b429\b/.test(l)) ? ', HTTP 429' : '';
  const fix = 'make each request need less of the heap — smaller aggregations (a bounded terms size, composite aggregation pagination), smaller size/pages, no fielddata on text fields — or give the cluster more heap (bigger data nodes, more nodes)';
  return {
    summary: `Elasticsearch refuses requests with circuit_breaking_exception: [${name}] Data too large${numbers}${status} — its ${name} circuit breaker guards the cluster's heap; not a rate limit`,
    title: (where) => `Elasticsearch refuses requests with circuit_breaking_exception: [${name}] Data too large${numbers}${status} (${refused.length} refusals in the ${where}) — its ${name} circuit breaker guards the cluster's heap, not a rate limit`,
    decisive: line,
    likelyCause:
      `Each Elasticsearch node checks its circuit breakers before a request reserves heap (its body, the buckets of its aggregations, fielddata) and refuses the request when the total would pass the breaker's limit ([${name}]${numbers}) — HTTP 429 circuit_breaking_exception, while the cluster stays up and lighter requests still pass. ` +
      'The requests got heavier (a new or larger aggregation, a bigger size or page — often brought by a new revision of the caller), or the heap is smaller or fuller than before; retrying the same request is refused the same way.',
    nextAction: `${fix.charAt(0).toUpperCase()}${fix.slice(1)}. GET _nodes/stats/breaker shows which breaker trips and how close each node is to its limit; compare the failing queries with what the newest revision of the caller sends.`,
    fix,
  };
}
