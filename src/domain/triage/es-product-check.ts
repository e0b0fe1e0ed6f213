/**
 * The Elasticsearch clients' product check: since 7.14 the official clients (Python, JavaScript,
 * Java, Go) refuse any server that does not answer with the X-Elastic-Product header — OpenSearch,
 * or an Elasticsearch older than 7.14 — with "The client noticed that the server is not
 * Elasticsearch and we do not support this unknown product". The server is healthy and answers;
 * the client refuses it, so the fault came with the client (an upgrade to 8.x, or to 7.14+), not
 * with the cluster.
 */
import type { ContainerSpecEvidence } from './evidence-pod.js';
import type { ClientDiagnosis } from './client-diagnosis-reading.js';

const REFUSAL = /UnsupportedProductError|ProductNotSupportedError|server is not Elasticsearch and we do not support this unknown product|Missing \[X-Elastic-Product\] header/i;

/** The client's version as its own lines name it: "elasticsearch-py 8.15.1", "elasticsearch==8.15.1", "@elastic/elasticsearch@8.15.0", "elasticsearch-java:8.15.0". */
const CLIENT_VERSION = /(elasticsearch-py|elasticsearch-js|elasticsearch-java|@elastic\/elasticsearch|\belasticsearch(?===))\s*(?:==|@|:|\s)\s*v?(\d+\.\d+(?:\.\d+)?)/i;
/** Only the 8.x clients have these paths: elasticsearch-py's `_sync`/`_async` packages, go-elasticsearch's `/v8` module. */
const CLIENT_8_PATH = /\belasticsearch\/_(?:sync|async)\/client\b|go-elasticsearch\/v8\b/;

/** The client's version (from its own lines), or its major version (from the paths only 8.x has). */
function findClientVersion(lines: readonly string[]): string | undefined {
  const named = lines.map((l) => CLIENT_VERSION.exec(l)).find((m) => m !== null);
  if (named) return `${named[1] ?? 'elasticsearch'} ${named[2] ?? ''}`;
  return lines.some((l) => CLIENT_8_PATH.test(l)) ? '8.x' : undefined;
}

/** The OpenSearch client of the same language, by the Elasticsearch client's own traces. */
const OPENSEARCH_CLIENTS: readonly [RegExp, string][] = [
  [/site-packages\/elasticsearch\b|elasticsearch-py|\belasticsearch\.\w+Error\b/, 'opensearch-py'],
  [/@elastic\/elasticsearch|ProductNotSupportedError/, '@opensearch-project/opensearch'],
  [/co\.elastic\.clients|elasticsearch-java/, 'opensearch-java'],
  [/go-elasticsearch/, 'opensearch-go'],
];

function findOpenSearchClient(lines: readonly string[]): string {
  return OPENSEARCH_CLIENTS.find(([re]) => lines.some((l) => re.test(l)))?.[1] ?? 'the OpenSearch client';
}

/** Where the client sends its calls: the env that holds the search cluster's URL. */
function findServerUrl(containers: readonly Pick<ContainerSpecEvidence, 'env'>[]): { env: string; url: string } | undefined {
  for (const c of containers) {
    for (const e of c.env ?? []) {
      if ('value' in e && /ELASTIC|OPENSEARCH|SEARCH/i.test(e.name) && /^https?:\/\//.test(e.value)) return { env: e.name, url: e.value };
    }
  }
  return undefined;
}

export function explainProductCheck(errors: readonly string[], lines: readonly string[], containers: readonly Pick<ContainerSpecEvidence, 'name' | 'env'>[]): ClientDiagnosis | undefined {
  // A traceback's exception line need not read as an error line: the product check's words are enough, in any line.
  if (![...errors, ...lines].some((l) => REFUSAL.test(l))) return undefined;
  const version = findClientVersion(lines);
  const client = version === undefined ? 'The Elasticsearch client' : version === '8.x' ? 'The Elasticsearch client 8.x' : `The Elasticsearch client (${version})`;
  const server = findServerUrl(containers);
  const opensearch = server !== undefined && /opensearch/i.test(server.url);
  const what = opensearch ? 'an OpenSearch cluster' : 'an OpenSearch cluster, or an Elasticsearch older than 7.14';
  const fix = `move the app to ${findOpenSearchClient(lines)} for OpenSearch, or pin the Elasticsearch client below 7.14, which does not check the product`;
  return {
    summary: `${client.charAt(0).toLowerCase()}${client.slice(1)} refuses the server as not Elasticsearch (product check): ${opensearch ? 'OpenSearch' : 'OpenSearch, or Elasticsearch < 7.14'}`,
    likelyCause:
      `${client} checks every response for the X-Elastic-Product header and refuses a server without it with UnsupportedProductError: the server${server ? ` at ${server.env}=${server.url}` : ''} answers, but it is ${what}. ` +
      `The server serves its other clients and is not at fault; the clients since 7.14 (all of 8.x) refuse it. A new image that upgraded the client is the usual trigger: every search fails while the pods pass probes that do not call the cluster.`,
    nextAction: `${fix.charAt(0).toUpperCase()}${fix.slice(1)}; a rollback to the image with the old client restores service meanwhile.`,
    fix,
  };
}
