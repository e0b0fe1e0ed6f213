/**
 * A dependency that times out is the app's own log destination (a GELF, syslog, Fluentd or socket
 * appender of Logback), and the app's threads hang with it. Logback's AsyncAppender hands events
 * to its network appender through a bounded queue; with neverBlock=false (the default) a full
 * queue blocks every thread that logs, so a log server the pods cannot reach stalls the requests
 * themselves: probes time out and the kubelet kills the containers. A synchronous network appender
 * blocks each logging call for the whole connect timeout. Restoring the path to the log server is
 * the fix; neverBlock=true (dropping log events when the queue is full) keeps it from ever
 * stalling requests again.
 */
import type { EventEvidence, PodEvidence } from './evidence.js';

/** Logback appenders that ship events over the network, by the class the status line names. */
const NETWORK_APPENDER = /\b(Gelf(?:Tcp|Tls)Appender|SyslogAppender|(?:SSL)?SocketAppender|Fluent(?:cy)?\w*Appender|Fluency\w*Appender|LogstashTcpSocketAppender)\b/;
/** Logback's async wrapper working for the appender: the failing send runs on its worker thread. */
const ASYNC_WORKER = /AsyncAppenderBase\$Worker|\bAsyncAppender\b/;
/** A log destination's usual port: GELF, Logstash TCP input, Fluentd forward, syslog. */
const LOG_PORTS = new Set(['12201', '5000', '5044', '24224', '514', '6514']);
/** A probe that gives up waiting, not one the app answers with an error. */
const PROBE_TIMEOUT = /context deadline exceeded|Client\.Timeout|timed? ?out/i;

export interface LogShipperBlock {
  /** The appender class, e.g. GelfTcpAppender. */
  appender: string;
  /** Behind an AsyncAppender (its worker thread sends), else synchronous in the logging thread. */
  async: boolean;
  /** The probe kinds that time out on these pods, e.g. ["liveness", "readiness"]. */
  probes: string[];
  /** Containers killed by SIGKILL (exit 137) among these pods. */
  killed: number;
}

/**
 * The network appender the failing lines (with the stack after them) name, when the pods' probes
 * time out or their containers are killed with 137: the stalled logging is what hangs them.
 * Undefined when no log appender is named, or the pods answer their probes (harmless: events
 * are only lost).
 */
export function findLogShipperBlock(
  lines: readonly string[],
  dependency: string | undefined,
  pods: readonly PodEvidence[],
  events: readonly EventEvidence[],
): LogShipperBlock | undefined {
  const appender = lines.map((l) => NETWORK_APPENDER.exec(l)?.[1]).find((a) => a !== undefined);
  const port = /:(\d{2,5})\b/.exec(dependency ?? '')?.[1];
  if (appender === undefined && !(port !== undefined && LOG_PORTS.has(port) && lines.some((l) => /appender/i.test(l)))) return undefined;
  const names = new Set(pods.map((p) => p.name));
  const probes = [
    ...new Set(
      events
        .filter((e) => e.object.kind === 'Pod' && names.has(e.object.name) && e.reason === 'Unhealthy' && PROBE_TIMEOUT.test(e.message))
        .flatMap((e) => /^(Liveness|Readiness|Startup) probe/i.exec(e.message)?.[1]?.toLowerCase() ?? []),
    ),
  ].sort();
  const killed = pods.flatMap((p) => p.containers).filter((c) => {
    const last = c.lastState && 'terminated' in c.lastState ? c.lastState.terminated : undefined;
    return last?.exitCode === 137 && last.reason !== 'OOMKilled';
  }).length;
  if (!probes.includes('liveness') && !probes.includes('readiness') && killed === 0) return undefined;
  return { appender: appender ?? 'network log appender', async: lines.some((l) => ASYNC_WORKER.test(l)), probes, killed };
}

/** The words a finding about the unreachable log server adds for the threads it stalls. */
export function explainLogShipperBlock(b: LogShipperBlock, dependency: string | undefined): { evidence: string; title: string; cause: string; fix: string; action: string } {
  const to = dependency ?? 'the log server';
  const symptoms = [
    ...(b.probes.length > 0 ? [`${b.probes.join(' and ')} probes time out`] : []),
    ...(b.killed > 0 ? [`${b.killed} container${b.killed === 1 ? '' : 's'} killed (exit 137)`] : []),
  ].join(', ');
  const mechanism = b.async
    ? `Logback's AsyncAppender feeds ${b.appender} through a bounded queue; with neverBlock=false (the default) a full queue blocks every thread that logs, so the request threads hang in the logging call while ${b.appender} waits out its connect timeout to ${to}`
    : `${b.appender} sends from the logging thread itself, so every logging call waits out its connect timeout to ${to}`;
  return {
    title: `; the app's logging (${b.appender}${b.async ? ' behind a full AsyncAppender queue' : ''}) blocks its request threads on it — ${symptoms}`,
    evidence: `the timing-out dependency is the app's log destination (${b.appender}); ${symptoms}`,
    cause: `${mechanism}: the app stalls on its own logging, not on its work — ${symptoms}.`,
    fix: `restore the pods' path to ${to}, and set neverBlock=true on the AsyncAppender so log shipping can never stall requests`,
    action: `Restore the pods' path to ${to}; set neverBlock=true on Logback's AsyncAppender${b.async ? '' : ' (and put ' + b.appender + ' behind one)'} so a lost log server drops events instead of blocking request threads.`,
  };
}
