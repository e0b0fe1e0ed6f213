import { describe, expect, it } from 'vitest';
import { findJvmOptionRefusal, tellJvmOptionRefusal } from '../../../src/domain/triage/jvm-option-refused.js';
import { analyzeExitCodes } from '../../../src/domain/triage/analyzers/exit-code.js';
import { REV6, REV7, minutesAgo, revision, revisionContainer, terminated } from './scenarios/builders.js';
import { crashScenario } from './scenarios/crashes.js';

const crashed = [
  "Unrecognized VM option 'UseParNewGC'",
  'Error: Could not create the Java Virtual Machine.',
  'Error: A fatal exception has occurred. Program will exit.',
];
const opts = '-Xmx512m -XX:+UseParNewGC -Dfile.encoding=UTF-8';
const revisions = [
  revision(REV6, minutesAgo(9 * 24 * 60), { changeCause: 'deploy orders 2.1.0 (base image openjdk:8-jre)', containers: [revisionContainer({ image: 'registry.example/orders:2.1.0', env: [{ name: 'JAVA_TOOL_OPTIONS', value: opts }] })] }),
  revision(REV7, minutesAgo(26), { changeCause: 'deploy orders 2.2.0 (base image openjdk:17-jre)', containers: [revisionContainer({ image: 'registry.example/orders:2.2.0', env: [{ name: 'JAVA_TOOL_OPTIONS', value: opts }] })] }),
];

describe('findJvmOptionRefusal', () => {
  it('names the refused flag, the variable that sets it, and the JDK move', () => {
    const container = { ...revisions[1]!.containers[0]!, ports: [], resources: { requests: {}, limits: {} }, probes: {} } as never;
    const found = findJvmOptionRefusal(crashed, container, revisions[1], revisions[0]);
    expect(found).toMatchObject({ option: 'UseParNewGC', flag: '-XX:+UseParNewGC', where: 'JAVA_TOOL_OPTIONS', jdk: 17, before: 8 });
    const told = tellJvmOptionRefusal(found ?? { line: '', option: '' });
    expect(told.title).toBe(': Java 17 (Java 8 before) does not recognize -XX:+UseParNewGC set in JAVA_TOOL_OPTIONS — the ParNew collector was removed in JDK 10');
    expect(told.fix).toBe('remove -XX:+UseParNewGC from JAVA_TOOL_OPTIONS (use G1, the default)');
  });

  it('says the PermSize options went in JDK 17, PermGen itself in JDK 8, and old logging flags in the plural', () => {
    const container = { ...revisions[1]!.containers[0]!, ports: [], resources: { requests: {}, limits: {} }, probes: {} } as never;
    const perm = findJvmOptionRefusal(["Unrecognized VM option 'MaxPermSize=256m'", 'Error: Could not create the Java Virtual Machine.'], container, revisions[1], revisions[0]);
    expect(tellJvmOptionRefusal(perm ?? { line: '', option: '' }).title).toContain('the PermSize options (PermGen itself went in JDK 8) were removed in JDK 17');
    const logging = findJvmOptionRefusal(["Unrecognized VM option 'PrintGCDateStamps'", 'Error: Could not create the Java Virtual Machine.'], container, revisions[1], revisions[0]);
    expect(tellJvmOptionRefusal(logging ?? { line: '', option: '' }).title).toContain('the old GC logging flags were removed in JDK 9');
  });

  it('reads nothing without the JVM trailer', () => {
    expect(findJvmOptionRefusal(['Unrecognized option: --fast'], revisions[1]!.containers[0] as never)).toBeUndefined();
  });
});

describe('analyzeExitCodes: a JVM option the JDK does not know', () => {
  it('quotes the refused option, not the generic trailer', () => {
    const [f] = analyzeExitCodes(crashScenario(2, () => terminated(1, 'Error', 1), { logs: ["Unrecognized VM option 'UseConcMarkSweepGC'", ...crashed.slice(1)] }));
    expect(f?.decisive).toBe("Unrecognized VM option 'UseConcMarkSweepGC'");
    expect(f?.title).toContain('does not recognize UseConcMarkSweepGC — the CMS collector was removed in JDK 14');
    expect(f?.confidence).toBe('high');
  });
});
