import { describe, expect, it } from 'vitest';
import { condenseQuotedStatement, findChildOwnError, readFailedChild } from '../../../src/domain/triage/child-tool-error.js';
import { pickDecisiveLine } from '../../../src/domain/triage/evidence-lookup.js';

const DUMP_LOG = [
  '2026-03-02T01:10:04Z export.sh: dumptool Ver 9.1 starting',
  '2026-03-02T01:10:04Z export.sh: exporting orders from db.example.svc:3306',
  'dumptool: [Warning] Using a password on the command line interface can be insecure.',
  "dumptool: Couldn't execute 'SELECT name,                       kind                FROM meta.SOME_TABLE                WHERE schema_name = 'orders' AND table_name = 'items';': Unknown table 'SOME_TABLE' in meta (4242)",
  '2026-03-02T01:10:05Z export.sh: dumptool failed (exit 2), upload aborted',
];

describe('readFailedChild', () => {
  it('names the tool a wrapper line reports as failed, in the forms scripts write', () => {
    expect(readFailedChild('run.sh: dumptool failed (exit 2), upload aborted')).toBe('dumptool');
    expect(readFailedChild('2026-03-02T01:10:05Z run.sh: pg_tool exited with status 1, nothing uploaded')).toBe('pg_tool');
    expect(readFailedChild('syncer exited rc=139, restarting')).toBe('syncer');
  });

  it('names no tool for a generic subject or an HTTP status', () => {
    expect(readFailedChild('command failed (exit 1)')).toBeUndefined();
    expect(readFailedChild('upstream server returned HTTP status 429')).toBeUndefined();
  });
});

describe('findChildOwnError', () => {
  it("takes the tool's own error line above the wrapper's report, never its warning", () => {
    expect(findChildOwnError(DUMP_LOG[4] ?? '', DUMP_LOG)).toBe(DUMP_LOG[3]);
  });

  it("prefers the tool's error over a detail line it printed after it", () => {
    const lines = ['pg_tool: error: aborting because of a mismatch', 'pg_tool: detail: server 9; client 8', 'wrap.sh: pg_tool exited with status 1'];
    expect(findChildOwnError(lines[2] ?? '', lines)).toBe(lines[0]);
  });

  it('finds nothing when the tool printed nothing of its own', () => {
    const lines = ['Segmentation fault (core dumped)', 'syncer exited rc=139, restarting in 1s'];
    expect(findChildOwnError(lines[1] ?? '', lines)).toBeUndefined();
  });
});

describe('condenseQuotedStatement', () => {
  it('collapses and cuts a long quoted statement so the reason after it stays', () => {
    const told = condenseQuotedStatement(DUMP_LOG[3] ?? '');
    expect(told).toMatch(/^dumptool: Couldn't execute 'SELECT name, kind FROM meta\.SOME_TABLE/);
    expect(told).toMatch(/…': Unknown table 'SOME_TABLE' in meta \(4242\)$/);
    expect(told.length).toBeLessThan(170);
  });

  it('leaves a line without a quoted statement as it was', () => {
    expect(condenseQuotedStatement('tool: error: no such file')).toBe('tool: error: no such file');
  });
});

describe('pickDecisiveLine with a wrapper script', () => {
  it("quotes the tool's own error, not the wrapper's report that it failed", () => {
    expect(pickDecisiveLine(DUMP_LOG)).toMatch(/Unknown table 'SOME_TABLE' in meta \(4242\)$/);
  });
});
