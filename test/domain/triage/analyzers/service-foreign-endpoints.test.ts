import { describe, expect, it } from 'vitest';
import { analyzeForeignEndpoints } from '../../../../src/domain/triage/analyzers/service-foreign-endpoints.js';
import { APP, baseEvidence, container, endpointSlice, pod, service } from '../scenarios/builders.js';

const CANARY_IMAGE = '123456789012.dkr.ecr.eu-west-1.amazonaws.com/payments/payment-service:2.15.0-rc.2';
const UNDEFINED_COLUMN = 'PG::UndefinedColumn: ERROR: column "gift_card_id" of relation "payments" does not exist';

/** Four pods of the workload and a hand-applied canary with the same app label behind the Service. */
function scenario(readCanary: boolean) {
  const own = [0, 1, 2, 3].map((i) => pod(i));
  const canary = pod(7, { name: `${APP}-canary-5c6d7b9f8-xk2p9`, revisionHash: 'canary', containers: [container({ image: CANARY_IMAGE })] });
  const base = baseEvidence({ pods: own, services: [service()], endpointSlices: [endpointSlice(APP, [...own, canary])] });
  return readCanary ? { ...base, foreignPods: [{ pod: canary, logs: [{ pod: canary.name, container: 'app', previous: false, lines: ['GET /healthz 200', `POST /v1/checkout 500: ${UNDEFINED_COLUMN}`] }] }] } : base;
}

describe('analyzeForeignEndpoints', () => {
  it('names the pod of something else the Service sends traffic to, what it runs and what it says', () => {
    const [f] = analyzeForeignEndpoints(scenario(true));
    expect(f?.title).toBe(`Service ${APP} also sends traffic to 1 pod that is not deployment/${APP}'s (created 2d ago): ${APP}-canary-5c6d7b9f8-xk2p9 (1 ready; 1 of the 5 endpoints)`);
    expect(f?.evidence.some((l) => l.includes(`runs ${CANARY_IMAGE}`))).toBe(true);
    expect(f?.decisive).toContain('gift_card_id');
    expect(f?.severity).toBe('warning');
  });

  it('says so without the pod\'s own story when it could not be read, and says nothing when every endpoint is the workload\'s', () => {
    expect(analyzeForeignEndpoints(scenario(false))[0]?.decisive).toBeUndefined();
    const own = [0, 1].map((i) => pod(i));
    expect(analyzeForeignEndpoints(baseEvidence({ pods: own, services: [service()], endpointSlices: [endpointSlice(APP, own)] }))).toEqual([]);
  });

  it('names the workload whose pods they are, their share of the endpoints and the HTTP status they answer', () => {
    const own = [0, 1, 2].map((i) => pod(i));
    const copies = [0, 1].map((i) => pod(8 + i, { name: `${APP}-legacy-bh75b8bnx6-${i}abcd`, revisionHash: 'bh75b8bnx6', createdAt: '2026-11-21T02:39:00Z', ownerWorkload: { kind: 'Deployment', name: `${APP}-legacy` } }));
    const logs = (p: { name: string }) => [{ pod: p.name, container: 'app', previous: false, lines: [JSON.stringify({ level: 'warn', msg: 'no route', method: 'POST', path: '/v2/quotes', status: 404 })] }];
    const ev = { ...baseEvidence({ pods: own, services: [service()], endpointSlices: [endpointSlice(APP, [...own, ...copies])] }), foreignPods: copies.map((p) => ({ pod: p, logs: logs(p) })) };
    const [f] = analyzeForeignEndpoints(ev);
    expect(f?.title).toContain(`that are Deployment ${APP}-legacy's (created 35m ago)`);
    expect(f?.title).toContain('2 of the 5 endpoints');
    expect(f?.decisive).toBe('no route (path /v2/quotes): HTTP 404');
  });
});
