import { describe, expect, it } from 'vitest';
import { analyzeExitCodes } from '../../../../src/domain/triage/analyzers/exit-code.js';
import { crashScenario } from '../scenarios/crashes.js';
import { terminated } from '../scenarios/builders.js';

// OpenSSH's refusal as a Go tool logs it: stderr quoted inside a structured line, its newlines escaped.
const REFUSAL = String.raw`{"level":0,"msg":"giving up","error":"Run(git fetch origin trunk): exit status 128: { stdout: \"\", stderr: \"@@@@@@@@@@@@@@@@@@@@\n@    WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED!     @\n@@@@@@@@@@@@@@@@@@@@\nIT IS POSSIBLE THAT SOMEONE IS DOING SOMETHING NASTY!\nAdd correct host key in /etc/ssh-trust/known_hosts to get rid of this message.\nOffending ED25519 key in /etc/ssh-trust/known_hosts:1\nHost key for scm.example.test has changed and you have requested strict checking.\nHost key verification failed.\r\nfatal: Could not read from remote repository.\n\" }"}`;

/** One new pod whose repo-cloning init container exits 1 refusing the Git server's host key. */
function initRefusesHostKey() {
  const ev = crashScenario(1, () => terminated(1, 'Error', 2, { runSeconds: 1 }), { logs: ['{"level":0,"msg":"starting up","flags":["--ssh-known-hosts-file=/etc/ssh-trust/known_hosts"]}', REFUSAL] });
  ev.pods = ev.pods.map((p, i) => {
    const [app] = p.containers;
    if (i > 0 || app === undefined) return p;
    const sync = { ...app, name: 'repo-sync', args: ['--ssh-known-hosts=true', '--ssh-known-hosts-file=/etc/ssh-trust/known_hosts'], volumeMounts: [{ name: 'trust', mountPath: '/etc/ssh-trust', readOnly: true }] };
    return { ...p, initContainers: [sync], containers: [{ ...app, state: { waiting: { reason: 'PodInitializing' } }, lastState: undefined, restartCount: 0 }], volumes: [{ name: 'work', source: 'emptyDir' as const }, { name: 'trust', source: 'configMap' as const, ref: 'ssh-trust' }] };
  });
  ev.logs = ev.logs.map((l) => ({ ...l, container: 'repo-sync' }));
  return ev;
}

describe('an init container whose SSH client refuses a server whose host key changed', () => {
  it('names the changed host key and the ConfigMap its known_hosts comes from, outside the workload', () => {
    const [f] = analyzeExitCodes(initRefusesHostKey());
    expect(f?.title).toContain('Init container repo-sync exits with code 1');
    expect(f?.title).toMatch(/host key of scm\.example\.test no longer matches[^\n]*\/etc\/ssh-trust\/known_hosts \(from ConfigMap ssh-trust\)/);
    expect(f?.decisive).toContain('Host key verification failed');
    expect(f?.outsideWorkload).toBeDefined();
    expect(f?.fix).toMatch(/verify[^\n]*fingerprint[^\n]*ConfigMap ssh-trust/);
  });
});
