import { describe, expect, it } from 'vitest';
import { findDroppedInit, findInit } from '../../../src/domain/triage/dropped-init.js';
import type { RevisionEvidence } from '../../../src/domain/triage/evidence.js';
import { diffRevisions } from '../../../src/domain/triage/revision-diff.js';
import { REV6, REV7, minutesAgo, pod, revision, revisionContainer } from './scenarios/builders.js';

const pods = [0, 1].map((i) => pod(i, { revisionHash: REV7.hash }));
const placement = { nodeSelector: {}, requiredNodeAffinity: [], tolerations: [] };

function history(before: { command?: string[]; args?: string[] }, now: { command?: string[]; args?: string[] }, share?: boolean): RevisionEvidence[] {
  return [
    revision(REV6, minutesAgo(20 * 24 * 60), { containers: [revisionContainer(before)] }),
    revision(REV7, minutesAgo(8 * 60), { containers: [revisionContainer(now)], ...(share ? { template: { initContainers: [], volumes: [], imagePullSecrets: [], placement, shareProcessNamespace: true } } : {}) }),
  ];
}

describe('findInit', () => {
  it('names the init a command starts, by its binary or as s6-overlay\'s /init', () => {
    expect(findInit({ command: ['/usr/bin/dumb-init', '--'], args: ['python', 'worker.py'] })).toBe('/usr/bin/dumb-init');
    expect(findInit({ command: ['/init'], args: ['ruby', 'app.rb'] })).toBe('/init');
    expect(findInit({ command: ['python', 'worker.py'] })).toBeUndefined();
    expect(findInit({ command: ['python', '/srv/init'] })).toBeUndefined();
  });
});

describe('findDroppedInit', () => {
  it('finds the revision whose command no longer starts the init the one before ran', () => {
    const d = findDroppedInit(history({ command: ['/usr/bin/dumb-init', '--'], args: ['python', 'worker.py'] }, { command: ['python', 'worker.py'] }), pods, 'app');
    expect(d).toMatchObject({ revision: 7, previous: 6, init: '/usr/bin/dumb-init', pid1: 'python', was: '/usr/bin/dumb-init -- python worker.py', now: 'python worker.py' });
  });

  it('claims nothing when the init stays, the command is left to the image, or the pause process reaps', () => {
    const init = { command: ['tini', '--'], args: ['python', 'worker.py'] };
    expect(findDroppedInit(history(init, { command: ['tini', '--', 'python', 'worker.py'] }), pods, 'app')).toBeUndefined();
    expect(findDroppedInit(history(init, { args: ['python', 'worker.py'] }), pods, 'app')).toBeUndefined();
    expect(findDroppedInit(history(init, { command: ['python', 'worker.py'] }, true), pods, 'app')).toBeUndefined();
    expect(findDroppedInit(history({ command: ['python', 'worker.py'] }, { command: ['python', 'worker.py'] }), pods, 'app')).toBeUndefined();
  });

  it('lists turning on shareProcessNamespace in the template diff', () => {
    const [older, newer] = history({}, {}, true);
    expect(diffRevisions({ ...older!, template: { initContainers: [], volumes: [], imagePullSecrets: [], placement } }, newer!)).toContain('shareProcessNamespace: false → true');
  });
});
