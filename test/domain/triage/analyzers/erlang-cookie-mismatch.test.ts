import { describe, expect, it } from 'vitest';
import { analyzeErlangCookieMismatch } from '../../../../src/domain/triage/analyzers/erlang-cookie-mismatch.js';
import type { LogEvidence, PodEvidence } from '../../../../src/domain/triage/evidence.js';
import { REV6, REV7, baseEvidence, minutesAgo, pod, revision, revisionContainer } from '../scenarios/builders.js';
import { healthyScenario } from '../scenarios/healthy.js';

const ips = ['10.0.1.11', '10.0.2.22', '10.0.3.33'];
const node = (i: number) => `:"presence@${ips[i] ?? ''}"`;
const members: PodEvidence[] = [0, 1, 2].map((i) => pod(i, { name: `presence-${i}`, podIPs: [ips[i] ?? ''], revisionHash: i === 2 ? REV7.hash : REV6.hash }));
const rejected = (peer: number, minute: number) => `03:${String(minute).padStart(2, '0')}:11.481 [error] ** Connection attempt from node ${node(peer)} rejected. Invalid challenge reply. **`;
const logs: LogEvidence[] = [
  { pod: 'presence-0', container: 'app', previous: false, lines: [rejected(2, 0), rejected(2, 2), '03:04:00.000 [info] JOINED presence:doc:1 in 80µs'] },
  { pod: 'presence-1', container: 'app', previous: false, lines: [rejected(2, 1), rejected(2, 3)] },
  { pod: 'presence-2', container: 'app', previous: false, lines: [rejected(0, 1), rejected(1, 2)] },
];
const withCookie = revisionContainer({ env: [{ name: 'RELEASE_COOKIE', ref: { kind: 'configMap', name: 'presence-erlang', key: 'cookie' } }], envFrom: [] });
const withoutCookie = revisionContainer({ env: [], envFrom: [{ kind: 'configMap', name: 'presence-env' }] });

describe('analyzeErlangCookieMismatch', () => {
  it('names the split, which pods hold which side, and the revision that stopped setting the cookie', () => {
    const ev = baseEvidence({
      pods: members,
      logs,
      revisions: [revision(REV6, minutesAgo(30 * 24 * 60), { containers: [withCookie] }), revision(REV7, minutesAgo(26), { containers: [withoutCookie] })],
    });
    const [f] = analyzeErlangCookieMismatch(ev);
    expect(f?.title).toContain('cookie');
    expect(f?.title).toContain('presence-0 and presence-1 (revision 6) reject presence-2 (revision 7)');
    expect(f?.title).toContain('revision 7 no longer sets RELEASE_COOKIE (revision 6 took it from configMap presence-erlang, key cookie)');
    expect(f?.fix).toBe('put RELEASE_COOKIE back in the template (from configMap presence-erlang, key cookie), then delete presence-2 so it restarts with the cluster\'s cookie');
    expect(f?.evidence.join('\n')).toContain('envFrom ConfigMap presence-env');
    expect(f?.affected?.pods).toEqual(['presence-2']);
    expect(f?.onset).toBeDefined();
  });

  it('still calls a cookie mismatch when no revision changed the cookie setting', () => {
    const ev = baseEvidence({ pods: members, logs, revisions: [revision(REV6, minutesAgo(30 * 24 * 60), { containers: [withCookie] }), revision(REV7, minutesAgo(26), { containers: [withCookie] })] });
    const [f] = analyzeErlangCookieMismatch(ev);
    expect(f?.title).toContain('the nodes run with different Erlang cookies');
    expect(f?.confidence).toBe('medium');
  });

  it('stays silent on a healthy workload', () => {
    expect(analyzeErlangCookieMismatch(healthyScenario())).toEqual([]);
  });
});
