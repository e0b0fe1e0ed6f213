import { describe, expect, it } from 'vitest';
import { analyzeExitCodes } from '../../../../src/domain/triage/analyzers/exit-code.js';
import { IMAGE_V14, REV6, minutesAgo, revision, revisionContainer, terminated } from '../scenarios/builders.js';
import { crashScenario } from '../scenarios/crashes.js';

const TRACE = [
  'Traceback (most recent call last):',
  '  File "/srv/orders/app.py", line 3, in <module>',
  '    import pandas as pd',
  '  File "/usr/local/lib/python3.12/site-packages/pandas/__init__.py", line 22, in <module>',
  '    from pandas._libs import hashtable',
  '  File "/usr/local/lib/python3.12/site-packages/pandas/_libs/__init__.py", line 13, in <module>',
  '    from pandas._libs.interval import Interval',
  '  File "pandas/_libs/interval.pyx", line 1, in init pandas._libs.interval',
  'ValueError: numpy.dtype size changed, may indicate binary incompatibility. Expected 96 from C header, got 88 from PyObject',
];

/** Revision 6 rebuilt the same commit as revision 5 (only the build number in the tag moved). */
function rebuilt(logs: string[]) {
  const ev = crashScenario(2, () => terminated(3, 'Error', 2, { runSeconds: 4 }), { logs });
  const image = (tag: string) => IMAGE_V14.replace('2.14.0', tag);
  return {
    ...ev,
    revisions: [
      revision({ revision: 5, hash: '6b8c7d5f9a' }, minutesAgo(14 * 24 * 60), { replicas: 3, containers: [revisionContainer({ image: image('git-9f3e21a-b87') })] }),
      revision(REV6, minutesAgo(25), { replicas: 2, containers: [revisionContainer({ image: image('git-9f3e21a-b93') })] }),
    ],
    pods: ev.pods.map((p, i) => (i < 2 ? p : { ...p, revisionHash: '6b8c7d5f9a' })),
  };
}

describe('analyzeExitCodes: a package compiled for NumPy 1 imported under NumPy 2', () => {
  it('names the ABI break, the package, the rebuild of the same commit, and the numpy<2 pin', () => {
    const [f] = analyzeExitCodes(rebuilt(TRACE));
    expect(f?.title).toContain('pandas was compiled against NumPy 1.x and is imported under NumPy 2');
    expect(f?.likelyCause).toContain('rebuilt the same code (git-9f3e21a)');
    expect(f?.fix).toContain('pin numpy<2');
    expect(`${f?.title} ${f?.likelyCause}`).not.toMatch(/new major version of pandas/);
  });

  it('still names the break and the pin without a rebuild to point at', () => {
    const [f] = analyzeExitCodes(crashScenario(1, () => terminated(1, 'Error', 2), { logs: TRACE }));
    expect(f?.title).toContain('binary incompatibility');
    expect(f?.fix).toContain('pin numpy<2');
  });
});
