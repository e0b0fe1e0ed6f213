// HTTP calls a peer answers 404 on one path: when the peer's newest revision came just before the
// first 404 (and after the caller's own), that release dropped the route; the verdict names the peer
// and its revision, not the unchanged caller. A server's own access log of 404s is no sign.
import { describe, expect, it } from 'vitest';
import { findMissingRoutes, parseMissingRoute } from '../../../../src/domain/triage/http-route-gone.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import type { PeerRolloutEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { NOW, NS, REV6, baseEvidence, container, minutesAgo, pod, revision, service } from '../scenarios/builders.js';

const PEER = 'rates-api';
const url = `http://${PEER}.${NS}.svc.cluster.local/v1/rates?currency=EUR`;
const warn = (m: number) => `${minutesAgo(m).replace('T', ' ').replace('Z', '')}  WARN 1 --- [nio-8080-exec-1] c.a.shop.RatesClient : rates request failed status=404 uri=${url}`;
const image = (v: string) => `registry.example.com/rates-api:${v}`;

function history(newestAgo: number): PeerRolloutEvidence {
  return {
    service: PEER,
    deployment: PEER,
    revisions: [
      { revision: 9, name: `${PEER}-6f7b9c8d5c`, createdAt: minutesAgo(newestAgo), replicas: 2, images: [image('3.0.0')], changeCause: 'argocd: rates-api 3.0.0' },
      { revision: 8, name: `${PEER}-5d4c8b7a6f`, createdAt: minutesAgo(20 * 24 * 60), replicas: 0, images: [image('2.9.1')] },
    ],
  };
}

function scenario(newestAgo: number): TriageEvidence {
  const pods = [0, 1].map((i) => pod(i, { revisionHash: REV6.hash, containers: [container({ env: [{ name: 'RATES_URL', value: `http://${PEER}.${NS}.svc.cluster.local` }] })] }));
  const lines = ['GET /health 200', warn(18), warn(14), warn(9), warn(3)];
  return baseEvidence({
    pods,
    revisions: [revision(REV6, minutesAgo(6 * 24 * 60))],
    services: [service(), service({ name: PEER, selector: { app: PEER } })],
    logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines })),
    peerRollout: history(newestAgo),
  });
}

describe('HTTP calls a peer answers 404 after its release dropped the route', () => {
  it('reads a client\'s 404 with its path, and not a server\'s own access log', () => {
    expect(parseMissingRoute(warn(1))).toMatchObject({ path: '/v1/rates' });
    expect(parseMissingRoute('org.springframework.web.client.HttpClientErrorException$NotFound: 404 Not Found: "{"status":404,"path":"/v1/quotes"}"')).toMatchObject({ quote: '404 Not Found', path: '/v1/quotes' });
    expect(parseMissingRoute('10.0.3.4 - - [21/Nov/2026:03:12:41 +0000] "GET /wp-login.php HTTP/1.1" 404 153')).toBeUndefined();
    expect(findMissingRoutes({ ...scenario(20), namespace: NS })).toMatchObject({ peer: PEER, path: '/v1/rates' });
  });

  it('names the peer and its revision in the headline when it rolled out just before the first 404', () => {
    const report = buildTriageReport(scenario(20), { startedAt: NOW, finishedAt: NOW });
    expect(report.verdict).toBe('problems');
    expect(report.headline).toMatch(/rates-api/);
    expect(report.headline).toMatch(/revision 9/);
    expect(report.headline).toMatch(/\/v1\/rates/);
    expect(report.headline).not.toMatch(/roll(ing)? ?back (checkout|revision 6)/i);
  });

  it('blames no peer release that came long before the 404s', () => {
    const report = buildTriageReport(scenario(5 * 24 * 60), { startedAt: NOW, finishedAt: NOW });
    expect(report.headline).not.toMatch(/revision 9/);
  });
});
