// An API that refuses every bearer token for its issuer: the adapter looks for the identity provider
// the cluster runs whose pod template names the tokens' issuer host (one bounded page of the cluster's
// Deployments and StatefulSets), and reads that one's revisions to tell what its newest rollout
// changed there. Nothing of the kind is listed when the API serves its callers.
import { describe, expect, it } from 'vitest';
import { AMPLE_BUDGET_MS } from '../../helpers/deadline.js';
import { DAYS, NODE_A, NODE_B, container, deploymentApp, nameOf, statefulSetApp, threeNodes } from '../../triage-corpus/kit/index.js';
import { COLLECTED_AT, useHarness } from './harness.js';

const h = useHarness();
const NS = 'billing';
const target = { service: 'ledger-api', namespace: NS, kind: 'Deployment' as const, name: 'ledger-api' };
const OLD = 'https://sso.example.net/realms/staff';
const NEW = 'https://id.example.net/realms/staff';

function at(minutesAgo: number): string {
  return new Date(COLLECTED_AT.getTime() - minutesAgo * 60_000).toISOString();
}

function apiLog(refusing: boolean): string {
  const lines: string[] = [];
  for (let t = 30; t > 0.5; t -= 0.5) {
    lines.push(refusing && t < 20
      ? `{"level":"warn","time":"${at(t)}","message":"rejecting request: invalid bearer token","error":"oidc: id token issued by a different provider, expected \\"${OLD}\\" got \\"${NEW}\\""}\n{"level":"info","time":"${at(t)}","message":"request","status":401,"path":"/v1/entries"}`
      : `{"level":"info","time":"${at(t)}","message":"request","status":200,"path":"/v1/entries"}`);
  }
  return `${lines.join('\n')}\n`;
}

function cluster(refusing: boolean) {
  const api = deploymentApp({
    namespace: NS, name: 'ledger-api', replicas: 2,
    revisions: [{ revision: 4, createdAgo: 6 * DAYS, template: { containers: [container({ image: 'registry.example.com/ledger-api:3.1.0', env: [{ name: 'OIDC_ISSUER_URL', value: OLD }] })] } }],
    pods: [{ revision: 4, node: NODE_A, createdAgo: 6 * DAYS }, { revision: 4, node: NODE_B, createdAgo: 6 * DAYS }],
  });
  const idp = (host: string) => ({ containers: [container({ name: 'idp', image: 'quay.io/keycloak/keycloak:26.0.5', env: [{ name: 'KC_HOSTNAME', value: host }, { name: 'KC_DB', value: 'postgres' }] })] });
  const provider = statefulSetApp({
    namespace: 'auth', name: 'sso', replicas: 1, serviceName: 'sso-headless', createdAgo: 200 * DAYS,
    revisions: [{ revision: 8, createdAgo: 40 * DAYS, template: idp('sso.example.net') }, { revision: 9, createdAgo: 25, template: idp('https://id.example.net') }],
    pods: [{ revision: 9, ordinal: 0, node: NODE_B, createdAgo: 24 }],
  });
  for (const o of [...threeNodes(), ...api.objects, ...provider.objects]) h.fake.add(o);
  for (const p of api.pods) h.fake.setLogs(NS, nameOf(p), 'app', { current: apiLog(refusing) });
}

const clusterLists = () => h.fake.requests.filter((r) => r.path === '/apis/apps/v1/deployments' || r.path === '/apis/apps/v1/statefulsets');

describe('the identity provider behind an issuer the workload refuses', () => {
  it('is the workload whose template names the tokens\' issuer host, with what its newest revision changed there', async () => {
    cluster(true);
    const ev = await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS });
    expect(ev.issuerProvider).toMatchObject({
      kind: 'StatefulSet', namespace: 'auth', name: 'sso', host: 'id.example.net', revision: 9, previousRevision: 8,
      settings: [{ name: 'KC_HOSTNAME', value: 'https://id.example.net', before: 'sso.example.net' }],
    });
    expect(clusterLists()).toHaveLength(2);
    for (const r of clusterLists()) expect(Number(r.query.limit)).toBeLessThanOrEqual(500);
  });

  it('is not looked for when the workload serves its callers', async () => {
    cluster(false);
    expect((await h.cluster.collectEvidence(target, { budgetMs: AMPLE_BUDGET_MS })).issuerProvider).toBeUndefined();
    expect(clusterLists()).toEqual([]);
  });
});
