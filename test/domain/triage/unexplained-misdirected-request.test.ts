import { describe, expect, it } from 'vitest';
import { findUnexplained } from '../../../src/domain/triage/unexplained.js';
import { baseEvidence, container, minutesAgo, pod, REV6, revision, revisionContainer } from './scenarios/builders.js';

// A Go gateway whose new revision enabled HTTP/2 to two hosts behind one wildcard certificate and one edge address.
function gatewayLog(k: number): string[] {
  const out = [`{"level":"info","ts":"2026-11-21T02:40:0${k}Z","msg":"upstream transport","http2":true}`];
  for (let i = 0; i < 6; i++) {
    out.push(
      `{"level":"info","ts":"2026-11-21T03:0${i}:10Z","msg":"GET https://ledger.corp.example.net/api/balances -> 200","proto":"HTTP/2.0"}`,
      `{"level":"error","ts":"2026-11-21T03:0${i}:11Z","msg":"upstream call failed","url":"https://fx-rates.corp.example.net/v3/quote","status":421,"body":"<html><head><title>421 Misdirected Request</title></head></html>","proto":"HTTP/2.0"}`,
    );
  }
  return out;
}

const withHttp2 = (on: boolean) => [revisionContainer({ env: [{ name: 'UPSTREAM_HTTP2', value: on ? 'true' : 'false' }] })];

describe('findUnexplained: outbound calls answered 421 Misdirected Request', () => {
  it('says the HTTP/2 client coalesced the host onto another name\'s connection, names the revision that turned HTTP/2 on, and stops the sharing as the fix', () => {
    const pods = [0, 1].map((i) => pod(i, { containers: [container({})] }));
    const ev = baseEvidence({
      pods,
      logs: pods.map((p, k) => ({ pod: p.name, container: 'app', previous: false, lines: gatewayLog(k) })),
      revisions: [revision({ revision: 5, hash: '6b8c7d5f9a' }, minutesAgo(20 * 24 * 60), { containers: withHttp2(false) }), revision(REV6, minutesAgo(40), { containers: withHttp2(true) })],
    });
    const [f] = findUnexplained(ev, []);
    expect(f?.title).toMatch(/HTTP 421 Misdirected Request from fx-rates\.corp\.example\.net: the HTTP\/2 client reuses a connection opened for another host .*\(connection coalescing\)/);
    expect(f?.title).toMatch(/revision 6: .*UPSTREAM_HTTP2/);
    expect(f?.fix).toMatch(/^stop sharing connections for fx-rates\.corp\.example\.net: speak HTTP\/1\.1 to it/);
    expect(f?.fix).toMatch(/its own certificate or IP address/);
    expect(f?.nextAction).not.toMatch(/Read the logs/);
  });
});
