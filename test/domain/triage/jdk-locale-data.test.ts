import { describe, expect, it } from 'vitest';
import type { LogEvidence } from '../../../src/domain/triage/evidence.js';
import { explainJdkLocaleData } from '../../../src/domain/triage/jdk-locale-data.js';
import { buildTriageReport } from '../../../src/domain/triage/triage-report.js';
import { IMAGE_V14, IMAGE_V15, REV6, REV7, baseEvidence, container, minutesAgo, pod, revision, revisionContainer, workload } from './scenarios/builders.js';

const PARSE = "java.time.format.DateTimeParseException: Text 'Tue, 03 Nov 2026 4:05 PM' could not be parsed at index 21";
const BANNER = '2026-11-20 07:00:01.000  INFO 1 --- [main] c.a.Feeds : Starting Feeds v2.0.0 using Java 21.0.5 with PID 1';

const revisions = [
  revision(REV6, minutesAgo(40 * 24 * 60), { changeCause: 'deploy feeds 1.9.4', containers: [revisionContainer({ image: 'registry.example/feeds:1.9.4-jdk17' })] }),
  revision(REV7, minutesAgo(30 * 60), { changeCause: 'deploy feeds 2.0.0', containers: [revisionContainer({ image: 'registry.example/feeds:2.0.0-jdk21' })] }),
];

describe('explainJdkLocaleData', () => {
  it("reads a refused day-period word after a JDK move as CLDR's locale data, latent since the revision that moved it", () => {
    const told = explainJdkLocaleData([PARSE], [BANNER, PARSE], revisions, [pod(0, { revisionHash: REV7.hash })]);
    expect(told?.summary).toBe('date parsing refuses "PM": JDK 21 (JDK 17 before revision 7) takes month and day words from CLDR\'s locale data, which spells that word differently for the pattern\'s locale');
    expect(told?.fix).toContain('Locale.ENGLISH');
    expect(told?.fix).toContain('-Djava.locale.providers=COMPAT,CLDR');
    expect(told?.latent).toContain("revision 7's JDK 21");
  });

  it('claims no trigger when no revision moved the JDK, and reads nothing into a digit refused', () => {
    const same = [revisions[1] ?? revision(REV7, minutesAgo(30))];
    const told = explainJdkLocaleData([PARSE], [BANNER, PARSE], same, [pod(0, { revisionHash: REV7.hash })]);
    expect(told?.summary).toContain('JDK 21 takes month and day words');
    expect(told?.latent).toBeUndefined();
    const digits = "java.time.format.DateTimeParseException: Text '2026-13-01' could not be parsed at index 5";
    expect(explainJdkLocaleData([digits], [digits], revisions, [pod(0, { revisionHash: REV7.hash })])).toBeUndefined();
  });
});

const stamp = (m: number): string => minutesAgo(m).replace(/\.\d+Z$/, '.000Z');
const SEPT = "java.time.format.DateTimeParseException: Text '14-Sep-2026' could not be parsed at index 3";

/** Pods of the revision that moved JDK 11 → 17, rolled out 20h ago; September dates first arrive 6h ago. */
function movedScenario() {
  const rolledOut = 20 * 60;
  const env = (jdk: string) => [{ name: 'JAVA_HOME', value: `/opt/java/openjdk-${jdk}` }];
  const pods = [0, 1].map((i) => pod(i, { revisionHash: REV7.hash, createdAt: minutesAgo(rolledOut - i), startTime: minutesAgo(rolledOut - i), containers: [container({ image: IMAGE_V15 })] }));
  const lines = (k: number): string[] => [
    `${stamp(rolledOut - k - 0.5)}  INFO 1 --- [main] c.a.Importer : Starting Importer v2.15.0 using Java 17.0.13 with PID 1`,
    ...[360, 300, 240, 120, 60].flatMap((m) => [
      `${stamp(m)} ERROR 1 --- [scheduling-1] c.a.Importer : import of batch-${m}.csv aborted: settlement_date could not be parsed`,
      SEPT,
    ]),
  ];
  return baseEvidence({
    pods,
    logs: pods.map((p, k): LogEvidence => ({ pod: p.name, container: 'app', previous: false, lines: lines(k) })),
    workload: workload({ specReplicas: 2, replicas: 2, readyReplicas: 2, availableReplicas: 2, updatedReplicas: 2, currentRevision: 7 }),
    revisions: [
      revision(REV6, minutesAgo(30 * 24 * 60), { containers: [revisionContainer({ image: IMAGE_V14, env: env('11') })] }),
      revision(REV7, minutesAgo(rolledOut), { replicas: 2, changeCause: 'importer 2.15.0 (base image eclipse-temurin:17-jre)', containers: [revisionContainer({ image: IMAGE_V15, env: env('17') })] }),
    ],
  });
}

describe('date parse errors in ready pods after a JDK move', () => {
  it('names the revision that moved the JDK as the trigger though the first refused date came hours later', () => {
    const r = buildTriageReport(movedScenario(), { startedAt: '2026-01-01T00:00:00.000Z', finishedAt: '2026-01-01T00:00:00.000Z' });
    expect(r.headline).toMatch(/^Since revision 7 \(20h ago/);
    expect(r.headline).toContain('JDK 17 (JDK 11 before revision 7)');
    expect(r.headline).not.toMatch(/no change found/);
  });
});
