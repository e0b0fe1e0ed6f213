import { describe, expect, it } from 'vitest';
import { analyzeUwsgiListenQueue } from '../../../../src/domain/triage/analyzers/uwsgi-listen-queue.js';
import type { TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { explainQueueFullProbe, parseListenQueueFull } from '../../../../src/domain/triage/listen-queue.js';
import { baseEvidence, container, minutesAgo, pod } from '../scenarios/builders.js';

const FULL = 'Sat Nov 21 03:08:41 2026 - *** uWSGI listen queue of socket "0.0.0.0:8000" (fd: 3) full !!! (101/100) ***';
const served = (i: number, ms: number) => `[pid: ${7 + (i % 4)}|app: 0|req: ${100 + i}/${400 + i}] 10.0.12.${40 + i} () {44 vars in 781 bytes} [Sat Nov 21 03:08:4${i % 10} 2026] GET /v1/suggest?q=x => generated 1800 bytes in ${ms} msecs (HTTP/1.1 200) 3 headers in 104 bytes (1 switches on core 0)`;
const SLOW = (s: string) => `2026-11-21 03:08:40,101 WARNING geo.clients.places: places-api slow response: GET /v2/autocomplete?q=x took ${s}s`;

/** uWSGI with 4 single-threaded workers per pod, its ini mounted from a ConfigMap, every worker held by slow places-api calls. */
function saturated(o: { full?: number; slow?: boolean } = {}): TriageEvidence {
  const app = container({ name: 'app', command: ['uwsgi', '--ini', '/etc/uwsgi/uwsgi.ini'], volumeMounts: [{ name: 'ini', mountPath: '/etc/uwsgi' }], state: { running: { startedAt: minutesAgo(600) } } });
  const pods = [0, 1].map((i) => pod(i, { containers: [app], volumes: [{ name: 'ini', source: 'configMap', ref: 'geo-uwsgi' }] }));
  const lines = Array.from({ length: 10 }, (_, i) => [...(o.slow === false ? [] : [SLOW((4 + (i % 3)).toFixed(2))]), served(i, 4000 + i * 200), ...(i < (o.full ?? 4) ? [FULL] : [])]).flat();
  return baseEvidence({ pods, logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines })) });
}

describe("uWSGI's listen queue full", () => {
  it('reads the socket, the queue and its backlog', () => {
    expect(parseListenQueueFull(FULL)).toMatchObject({ socket: '0.0.0.0:8000', queued: 101, backlog: 100 });
    expect(parseListenQueueFull('uwsgi socket 0 bound to TCP address 0.0.0.0:8000 fd 3')).toBeUndefined();
  });

  it('names the full queue, the workers from the request log, the ini ConfigMap and the slow dependency', () => {
    const [f] = analyzeUwsgiListenQueue(saturated());
    expect(f?.title).toMatch(/listen queue on 0\.0\.0\.0:8000 is full \(101\/100: listen 100\): all 4 processes × 1 thread per pod are busy, held by slow places-api calls \(4\.0s–6\.0s\)/);
    expect(f?.fix).toMatch(/concurrency[^\n]*ConfigMap geo-uwsgi[^\n]*listen above 100 \(with net\.core\.somaxconn\)[^\n]*places-api/);
    expect(`${f?.nextAction ?? ''} ${f?.fix ?? ''}`).not.toMatch(/(increase|raise|lengthen|relax)[^\n]*(liveness|readiness|probe)[^\n]*timeout/i);
    expect(analyzeUwsgiListenQueue(saturated({ slow: false }))[0]?.title).toMatch(/each request taking up to 5\.8s/);
  });

  it('claims nothing from a single overflow', () => {
    const ev = saturated({ full: 0 });
    expect(analyzeUwsgiListenQueue({ ...ev, logs: [{ ...(ev.logs[0] as TriageEvidence['logs'][number]), lines: [FULL] }] })).toEqual([]);
  });

  it('explains a probe timing out against the full queue: the probe is right, concurrency is the fix', () => {
    const logs = saturated().logs;
    const miss = explainQueueFullProbe('liveness', 'Liveness probe failed: Get "http://10.0.1.2:8000/healthz": context deadline exceeded', logs, 'app');
    expect(miss?.scope).toMatch(/listen queue is full/);
    expect(miss?.action).toMatch(/more concurrency[^\n]*larger listen than 100/);
    expect(explainQueueFullProbe('liveness', 'Liveness probe failed: dial tcp 10.0.1.2:8000: connect: connection refused', logs, 'app')).toBeUndefined();
  });
});
