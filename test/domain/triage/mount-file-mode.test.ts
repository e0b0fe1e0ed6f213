import { describe, expect, it } from 'vitest';
import { findMountFileMode, readDecimalSlip, symbolicMode, tellMountFileMode } from '../../../src/domain/triage/mount-file-mode.js';
import type { PodTemplateEvidence, RevisionEvidence } from '../../../src/domain/triage/evidence.js';
import { REV6, REV7, minutesAgo, pod, revision, revisionContainer } from './scenarios/builders.js';

const mounts = [{ name: 'settings', mountPath: '/opt/billing/conf', readOnly: true }];
const template = (mode: string | undefined, podSc: object = { runAsUser: 10001, runAsGroup: 10001 }): PodTemplateEvidence => ({
  initContainers: [],
  volumes: [{ name: 'settings', source: 'configMap', ref: 'billing-settings', ...(mode === undefined ? {} : { mode }) }],
  imagePullSecrets: [],
  placement: { nodeSelector: {}, requiredNodeAffinity: [], tolerations: [] },
  securityContext: JSON.stringify(podSc),
});
const revs = (mode: string, podSc?: object): RevisionEvidence[] => [
  revision(REV6, minutesAgo(9 * 24 * 60), { containers: [revisionContainer({ name: 'api', volumeMounts: mounts })], template: template(undefined, podSc) }),
  revision(REV7, minutesAgo(15), { containers: [revisionContainer({ name: 'api', volumeMounts: mounts })], template: template(mode, podSc) }),
];
const lines = [
  'level=info msg="billing starting" version=4.1.2',
  'level=error msg="reading settings failed" err="open /opt/billing/conf/settings.toml: permission denied"',
];
const pods = [pod(0, { revisionHash: REV7.hash })];

describe('a mounted config file refused for its mode', () => {
  it('reads a decimal defaultMode meant as octal, which leaves the non-root process no read bit', () => {
    // 440 decimal is octal 0670: nothing for others.
    const found = findMountFileMode(revs('0670'), pods, 'api', lines);
    expect(found?.path).toBe('/opt/billing/conf/settings.toml');
    expect(found?.decimalSlip).toEqual({ written: 440, meant: '0440' });
    expect(found?.changedBy).toEqual({ revision: 7, previous: 6, was: '0644' });
    const told = tellMountFileMode(found!);
    expect(told.title).toContain('defaultMode 440, a decimal number: octal 0670');
    expect(told.title).toContain('uid 10001 cannot read');
    expect(told.cause).toContain('read 440 as a decimal number');
    expect(told.fix).toMatch(/0440 written in octal \(288 in JSON\) with the pod's securityContext.fsGroup/);
    expect(told.action).toContain('rolling back to revision 6');
    expect(told.datesChange).toBe(true);
  });

  it('names a mode written right but too strict for a non-root user, with no slip', () => {
    const found = findMountFileMode(revs('0400'), pods, 'api', lines);
    expect(found?.mode).toBe('0400');
    expect(found?.decimalSlip).toBeUndefined();
  });

  it('says nothing when the group bits serve the process through fsGroup, or it runs as root', () => {
    expect(findMountFileMode(revs('0440', { runAsUser: 10001, fsGroup: 10001 }), pods, 'api', lines)).toBeUndefined();
    expect(findMountFileMode(revs('0670', { runAsUser: 0 }), pods, 'api', lines)).toBeUndefined();
  });

  it('says nothing when the refused path is on no ConfigMap or Secret volume', () => {
    const other = lines.map((l) => l.replace('/opt/billing/conf/settings.toml', '/var/lib/billing/state.db'));
    expect(findMountFileMode(revs('0670'), pods, 'api', other)).toBeUndefined();
  });

  it('reads decimal slips only where the digits make a sensible octal mode', () => {
    expect(readDecimalSlip('0620')).toEqual({ written: 400, meant: '0400' });
    expect(readDecimalSlip('0400')).toBeUndefined();
    expect(readDecimalSlip('0440')).toBeUndefined();
    expect(symbolicMode('0620')).toBe('rw--w----');
  });
});
