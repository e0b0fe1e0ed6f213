import { describe, expect, it } from 'vitest';
import { analyzeForkUnsafePreload } from '../../../../src/domain/triage/analyzers/fork-unsafe-preload.js';
import { pickMechanismSetting } from '../../../../src/domain/triage/mechanism-settings.js';
import { readPreloadSetting } from '../../../../src/domain/triage/fork-unsafe-library.js';
import type { PodEvidence } from '../../../../src/domain/triage/evidence.js';
import { baseEvidence, container, pod, workload } from '../scenarios/builders.js';

const ARGS = ['shop.wsgi:app', '--bind', '0.0.0.0:8080', '--workers', '2'];

/** gunicorn forking a worker from a master in which a gRPC channel already runs, then killing it for time. */
function forkedAndKilled(pid: number): string[] {
  return [
    'I1121 03:05:10.100000       1 fork_posix.cc:71] Other threads are currently calling into gRPC, skipping fork() handlers',
    'E1121 03:05:10.100000       1 fork_posix.cc:63] Fork support is only compatible with the epoll1 and poll polling strategies',
    `[2026-11-21 03:05:10 +0000] [${pid}] [INFO] Booting worker with pid: ${pid}`,
    `[2026-11-21 03:05:41 +0000] [1] [CRITICAL] WORKER TIMEOUT (pid:${pid})`,
    `[2026-11-21 03:05:41 +0000] [1] [ERROR] Worker (pid:${pid}) was sent SIGKILL! Perhaps out of memory?`,
  ];
}

function preforked(args: string[], lines: (i: number) => string[]) {
  const pods: PodEvidence[] = [0, 1].map((i) => pod(i, { ready: false, containers: [container({ ready: false, command: ['gunicorn'], args })] }));
  return baseEvidence({
    pods,
    workload: workload({ specReplicas: 2, replicas: 2, readyReplicas: 0, availableReplicas: 0 }),
    logs: pods.map((p, i) => ({ pod: p.name, container: 'app', previous: false, lines: lines(i) })),
  });
}

describe('analyzeForkUnsafePreload', () => {
  it('names gRPC started before the fork by --preload as why the workers hang', () => {
    const [f] = analyzeForkUnsafePreload(preforked([...ARGS, '--preload'], (i) => [...forkedAndKilled(20 + i), ...forkedAndKilled(30 + i)]));
    expect(f?.kind).toBe('runtime-stall');
    expect(f?.title).toBe('gunicorn workers hang on gRPC calls after the fork: gRPC was started in the master before the fork (--preload loads the app there) and is not fork-safe, so each worker waits until gunicorn kills it (WORKER TIMEOUT ×4 in 2 pods)');
    expect(f?.decisive).toContain('Fork support is only compatible with the epoll1 and poll polling strategies');
    expect(f?.datesChange).toBe(true);
    expect(f?.severity).toBe('critical');
    expect(f?.nextAction).toMatch(/^Drop --preload/);
  });

  it('says nothing when the workers are not killed for time', () => {
    const quiet = (pid: number) => forkedAndKilled(pid).slice(0, 3);
    expect(analyzeForkUnsafePreload(preforked([...ARGS, '--preload'], (i) => quiet(20 + i)))).toEqual([]);
  });

  it('says nothing of worker timeouts without a fork warning', () => {
    expect(analyzeForkUnsafePreload(preforked([...ARGS, '--preload'], (i) => forkedAndKilled(20 + i).slice(2)))).toEqual([]);
  });

  it('reads where the template loads the app before the fork', () => {
    expect(readPreloadSetting({ command: ['gunicorn'], args: ARGS })).toBeUndefined();
    expect(readPreloadSetting({ command: ['gunicorn'], args: ARGS, env: [{ name: 'GUNICORN_CMD_ARGS', value: '--preload --timeout 30' }] })?.setting).toBe('env GUNICORN_CMD_ARGS --preload');
    expect(readPreloadSetting({ command: ['uwsgi', '--ini', 'app.ini'] })?.server).toBe('uWSGI');
    expect(readPreloadSetting({ command: ['uwsgi', '--ini', 'app.ini', '--lazy-apps'] })).toBeUndefined();
  });

  it('leads with the flag that loads the app before the fork', () => {
    const diff = [`app args: "${ARGS.join('" "')}" → "${[...ARGS, '--preload'].join('" "')}"`];
    expect(pickMechanismSetting('runtime-stall/fork-unsafe/app', diff)).toBe('app args: added "--preload"');
  });
});
