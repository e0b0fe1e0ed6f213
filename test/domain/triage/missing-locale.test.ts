// A process without a UTF-8 locale fails only on input with non-ASCII characters: the pods stay
// Ready, the errors come and go with the input, and the cause is the locale the image (or the
// pod's env) gives the process — set when it started, so the revision that changed the image is
// the trigger however late the first such input came.
import { describe, expect, it } from 'vitest';
import type { LogEvidence } from '../../../src/domain/triage/evidence.js';
import { explainMissingLocale } from '../../../src/domain/triage/missing-locale.js';
import { buildTriageReport } from '../../../src/domain/triage/triage-report.js';
import { IMAGE_V14, IMAGE_V15, REV6, REV7, baseEvidence, container, minutesAgo, pod, revision, revisionContainer, workload } from './scenarios/builders.js';

const JAVA_PATH = 'java.nio.file.InvalidPathException: Malformed input or input contains unmappable characters: /var/spool/uploads/Gr??e.pdf';
const JVM_INFO = 'runtime: OpenJDK 64-Bit Server VM 21.0.5, file.encoding=UTF-8, sun.jnu.encoding=ANSI_X3.4-1968, native.encoding=ANSI_X3.4-1968';
const PYTHON = "UnicodeEncodeError: 'ascii' codec can't encode character '\\xfc' in position 31: ordinal not in range(128)";

describe('explainMissingLocale', () => {
  it('reads a JVM that cannot encode a non-ASCII file name as a process without a UTF-8 locale, quoting the encoding it reports', () => {
    const known = explainMissingLocale([JAVA_PATH], [JVM_INFO, JAVA_PATH], [{ name: 'app', env: [{ name: 'JAVA_TOOL_OPTIONS', value: '-XX:MaxRAMPercentage=70' }] }]);
    expect(known?.summary).toBe('the process runs without a UTF-8 locale (sun.jnu.encoding=ANSI_X3.4-1968): names and text with non-ASCII characters fail');
    expect(known?.likelyCause).toMatch(/Neither LANG nor LC_ALL is set/);
    expect(known?.likelyCause).toMatch(/minimal base image/);
    expect(known?.fix).toBe('set LANG=C.UTF-8 (or LC_ALL=C.UTF-8) in the image or the container\'s env');
    expect(known?.nextAction).toMatch(/sun\.jnu\.encoding follows it and cannot be set with -D/);
  });

  it('reads Python\'s ascii codec errors the same way, and offers PYTHONUTF8', () => {
    const known = explainMissingLocale([PYTHON], [PYTHON], [{ name: 'app', env: [] }]);
    expect(known?.summary).toBe('the process runs without a UTF-8 locale (the ascii codec): names and text with non-ASCII characters fail');
    expect(known?.nextAction).toMatch(/PYTHONUTF8=1/);
  });

  it('says when the env names a UTF-8 locale that the image may not have', () => {
    const known = explainMissingLocale([JAVA_PATH], [JAVA_PATH], [{ name: 'app', env: [{ name: 'LANG', value: 'en_US.UTF-8' }] }]);
    expect(known?.likelyCause).toMatch(/LANG=en_US\.UTF-8, but the process still runs in the POSIX locale: the image may not have that locale/);
    expect(known?.fix).toBe('use LANG=C.UTF-8 (always present), or install the en_US.UTF-8 locale in the image');
  });

  it('says nothing of data errors that no locale causes', () => {
    expect(explainMissingLocale(['ERROR: invalid byte sequence for encoding "UTF8": 0xfc'], [], [])).toBeUndefined();
    expect(explainMissingLocale(['java.lang.IllegalStateException: boom'], [JVM_INFO], [])).toBeUndefined();
  });
});

const stamp = (m: number): string => minutesAgo(m).replace(/\.\d+Z$/, '.000Z');

function scenario(env: { name: string; value: string }[] = []) {
  const rolledOut = 190;
  const pods = [0, 1, 2].map((i) => pod(i, { revisionHash: REV7.hash, createdAt: minutesAgo(rolledOut - i), startTime: minutesAgo(rolledOut - i), containers: [container({ image: IMAGE_V15, env })] }));
  const lines = (k: number): string[] => [
    `${stamp(rolledOut - k - 0.4)}  INFO 1 --- [uploads] [main] c.a.platform.RuntimeInfo : ${JVM_INFO}`,
    `${stamp(rolledOut - k - 0.6)}  INFO 1 --- [uploads] [main] c.a.uploads.Application : Started Application in 11.4 seconds`,
    ...[28, 22, 17, 12, 8, 3].flatMap((m) => [
      `${stamp(m + 0.5)}  INFO 1 --- [uploads] [nio-8080-exec-1] c.a.uploads.UploadController : stored document file=invoice_${m}.pdf`,
      `${stamp(m)} ERROR 1 --- [uploads] [nio-8080-exec-2] o.a.c.c.C.[.[.[/].[dispatcherServlet] : Servlet.service() threw exception [Request processing failed: ${JAVA_PATH}] with root cause`,
      JAVA_PATH,
    ]),
  ];
  const logs = pods.slice(0, 2).map((p, k): LogEvidence => ({ pod: p.name, container: 'app', previous: false, lines: lines(k) }));
  return baseEvidence({
    pods,
    logs,
    workload: workload({ specReplicas: 3, replicas: 3, readyReplicas: 3, availableReplicas: 3, updatedReplicas: 3, currentRevision: 7 }),
    revisions: [
      revision(REV6, minutesAgo(16 * 24 * 60), { containers: [revisionContainer({ image: IMAGE_V14, env })] }),
      revision(REV7, minutesAgo(rolledOut), { replicas: 3, containers: [revisionContainer({ image: IMAGE_V15, env })] }),
    ],
  });
}

describe('locale errors in ready pods', () => {
  const times = { startedAt: '2026-01-01T00:00:00.000Z', finishedAt: '2026-01-01T00:00:00.000Z' };

  it('names the missing locale, and the revision that changed the image as the trigger though the first failing input came hours later', () => {
    const r = buildTriageReport(scenario(), times);
    expect(r.headline).toMatch(/^Since revision 7 \(3h 10m ago: app image 2\.14\.0 → 2\.15\.0\)/);
    expect(r.headline).toMatch(/without a UTF-8 locale \(sun\.jnu\.encoding=ANSI_X3\.4-1968\)/);
    expect(r.headline).toMatch(/LANG=C\.UTF-8/);
    expect(r.headline).not.toMatch(/is not the (cause|trigger)/);
  });
});
