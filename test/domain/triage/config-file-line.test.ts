import { describe, expect, it } from 'vitest';
import { locateConfigFileLine } from '../../../src/domain/triage/config-file-line.js';
import { container, pod } from './scenarios/builders.js';

// A quoted error that names a file of a mounted ConfigMap, and the line its parser names.
function mounted(mount: { mountPath: string; subPath?: string }) {
  return [{ ...pod(0), volumes: [{ name: 'config', source: 'configMap' as const, ref: 'orders-config' }], containers: [container({ volumeMounts: [{ name: 'config', ...mount }] })] }];
}

describe('locateConfigFileLine', () => {
  it('reads the file under a directory mount and the line after it', () => {
    expect(locateConfigFileLine('load /etc/orders/app.yaml: yaml: line 9: did not find expected key', mounted({ mountPath: '/etc/orders/' }), 'orders-config')).toEqual({ file: 'app.yaml', line: 9 });
  });

  it('reads a subPath mount as its key, and names no line the error does not', () => {
    expect(locateConfigFileLine('cannot parse "/app/settings.toml"', mounted({ mountPath: '/app/settings.toml', subPath: 'settings.toml' }), 'orders-config')).toEqual({ file: 'settings.toml' });
  });

  it('names nothing for a path outside the ConfigMap, or another ConfigMap', () => {
    expect(locateConfigFileLine('open /var/lib/orders/state.db: line 3', mounted({ mountPath: '/etc/orders' }), 'orders-config')).toBeUndefined();
    expect(locateConfigFileLine('load /etc/orders/app.yaml: line 3', mounted({ mountPath: '/etc/orders' }), 'other-config')).toBeUndefined();
  });
});
