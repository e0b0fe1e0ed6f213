import { describe, expect, it } from 'vitest';
import { analyzeDependencyErrors } from '../../../src/domain/triage/analyzers/dependency-errors.js';
import { readIpv6Dial } from '../../../src/domain/triage/ipv6-first-dial.js';
import { baseEvidence, container, pod } from './scenarios/builders.js';

const nodeLine = (addr: string, i: number) =>
  `{"level":50,"time":${1764000000000 + i},"msg":"session sync failed","err":{"message":"connect ENETUNREACH ${addr}:443 - Local (:::0)","code":"ENETUNREACH","syscall":"connect","address":"${addr}","port":443}}`;

describe('readIpv6Dial', () => {
  it.each([
    ['Error: connect ENETUNREACH 2001:db8:10::7:443 - Local (:::0)', '2001:db8:10::7', '443'],
    ['Post "https://api.partner.example/v1/quotes": dial tcp [2001:db8:20::9]:443: connect: network is unreachable', '2001:db8:20::9', '443'],
    ['Error: connect EADDRNOTAVAIL 2001:db8::1f:8443 - Local (:::0)', '2001:db8::1f', '8443'],
  ])('%s', (line, address, port) => {
    expect(readIpv6Dial(line)).toMatchObject({ address, port });
  });

  it('does not read an IPv4 dial or a refusal as one', () => {
    expect(readIpv6Dial('Error: connect ENETUNREACH 10.0.4.7:443 - Local (0.0.0.0:0)')).toBeUndefined();
    expect(readIpv6Dial('Error: connect ECONNREFUSED 2001:db8::7:443')).toBeUndefined();
  });
});

describe('dials to IPv6 addresses from pods with IPv4 only', () => {
  const env = [
    { name: 'PARTNER_URL', value: 'https://api.partner.example/v1' },
    { name: 'CACHE_URL', value: 'redis://session-cache.shop.svc.cluster.local:6379/0' },
  ];
  const addrs = ['2001:db8:10::7', '2001:db8:10::8', '2001:db8:10::9'];
  function run(podIPs: string[]) {
    const pods = [0, 1].map((i) => pod(i, { podIPs, containers: [container({ env })] }));
    const lines = [0, 1, 2, 3].map((i) => nodeLine(addrs[i % 3] ?? '', i));
    return analyzeDependencyErrors(baseEvidence({ pods, logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines })) }));
  }

  it('tells the IPv6-first dial to the outside host, and the fix that prefers IPv4', () => {
    const [f, ...rest] = run(['10.0.3.17']);
    expect(rest).toEqual([]);
    expect(f?.title).toMatch(/^Calls to api\.partner\.example fail at once: the client dials its IPv6 address first \(ENETUNREACH 2001:db8:10::7\)/);
    expect(f?.fix).toMatch(/--dns-result-order=ipv4first/);
    expect(f?.likelyCause).toMatch(/AAAA/);
  });

  it('never blames the in-cluster address of the env', () => {
    const text = JSON.stringify(run(['10.0.3.17']));
    expect(text).not.toMatch(/session-cache/);
  });

  it('is not the reading when the pods have IPv6 addresses of their own', () => {
    const [f] = run(['10.0.3.17', 'fd00:10:244::17']);
    expect(f?.title).not.toMatch(/IPv6 address first/);
  });
});
