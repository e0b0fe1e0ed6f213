import { describe, expect, it } from 'vitest';
import { readStartFailure } from '../../../src/domain/triage/start-failure.js';

const RUNC = 'failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: ';

describe('readStartFailure', () => {
  it('reads a shell the command runs its script with, missing from the image, as the missing interpreter', () => {
    const f = readStartFailure(`${RUNC}exec: "/bin/bash": stat /bin/bash: no such file or directory: unknown`, ['/bin/bash', '-c', 'run-report --all']);
    expect(f?.path).toBe('/bin/bash');
    expect(f?.clause).toBe("the image has no /bin/bash — the command's interpreter is missing from the image");
    expect(f?.fix).toMatch(/\/bin\/sh -c/);
  });

  it('reads an interpreter looked up on $PATH the same way', () => {
    const f = readStartFailure(`${RUNC}exec: "python3": executable file not found in $PATH: unknown`, ['python3', '-m', 'reports.export']);
    expect(f?.clause).toBe("the image has no python3 — the command's interpreter is missing from the image");
    expect(f?.fix).not.toMatch(/\/bin\/sh/);
  });

  it('reads a missing program that is not an interpreter as a file the image lacks', () => {
    const f = readStartFailure(`${RUNC}exec: "/app/server": stat /app/server: no such file or directory: unknown`, ['/app/server', '--port=8080']);
    expect(f?.clause).toBe('/app/server is not in the image — the command names a program the image lacks');
  });

  it('reads permission denied and exec format error, and the found-but-ENOENT form as a bad interpreter line', () => {
    expect(readStartFailure(`${RUNC}exec: "/opt/run.sh": permission denied: unknown`, ['/opt/run.sh'])?.clause).toMatch(/^\/opt\/run\.sh is in the image but may not be executed/);
    expect(readStartFailure(`${RUNC}exec /usr/local/bin/worker: exec format error: unknown`)?.clause).toMatch(/another CPU architecture/);
    expect(readStartFailure(`${RUNC}exec /opt/run.sh: no such file or directory: unknown`)?.clause).toMatch(/shebang/);
  });

  it('reads nothing from other runtime messages', () => {
    expect(readStartFailure(`${RUNC}error during container init: error mounting "/data" to rootfs: not a directory: unknown`)).toBeUndefined();
    expect(readStartFailure(undefined)).toBeUndefined();
  });
});
