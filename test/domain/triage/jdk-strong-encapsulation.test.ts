import { describe, expect, it } from 'vitest';
import { findEncapsulationRefusal, tellEncapsulationRefusal } from '../../../src/domain/triage/jdk-strong-encapsulation.js';
import { analyzeExitCodes } from '../../../src/domain/triage/analyzers/exit-code.js';
import { REV6, REV7, minutesAgo, revision, revisionContainer, terminated } from './scenarios/builders.js';
import { crashScenario } from './scenarios/crashes.js';

const crashed = [
  '2026-11-21T02:50:00.000Z INFO  [main] c.e.ledger.Boot - starting ledger-batch',
  '2026-11-21T02:50:02.000Z ERROR [main] c.e.ledger.Boot - startup failed',
  'java.lang.RuntimeException: cannot build serializer for com.example.ledger.Entry',
  'Caused by: java.lang.reflect.InaccessibleObjectException: Unable to make field private final java.util.Comparator java.util.TreeMap.comparator accessible: module java.base does not "opens java.util" to unnamed module @1d2e3f4a',
  '\tat java.base/java.lang.reflect.AccessibleObject.checkCanSetAccessible(AccessibleObject.java:354)',
  '\tat java.base/java.lang.reflect.Field.setAccessible(Field.java:172)',
  '\tat com.example.serial.FieldAccess$Builder.open(FieldAccess.java:88)',
];
const revisions = [
  revision(REV6, minutesAgo(40 * 24 * 60), { changeCause: 'ledger-batch 3.1.0 on openjdk:11-jre-slim', containers: [revisionContainer({ image: 'registry.example/ledger-batch:3.1.0' })] }),
  revision(REV7, minutesAgo(30), { changeCause: 'ledger-batch 3.1.0-b2: base amazoncorretto:21', containers: [revisionContainer({ image: 'registry.example/ledger-batch:3.1.0-b2' })] }),
];

describe('findEncapsulationRefusal', () => {
  it('names the package, the --add-opens it needs, the library that reflects and the JDK move', () => {
    const found = findEncapsulationRefusal(crashed, revisions[1], revisions[0]);
    expect(found).toMatchObject({ flag: '--add-opens', value: 'java.base/java.util=ALL-UNNAMED', pkg: 'java.util', caller: 'com.example.serial.FieldAccess', jdk: 21, before: 11 });
    const told = tellEncapsulationRefusal(found ?? { line: '', flag: '--add-opens', value: '', pkg: '' });
    expect(told.title).toContain('Java 21 (Java 11 before)');
    expect(told.title).toContain('strongly encapsulated since JDK 16');
    expect(told.fix).toContain('--add-opens java.base/java.util=ALL-UNNAMED');
    expect(told.action).toContain('Java 11');
  });

  it('reads a package the JDK does not export as --add-exports, and nothing without the refusal', () => {
    const line = 'java.lang.IllegalAccessError: class com.example.buf.Cleaner (in unnamed module @0x5a2e4553) cannot access class sun.nio.ch.DirectBuffer (in module java.base) because module java.base does not export sun.nio.ch to unnamed module @0x5a2e4553';
    expect(findEncapsulationRefusal([line])).toMatchObject({ flag: '--add-exports', value: 'java.base/sun.nio.ch=ALL-UNNAMED' });
    expect(findEncapsulationRefusal(crashed.slice(0, 3))).toBeUndefined();
  });
});

describe('analyzeExitCodes: reflection the JDK refuses at start', () => {
  it('names strong encapsulation and the option in the title, not only the exit code', () => {
    const [f] = analyzeExitCodes(crashScenario(2, () => terminated(1, 'Error', 1), { logs: crashed }));
    expect(f?.title).toContain('strongly encapsulated');
    expect(f?.decisive).toContain('InaccessibleObjectException');
    expect(f?.fix).toContain('--add-opens java.base/java.util=ALL-UNNAMED');
  });
});
