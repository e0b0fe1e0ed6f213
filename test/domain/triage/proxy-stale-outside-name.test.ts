// An nginx that proxies to an outside load balancer's hostname (an AWS ELB/ALB) with a static
// proxy_pass and no `resolver` resolved the name once, at its start: when the load balancer's IPs
// change, the long-running pods keep dialing the old ones and time out, while a pod started since
// resolved the new ones and serves. The finding must say nginx resolved the name once and is
// using old addresses, name the host, and say to restart now and add a resolver.
import { describe, expect, it } from 'vitest';
import { analyzeDependencyErrors } from '../../../src/domain/triage/analyzers/dependency-errors.js';
import type { TriageEvidence } from '../../../src/domain/triage/evidence.js';
import type { ProxyConfigEvidence } from '../../../src/domain/triage/evidence-proxy-config.js';
import { baseEvidence, container, minutesAgo, pod, running } from './scenarios/builders.js';

const LB = 'internal-api-lb-99.eu-west-1.elb.amazonaws.com';
const OLD = ['10.9.1.18', '10.9.2.7'];

const failed = (i: number) =>
  `2026/11/21 03:0${i}:10 [error] 29#29: *7${i}1 upstream timed out (110: Operation timed out) while connecting to upstream, client: 10.2.0.9, server: _, request: "GET /v1/x HTTP/1.1", upstream: "https://${OLD[i % 2]}:443/v1/x", host: "api.example.com"`;

const conf = (resolver: boolean): ProxyConfigEvidence[] => [
  { configMap: 'gw-conf', key: 'default.conf', setting: 'proxy_pass', value: `https://${LB}`, mountedNow: true },
  ...(resolver ? [{ configMap: 'gw-conf', key: 'default.conf', setting: 'resolver', value: '10.0.0.2 valid=10s', mountedNow: true }] : []),
];

function scenario(o: { resolver?: boolean; fresh?: boolean } = {}): TriageEvidence {
  const old = [0, 1].map((i) => pod(i, { containers: [container({ name: 'nginx', state: running(3 * 24 * 60) })] }));
  const fresh = pod(2, { createdAt: minutesAgo(14), startTime: minutesAgo(14), containers: [container({ name: 'nginx', state: running(14) })] });
  const lines = [failed(1), failed(2), failed(3), failed(4)];
  return baseEvidence({
    pods: o.fresh === false ? old : [...old, fresh],
    logs: [
      ...old.map((p) => ({ pod: p.name, container: 'nginx', previous: false, lines })),
      ...(o.fresh === false ? [] : [{ pod: fresh.name, container: 'nginx', previous: false, lines: ['10.0.0.9 - - [21/Nov/2026:03:10:00 +0000] "GET /v1/x HTTP/1.1" 200 312 upstream=10.9.3.77:443'] }]),
    ],
    proxyConnectionConfig: conf(o.resolver ?? false),
  });
}

describe('an nginx that resolved an outside load balancer name once at its start', () => {
  it('says nginx resolved the name once and dials old addresses, and says to restart then add a resolver', () => {
    const [f] = analyzeDependencyErrors(scenario());
    expect(f?.title).toMatch(/resolved .*once at its start/);
    expect(f?.title).toContain(LB);
    expect(f?.title).toMatch(/old address/);
    expect(f?.nextAction).toMatch(/^Restart deployment\/\S+ now/);
    expect(f?.nextAction).toMatch(/resolver/);
    expect(f?.evidence.join('\n')).toContain(pod(2).name);
    expect(`${f?.title} ${f?.likelyCause} ${f?.nextAction}`).not.toMatch(/network ?polic/i);
  });

  it('leaves it when the config sets a resolver', () => {
    const [f] = analyzeDependencyErrors(scenario({ resolver: true }));
    expect(f?.title ?? '').not.toMatch(/once at its start/);
  });

  it('leaves it when no pod started since serves', () => {
    const [f] = analyzeDependencyErrors(scenario({ fresh: false }));
    expect(f?.title ?? '').not.toMatch(/once at its start/);
  });
});
