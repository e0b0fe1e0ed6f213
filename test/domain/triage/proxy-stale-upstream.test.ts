// An nginx that proxies to a Service's DNS name with no `resolver` resolved it once, at its start:
// after the Service was deleted and re-created it keeps dialing the old ClusterIP, and its
// connections time out. The finding must name the Service, its new ClusterIP, the proxy_pass
// and the restart — not a NetworkPolicy — and must not fire when a resolver is set.
import { describe, expect, it } from 'vitest';
import { analyzeDependencyErrors } from '../../../src/domain/triage/analyzers/dependency-errors.js';
import type { TriageEvidence } from '../../../src/domain/triage/evidence.js';
import type { ProxyConfigEvidence } from '../../../src/domain/triage/evidence-proxy-config.js';
import { findNginxDirectiveArgs, findStaleProxyName, findUpstreamIpFailures } from '../../../src/domain/triage/proxy-upstream-name.js';
import { baseEvidence, container, minutesAgo, pod, running, service } from './scenarios/builders.js';

const OLD = '10.96.14.77';
const NEW = '10.96.201.5';
const NS = baseEvidence().target.namespace;

const failed = (i: number, how: string) =>
  `2026/11/21 03:0${i}:10 [error] 29#29: *7${i}1 ${how} while connecting to upstream, client: 10.2.0.9, server: _, request: "GET /v1/cart HTTP/1.1", upstream: "http://${OLD}:9000/v1/cart", host: "api.example.com"`;

const conf = (resolver: boolean): ProxyConfigEvidence[] => [
  { configMap: 'edge-nginx', key: 'default.conf', setting: 'proxy_pass', value: `http://cart.${NS}.svc:9000`, mountedNow: true },
  { configMap: 'edge-nginx', key: 'default.conf', setting: 'proxy_pass', value: 'http://$static_upstream', mountedNow: true },
  ...(resolver ? [{ configMap: 'edge-nginx', key: 'default.conf', setting: 'resolver', value: 'kube-dns.kube-system.svc.cluster.local valid=10s', mountedNow: true }] : []),
];

function scenario(o: { resolver: boolean } = { resolver: false }): TriageEvidence {
  const pods = [0, 1].map((i) => pod(i, { containers: [container({ name: 'nginx', state: running(5 * 24 * 60) })] }));
  const lines = [failed(1, 'upstream timed out (110: Connection timed out)'), failed(2, 'connect() failed (110: Connection timed out)'), failed(3, 'upstream timed out (110: Connection timed out)')];
  return baseEvidence({
    pods,
    services: [service(), service({ name: 'cart', clusterIP: NEW, selector: { app: 'cart' }, ports: [{ name: 'http', port: 9000, targetPort: 9000, protocol: 'TCP' }], createdAt: minutesAgo(40) })],
    logs: pods.map((p) => ({ pod: p.name, container: 'nginx', previous: false, lines })),
    proxyConnectionConfig: conf(o.resolver),
  });
}

describe('an nginx that resolved a re-created Service once at its start', () => {
  it('names the old and new ClusterIP, the proxy_pass without resolver, and says to restart the proxy', () => {
    const [f] = analyzeDependencyErrors(scenario());
    expect(f?.title).toContain(`nginx still dials ${OLD}, the old ClusterIP of Service cart, re-created 40m ago with ClusterIP ${NEW}`);
    expect(f?.title).toContain('proxy_pass with no resolver, ConfigMap edge-nginx');
    expect(f?.likelyCause).toMatch(/once, when it loads its config/);
    expect(f?.nextAction).toMatch(/^Restart deployment\/\S+ now \(`kubectl rollout restart deployment\//);
    expect(f?.nextAction).toMatch(/resolver/);
    expect(`${f?.title} ${f?.likelyCause} ${f?.nextAction} ${f?.confirmCommands.join(' ')}`).not.toMatch(/network ?polic/i);
    expect(f?.datesChange).toBe(true);
  });

  it('leaves it when the config sets a resolver (nginx may re-resolve through a variable)', () => {
    const [f] = analyzeDependencyErrors(scenario({ resolver: true }));
    expect(f?.title).not.toContain('old ClusterIP');
  });

  it('leaves it when the Service existed before nginx started', () => {
    const ev = scenario();
    ev.services = ev.services.map((s) => (s.name === 'cart' ? { ...s, createdAt: minutesAgo(9 * 24 * 60) } : s));
    const [f] = analyzeDependencyErrors(ev);
    expect(f?.title).not.toContain('old ClusterIP');
  });
});

describe('reading nginx upstream failures and names', () => {
  it('finds repeated connect failures to an upstream IP, not one blip', () => {
    const logs = [{ pod: 'gw-1', container: 'nginx', previous: false, lines: [failed(1, 'connect() failed (111: Connection refused)'), failed(2, 'upstream timed out (110: Connection timed out)'), failed(3, 'connect() failed (113: No route to host)')] }];
    const pods = [pod(0, { name: 'gw-1' })];
    expect(findUpstreamIpFailures(logs, pods)).toEqual({ container: 'nginx', pods: ['gw-1'], addresses: [`${OLD}:9000`] });
    expect(findUpstreamIpFailures([{ ...logs[0]!, lines: logs[0]!.lines.slice(0, 2) }], pods)).toBeUndefined();
  });

  it('reads multi-argument directives and skips comments', () => {
    const text = ['resolver 10.96.0.10 valid=10s ipv6=off;', '# resolver 1.1.1.1;', 'upstream b { server cart.shop.svc.cluster.local:9000 max_fails=3; }', 'server {', '  server_name _;', '}'].join('\n');
    expect(findNginxDirectiveArgs(text, 'resolver')).toEqual(['10.96.0.10 valid=10s ipv6=off']);
    expect(findNginxDirectiveArgs(text, 'server')).toEqual(['cart.shop.svc.cluster.local:9000 max_fails=3']);
  });

  it('matches an upstream server of another namespace only to that namespace', () => {
    const config: ProxyConfigEvidence[] = [{ configMap: 'c', key: 'k', setting: 'server', value: 'cart.shop.svc.cluster.local:9000 max_fails=3', mountedNow: true }];
    expect(findStaleProxyName(config, 'cart', 'shop', 'web')?.host).toBe('cart.shop.svc.cluster.local');
    expect(findStaleProxyName(config, 'cart', 'web', 'web')).toBeUndefined();
  });
});
