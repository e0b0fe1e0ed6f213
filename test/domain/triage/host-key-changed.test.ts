import { describe, expect, it } from 'vitest';
import { explainClientDiagnosis } from '../../../src/domain/triage/client-diagnosis.js';

const ERR = "paramiko.ssh_exception.BadHostKeyException: Host key for server '[sftp.partner.example]:2222' does not match: got 'AAAAnew', expected 'AAAAold'";
const OPENSSH = 'Host key verification failed.';
const containers = [{
  name: 'app',
  env: [{ name: 'KNOWN_HOSTS', value: '/etc/ssh-trust/known_hosts' }],
  volumeMounts: [{ name: 'trust', mountPath: '/etc/ssh-trust', readOnly: true }, { name: 'settings', mountPath: '/etc/app' }],
}];
const volumes = [{ name: 'settings', source: 'configMap' as const, ref: 'app-settings' }, { name: 'trust', source: 'configMap' as const, ref: 'partner-trust' }];

describe('an SSH server whose host key no longer matches known_hosts', () => {
  it('names the server, the known_hosts file and the ConfigMap it is mounted from; the server rotated its key', () => {
    const d = explainClientDiagnosis([ERR], [ERR], containers, volumes);
    expect(d?.summary).toMatch(/host key of \[sftp\.partner\.example\]:2222/);
    expect(d?.summary).toMatch(/\/etc\/ssh-trust\/known_hosts[^\n]*ConfigMap partner-trust/);
    expect(d?.likelyCause).toMatch(/rotated|re-?keyed/);
    expect(d?.fix).toMatch(/out of band[^\n]*partner-trust/);
  });

  it('reads OpenSSH\'s own refusal, with a ConfigMap named for known hosts when no path is given', () => {
    const d = explainClientDiagnosis([OPENSSH], [OPENSSH], [{ name: 'app' }], [{ name: 'kh', source: 'configMap', ref: 'ssh-known-hosts' }]);
    expect(d?.summary).toMatch(/known_hosts[^\n]*ConfigMap ssh-known-hosts/);
  });
});
