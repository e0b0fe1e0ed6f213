import { describe, expect, it } from 'vitest';
import type { EventEvidence, PodEvidence } from '../../../src/domain/triage/evidence.js';
import type { Finding } from '../../../src/domain/triage/finding.js';
import { findUnexplained } from '../../../src/domain/triage/unexplained.js';
import { NODE_A, NODE_B, NODE_C, NS, REV6, baseEvidence, container, event, minutesAgo, pod, podName } from './scenarios/builders.js';

const SANDBOX =
  'Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup network for sandbox "3f9a2c1b7e": plugin type="aws-cni" failed (add): failed to assign an IP address to container';

/** A pod stuck creating its sandbox for nine minutes. */
function creatingPod(i: number): PodEvidence {
  return pod(i, {
    phase: 'Pending',
    ready: false,
    createdAt: minutesAgo(9),
    startTime: minutesAgo(9),
    containers: [container({ state: { waiting: { reason: 'ContainerCreating' } }, ready: false })],
  });
}

function sandboxEvent(p: PodEvidence, over: Partial<EventEvidence> = {}): EventEvidence {
  return event({ object: { kind: 'Pod', name: p.name, namespace: NS }, reason: 'FailedCreatePodSandBox', message: SANDBOX, count: 14, firstSeen: minutesAgo(9), lastSeen: minutesAgo(0.5), ...over });
}

/** A finding some analyzer made, reduced to what findUnexplained reads. */
function finding(over: Partial<Finding>): Finding {
  return {
    id: 'exit-code/app',
    kind: 'exit-code',
    title: 'Container app exits with code 1',
    layer: 'container/process',
    severity: 'critical',
    confidence: 'high',
    evidence: [],
    likelyCause: '',
    nextAction: '',
    confirmCommands: [],
    ...over,
  };
}

function errorLines(pod: string): string[] {
  return [
    '2026-11-21T03:12:58.120Z INFO  [http-nio-8080-exec-1] c.e.payments.api.ChargeController - POST /v1/charges 201',
    ...[1, 2, 3, 4, 5].map((n) => `2026-11-21T03:13:0${n}.431Z ERROR [http-nio-8080-exec-${n}] c.e.payments.fx.RateClient - rate lookup failed for EUR/GBP (attempt ${n}) pod=${pod}`),
  ];
}

describe('findUnexplained', () => {
  it('quotes a recent Warning event no analyzer reads, on the pod it is about', () => {
    const stuck = creatingPod(1);
    const ev = baseEvidence({ pods: [pod(0), stuck, pod(2), pod(3), pod(4)], events: [sandboxEvent(stuck)] });
    const findings = findUnexplained(ev, []);
    expect(findings).toHaveLength(1);
    const [f] = findings;
    expect(f?.id).toBe('unexplained/FailedCreatePodSandBox');
    expect(f?.kind).toBe('unexplained');
    expect(f?.title).toBe(`FailedCreatePodSandBox on 1 pod: ${SANDBOX}`);
    expect(f?.layer).toBe('network/routing');
    expect(f?.severity).toBe('warning');
    expect(f?.confidence).toBe('medium');
    expect(f?.evidence).toEqual([`[pod/${stuck.name}] FailedCreatePodSandBox ×14 over 8m: ${SANDBOX}`]);
    expect(f?.decisive).toBe(SANDBOX);
    expect(f?.likelyCause).toBe(
      "No analyzer of this bot knows the FailedCreatePodSandBox event; its message is quoted as the cluster gave it. It comes from kubelet. Read it with the object's other events before acting.",
    );
    expect(f?.confirmCommands).toEqual([
      `kubectl describe pod ${stuck.name} -n payments --context prod-eu-west-1`,
      `kubectl get events --field-selector involvedObject.name=${stuck.name} --sort-by=.lastTimestamp -n payments --context prod-eu-west-1`,
    ]);
    expect(f?.affected).toEqual({ pods: [stuck.name], nodes: [NODE_B] });
  });

  it('folds the same event of several pods into one finding, critical when they are the majority', () => {
    const stuck = [0, 1, 2].map(creatingPod);
    const ev = baseEvidence({ pods: [...stuck, pod(3), pod(4)], events: stuck.map((p) => sandboxEvent(p)) });
    const [f] = findUnexplained(ev, []);
    expect(f?.title).toBe(`FailedCreatePodSandBox on 3 pods: ${SANDBOX}`);
    expect(f?.evidence).toEqual([`[3 pods] FailedCreatePodSandBox ×42 over 8m: ${SANDBOX}`]);
    expect(f?.severity).toBe('critical');
    expect(f?.affected).toEqual({ pods: stuck.map((p) => p.name), nodes: [NODE_A, NODE_B, NODE_C] });
  });

  it('is a low-confidence warning when the event is about an object other than a failing pod', () => {
    const pdb = event({
      object: { kind: 'PodDisruptionBudget', name: 'payment-service', namespace: NS },
      reason: 'CalculateExpectedPodCountFailed',
      message: 'Failed to calculate the number of expected pods: found no controllers for pod "payment-service-debug"',
      source: 'controllermanager',
    });
    const [f] = findUnexplained(baseEvidence({ events: [pdb] }), []);
    expect(f?.title).toBe('CalculateExpectedPodCountFailed on poddisruptionbudget/payment-service: Failed to calculate the number of expected pods: found no controllers for pod "payment-service-debug"');
    expect(f?.layer).toBe('runtime/probes');
    expect(f?.severity).toBe('warning');
    expect(f?.confidence).toBe('low');
    expect(f?.confirmCommands).toEqual(['kubectl get events --field-selector reason=CalculateExpectedPodCountFailed -n payments --context prod-eu-west-1']);
    expect(f?.affected).toBeUndefined();
  });

  it('clips a long event message in the title to 200 characters', () => {
    const long = `${SANDBOX}: ${'x'.repeat(300)}`;
    const stuck = creatingPod(1);
    const [f] = findUnexplained(baseEvidence({ pods: [pod(0), stuck], events: [sandboxEvent(stuck, { message: long })] }), []);
    expect(f?.title).toBe(`FailedCreatePodSandBox on 1 pod: ${long.slice(0, 199)}…`);
    expect(f?.decisive).toBe(long);
  });

  it('does not repeat an event a finding already quotes', () => {
    const stuck = creatingPod(1);
    const ev = baseEvidence({ pods: [pod(0), stuck], events: [sandboxEvent(stuck)] });
    const cni = finding({ id: 'node-condition/x', kind: 'node-condition', title: 'aws-node is out of IPs', evidence: [`[pod/${stuck.name}] FailedCreatePodSandBox ×14 over 8m: ${SANDBOX}`] });
    expect(findUnexplained(ev, [cni])).toEqual([]);
  });

  it('leaves out handled reasons, Normal events, events older than an hour and node events', () => {
    const p = pod(0);
    const ev = baseEvidence({
      events: [
        event({ object: { kind: 'Pod', name: p.name, namespace: NS }, reason: 'BackOff', message: `Back-off restarting failed container app in pod ${p.name}_${NS}(uid)` }),
        event({ object: { kind: 'Pod', name: p.name, namespace: NS }, type: 'Normal', reason: 'Pulled', message: 'Successfully pulled image "payments/payment-service:2.14.0" in 1.2s' }),
        sandboxEvent(p, { firstSeen: minutesAgo(200), lastSeen: minutesAgo(90) }),
        event({ object: { kind: 'Node', name: NODE_A }, reason: 'InvalidDiskCapacity', message: 'invalid capacity 0 on image filesystem', source: 'kubelet' }),
      ],
    });
    expect(findUnexplained(ev, [])).toEqual([]);
  });

  it('reports containers waiting for a reason no analyzer knows', () => {
    const message = 'Failed to inspect image "123456789012.dkr.ecr.eu-west-1.amazonaws.com/payments/payment-service:2.15.0": rpc error: code = Unknown desc = failed to read image manifest';
    const stuck = [0, 1].map((i) => pod(i, { ready: false, containers: [container({ ready: false, state: { waiting: { reason: 'ImageInspectError', message } } })] }));
    const [f] = findUnexplained(baseEvidence({ pods: [...stuck, pod(2), pod(3), pod(4)] }), []);
    expect(f?.id).toBe('unexplained/waiting/ImageInspectError');
    expect(f?.title).toBe(`Container app waiting: ImageInspectError on 2 pods: ${message}`);
    expect(f?.layer).toBe('container/process');
    expect(f?.severity).toBe('warning');
    expect(f?.confidence).toBe('medium');
    expect(f?.evidence).toEqual(stuck.map((p) => `${p.name}/app: waiting (ImageInspectError): ${message}`));
    expect(f?.decisive).toBe(message);
    expect(f?.confirmCommands).toEqual([`kubectl describe pod ${stuck[0]?.name ?? ''} -n payments --context prod-eu-west-1`]);
    expect(f?.affected).toEqual({ pods: stuck.map((p) => p.name), nodes: [NODE_A, NODE_B] });
  });

  it('quotes each waiting container with its own message', () => {
    const hookFailed = (p: string) => `Exec lifecycle hook ([/bin/sh -c /app/warmup.sh]) for Container "app" in Pod "${p}_${NS}(0b6e0a4c)" failed - error: command '/bin/sh -c /app/warmup.sh' exited with 1`;
    const stuck = [0, 1].map((i) => pod(i, { ready: false, containers: [container({ ready: false, state: { waiting: { reason: 'PostStartHookError', message: hookFailed(podName(REV6.hash, i)) } } })] }));
    const [f] = findUnexplained(baseEvidence({ pods: [...stuck, pod(2), pod(3), pod(4)] }), []);
    expect(f?.evidence).toEqual(stuck.map((p) => `${p.name}/app: waiting (PostStartHookError): ${hookFailed(p.name)}`));
  });

  it('does not report known waiting reasons, or unknown ones a finding already names', () => {
    const waiting = (reason: string) => pod(0, { ready: false, containers: [container({ ready: false, state: { waiting: { reason, message: 'x' } } })] });
    expect(findUnexplained(baseEvidence({ pods: [waiting('CrashLoopBackOff'), pod(1)] }), [])).toEqual([]);
    const named = finding({ kind: 'image-pull', title: 'Image cannot be inspected on 1 pod', evidence: ['app: waiting (ImageInspectError)'] });
    expect(findUnexplained(baseEvidence({ pods: [waiting('ImageInspectError'), pod(1)] }), [named])).toEqual([]);
  });

  it('reports ready pods whose current logs are full of errors nothing explains', () => {
    const ready = [pod(3), pod(4)];
    const ev = baseEvidence({ logs: ready.map((p) => ({ pod: p.name, container: 'app', previous: false, lines: errorLines(p.name) })) });
    const findings = findUnexplained(ev, []);
    expect(findings).toHaveLength(1);
    const [f] = findings;
    expect(f?.id).toBe('unexplained/log-errors');
    expect(f?.title).toBe('Logs of 2 ready pods carry 10 error lines in their last lines');
    expect(f?.severity).toBe('warning');
    expect(f?.confidence).toBe('low');
    const [a, b] = ready.map((p) => errorLines(p.name));
    expect(f?.evidence).toEqual([`log ${ready[0]?.name}: ${a?.[4]}`, `log ${ready[0]?.name}: ${a?.[5]}`, `log ${ready[1]?.name}: ${b?.[4]}`, `log ${ready[1]?.name}: ${b?.[5]}`]);
    expect(f?.decisive).toBe(a?.[5]);
    expect(f?.confirmCommands).toEqual([`kubectl logs ${ready[0]?.name} --tail=200 -n payments --context prod-eu-west-1`]);
    expect(f?.affected).toEqual({ pods: ready.map((p) => p.name), nodes: [NODE_A, NODE_B] });
  });

  it('counts structured warnings that reject requests with an error (401/403/429/5xx) and pino error levels', () => {
    const [p] = [pod(3)];
    const warn = (n: number) => `{"level":"warn","ts":"2026-11-21T03:13:0${n}.000Z","msg":"rejecting request","error":"token has invalid claims: token used before issued","path":"/v1/orders","status":401}`;
    const ev = baseEvidence({ logs: [{ pod: p!.name, container: 'app', previous: false, lines: [1, 2, 3, 4, 5].map(warn) }] });
    const [f] = findUnexplained(ev, []);
    expect(f?.id).toBe('unexplained/log-errors');
    expect(f?.decisive).toContain('token used before issued');
    const pino = (n: number) => `{"level":50,"time":179523075${n}000,"msg":"charge failed","err":{"message":"card processor timeout"}}`;
    expect(findUnexplained(baseEvidence({ logs: [{ pod: p!.name, container: 'app', previous: false, lines: [1, 2, 3, 4, 5].map(pino) }] }), [])).toHaveLength(1);
    // A warning that served its request (200), or one without an error, is not an error line.
    const served = (n: number) => `{"level":"warn","ts":"2026-11-21T03:13:0${n}.000Z","msg":"slow request","error":"none","status":200}`;
    expect(findUnexplained(baseEvidence({ logs: [{ pod: p!.name, container: 'app', previous: false, lines: [1, 2, 3, 4, 5].map(served) }] }), [])).toEqual([]);
  });

  it('counts klog lines by their one-letter severity (E, F), not by words, and not I or W', () => {
    const p = pod(3);
    const klog = (sev: string, n: number) => `${sev}1121 03:1${n}:12.00031${n}       1 reflector.go:147] pkg/mod/k8s.io/client-go@v0.29.3/tools/cache/reflector.go:229: Failed to watch *v1.ConfigMap: failed to list *v1.ConfigMap: Unauthorized`;
    const [f] = findUnexplained(baseEvidence({ logs: [{ pod: p.name, container: 'app', previous: false, lines: [1, 2, 3, 4, 5].map((n) => klog('E', n)) }] }), []);
    expect(f?.title).toBe('Logs of 1 ready pod carry 5 error lines in their last lines');
    expect(f?.decisive).toContain('failed to list *v1.ConfigMap: Unauthorized');
    const info = (n: number) => `I1121 03:1${n}:12.000311       1 leaderelection.go:250] attempting to acquire leader lease warehouse/sync-leader...`;
    expect(findUnexplained(baseEvidence({ logs: [{ pod: p.name, container: 'app', previous: false, lines: [1, 2, 3, 4, 5].map(info) }] }), [])).toEqual([]);
  });

  it('counts a JVM exception header line (qualified class name ending in Exception) as an error line', () => {
    const p = pod(3);
    const send = (n: number) => [
      `2026-11-21T03:1${n}:12.000Z ERROR 1 --- [orders] [ad | producer-1] o.s.k.support.LoggingProducerListener : Exception thrown when sending a message with key='ord-${n}' to topic orders.events:`,
      '',
      `org.apache.kafka.common.errors.TopicAuthorizationException: Not authorized to access topics: [orders.events${n}]`,
    ];
    // Three failed sends: three ERROR lines and three exception headers, six in all.
    const [f] = findUnexplained(baseEvidence({ logs: [{ pod: p.name, container: 'app', previous: false, lines: [1, 2, 3].flatMap(send) }] }), []);
    expect(f?.title).toBe('Logs of 1 ready pod carry 6 error lines in their last lines');
    // A class name inside an INFO sentence is not a header.
    const info = (n: number) => `2026-11-21T03:1${n}:12.000Z  INFO 1 --- [orders] [main] c.a.Retry : will retry org.apache.kafka.common.errors.TimeoutException: soon`;
    expect(findUnexplained(baseEvidence({ logs: [{ pod: p.name, container: 'app', previous: false, lines: [1, 2, 3, 4, 5].map(info) }] }), [])).toEqual([]);
  });

  it("quotes a Python traceback's exception, not its header", () => {
    const p = pod(3);
    const traceback = (user: string) => [
      `2026-11-21 03:12:0${user.length % 10},120 ERROR orders.store: create order failed user_id=${user}`,
      'Traceback (most recent call last):',
      '  File "/app/orders/store.py", line 58, in create',
      '    await self._db.execute(query)',
      'asyncpg.exceptions.QueryCanceledError: canceling statement due to statement timeout',
      'Traceback (most recent call last):',
    ];
    const lines = [...traceback('u_1'), ...traceback('u_22'), ...traceback('u_333')].slice(0, -1);
    const [f] = findUnexplained(baseEvidence({ logs: [{ pod: p.name, container: 'app', previous: false, lines: [...lines, 'Traceback (most recent call last):'] }] }), []);
    expect(f?.decisive).toBe('asyncpg.exceptions.QueryCanceledError: canceling statement due to statement timeout');
  });

  it('ignores a few error lines, previous runs, unready pods and errors a finding already quotes', () => {
    const p = pod(3);
    const lines = errorLines(p.name);
    expect(findUnexplained(baseEvidence({ logs: [{ pod: p.name, container: 'app', previous: false, lines: lines.slice(0, 5) }] }), [])).toEqual([]);
    expect(findUnexplained(baseEvidence({ logs: [{ pod: p.name, container: 'app', previous: true, lines }] }), [])).toEqual([]);
    const unready = pod(3, { ready: false, containers: [container({ ready: false })] });
    expect(findUnexplained(baseEvidence({ pods: [pod(0), unready], logs: [{ pod: p.name, container: 'app', previous: false, lines }] }), [])).toEqual([]);
    const dependency = finding({ kind: 'dependency-error', title: 'fx-rates times out', evidence: [lines[5] ?? ''] });
    expect(findUnexplained(baseEvidence({ logs: [{ pod: p.name, container: 'app', previous: false, lines }] }), [dependency])).toEqual([]);
  });
});

describe('the quote of ready pods whose logs are full of errors', () => {
  it('quotes the error log line, not an access-log line that merely answered 5xx after it', () => {
    const p = pod(3);
    const failed = (n: number) => `2026/11/21 03:1${n}:02 [alert] 31#31: 768 worker_connections are not enough, reusing connections`;
    const answered = (n: number) => `10.2.0.${n} - - [21/Nov/2026:03:1${n}:02 +0000] "GET /api/cart HTTP/1.1" 502 157 "-" "Mozilla/5.0 (X11; Linux x86_64)"`;
    const lines = [1, 2, 3, 4, 5].flatMap((n) => [failed(n), answered(n)]);
    const [f] = findUnexplained(baseEvidence({ logs: [{ pod: p.name, container: 'nginx', previous: false, lines }] }), []);
    expect(f?.id).toBe('unexplained/log-errors');
    expect(f?.decisive).toContain('768 worker_connections are not enough, reusing connections');
    expect(f?.decisive).not.toContain('Mozilla');
  });
});

describe('ready pods whose access logs show (nearly) every request failing', () => {
  const clf = (minutes: number) => {
    const d = new Date(minutesAgo(minutes));
    const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
    const p = (n: number) => String(n).padStart(2, '0');
    return `${p(d.getUTCDate())}/${months[d.getUTCMonth()]}/${d.getUTCFullYear()}:${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
  };
  const line = (i: number, status: number) => `10.0.5.${10 + i} - - [${clf(20 - i)}] "GET /v2/things/${i} HTTP/1.1" ${status} 0 "-" "Mozilla/5.0"`;
  const probe = (i: number) => `10.0.5.1 - - [${clf(20 - i)}] "GET /healthz HTTP/1.1" 200 2 "-" "kube-probe/1.31"`;
  const withLines = (lines: string[]) => {
    const pods = [pod(0), pod(1)];
    return baseEvidence({ pods, logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines })) });
  };

  it('is no all-clear when nine in ten callers are answered 4xx while the probes pass', () => {
    const lines = [...Array.from({ length: 8 }, (_, i) => line(i, 421)), probe(1), probe(5)];
    const [f] = findUnexplained(withLines(lines), []);
    expect(f?.id).toBe('unexplained/failing-requests');
    expect(f?.severity).toBe('warning');
    expect(f?.title).toBe('16 of 16 requests in the access logs of 2 ready pods were answered with an error (421 ×16)');
  });

  it('says nothing of a few misses among served requests', () => {
    const lines = [...Array.from({ length: 10 }, (_, i) => line(i, 200)), line(11, 404), probe(2)];
    expect(findUnexplained(withLines(lines), [])).toEqual([]);
  });

  it('says nothing when a finding already names the problem', () => {
    const lines = Array.from({ length: 8 }, (_, i) => line(i, 421));
    expect(findUnexplained(withLines(lines), [finding({ severity: 'critical' })]).map((f) => f.id)).not.toContain('unexplained/failing-requests');
  });
});
