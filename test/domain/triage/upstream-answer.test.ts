import { describe, expect, it } from 'vitest';
import { analyzeDependencyWorkloads } from '../../../src/domain/triage/analyzers/dependency-workload.js';
import { listEnvServiceRefs } from '../../../src/domain/triage/env-service-ref.js';
import { buildTriageReport } from '../../../src/domain/triage/triage-report.js';
import { parseUpstreamAnswer } from '../../../src/domain/triage/upstream-answer.js';
import { NOW, NS, baseEvidence, container, crashLooping, endpointSlice, event, minutesAgo, pod, service, terminated } from './scenarios/builders.js';

// The app's pods are Ready and healthy; the pricing engine they call through an ingress host (not
// the Service's DNS name) is OOM-killed over and over, so the ingress answers its own 503 page.
const DEP = 'pricing-engine';
const INGRESS = 'pricing.corp.example';
const answered503 = `level=error msg="pricing call failed" err="POST https://${INGRESS}/v2/quote: upstream returned 503"`;
const undecodable = 'SyntaxError: Unexpected token \'<\', "<html><h"... is not valid JSON';

const depPods = [0, 1].map((i) => {
  const name = `${DEP}-58f7c9d6b4-${['q2w7e', 'z8x4c'][i] ?? ''}`;
  return pod(i, { name, labels: { app: DEP }, ready: false, containers: [crashLooping(name, terminated(137, 'OOMKilled', 2 + i), 11 + i, { resources: { requests: { memory: '1Gi' }, limits: { memory: '1Gi' } } })] });
});

function scenario(over: { env?: { name: string; value: string }[]; lines?: string[]; depPods?: typeof depPods } = {}) {
  const env = over.env ?? [{ name: 'PRICING_ENGINE_URL', value: `https://${INGRESS}` }];
  const pods = [0, 1, 2].map((i) => pod(i, { containers: [container({ env })] }));
  const lines = over.lines ?? ['GET /v1/cart 200', answered503, undecodable, 'GET /v1/cart 200'];
  const deps = over.depPods ?? depPods;
  return baseEvidence({
    pods,
    services: [service(), service({ name: DEP, selector: { app: DEP }, clusterIP: '10.96.71.5' })],
    endpointSlices: [endpointSlice('payment-service', pods), endpointSlice(DEP, deps)],
    logs: pods.slice(0, 2).map((p) => ({ pod: p.name, container: 'app', previous: false, lines })),
    downServices: [{ service: DEP, pods: deps, events: [event({ reason: 'BackOff', message: 'Back-off restarting failed container app', object: { kind: 'Pod', name: deps[0]?.name ?? '', namespace: NS }, firstSeen: minutesAgo(50), count: 40 })] }],
  });
}

describe('an upstream\'s error answers from a dependency of the namespace that keeps dying', () => {
  it('reads a status the client received, never one it served', () => {
    expect(parseUpstreamAnswer(answered503)).toMatchObject({ kind: 'unavailable', status: '503', host: INGRESS });
    expect(parseUpstreamAnswer(`HTTP Request: GET https://${INGRESS}/v1/x "HTTP/1.1 502 Bad Gateway"`)).toMatchObject({ status: '502', host: INGRESS });
    expect(parseUpstreamAnswer(undecodable)).toEqual({ kind: 'undecodable' });
    expect(parseUpstreamAnswer('10.0.3.4 - - "GET /v1/cart HTTP/1.1" 503 12 "https://shop.example/" "curl/8.5"')).toBeUndefined();
  });

  it('knows the Service an env var points at by its value, or by its name when the value is a proxy\'s host', () => {
    const c = [container({ env: [{ name: 'PRICING_ENGINE_URL', value: `https://${INGRESS}` }, { name: 'LEDGER', value: `http://ledger.${NS}.svc:8080` }, { name: 'LOG_FORMAT', value: 'json' }] })];
    expect(listEnvServiceRefs(c, [DEP, 'ledger', 'log-format'], NS)).toEqual([
      { env: 'PRICING_ENGINE_URL', service: DEP, hosts: [INGRESS] },
      { env: 'LEDGER', service: 'ledger', hosts: [`ledger.${NS}.svc`] },
    ]);
  });

  it('names the dependency and how it dies in the headline, with the 503s as the symptom', () => {
    const report = buildTriageReport(scenario(), { startedAt: NOW, finishedAt: NOW });
    expect(report.verdict).toBe('problems');
    expect(report.headline).toMatch(new RegExp(`^Dependency ${DEP} keeps dying: both its pods are OOMKilled \\(exit 137\\), at the 1Gi memory limit`));
    expect(report.headline).toMatch(/error answers? \(HTTP 503\)/);
  });

  it('lays decoder errors that name no host on the one dying dependency the env points at', () => {
    const [finding] = analyzeDependencyWorkloads(scenario({ lines: ['GET /v1/cart 200', undecodable] }));
    expect(finding?.title).toMatch(new RegExp(`^Dependency ${DEP} keeps dying: .*2 error answers \\(bodies that are not JSON\\)`));
  });

  it('blames no sick workload the pods are not configured to call', () => {
    expect(analyzeDependencyWorkloads(scenario({ env: [{ name: 'INVENTORY_URL', value: 'https://inventory.corp.example' }] }))).toEqual([]);
    // Nor one whose answers are fine: the errors are someone else's story.
    const healthy = depPods.map((p) => ({ ...p, ready: true, containers: [container()] }));
    expect(analyzeDependencyWorkloads(scenario({ depPods: healthy }))).toEqual([]);
  });
});
