import { describe, expect, it } from 'vitest';
import type { ContainerSpecEvidence } from '../../../src/domain/triage/evidence.js';
import { findSniDisabled, tellSniDisabled } from '../../../src/domain/triage/sni-disabled.js';

const spec = (over: Partial<ContainerSpecEvidence>): ContainerSpecEvidence => ({
  name: 'app', image: 'registry.example/bridge:4.2.8', ports: [], resources: { requests: {}, limits: {} }, probes: {}, ...over,
});

describe('findSniDisabled', () => {
  it("reads Java's -Djsse.enableSNIExtension=false from an env value, with the certificate a log line says was served", () => {
    const found = findSniDisabled(spec({ env: [{ name: 'JAVA_TOOL_OPTIONS', value: '-Djsse.enableSNIExtension=false -Xmx1g' }] }), [
      'WARN c.a.PartnerClient - peer certificate: CN=default.edge.example, SAN=[default.edge.example]',
    ]);
    expect(found).toEqual({ where: 'env JAVA_TOOL_OPTIONS of container app', flag: '-Djsse.enableSNIExtension=false', served: 'CN=default.edge.example' });
  });

  it('reads the switch from args too', () => {
    expect(findSniDisabled(spec({ args: ['-Djsse.enableSNIExtension=false', '-jar', 'app.jar'] }), [])?.where).toBe('args of container app');
  });

  it('finds nothing when SNI is left on or explicitly enabled', () => {
    expect(findSniDisabled(spec({ env: [{ name: 'JAVA_TOOL_OPTIONS', value: '-Djsse.enableSNIExtension=true' }] }), [])).toBeUndefined();
    expect(findSniDisabled(spec({ env: [{ name: 'JAVA_OPTS', ref: { kind: 'configMap', name: 'jvm', key: 'opts' } }] }), [])).toBeUndefined();
    expect(findSniDisabled(undefined, [])).toBeUndefined();
  });
});

describe('tellSniDisabled', () => {
  it('names the switch as the cause and its removal as the fix, never the certificate', () => {
    const told = tellSniDisabled({ where: 'env JAVA_TOOL_OPTIONS of container app', flag: '-Djsse.enableSNIExtension=false' }, 'api.partner.example');
    expect(told.title).toMatch(/sends no SNI/);
    expect(told.fix).toMatch(/^remove -Djsse\.enableSNIExtension=false/);
    expect(told.action).toMatch(/never disable host-name verification/);
  });
});
