// A peer's 4xx whose status line names what is wrong with the request: plain HTTP sent to a port
// that now serves TLS (400), or a URL past the server's request-line limit (414). The headline names
// that mechanism, and whose rollout came last decides the since: the peer's (it turned TLS on, it
// cut its limit) clears the unchanged caller; the caller's own (it began to send longer URLs) is the
// change the verdict dates. A server's own log of the same refusal is no caller's sign.
import { describe, expect, it } from 'vitest';
import { findRequestRefusals, parseRequestRefusal } from '../../../../src/domain/triage/peer-request-refusal.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import type { PeerRolloutEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { NOW, NS, REV6, baseEvidence, container, minutesAgo, pod, readyOnRevision7, revision, service } from '../scenarios/builders.js';

const PEER = 'receipt-renderer';
const host = `${PEER}.${NS}.svc.cluster.local`;
const goPage = 'Client sent an HTTP request to an HTTPS server.';
const plainCall = (m: number) => `time=${minutesAgo(m)} level=error msg="receipt render failed" url=http://${host}/v2/receipts status=400 body="${goPage}"`;

const image = (v: string) => `registry.example.com/${PEER}:${v}`;
function history(newestAgo: number): PeerRolloutEvidence {
  return {
    service: PEER,
    deployment: PEER,
    revisions: [
      { revision: 4, name: `${PEER}-7d9f8c6b5a`, createdAt: minutesAgo(newestAgo), replicas: 2, images: [image('1.8.0')], changes: ['app env TLS_ENABLED: "false" → "true"'] },
      { revision: 3, name: `${PEER}-5c8b7a6d4f`, createdAt: minutesAgo(30 * 24 * 60), replicas: 0, images: [image('1.8.0')] },
    ],
  };
}

function plainScenario(peerAgo: number): TriageEvidence {
  const pods = [0, 1].map((i) => pod(i, { revisionHash: REV6.hash, containers: [container({ env: [{ name: 'RECEIPTS_URL', value: `http://${host}` }] })] }));
  const lines = ['GET /health 200', plainCall(20), plainCall(14), plainCall(9), plainCall(3)];
  return baseEvidence({
    pods,
    revisions: [revision(REV6, minutesAgo(6 * 24 * 60), { replicas: 2 })],
    services: [service(), service({ name: PEER, selector: { app: PEER } })],
    logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines })),
    peerRollout: history(peerAgo),
  });
}

const GW = 'catalog-edge';
const apachePage = '<title>414 Request-URI Too Long</title></head><body><h1>Request-URI Too Long</h1><p>The requested URL\'s length exceeds the capacity limit for this server.</p><hr><address>Apache/2.4.62 Server</address>';
const longCall = (m: number, len: number) => JSON.stringify({ time: minutesAgo(m), level: 'error', msg: 'listing query failed', target: `GET http://${GW}.${NS}.svc.cluster.local/v1/items`, uri_length: len, status: 414, body: apachePage });
const gwHistory = (newestAgo: number): PeerRolloutEvidence => ({
  service: GW,
  deployment: GW,
  revisions: [
    { revision: 12, name: `${GW}-6f5d4c3b2a`, createdAt: minutesAgo(newestAgo), replicas: 2, images: ['httpd:2.4.62'] },
    { revision: 11, name: `${GW}-4b3a2f1e0d`, createdAt: minutesAgo(60 * 24 * 60), replicas: 0, images: ['httpd:2.4.61'] },
  ],
});
function longUriScenario(ownAgo: number, gwAgo: number): TriageEvidence {
  return readyOnRevision7(ownAgo, () => ['listing query ok', longCall(25, 9300), longCall(17, 11_400), longCall(8, 10_100), longCall(2, 9800)], {
    services: [service(), service({ name: GW, selector: { app: GW } })],
    peerRollout: gwHistory(gwAgo),
  });
}

describe('a peer answers plain HTTP on a port that now serves TLS', () => {
  it('reads the TLS server\'s answer in the caller\'s log, not a server\'s own log of it', () => {
    expect(parseRequestRefusal(plainCall(1))).toMatchObject({ kind: 'plain-http-to-tls', status: '400' });
    expect(parseRequestRefusal('<center>The plain HTTP request was sent to HTTPS port</center>')).toMatchObject({ kind: 'plain-http-to-tls', server: 'nginx' });
    expect(parseRequestRefusal('2026/11/21 03:01:02 http: TLS handshake error from 10.0.4.7:51234: client sent an HTTP request to an HTTPS server')).toBeUndefined();
    expect(parseRequestRefusal('2026/11/21 03:01:02 [info] 29#29: *12 client sent plain HTTP request to HTTPS port while reading client request headers')).toBeUndefined();
    expect(findRequestRefusals({ ...plainScenario(25), namespace: NS })).toMatchObject({ kind: 'plain-http-to-tls', peer: PEER });
  });

  it('names TLS on the peer\'s port and its revision as the since, and rolls the peer back, not the caller', () => {
    const report = buildTriageReport(plainScenario(25), { startedAt: NOW, finishedAt: NOW });
    expect(report.verdict).toBe('problems');
    expect(report.headline).toMatch(/TLS/);
    expect(report.headline).toMatch(/plain HTTP/);
    expect(report.headline).toMatch(new RegExp(`${PEER}[^\\n]*revision 4`));
    expect(report.headline).toMatch(new RegExp(`roll ${PEER} back to revision 3`, 'i'));
    expect(report.headline).not.toMatch(/no change found/);
    expect(report.headline).not.toMatch(/roll(ing)? ?back to revision 5/i);
    const f = report.findings.find((x) => x.id.startsWith('dependency-error/plain-http-to-tls/'));
    expect(f?.likelyCause).toMatch(/RECEIPTS_URL=http:\/\//);
    expect(f?.evidence.join('\n')).toMatch(/TLS_ENABLED/);
  });

  it('dates no peer release from long before the 400s', () => {
    const report = buildTriageReport(plainScenario(5 * 24 * 60), { startedAt: NOW, finishedAt: NOW });
    expect(report.headline).toMatch(/plain HTTP/);
    expect(report.headline).not.toMatch(/revision 4/);
  });
});

describe('a peer answers 414 to URLs past its request-line limit', () => {
  it('reads 414 in a client\'s words and the URL length it logs; an access log\'s 414 is the server\'s', () => {
    expect(parseRequestRefusal(longCall(1, 9300))).toMatchObject({ kind: 'uri-too-long', status: '414', server: 'apache', uriLength: 9300 });
    expect(parseRequestRefusal(`axios: Request failed with status code 414 (GET http://${GW}/v1/items?tag=a)`)).toMatchObject({ kind: 'uri-too-long' });
    expect(parseRequestRefusal('10.0.3.4 - - [21/Nov/2026:03:12:41 +0000] "GET /v1/items?tag=a HTTP/1.1" 414 150')).toBeUndefined();
    expect(parseRequestRefusal('{"status":414,"request":"GET /v1/items?tag=a HTTP/1.1","http_referer":"https://shop.example.com/list"}')).toBeUndefined();
  });

  it('names the 414 and the server\'s limit, with the caller\'s own new revision as the since', () => {
    const report = buildTriageReport(longUriScenario(30, 60 * 24 * 60), { startedAt: NOW, finishedAt: NOW });
    expect(report.verdict).toBe('problems');
    expect(report.headline).toMatch(/414 Request-URI Too Long/);
    expect(report.headline).toMatch(/LimitRequestLine/);
    expect(report.headline).toMatch(/revision 7/);
    expect(report.headline).toMatch(/roll back to revision 6/i);
  });

  it('dates the server\'s release when it came after the caller\'s and just before the first 414', () => {
    const report = buildTriageReport(longUriScenario(9 * 24 * 60, 35), { startedAt: NOW, finishedAt: NOW });
    expect(report.headline).toMatch(/414/);
    expect(report.headline).toMatch(new RegExp(`${GW}[^\\n]*revision 12`));
    expect(report.headline).not.toMatch(/roll(ing)? ?back to revision 6/i);
  });
});

// A client whose calls outside the cluster go through the namespace's forward proxy (HTTPS_PROXY):
// the proxy answers first, so a 417 to "Expect: 100-continue" is its refusal, dated by its rollout.
const FWD = 'outbound-gateway';
const fwdHistory = (newestAgo: number): PeerRolloutEvidence => ({
  service: FWD,
  deployment: FWD,
  revisions: [
    { revision: 9, name: `${FWD}-8a7b6c5d4e`, createdAt: minutesAgo(newestAgo), replicas: 2, images: ['registry.example.com/net/squid:2.7.9'] },
    { revision: 8, name: `${FWD}-2b3c4d5e6f`, createdAt: minutesAgo(90 * 24 * 60), replicas: 0, images: ['registry.example.com/net/squid:6.10'] },
  ],
});
const refusedPost = (m: number) => `time=${minutesAgo(m)} level=ERROR msg="export post failed" method=POST url=https://files.vendor.example.org/v1/blobs status="417 Expectation Failed"`;
function expectScenario(fwdAgo: number, env = [{ name: 'HTTPS_PROXY', value: `http://${FWD}.${NS}.svc:3128` }]): TriageEvidence {
  const pods = [0, 1].map((i) => pod(i, { revisionHash: REV6.hash, containers: [container({ env: [...env, { name: 'BLOB_ENDPOINT', value: 'https://files.vendor.example.org/v1/blobs' }] })] }));
  const lines = ['GET /health 200', refusedPost(30), refusedPost(18), 'export list ok status=200', refusedPost(5)];
  return baseEvidence({
    pods,
    revisions: [revision(REV6, minutesAgo(15 * 24 * 60), { replicas: 2 })],
    services: [service(), service({ name: FWD, selector: { app: FWD }, ports: [{ name: 'proxy', port: 3128, targetPort: 'proxy', protocol: 'TCP' }] })],
    logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines })),
    peerRollout: fwdHistory(fwdAgo),
  });
}

describe('a forward proxy answers 417 to requests sent with Expect: 100-continue', () => {
  it('reads 417 in the client\'s words, and the proxy its env names as the peer of calls outside the cluster', () => {
    expect(parseRequestRefusal(refusedPost(1))).toMatchObject({ kind: 'expectation-failed', status: '417' });
    expect(parseRequestRefusal('axios: Request failed with status code 417 (PUT https://files.vendor.example.org/v1/blobs)')).toMatchObject({ kind: 'expectation-failed' });
    expect(parseRequestRefusal('1765101234.120      0 10.0.1.4 NONE_NONE/417 4112 PUT http://files.vendor.example.org/v1/blobs - HIER_NONE/- text/html')).toBeUndefined();
    expect(findRequestRefusals({ ...expectScenario(40), namespace: NS })).toMatchObject({ kind: 'expectation-failed', peer: FWD });
    // NO_PROXY exempting the host: the calls go direct, the proxy is no peer of theirs.
    const direct = expectScenario(40, [{ name: 'HTTPS_PROXY', value: `http://${FWD}.${NS}.svc:3128` }, { name: 'NO_PROXY', value: '.example.org,.svc' }]);
    expect(findRequestRefusals({ ...direct, namespace: NS })?.peer).toBeUndefined();
  });

  it('calls a ready client failing, names the 417 and the proxy\'s revision as the since, and rolls the proxy back, not the client', () => {
    const report = buildTriageReport(expectScenario(40), { startedAt: NOW, finishedAt: NOW });
    expect(report.verdict).toBe('problems');
    expect(report.headline).toMatch(/417 Expectation Failed/);
    expect(report.headline).toMatch(/Expect: 100-continue/);
    expect(report.headline).toMatch(new RegExp(`${FWD}[^\\n]*revision 9`));
    expect(report.headline).toMatch(new RegExp(`roll ${FWD} back to revision 8`, 'i'));
    expect(report.headline).toMatch(/ignore_expect_100/);
    expect(report.headline).not.toMatch(/looks healthy|roll(ing)? ?back to revision 5/i);
    const f = report.findings.find((x) => x.id.startsWith('dependency-error/expectation-failed/'));
    expect(f?.likelyCause).toMatch(/HTTP\/1\.0/);
    expect(f?.evidence.join('\n')).toMatch(/HTTPS_PROXY/);
  });

  it('dates no proxy release from long before the 417s', () => {
    const report = buildTriageReport(expectScenario(20 * 24 * 60), { startedAt: NOW, finishedAt: NOW });
    expect(report.headline).toMatch(/417/);
    expect(report.headline).not.toMatch(/revision 9/);
  });
});
