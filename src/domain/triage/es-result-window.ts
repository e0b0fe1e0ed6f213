/**
 * Elasticsearch (or OpenSearch) refusing a page past the result window: a search whose from + size
 * exceeds the index's `index.max_result_window` is answered with 400 "Result
 * window is too large, from + size must be less than or equal to: [limit]". Ordinary searches
 * (first pages) keep working; only deep from/size paging fails — typically a bulk export or a
 * crawler added by the client's code, or an index that grew past the window. The fix is paging
 * with search_after and a point in time (or scroll), not raising the setting, which only moves
 * the wall and costs heap on every shard. Pure: reads log lines only.
 */
import type { ClientDiagnosis } from './client-diagnosis-reading.js';

/** The server's own words, with its limit and (when given) the window asked for. */
const RESULT_WINDOW = /Result window is too large, from \+ size must be less than or equal to: \[(\d+)\](?: but was \[(\d+)\])?/i;

export function explainEsResultWindow(errors: readonly string[], lines: readonly string[]): ClientDiagnosis | undefined {
  const line = [...errors, ...lines].find((l) => RESULT_WINDOW.test(l));
  if (line === undefined) return undefined;
  const m = RESULT_WINDOW.exec(line);
  const limit = m?.[1] ?? '';
  const asked = m?.[2];
  const fix = `page deep result sets with search_after and a point in time (PIT), or the scroll API, instead of from/size; raise index.max_result_window only with care (it moves the wall and costs heap per shard)`;
  return {
    summary: `Elasticsearch refuses with 400 every page past the result window${asked ? ` (from + size ${asked})` : ''}: the client pages deep with from/size past index.max_result_window (${limit})`,
    decisive: m?.[0] ?? line,
    likelyCause:
      `The client pages through a large result set with from/size, and Elasticsearch refuses any search whose from + size exceeds the index's index.max_result_window (${limit}), so every request that needs a page beyond it fails with 400 while first pages and the cluster stay healthy. ` +
      `Such deep paging usually comes with a code change that pages through everything (an export, a sync, a crawler), else with an index that grew past the window; the pods are not at fault and restarting them changes nothing.`,
    nextAction: `${fix.charAt(0).toUpperCase()}${fix.slice(1)}; or roll back the change that added the deep paging until then. GET <index>/_settings/index.max_result_window?include_defaults=true shows the limit.`,
    fix,
  };
}
