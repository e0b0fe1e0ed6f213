import { describe, expect, it } from 'vitest';
import { cidrContains, egressAllows, ruleAllows, rulesForPort } from '../../../src/domain/triage/egress-rules.js';

describe('cidrContains', () => {
  it.each([
    ['10.0.64.0/24', '10.0.64.23', true],
    ['10.0.64.0/24', '10.0.65.37', false],
    ['0.0.0.0/0', '52.31.8.14', true],
    ['10.0.0.0/8', '10.200.1.1', true],
    ['10.0.64.7/32', '10.0.64.7', true],
  ] as const)('%s holds %s: %s', (cidr, ip, inside) => {
    expect(cidrContains(cidr, ip)).toBe(inside);
  });

  it('cannot place a host name or an IPv6 range', () => {
    expect(cidrContains('10.0.0.0/8', 'db.internal')).toBeUndefined();
    expect(cidrContains('fd00::/8', '10.0.0.1')).toBeUndefined();
  });
});

describe('ruleAllows and egressAllows', () => {
  it('reads ports, ranges, excepts and anywhere', () => {
    expect(ruleAllows('to 10.0.64.0/24 on TCP/5432', '10.0.64.23', '5432')).toBe('yes');
    expect(ruleAllows('to 10.0.64.0/24 on TCP/5432', '10.0.65.37', '5432')).toBe('no');
    expect(ruleAllows('to 10.0.64.0/24 on TCP/5432', '10.0.64.23', '6379')).toBe('no');
    expect(ruleAllows('to 0.0.0.0/0 except 10.0.0.0/8 on TCP/443', '10.0.1.5', '443')).toBe('no');
    expect(ruleAllows('to 0.0.0.0/0 except 10.0.0.0/8 on TCP/443', '52.31.8.14', '443')).toBe('yes');
    expect(ruleAllows('to anywhere on TCP/8000-8100', '52.31.8.14', '8080')).toBe('yes');
    expect(ruleAllows('to 10.0.64.0/24 on all ports', '10.0.64.9', '1')).toBe('yes');
  });

  it('says maybe where it cannot know: selectors, host names, named ports', () => {
    expect(ruleAllows('to namespaces team=data / pods app=pg on TCP/5432', '10.0.9.9', '5432')).toBe('maybe');
    expect(ruleAllows('to 10.0.64.0/24 on TCP/5432', 'db.internal', '5432')).toBe('maybe');
    expect(ruleAllows('to 10.0.64.0/24 on TCP/postgres', '10.0.64.9', '5432')).toBe('maybe');
  });

  it('adds rules up, and a policy without rules allows nothing', () => {
    expect(egressAllows(['to 10.0.64.0/24 on TCP/5432', 'to 10.0.65.0/24 on TCP/5432'], '10.0.65.37', '5432')).toBe('yes');
    expect(egressAllows([], '10.0.65.37', '5432')).toBe('no');
  });

  it('lists the rules that allow a port to address ranges', () => {
    expect(rulesForPort(['to 10.0.64.0/24 on TCP/5432', 'to anywhere on TCP/443', 'to namespaces a=b on TCP/5432'], '5432')).toEqual(['to 10.0.64.0/24 on TCP/5432']);
  });
});
