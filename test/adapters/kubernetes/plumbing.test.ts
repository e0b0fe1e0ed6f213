// The small machinery under collectEvidence: deadlines, pagination, the concurrency gate,
// error classification and which crashed containers get their logs read.
import * as k8s from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { Deadline } from '../../../src/adapters/kubernetes/deadline.js';
import { createLimiter } from '../../../src/adapters/kubernetes/limit-concurrency.js';
import { paginate } from '../../../src/adapters/kubernetes/paginate.js';
import { classifyError, collapseFailures, DeadlineExceeded } from '../../../src/adapters/kubernetes/read-failure.js';
import { pickLogTargets, splitLogLines } from '../../../src/adapters/kubernetes/read-pod-details.js';
import type { PodEvidence } from '../../../src/domain/triage/evidence.js';

const status = (code: number, message: string, reason = 'X') => JSON.stringify({ kind: 'Status', code, message, reason });

describe('classifyError', () => {
  it('maps API status codes and keeps the API message', () => {
    expect(classifyError(new k8s.ApiException(403, 'x', status(403, 'pods is forbidden: …'), {}))).toEqual({ reason: 'forbidden', detail: 'pods is forbidden: …' });
    expect(classifyError(new k8s.ApiException(404, 'x', status(404, 'pods "p" not found'), {}))).toEqual({ reason: 'not-found', detail: 'pods "p" not found' });
    expect(classifyError(new k8s.ApiException(504, 'x', status(504, 'Timeout: request did not complete', 'Timeout'), {}))).toMatchObject({ reason: 'timeout' });
    // Past 403 and 404 the status code leads, so "error" in the report says which.
    expect(classifyError(new k8s.ApiException(500, 'x', '<html>bad gateway</html>', {}))).toEqual({ reason: 'error', detail: 'HTTP 500: <html>bad gateway</html>' });
    expect(classifyError(new k8s.ApiException(503, 'x', status(503, 'the server is currently unable to handle the request (get pods)', 'ServiceUnavailable'), {}))).toEqual({
      reason: 'error',
      detail: 'HTTP 503: the server is currently unable to handle the request (get pods)',
    });
    expect(classifyError(new k8s.ApiException(500, 'x', '', {}))).toEqual({ reason: 'error', detail: 'HTTP 500' });
  });

  it('calls the deadline and an aborted request a timeout, and anything else an error', () => {
    expect(classifyError(new DeadlineExceeded(1000))).toEqual({ reason: 'timeout', detail: 'no answer within the 1000 ms triage budget' });
    const abort = Object.assign(new Error('The user aborted a request.'), { name: 'AbortError' });
    expect(classifyError(abort).reason).toBe('timeout');
    expect(classifyError(new Error('connect ECONNREFUSED 127.0.0.1:6443'))).toEqual({ reason: 'error', detail: 'connect ECONNREFUSED 127.0.0.1:6443' });
  });
});

describe('collapseFailures', () => {
  it('folds many failures of one kind into one line per reason', () => {
    const f = (i: number, reason: 'forbidden' | 'timeout') => ({ what: `events of Pod p${i}`, source: 'events' as const, reason, detail: reason });
    expect(collapseFailures([f(1, 'forbidden'), f(2, 'forbidden'), f(3, 'forbidden'), f(4, 'timeout')], 'events of pods', 10)).toEqual([
      { what: 'events of pods (3 of 10)', source: 'events', reason: 'forbidden', detail: 'forbidden' },
      f(4, 'timeout'),
    ]);
    expect(collapseFailures([f(1, 'forbidden')], 'events of pods', 10)).toEqual([f(1, 'forbidden')]);
  });
});

describe('Deadline', () => {
  it('rejects a call still running at the deadline, and calls made after it at once', async () => {
    const d = new Deadline(50);
    // The call never settles: only the deadline can end it.
    await expect(d.run(() => new Promise(() => undefined))).rejects.toBeInstanceOf(DeadlineExceeded);
    expect(d.expired).toBe(true);
    let called = false;
    await expect(
      d.run(async () => {
        called = true;
      }),
    ).rejects.toBeInstanceOf(DeadlineExceeded);
    expect(called).toBe(false);
    d.dispose();
  });

  it('passes results and errors through before the deadline', async () => {
    const d = new Deadline(1000);
    await expect(d.run(async () => 42)).resolves.toBe(42);
    await expect(d.run(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    d.dispose();
  });
});

describe('paginate', () => {
  it('follows continue tokens and stops at maxItems', async () => {
    const calls: (string | undefined)[] = [];
    const pages = [{ items: [1, 2], metadata: { _continue: 'a' } }, { items: [3, 4], metadata: { _continue: 'b' } }, { items: [5], metadata: {} }];
    const r = await paginate(async (cont) => {
      calls.push(cont);
      return pages[calls.length - 1] as (typeof pages)[number];
    });
    expect(r).toEqual({ items: [1, 2, 3, 4, 5], more: false });
    expect(calls).toEqual([undefined, 'a', 'b']);
    calls.length = 0;
    expect(await paginate(async (cont) => (calls.push(cont), pages[calls.length - 1] as (typeof pages)[number]), { maxItems: 3 })).toEqual({ items: [1, 2, 3, 4], more: true });
  });

  it('keeps the pages before a failure', async () => {
    let n = 0;
    const boom = new Error('boom');
    const r = await paginate(async () => {
      n += 1;
      if (n === 2) throw boom;
      return { items: ['a'], metadata: { _continue: 'x' } };
    });
    expect(r).toEqual({ items: ['a'], more: false, error: boom });
  });
});

describe('createLimiter', () => {
  it('runs at most n tasks at once and all of them eventually', async () => {
    const gate = createLimiter(3);
    let running = 0;
    let peak = 0;
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        gate(async () => {
          running += 1;
          peak = Math.max(peak, running);
          await new Promise((r) => setTimeout(r, 5));
          running -= 1;
          if (i === 4) throw new Error('one fails');
          return i;
        }).catch(() => -1),
      ),
    );
    expect(peak).toBe(3);
    expect(results).toEqual([0, 1, 2, 3, -1, 5, 6, 7, 8, 9]);
  });
});

describe('pickLogTargets', () => {
  const c = (name: string, restarts: number, crashed: boolean): PodEvidence['containers'][number] => ({
    name,
    image: 'i',
    ports: [],
    resources: { requests: {}, limits: {} },
    probes: {},
    restartCount: restarts,
    ready: !crashed,
    ...(crashed ? { lastState: { terminated: { exitCode: 137, reason: 'OOMKilled' } } } : { state: { running: {} } }),
  });
  const pod = (name: string, containers: PodEvidence['containers']): PodEvidence => ({
    name,
    phase: 'Running',
    labels: {},
    ready: false,
    conditions: [],
    containers,
    initContainers: [],
  });

  it('reads one of each crashed container name first, most restarts first', () => {
    const pods = [
      pod('p1', [c('app', 3, true), c('sidecar', 1, true)]),
      pod('p2', [c('app', 9, true), c('sidecar', 0, false)]),
      pod('p3', [c('app', 5, true)]),
    ];
    expect(pickLogTargets(pods, 3, new Date('2026-11-21T03:14:00Z'))).toEqual({
      picked: [
        { pod: 'p2', container: 'app', previous: true, why: 'crashed', restarts: 9 },
        { pod: 'p1', container: 'sidecar', previous: true, why: 'crashed', restarts: 1 },
        { pod: 'p3', container: 'app', previous: true, why: 'crashed', restarts: 5 },
      ],
      others: 1,
    });
  });

  it('reads the current output of unready containers and stuck init containers, then samples ready pods', () => {
    const running = (name: string, ready: boolean): PodEvidence['containers'][number] => ({ ...c(name, 0, false), ready });
    const initRunning: PodEvidence['containers'][number] = { ...c('wait-for-db', 0, false), ready: false };
    const pods = [
      { ...pod('ready-1', [running('app', true)]), ready: true },
      pod('unready', [running('app', false)]),
      { ...pod('init', [{ ...c('app', 0, false), state: { waiting: { reason: 'PodInitializing' } }, ready: false }]), phase: 'Pending' as const, initContainers: [initRunning] },
      { ...pod('ready-2', [running('app', true)]), ready: true },
      { ...pod('ready-3', [running('app', true)]), ready: true },
    ];
    expect(pickLogTargets(pods, 10, new Date('2026-11-21T03:14:00Z')).picked).toEqual([
      { pod: 'init', container: 'wait-for-db', previous: false, why: 'init', restarts: 0 },
      { pod: 'unready', container: 'app', previous: false, why: 'unready', restarts: 0 },
      { pod: 'ready-1', container: 'app', previous: false, why: 'sample', restarts: 0 },
      { pod: 'ready-2', container: 'app', previous: false, why: 'sample', restarts: 0 },
    ]);
  });

  it('samples a reverse proxy sidecar listed after the app too (what it refuses never reaches the app), in two pods at most, within the cap', () => {
    const running = (name: string, image = 'i'): PodEvidence['containers'][number] => ({ ...c(name, 0, false), image, ready: true });
    const pods = ['a', 'b', 'c'].map((n) => ({ ...pod(n, [running('app'), running('proxy', 'docker.io/library/nginx:1.27.2-alpine')]), ready: true }));
    const now = new Date('2026-11-21T03:14:00Z');
    expect(pickLogTargets(pods, 8, now).picked).toEqual([
      { pod: 'a', container: 'app', previous: false, why: 'sample', restarts: 0 },
      { pod: 'b', container: 'app', previous: false, why: 'sample', restarts: 0 },
      { pod: 'a', container: 'proxy', previous: false, why: 'sample', restarts: 0 },
      { pod: 'b', container: 'proxy', previous: false, why: 'sample', restarts: 0 },
    ]);
    expect(pickLogTargets(pods, 3, now).picked).toHaveLength(3);
    // A proxy listed first is the sample already; a sidecar that is no proxy is not read.
    const first = pods.map((p) => ({ ...p, containers: [...p.containers].reverse() }));
    expect(pickLogTargets(first, 8, now).picked.map((t) => t.container)).toEqual(['proxy', 'proxy']);
    const other = pods.map((p) => ({ ...p, containers: [running('app'), running('log-shipper', 'fluent/fluent-bit:3.1')] }));
    expect(pickLogTargets(other, 8, now).picked.map((t) => t.container)).toEqual(['app', 'app']);
  });

  it('samples an OPA sidecar listed after the app too (why it denies, no policy loaded, is only in its log)', () => {
    const running = (name: string, image = 'i'): PodEvidence['containers'][number] => ({ ...c(name, 0, false), image, ready: true });
    const pods = ['a', 'b', 'c'].map((n) => ({ ...pod(n, [running('app'), running('opa', 'docker.io/openpolicyagent/opa:0.70.0-static')]), ready: true }));
    const now = new Date('2026-11-21T03:14:00Z');
    expect(pickLogTargets(pods, 8, now).picked.map((t) => `${t.pod}/${t.container}`)).toEqual(['a/app', 'b/app', 'a/opa', 'b/opa']);
  });

  it('samples a sidecar that prints the server\'s request log (varnishncsa, a tail of its access log): the server itself logs no request', () => {
    const running = (name: string, command: string[] = []): PodEvidence['containers'][number] => ({ ...c(name, 0, false), image: 'docker.io/library/varnish:7.5.0', command, ready: true });
    const pods = ['a', 'b', 'c'].map((n) => ({ ...pod(n, [running('varnish', ['varnishd']), running('ncsa', ['varnishncsa'])]), ready: true }));
    const now = new Date('2026-11-21T03:14:00Z');
    expect(pickLogTargets(pods, 8, now).picked.map((t) => `${t.pod}/${t.container}`)).toEqual(['a/varnish', 'b/varnish', 'a/ncsa', 'b/ncsa']);
    const tailed = pods.map((p) => ({ ...p, containers: [running('web'), running('access', ['sh', '-c', 'tail -F /var/log/httpd/access_log'])] }));
    expect(pickLogTargets(tailed, 8, now).picked.map((t) => t.container)).toEqual(['web', 'web', 'access', 'access']);
    const other = pods.map((p) => ({ ...p, containers: [running('web'), running('metrics', ['varnish_exporter'])] }));
    expect(pickLogTargets(other, 8, now).picked.map((t) => t.container)).toEqual(['web', 'web']);
  });

  it('reads the main container beside a crashed sidecar (its errors show what the sidecar\'s absence does), after the troubles', () => {
    const pods = [
      pod('p1', [{ ...c('web', 0, false), ready: true }, c('tunnel', 7, true)]),
      { ...pod('ok', [{ ...c('web', 0, false), ready: true }, { ...c('tunnel', 0, false), ready: true }]), ready: true },
    ];
    expect(pickLogTargets(pods, 10, new Date('2026-11-21T03:14:00Z')).picked).toEqual([
      { pod: 'p1', container: 'tunnel', previous: true, why: 'crashed', restarts: 7 },
      { pod: 'p1', container: 'web', previous: false, why: 'beside', restarts: 0 },
      { pod: 'ok', container: 'web', previous: false, why: 'sample', restarts: 0 },
    ]);
  });

  it('samples the newest pod first (a new node is where a recent change shows), then a pod on another node', () => {
    const ready = (name: string, nodeName: string, createdAt: string): PodEvidence => ({ ...pod(name, [{ ...c('app', 0, false), ready: true }]), ready: true, nodeName, createdAt });
    const pods = [ready('old-a', 'node-1', '2026-11-13T03:00:00Z'), ready('old-b', 'node-1', '2026-11-13T03:00:00Z'), ready('old-c', 'node-2', '2026-11-13T03:00:00Z'), ready('new-d', 'node-9', '2026-11-21T00:30:00Z')];
    expect(pickLogTargets(pods, 10, new Date('2026-11-21T03:14:00Z')).picked.map((t) => t.pod)).toEqual(['new-d', 'old-a']);
  });

  it('after a recent scale-up, samples two pods it added and two from before it (where the load went)', () => {
    const ready = (name: string, nodeName: string, createdAt: string): PodEvidence => ({ ...pod(name, [{ ...c('app', 0, false), ready: true }]), ready: true, nodeName, createdAt, revisionHash: 'h1' });
    const pods = [
      ready('old-a', 'node-1', '2026-11-13T03:00:00Z'), ready('old-b', 'node-2', '2026-11-13T03:00:01Z'), ready('old-c', 'node-3', '2026-11-13T03:00:02Z'),
      ready('new-d', 'node-1', '2026-11-21T02:49:00Z'), ready('new-e', 'node-2', '2026-11-21T02:49:03Z'), ready('new-f', 'node-3', '2026-11-21T02:49:06Z'),
    ];
    expect(pickLogTargets(pods, 10, new Date('2026-11-21T03:14:00Z')).picked.map((t) => t.pod).sort()).toEqual(['new-e', 'new-f', 'old-a', 'old-b']);
  });
});

describe('splitLogLines', () => {
  it('splits on newlines without inventing a last empty line', () => {
    expect(splitLogLines('a\nb\n')).toEqual(['a', 'b']);
    expect(splitLogLines('a\n\nb')).toEqual(['a', '', 'b']);
    expect(splitLogLines('')).toEqual([]);
  });
});
