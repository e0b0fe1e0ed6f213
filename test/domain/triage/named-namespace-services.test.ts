// A cluster-local name of another namespace that does not resolve (`unleash.feature-flags.svc…`):
// its Service is gone from that namespace. One list of that namespace's Services says so, and
// names the one that took its place (a chart upgrade that renamed it: unleash → unleash-api).
import { describe, expect, it } from 'vitest';
import { describeMissingService } from '../../../src/domain/triage/analyzers/dependency-errors.js';
import { pickUnresolvedNamespaces } from '../../../src/domain/triage/named-namespace-services.js';
import { baseEvidence } from './scenarios/builders.js';

const ENOTFOUND = '{"level":40,"msg":"unable to fetch feature toggles","err":{"message":"request to http://unleash.feature-flags.svc.cluster.local:4242/api/client/features failed, reason: getaddrinfo ENOTFOUND unleash.feature-flags.svc.cluster.local"}}';

describe('a Service of another namespace that no longer resolves', () => {
  it('picks the namespace its name says, once, from ready pods too', () => {
    const logs = [{ pod: 'p0', container: 'app', previous: false, lines: [ENOTFOUND, ENOTFOUND] }];
    expect(pickUnresolvedNamespaces(logs, 'shop')).toEqual([{ name: 'unleash', namespace: 'feature-flags' }]);
    expect(pickUnresolvedNamespaces(logs, 'feature-flags')).toEqual([]);
  });

  it("says it is gone there and names the one close to it, with its age", () => {
    const ev = baseEvidence({
      namedNamespaceServices: [{ namespace: 'feature-flags', services: [{ name: 'unleash-api', createdAt: '2026-11-21T00:04:00Z', ports: ['4242'] }, { name: 'unleash-db', ports: ['5432'] }, { name: 'flagd', ports: ['8013'] }] }],
    });
    expect(describeMissingService(ev, 'unleash.feature-flags.svc.cluster.local:4242')).toBe('no Service unleash in feature-flags (similar: unleash-api, created 3h 10m ago, port 4242; unleash-db, port 5432)');
    expect(describeMissingService(ev, 'unleash-api.feature-flags.svc.cluster.local:4242')).toBeUndefined();
    expect(describeMissingService(ev, 'other.elsewhere.svc.cluster.local')).toBeUndefined();
  });
});
