// YAML 1.1 (PyYAML, SnakeYAML, go-yaml v2) reads the bare words yes/no/on/off/y/n as booleans: a
// country code NO in a list becomes False. The crash log names the key and the boolean; the
// ConfigMap the pods mount holds the bare word under that key.
import { describe, expect, it } from 'vitest';
import { findYamlBooleanLines, pickYamlBooleanRead } from '../../../src/domain/triage/yaml-boolean.js';
import { pod } from './scenarios/builders.js';

const SETTINGS = ['screening:', '  provider: refinitiv', '  allowed_countries:', '    - DE', '    - NO   # Norway', '    - SE', '  strict: no', 'audit:', '  enabled: yes'].join('\n');
const crashLine = 'kyc.config.ConfigError: invalid country code in screening.allowed_countries: False (expected ISO 3166-1 alpha-2)';

describe('pickYamlBooleanRead', () => {
  const p = pod(0, { volumes: [{ name: 'settings', source: 'configMap', ref: 'kyc-config' }, { name: 'tls', source: 'secret', ref: 'kyc-tls' }] });

  it('names the key and boolean a crash line reports, and the ConfigMaps the pod mounts (never a Secret)', () => {
    const logs = [{ pod: p.name, container: 'app', previous: true, lines: ['Traceback (most recent call last):', crashLine] }];
    expect(pickYamlBooleanRead({ logs, pods: [p] })).toEqual({ setting: 'screening.allowed_countries', value: false, configMaps: ['kyc-config'] });
  });

  it('reads nothing when no line reports a boolean where a value was expected', () => {
    const logs = [{ pod: p.name, container: 'app', previous: true, lines: ['ConfigError: invalid country code in screening.allowed_countries: XX'] }];
    expect(pickYamlBooleanRead({ logs, pods: [p] })).toBeUndefined();
  });
});

describe('findYamlBooleanLines', () => {
  it('keeps only the lines under the key that hold a bare YAML 1.1 word for that boolean', () => {
    expect(findYamlBooleanLines(SETTINGS, 'screening.allowed_countries', false)).toEqual(['- NO   # Norway']);
  });

  it('reads a flow list and a scalar, and leaves quoted words alone', () => {
    expect(findYamlBooleanLines('countries: [DE, "NO", Off]\n', 'countries', false)).toEqual(['countries: [DE, "NO", Off]']);
    expect(findYamlBooleanLines('countries: ["NO", "SE"]\n', 'countries', false)).toEqual([]);
    expect(findYamlBooleanLines('a:\n  mode: On\n', 'a.mode', true)).toEqual(['mode: On']);
  });
});
