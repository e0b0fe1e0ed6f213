import { describe, expect, it } from 'vitest';
import { analyzeExitCodes } from '../../../../src/domain/triage/analyzers/exit-code.js';
import { IMAGE_V14, REV6, minutesAgo, revision, revisionContainer, terminated } from '../scenarios/builders.js';
import { crashScenario } from '../scenarios/crashes.js';

const banner = (lib: string) => `2026-11-21 03:12:40,118 INFO orders.app: starting orders 3.2.0 (python 3.12.4, ${lib}, uvicorn 0.30.1)`;

const TRACE = [
  banner('sqlalchemy 2.0.31'),
  'Traceback (most recent call last):',
  '  File "/srv/orders/__main__.py", line 4, in <module>',
  '    main()',
  '  File "/srv/orders/health.py", line 12, in check_db',
  '    conn.execute("SELECT 1")',
  '  File "/usr/local/lib/python3.12/site-packages/sqlalchemy/engine/base.py", line 1414, in execute',
  '    raise exc.ObjectNotExecutableError(statement) from err',
  "sqlalchemy.exc.ObjectNotExecutableError: Not an executable object: 'SELECT 1'",
];

/** Revision 6 rebuilt the same app version as revision 5 (only the build suffix moved). */
function rebuilt(logs: string[]) {
  const ev = crashScenario(2, () => terminated(1, 'Error', 2, { runSeconds: 2 }), { logs });
  const image = (tag: string) => IMAGE_V14.replace('2.14.0', tag);
  const servingLog = { pod: ev.pods[4]?.name ?? '', container: 'app', previous: false, lines: [banner('sqlalchemy 1.4.52')] };
  return {
    ...ev,
    revisions: [
      revision({ revision: 5, hash: '6b8c7d5f9a' }, minutesAgo(14 * 24 * 60), { replicas: 3, containers: [revisionContainer({ image: image('3.2.0-b87') })] }),
      revision(REV6, minutesAgo(25), { replicas: 2, changeCause: 'ci: weekly rebuild (build 93)', containers: [revisionContainer({ image: image('3.2.0-b93') })] }),
    ],
    pods: ev.pods.map((p, i) => (i < 2 ? p : { ...p, revisionHash: '6b8c7d5f9a' })),
    logs: [...ev.logs, servingLog],
  };
}

describe('analyzeExitCodes: a rebuild of the same code that pulled a library\'s new major version', () => {
  it('names the library version the rebuild installed and advises pinning it below the new major', () => {
    const [f] = analyzeExitCodes(rebuilt(TRACE));
    expect(f?.title).toContain('the rebuild installed sqlalchemy 2.0.31 (was 1.4.52)');
    expect(f?.likelyCause).toContain('rebuilt the same code (3.2.0)');
    expect(f?.fix).toContain('pin sqlalchemy<2.0');
    expect(f?.nextAction).toContain('wrap raw SQL strings in text()');
  });

  it('reads a Node.js stack whose top frame is the library\'s, and advises pinning it in package.json', () => {
    const node = [
      '{"level":30,"msg":"starting orders 3.2.0","deps":"mongoose@7.0.3 express@4.19.2"}',
      'MongooseError: Model.prototype.save() no longer accepts a callback',
      '    at model.save (/srv/orders/node_modules/mongoose/lib/model.js:489:11)',
      '    at saveOrder (/srv/orders/src/store.js:22:9)',
      '    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)',
    ];
    const ev = rebuilt(node);
    const serving = ev.logs.find((l) => !l.previous);
    if (serving) serving.lines = ['{"level":30,"msg":"starting orders 3.2.0","deps":"mongoose@6.12.0 express@4.19.2"}'];
    const [f] = analyzeExitCodes(ev);
    expect(f?.title).toContain('the rebuild installed mongoose 7.0.3 (was 6.12.0)');
    expect(f?.fix).toContain('pin mongoose below 7 ("mongoose": "<7") in package.json');
  });

  it('stays silent when the exception is raised in the app\'s own code', () => {
    const own = [banner('sqlalchemy 2.0.31'), 'Traceback (most recent call last):', '  File "/srv/orders/health.py", line 12, in check_db', '    raise RuntimeError("db check failed")', 'RuntimeError: db check failed'];
    const [f] = analyzeExitCodes(rebuilt(own));
    expect(f?.title ?? '').not.toContain('rebuild installed');
  });
});
