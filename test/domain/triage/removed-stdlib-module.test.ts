// A Python process failing to import a module a newer Python removed from the standard library:
// the new Python is the mechanism (named with the version and the PEP), and porting the import,
// the package that brings it back, or pinning the older base are the fixes — not "fix what the log names".
import { describe, expect, it } from 'vitest';
import { findRemovedStdlibModule } from '../../../src/domain/triage/removed-stdlib-module.js';
import { buildTriageReport } from '../../../src/domain/triage/triage-report.js';
import { IMAGE_V14, IMAGE_V15, REV6, REV7, baseEvidence, crashLooping, minutesAgo, pod, revision, revisionContainer, terminated } from './scenarios/builders.js';

const times = { startedAt: '2026-11-21T03:14:00Z', finishedAt: '2026-11-21T03:14:00Z' };

const trace = (python: string, module: string, from: string) => [
  'Traceback (most recent call last):',
  `  File "/usr/lib/${python}/runpy.py", line 198, in _run_module_as_main`,
  '  File "/srv/thumbs/worker.py", line 12, in <module>',
  '    from thumbs.detect import sniff',
  '  File "/srv/thumbs/detect.py", line 2, in <module>',
  `    ${from}`,
  `ModuleNotFoundError: No module named '${module}'`,
];

describe('findRemovedStdlibModule', () => {
  it('names the module, the Python that removed it, the one running, and the import', () => {
    expect(findRemovedStdlibModule(trace('python3.13', 'imghdr', 'import imghdr'))).toMatchObject({ module: 'imghdr', removedIn: '3.13', running: '3.13', importLine: 'import imghdr', at: '/srv/thumbs/detect.py line 2' });
    expect(findRemovedStdlibModule(trace('python3.12', 'distutils', 'from distutils.version import LooseVersion'))).toMatchObject({ module: 'distutils', removedIn: '3.12', pep: 'PEP 632' });
  });

  it('says nothing when the running Python still ships the module, or the module never was in the standard library', () => {
    expect(findRemovedStdlibModule(trace('python3.10', 'distutils', 'from distutils.version import LooseVersion'))).toBeUndefined();
    expect(findRemovedStdlibModule(trace('python3.12', 'requests', 'import requests'))).toBeUndefined();
  });
});

describe('a crash on a module a newer Python removed', () => {
  it('names the Python version and the ways out in the headline, with the image bump as the change', () => {
    const lines = trace('python3.13', 'telnetlib', 'import telnetlib');
    const failing = pod(0, { revisionHash: REV7.hash, ready: false, createdAt: minutesAgo(15), containers: [crashLooping('p0', terminated(1, 'Error', 1, { runSeconds: 2 }), 5, { image: IMAGE_V15 })] });
    const r = buildTriageReport(baseEvidence({
      pods: [failing, pod(1), pod(2), pod(3)],
      revisions: [revision(REV6, minutesAgo(9 * 24 * 60)), revision(REV7, minutesAgo(16), { containers: [revisionContainer({ image: IMAGE_V15 })] })],
      logs: [{ pod: failing.name, container: 'app', previous: true, lines }],
    }), times);
    expect(IMAGE_V14).not.toBe(IMAGE_V15);
    expect(r.headline).toMatch(/revision 7/);
    expect(r.headline).toContain('Python 3.13 removed the telnetlib module (PEP 594)');
    expect(r.headline).toMatch(/pin the base image to Python 3\.12/);
    expect(r.headline).not.toMatch(/fix what the log names/);
  });
});
