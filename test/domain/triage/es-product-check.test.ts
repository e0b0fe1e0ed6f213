import { describe, expect, it } from 'vitest';
import { explainProductCheck } from '../../../src/domain/triage/es-product-check.js';

const PY_TRACE = [
  '2026-11-21 03:12:12,000 ERROR [search_api.routes] search failed q="oak desk"',
  'Traceback (most recent call last):',
  '  File "/usr/local/lib/python3.12/site-packages/elasticsearch/_sync/client/_base.py", line 351, in _perform_request',
  '    raise UnsupportedProductError(',
  'elasticsearch.UnsupportedProductError: The client noticed that the server is not Elasticsearch and we do not support this unknown product',
  'INFO:     10.0.13.55:40175 - "GET /v1/search?q=oak%20desk HTTP/1.1" 500 Internal Server Error',
];
const ENV = [{ name: 'ELASTICSEARCH_URL', value: 'http://search-cluster.search.svc.cluster.local:9200' }];

describe('explainProductCheck', () => {
  it('reads an 8.x Python client refusing a server that is not Elasticsearch: OpenSearch, and the client to move to', () => {
    const told = explainProductCheck([PY_TRACE[0] ?? ''], PY_TRACE, [{ name: 'app', env: ENV }]);
    expect(told?.summary).toBe('the Elasticsearch client 8.x refuses the server as not Elasticsearch (product check): OpenSearch, or Elasticsearch < 7.14');
    expect(told?.likelyCause).toContain('X-Elastic-Product');
    expect(told?.likelyCause).toContain('ELASTICSEARCH_URL=http://search-cluster.search.svc.cluster.local:9200');
    expect(told?.fix).toBe('move the app to opensearch-py for OpenSearch, or pin the Elasticsearch client below 7.14, which does not check the product');
  });

  it('names the version the client logs at start, and OpenSearch alone when its URL says so', () => {
    const lines = [
      '{"level":30,"msg":"search-gateway 2.4.0 starting with @elastic/elasticsearch@8.15.0"}',
      '{"level":50,"err":{"type":"ProductNotSupportedError","message":"The client noticed that the server is not Elasticsearch and we do not support this unknown product"},"msg":"search failed"}',
    ];
    const told = explainProductCheck(lines.slice(1), lines, [{ name: 'app', env: [{ name: 'OPENSEARCH_URL', value: 'https://opensearch.search:9200' }] }]);
    expect(told?.summary).toBe('the Elasticsearch client (@elastic/elasticsearch 8.15.0) refuses the server as not Elasticsearch (product check): OpenSearch');
    expect(told?.fix).toContain('@opensearch-project/opensearch');
  });

  it('reads nothing into other Elasticsearch errors', () => {
    const lines = ['elasticsearch.exceptions.ConnectionTimeout: ConnectionTimeout caused by - ReadTimeoutError(HTTPConnectionPool(host=\'es\', port=9200): Read timed out. (read timeout=10))'];
    expect(explainProductCheck(lines, lines, [{ name: 'app', env: ENV }])).toBeUndefined();
  });
});
