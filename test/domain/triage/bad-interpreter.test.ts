import { describe, expect, it } from 'vitest';
import { describeBadInterpreter, findBadInterpreter, findBadInterpreterInLog } from '../../../src/domain/triage/bad-interpreter.js';

const RUNC = 'failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: ';

describe('findBadInterpreter', () => {
  it('reads a found entrypoint whose execve failed with ENOENT as a bad interpreter', () => {
    expect(findBadInterpreter(`${RUNC}exec /opt/tools/entry.sh: no such file or directory: unknown`)).toEqual({ path: '/opt/tools/entry.sh', script: true });
    expect(findBadInterpreter(`${RUNC}exec /usr/local/bin/worker: no such file or directory: unknown`)).toEqual({ path: '/usr/local/bin/worker', script: false });
  });

  it('leaves a file missing from the image (the lookup form) and other errors alone', () => {
    expect(findBadInterpreter(`${RUNC}exec: "/opt/tools/entry.sh": stat /opt/tools/entry.sh: no such file or directory: unknown`)).toBeUndefined();
    expect(findBadInterpreter(`${RUNC}exec: "worker": executable file not found in $PATH: unknown`)).toBeUndefined();
    expect(findBadInterpreter('exec /usr/local/bin/worker: exec format error')).toBeUndefined();
    expect(findBadInterpreter(undefined)).toBeUndefined();
  });

  it('names the CRLF shebang for a script, and the dynamic loader only for a binary', () => {
    const script = describeBadInterpreter({ path: '/opt/tools/entry.sh', script: true });
    expect(script.clause).toContain('CRLF');
    expect(script.clause).not.toContain('loader');
    expect(describeBadInterpreter({ path: '/usr/local/bin/worker', script: false }).clause).toContain('dynamic loader');
  });
});

describe('findBadInterpreterInLog', () => {
  it('reads runc\'s line alone in the container log', () => {
    expect(findBadInterpreterInLog(['exec /opt/tools/entry.sh: no such file or directory'])).toEqual({ path: '/opt/tools/entry.sh', script: true });
  });

  it('leaves a shell\'s own words and an application line that mentions exec alone', () => {
    expect(findBadInterpreterInLog(['sh: exec: /opt/tools/entry.sh: not found'])).toBeUndefined();
    expect(findBadInterpreterInLog(['worker failed: exec /usr/bin/convert: no such file or directory while resizing'])).toBeUndefined();
  });
});
