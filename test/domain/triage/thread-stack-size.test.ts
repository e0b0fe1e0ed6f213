import { describe, expect, it } from 'vitest';
import { findUnexplained } from '../../../src/domain/triage/unexplained.js';
import { keepSettings, pickSettingConfigReads } from '../../../src/domain/triage/setting-config.js';
import { baseEvidence, container, pod, NOW } from './scenarios/builders.js';

// A JVM whose requests end in StackOverflowError while a flag shrinks the thread stack: the finding names the flag and where it is set.
const OPTIONS = '-XX:MaxRAMPercentage=75 -Xss256k';

function jvmLog(opts: string | undefined): string[] {
  const out = [...(opts === undefined ? [] : [`Picked up JAVA_TOOL_OPTIONS: ${opts}`]), '2026-11-21T02:40:00.000Z  INFO 1 --- [api] [           main] c.e.parser.ParserApplication             : Started ParserApplication in 9.1 seconds'];
  for (let i = 0; i < 6; i++) {
    out.push(
      `2026-11-21T03:0${i}:10.000Z ERROR 1 --- [api] [nio-8080-exec-${i + 1}] o.a.c.c.C.[.[.[/].[dispatcherServlet]    : Servlet.service() for servlet [dispatcherServlet] in context with path [] threw exception [Handler dispatch failed: java.lang.StackOverflowError] with root cause`,
      'java.lang.StackOverflowError: null',
      '\tat com.example.expr.BinaryNode.eval(BinaryNode.java:30)',
      '\tat com.example.expr.BinaryNode.eval(BinaryNode.java:31)',
    );
  }
  return out;
}

function evidenceWith(c: Parameters<typeof container>[0], opts: string | undefined) {
  const pods = [0, 1].map((i) => pod(i, { containers: [container(c)] }));
  return baseEvidence({ pods, logs: pods.map((p) => ({ pod: p.name, container: 'app', previous: false, lines: jvmLog(opts) })) });
}

describe('findUnexplained: StackOverflowError under a shrunk thread stack', () => {
  it('names the -Xss flag the JVM picked up, and the ConfigMap the variable comes from', () => {
    const ev = evidenceWith({ envFrom: [{ kind: 'configMap', name: 'jvm-flags' }] }, OPTIONS);
    const [f] = findUnexplained(ev, []);
    expect(f?.title).toBe('java.lang.StackOverflowError in the logs of 2 ready pods: the thread stack is cut to 256k by -Xss256k (JAVA_TOOL_OPTIONS, picked up at start, from ConfigMap jvm-flags), a quarter of the JVM\'s 1m default');
    expect(f?.nextAction).toMatch(/^Remove -Xss256k from JAVA_TOOL_OPTIONS in ConfigMap jvm-flags \(or set -Xss1m\), then restart the pods/);
    expect(f?.nextAction).not.toMatch(/roll back/i);
  });

  it('reads the flag from the ConfigMap the container takes its variables from when the log tail lost the JVM\'s options line', () => {
    const ev = evidenceWith({ envFrom: [{ kind: 'configMap', name: 'jvm-flags' }] }, undefined);
    const [read] = pickSettingConfigReads({ logs: ev.logs, pods: ev.pods, now: NOW });
    expect(read).toMatchObject({ mechanism: 'thread-stack', configMap: 'jvm-flags', via: 'envFrom' });
    const settingConfig = read === undefined ? [] : keepSettings(read, 'jvm-flags', { JAVA_TOOL_OPTIONS: OPTIONS, LOG_LEVEL: 'info', JAVA_OPTS: '-XX:+UseG1GC' });
    expect(settingConfig.map((c) => c.written)).toEqual([`JAVA_TOOL_OPTIONS=${OPTIONS}`]);
    const [f] = findUnexplained({ ...ev, settingConfig }, []);
    expect(f?.title).toContain('the thread stack is cut to 256k by -Xss256k (JAVA_TOOL_OPTIONS, from ConfigMap jvm-flags)');
  });

  it('reads -XX:ThreadStackSize from the container args when the JVM printed no options line', () => {
    const ev = evidenceWith({ args: ['java', '-XX:ThreadStackSize=512', '-jar', '/app/app.jar'] }, undefined);
    const [f] = findUnexplained(ev, []);
    expect(f?.title).toContain("thread stack is cut to 512k by -XX:ThreadStackSize=512 (the container's args), half of the JVM's 1m default");
  });

  it('says nothing of the stack size when the flag keeps the default or more: the recursion is the fault', () => {
    const ev = evidenceWith({}, '-Xss1m -XX:+UseG1GC');
    const [f] = findUnexplained(ev, []);
    expect(f?.title).not.toContain('thread stack');
    expect(f?.title).toContain('error lines');
  });
});
