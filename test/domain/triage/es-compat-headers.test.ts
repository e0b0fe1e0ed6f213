import { describe, expect, it } from 'vitest';
import { findUnexplained } from '../../../src/domain/triage/unexplained.js';
import { explainCompatHeaders } from '../../../src/domain/triage/es-compat-headers.js';
import { baseEvidence, container, pod } from './scenarios/builders.js';

// A 7.x Java client in compatibility mode against an 8.x cluster: every search answered 400 over its headers.
const REASON = '{"error":{"root_cause":[{"type":"media_type_header_exception","reason":"Invalid media-type value on headers [Content-Type, Accept]"}],"type":"media_type_header_exception","reason":"Invalid media-type value on headers [Content-Type, Accept]","caused_by":{"type":"status_exception","reason":"A compatible version is required on both Content-Type and Accept headers if either one has requested a compatible version and the compatible versions must match. Accept=null, Content-Type=7"}},"status":400}';
function appLog(): string[] {
  const out = ['2026-11-09 10:00:00.000  INFO 1 --- [main] o.e.client.RestHighLevelClient : search client ready: Elasticsearch client 7.16.3, API compatibility headers on'];
  for (let i = 0; i < 5; i++) {
    out.push(
      `2026-11-21 03:0${i}:10.000 ERROR 1 --- [exec-${i}] c.e.shop.SearchController : search failed`,
      'org.elasticsearch.ElasticsearchStatusException: Elasticsearch exception [type=media_type_header_exception, reason=Invalid media-type value on headers [Content-Type, Accept]]',
      '\tat org.elasticsearch.client.RestHighLevelClient.search(RestHighLevelClient.java:1380)',
      '\tSuppressed: org.elasticsearch.client.ResponseException: method [POST], host [http://docs-es:9200], URI [/items/_search?batched_reduce_size=256], status line [HTTP/1.1 400 Bad Request]',
      REASON,
    );
  }
  return out;
}

describe('explainCompatHeaders', () => {
  it('reads a 400 media_type_header_exception as a 7.x client in compatibility mode against an 8.x server, with the client\'s version', () => {
    const lines = appLog();
    const d = explainCompatHeaders(lines.filter((l) => /ERROR|Exception/.test(l)), lines);
    expect(d?.summary).toBe('an Elasticsearch 8.x server answers 400 media_type_header_exception to the Elasticsearch client 7.16.3 in compatibility mode: its Content-Type and Accept headers name different compatible versions (Content-Type=7, Accept=null)');
    expect(d?.decisive).toMatch(/^org\.elasticsearch\.ElasticsearchStatusException: .*media_type_header_exception/);
    expect(d?.fix).toMatch(/^move the app to the 8\.x Elasticsearch client/);
    expect(d?.nextAction).toMatch(/cannot return to 7\.x/);
  });

  it('reads nothing into other 400s of Elasticsearch', () => {
    const lines = ['org.elasticsearch.ElasticsearchStatusException: Elasticsearch exception [type=parsing_exception, reason=unknown query [matchx]]'];
    expect(explainCompatHeaders(lines, lines)).toBeUndefined();
  });

  it('titles the ready pods\' error lines as the server refusing the older client\'s headers, quoting the server\'s words', () => {
    const pods = [0, 1].map((i) => pod(i, { containers: [container({ env: [{ name: 'ES_HOSTS', value: 'http://docs-es:9200' }] })] }));
    const ev = baseEvidence({ pods, logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines: appLog() })) });
    const [f] = findUnexplained(ev, []);
    expect(f?.title).toContain(': an Elasticsearch 8.x server answers 400 media_type_header_exception to the Elasticsearch client 7.16.3');
    expect(f?.decisive).toContain('media_type_header_exception');
    expect(f?.decisive).not.toContain('batched_reduce_size');
    expect(f?.noRollback).toBeDefined();
  });
});
