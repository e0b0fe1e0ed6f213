import { describe, expect, it } from 'vitest';
import { describeBadInterpreter, findBadInterpreter, findBadInterpreterInLog, readImageBase } from '../../../src/domain/triage/bad-interpreter.js';

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

describe('readImageBase', () => {
  it('reads a base with no libc, or with musl, from an image, an annotation or a change cause', () => {
    expect(readImageBase(['registry.example.com/billing/worker:7.1.0', 'gcr.io/distroless/static-debian11'])).toEqual({ name: 'gcr.io/distroless/static-debian11', libc: 'none' });
    expect(readImageBase(['', 'scratch'])).toEqual({ name: 'scratch', libc: 'none' });
    expect(readImageBase(['registry.example.com/tools/exporter:2.0-alpine3.19'])).toEqual({ name: 'registry.example.com/tools/exporter:2.0-alpine3.19', libc: 'musl' });
  });

  it('names no base for a glibc base or a text that only mentions scratch', () => {
    expect(readImageBase(['gcr.io/distroless/base-debian12', 'debian:bookworm-slim', 'clean the scratch directory on start'])).toBeUndefined();
  });
});

describe('describeBadInterpreter on a named base', () => {
  it('names a dynamically linked binary and static linking on a base with no libc, not the CRLF shebang', () => {
    const told = describeBadInterpreter({ path: '/usr/local/bin/worker', script: false }, { name: 'gcr.io/distroless/static-debian11', libc: 'none' });
    expect(told.clause).toContain('dynamically linked');
    expect(told.clause).toContain('gcr.io/distroless/static-debian11');
    expect(told.clause).not.toContain('CRLF');
    expect(told.fix).toContain('CGO_ENABLED=0');
    expect(told.fix).toContain('glibc');
  });

  it('names the glibc build on a musl base for a binary, and keeps the shebang reading for a script there', () => {
    const musl = { name: 'alpine:3.19', libc: 'musl' as const };
    expect(describeBadInterpreter({ path: '/usr/local/bin/worker', script: false }, musl).clause).toContain('linked against glibc');
    expect(describeBadInterpreter({ path: '/opt/tools/entry.sh', script: true }, musl).clause).toContain('CRLF');
  });
});
