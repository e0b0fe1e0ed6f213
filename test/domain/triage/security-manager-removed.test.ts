import { describe, expect, it } from 'vitest';
import { findSecurityManagerRefusal, tellSecurityManagerRefusal } from '../../../src/domain/triage/security-manager-removed.js';
import { analyzeExitCodes } from '../../../src/domain/triage/analyzers/exit-code.js';
import { REV6, REV7, minutesAgo, revision, revisionContainer, terminated } from './scenarios/builders.js';
import { crashScenario } from './scenarios/crashes.js';

const crashed = [
  '2026-11-21T02:50:00.000Z  INFO 1 --- [main] c.a.rules.RulesApplication : Starting RulesApplication v4.3.0 using Java 21.0.5 with PID 1 (/app/app.jar started by app in /app)',
  '2026-11-21T02:50:03.000Z ERROR 1 --- [main] o.s.boot.SpringApplication : Application run failed',
  "org.springframework.beans.factory.BeanCreationException: Error creating bean with name 'sandbox': Constructor threw exception",
  'Caused by: java.lang.UnsupportedOperationException: The Security Manager is deprecated and will be removed in a future release',
  '\tat java.base/java.lang.System.setSecurityManager(System.java:429)',
  '\tat com.acme.rules.ScriptSandbox.<init>(ScriptSandbox.java:38)',
];
const older = ['2026-11-12T02:50:00.000Z  INFO 1 --- [main] c.a.rules.RulesApplication : Starting RulesApplication v4.2.2 using Java 17.0.13 with PID 1'];
const revisions = [
  revision(REV6, minutesAgo(9 * 24 * 60), { containers: [revisionContainer({ image: 'registry.example/rules:4.2.2' })] }),
  revision(REV7, minutesAgo(26), { containers: [revisionContainer({ image: 'registry.example/rules:4.3.0' })] }),
];

describe('findSecurityManagerRefusal', () => {
  it('names the JDK the refused process runs, the one before it, and the class that installs the Security Manager', () => {
    const found = findSecurityManagerRefusal(crashed, revisions[1], revisions[0], older);
    expect(found).toMatchObject({ jdk: 21, before: 17, caller: 'ScriptSandbox' });
    const told = tellSecurityManagerRefusal(found ?? { line: '' });
    expect(told.title).toBe(': Java 21 (Java 17 before) refuses System.setSecurityManager in ScriptSandbox — disallowed by default since JDK 18');
    expect(told.fix).toContain('-Djava.security.manager=allow');
    expect(told.cause).toContain('JEP 411');
  });

  it("reads the JDK from the revision's image when the log has no banner, and nothing without the refusal", () => {
    const moved = revision(REV7, minutesAgo(26), { containers: [revisionContainer({ image: 'registry.example/rules:4.3.0-temurin-21' })] });
    expect(findSecurityManagerRefusal(crashed.slice(1), moved)?.jdk).toBe(21);
    expect(findSecurityManagerRefusal(older, moved)).toBeUndefined();
  });
});

describe('analyzeExitCodes: a Security Manager the JDK refuses at start', () => {
  it('names the JDK and the JEP 411 default in the title and the stopgap in the fix', () => {
    const [f] = analyzeExitCodes(crashScenario(2, () => terminated(1, 'Error', 1), { logs: crashed }));
    expect(f?.title).toContain(': Java 21 refuses System.setSecurityManager in ScriptSandbox');
    expect(f?.confidence).toBe('high');
    expect(f?.decisive).toContain('The Security Manager is deprecated');
    expect(f?.fix).toContain('-Djava.security.manager=allow');
  });
});
