// A log server the pods cannot reach stalls the app itself when its Logback appender blocks the
// logging threads (an AsyncAppender's full queue with neverBlock=false): probes time out and the
// kubelet kills the containers. The finding says so and names neverBlock; a log server that only
// loses events while the pods answer their probes stays a plain dependency timeout.
import { describe, expect, it } from 'vitest';
import { buildTriageReport } from '../../../src/domain/triage/triage-report.js';
import { baseEvidence, container, event, minutesAgo, pod, running, terminated } from './scenarios/builders.js';

const times = { startedAt: '2026-11-21T03:13:55.200Z', finishedAt: '2026-11-21T03:14:01.450Z' };

const status = (ago: number) => [
  `${minutesAgo(ago).slice(11, 23).replace('.', ',')} |-ERROR in de.siegmar.logbackgelf.GelfTcpAppender[GELF] - Error sending message via tcp://graylog.logging.svc.cluster.local:12201 java.net.SocketTimeoutException: Connect timed out`,
  '\tat java.base/java.net.Socket.connect(Socket.java:751)',
  '\tat de.siegmar.logbackgelf.GelfTcpAppender.sendMessage(GelfTcpAppender.java:138)',
  '\tat ch.qos.logback.core.AsyncAppenderBase$Worker.run(AsyncAppenderBase.java:326)',
];

function story(hanging: boolean) {
  const pods = [0, 1, 2].map((i) =>
    pod(i, {
      containers: [container(hanging ? { state: running(2), lastState: terminated(137, 'Error', 2.5), restartCount: 5 } : {})],
    }),
  );
  const lines = Array.from({ length: 6 }, (_, i) => status(20 - i * 2)).flat();
  const events = hanging
    ? pods.map((p) => event({ object: { kind: 'Pod', name: p.name, namespace: 'payments', fieldPath: 'spec.containers{app}' }, reason: 'Unhealthy', message: `Liveness probe failed: Get "http://10.0.1.${p.name.length}:8080/healthz": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`, count: 12 }))
    : [];
  return baseEvidence({ pods, events, logs: pods.slice(0, 2).map((p) => ({ pod: p.name, container: 'app', previous: false, lines })) });
}

describe('a network log appender that blocks the app', () => {
  it('names the blocked logging and neverBlock when probes time out and containers are killed', () => {
    const r = buildTriageReport(story(true), times);
    expect(r.verdict).toBe('problems');
    const f = r.findings.find((x) => x.kind === 'dependency-error');
    expect(f?.title).toMatch(/graylog\.logging\.svc\.cluster\.local:12201/);
    expect(f?.title).toMatch(/AsyncAppender/);
    expect(f?.title).toMatch(/liveness/);
    expect(f?.fix).toMatch(/neverBlock=true/);
    expect(f?.likelyCause).toMatch(/neverBlock=false \(the default\)/);
  });

  it('says nothing of blocked threads while the pods answer their probes', () => {
    const r = buildTriageReport(story(false), times);
    expect(r.headline).toMatch(/graylog\.logging\.svc\.cluster\.local:12201/);
    expect(JSON.stringify(r.findings)).not.toMatch(/neverBlock|blocks its request threads/);
  });
});
