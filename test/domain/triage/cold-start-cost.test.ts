import { describe, expect, it } from 'vitest';
import { findColdStartLine } from '../../../src/domain/triage/cold-start-cost.js';

const young = {
  pod: 'search-api-4g7cqk7wwh-kkcjp',
  container: 'search-api',
  previous: false,
  lines: [
    '2026-11-21T03:01:23.000Z  INFO 1 --- [search-api] [           main] c.a.search.SearchApiApplication          : Started SearchApiApplication in 21.714 seconds (process running for 22.9)',
    '2026-11-21T03:01:23.400Z  INFO 1 --- [search-api] [           main] c.a.search.cache.QueryCache              : query cache empty (0/500000 entries), warming from live traffic',
    '2026-11-21T03:01:30.000Z  WARN 1 --- [search-api] [nio-8080-exec-3] c.a.search.web.SearchController          : slow search q="wireless headphones" took 2412 ms (cache MISS, opensearch 2377 ms)',
  ],
};
const old = { ...young, pod: 'search-api-4g7cqk7wwh-9pq2t', lines: ['2026-11-21T03:10:54.000Z  INFO 1 --- [search-api] [    cache-stats] c.a.search.cache.QueryCache              : query cache 500000/500000 entries, hit ratio 0.93'] };

describe('findColdStartLine', () => {
  it('prefers the flagged line of a young pod that says its cache is cold', () => {
    expect(findColdStartLine([old, young], new Set([young.pod]))?.line).toMatch(/WARN .*slow search .*cache MISS/);
  });

  it('reads only the given pods, and finds nothing in a warm log', () => {
    expect(findColdStartLine([old], new Set([old.pod]))).toBeUndefined();
    expect(findColdStartLine([young], new Set())).toBeUndefined();
  });
});
