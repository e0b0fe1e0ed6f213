import { describe, expect, it } from 'vitest';
import { pickChange } from '../../../../src/domain/triage/verdict/mechanism-diff.js';
import type { Finding } from '../../../../src/domain/triage/finding.js';
import type { EnvVarEvidence, RevisionEvidence } from '../../../../src/domain/triage/evidence.js';

const rev = (revision: number, env: EnvVarEvidence[]): RevisionEvidence => ({ revision, name: `orders-api-${revision}`, hash: `h${revision}`, createdAt: '2026-01-01T00:00:00Z', containers: [{ name: 'app', image: 'registry.example/orders-api:1.0', env }] as RevisionEvidence['containers'] });
const crash = (said: string) => ({ kind: 'exit-code', title: `Container app exits with code 1 on 1/4 pods (orders-api-x) — "${said}"`, decisive: said } as Finding);

describe('pickChange when the failure says configuration is missing', () => {
  const older = rev(7, [{ name: 'SPRING_PROFILES_ACTIVE', value: 'prod' }, { name: 'JAVA_TOOL_OPTIONS', value: '-Xss1m' }]);
  const newer = rev(8, [{ name: 'JAVA_TOOL_OPTIONS', value: '-Xss1m' }, { name: 'MANAGEMENT_SERVER_PORT', value: '8081' }]);
  const diff = ['app env added MANAGEMENT_SERVER_PORT = "8081"', 'app env removed SPRING_PROFILES_ACTIVE'];

  it('leads with the removed variable that selects the configuration (its profile), over an added one', () => {
    const picked = pickChange(crash("Failed to configure a DataSource: 'url' attribute is not specified and no embedded datasource could be configured."), diff, older, newer);
    expect(picked).toBe('app env removed SPRING_PROFILES_ACTIVE (was "prod")');
  });

  it('reads other frameworks\' environment selectors the same way', () => {
    const d = ['app env added LOG_FORMAT = "json"', 'app env removed NODE_ENV'];
    const o = rev(7, [{ name: 'NODE_ENV', value: 'production' }]);
    expect(pickChange(crash('Error: config property "database.url" is not set'), d, o, rev(8, []))).toBe('app env removed NODE_ENV (was "production")');
  });

  it('keeps the first env line when the failure does not say configuration is missing', () => {
    expect(pickChange(crash('java.lang.NullPointerException: Cannot invoke "String.length()"'), diff, older, newer)).toBe('app env added MANAGEMENT_SERVER_PORT = "8081"');
  });
});
