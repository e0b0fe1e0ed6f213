import { describe, expect, it } from 'vitest';
import { findKeyFileMode, tellKeyFileMode } from '../../../src/domain/triage/key-file-mode.js';
import type { PodTemplateEvidence, RevisionEvidence } from '../../../src/domain/triage/evidence.js';
import { REV6, REV7, minutesAgo, pod, revision, revisionContainer } from './scenarios/builders.js';

const keyMount = [{ name: 'git-secret', mountPath: '/etc/git-secret', readOnly: true }];
const template = (mode?: string): PodTemplateEvidence => ({
  initContainers: [revisionContainer({ name: 'git-sync-init', volumeMounts: keyMount })],
  volumes: [{ name: 'git-secret', source: 'secret', ref: 'deploy-key', ...(mode === undefined ? {} : { mode }) }],
  imagePullSecrets: [],
  placement: { nodeSelector: {}, requiredNodeAffinity: [], tolerations: [] },
});
const revisions: RevisionEvidence[] = [
  revision(REV6, minutesAgo(20 * 24 * 60), { template: template('0400') }),
  revision(REV7, minutesAgo(30), { template: template() }),
];
const stderr = ['@@@@@@@@', '@  WARNING: UNPROTECTED PRIVATE KEY FILE!  @', "Permissions 0644 for '/etc/git-secret/ssh' are too open.", 'Load key "/etc/git-secret/ssh": bad permissions', 'git@github.com: Permission denied (publickey).', 'fatal: Could not read from remote repository.'].join('\n');
// git-sync logs git's stderr escaped inside one JSON field, after which it only says it gives up.
const lines = [
  JSON.stringify({ msg: 'error syncing repo, will retry', error: `Run(git fetch): exit status 128: { stdout: "", stderr: ${JSON.stringify(stderr)} }` }),
  JSON.stringify({ msg: 'exiting after one sync attempt', error: 'sync failed in --one-time mode' }),
];

describe('a private key refused for its mode', () => {
  it("reads ssh's refusal out of the escaped stderr, and the revision that dropped the volume's stricter mode", () => {
    const found = findKeyFileMode(revisions, [pod(0, { revisionHash: REV7.hash })], 'git-sync-init', lines);
    expect(found?.line).toBe("Permissions 0644 for '/etc/git-secret/ssh' are too open.");
    expect(found?.volume.name).toBe('git-secret');
    expect(found?.loosenedBy).toEqual({ revision: 7, previous: 6, was: '0400' });
    const told = tellKeyFileMode(found!);
    expect(told.title).toContain('the key volume git-secret lost defaultMode 0400 in revision 7 (now 0644)');
    expect(told.fix).toContain('defaultMode 0400 (256)');
  });

  it('says nothing when the refused path is on no Secret volume of the container', () => {
    const other = lines.map((l) => l.replaceAll('/etc/git-secret/ssh', '/root/.ssh/id_rsa'));
    expect(findKeyFileMode(revisions, [pod(0, { revisionHash: REV7.hash })], 'git-sync-init', other)).toBeUndefined();
  });
});
