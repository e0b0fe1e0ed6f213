import { describe, expect, it } from 'vitest';
import type { LogEvidence } from '../../../src/domain/triage/evidence.js';
import { explainImageMagickPolicy } from '../../../src/domain/triage/imagemagick-policy.js';
import { buildTriageReport } from '../../../src/domain/triage/triage-report.js';
import { IMAGE_V14, IMAGE_V15, REV6, REV7, baseEvidence, container, minutesAgo, pod, revision, revisionContainer, workload } from './scenarios/builders.js';

const REFUSED = "convert-im6.q16: attempt to perform an operation not allowed by the security policy `PS' @ error/constitute.c/IsCoderAuthorized/421.";
const stamp = (m: number): string => minutesAgo(m).replace(/\.\d+Z$/, '.000Z');

describe('explainImageMagickPolicy', () => {
  it('names the policy and the refused coder, latent since the revision that changed the image', () => {
    const revisions = [
      revision(REV6, minutesAgo(30 * 24 * 60), { containers: [revisionContainer({ image: IMAGE_V14 })] }),
      revision(REV7, minutesAgo(240), { containers: [revisionContainer({ image: IMAGE_V15 })] }),
    ];
    const told = explainImageMagickPolicy([`ERROR thumbnail failed: ${REFUSED}`], revisions, [pod(0, { revisionHash: REV7.hash })]);
    expect(told?.summary).toMatch(/ImageMagick's security policy \(policy\.xml\) refuses the PS coder/);
    expect(told?.fix).toMatch(/policy\.xml that allows read on PS/);
    expect(told?.latent).toMatch(/revision 7/);
    expect(told?.nextAction).toMatch(/rolling back to revision 6/);
  });

  it('reads a resource limit too, and nothing into an unrelated error that mentions a policy', () => {
    const cache = "wand.exceptions.CacheError: cache resources exhausted `scan.tif' @ error/cache.c/OpenPixelCache/4095";
    expect(explainImageMagickPolicy([cache], [], [pod(0)])?.summary).toMatch(/resource policy \(policy\.xml\) refuses large images \(cache resources exhausted\)/);
    expect(explainImageMagickPolicy(['ERROR request denied by the retry policy'], [], [pod(0)])).toBeUndefined();
  });
});

/** Ready workers of revision 7 (a new image, 4h ago) whose PS conversions fail from the first one, 50m ago. */
function rebasedScenario() {
  const rolledOut = 240;
  const pods = [0, 1].map((i) => pod(i, { revisionHash: REV7.hash, createdAt: minutesAgo(rolledOut - i), startTime: minutesAgo(rolledOut - i), containers: [container({ image: IMAGE_V15 })] }));
  const lines = (): string[] => [
    `${stamp(rolledOut - 1)} INFO worker ready`,
    ...[50, 40, 30, 20, 10].flatMap((m) => [
      `${stamp(m)} ERROR job render-${m} failed: convert exited 1: ${REFUSED}`,
      `${stamp(m - 1)} INFO job thumb-${m} done (image/png)`,
    ]),
  ];
  return baseEvidence({
    pods,
    logs: pods.map((p): LogEvidence => ({ pod: p.name, container: 'app', previous: false, lines: lines() })),
    workload: workload({ specReplicas: 2, replicas: 2, readyReplicas: 2, availableReplicas: 2, updatedReplicas: 2, currentRevision: 7 }),
    revisions: [
      revision(REV6, minutesAgo(30 * 24 * 60), { containers: [revisionContainer({ image: IMAGE_V14 })] }),
      revision(REV7, minutesAgo(rolledOut), { replicas: 2, changeCause: 'render 1.15.0 (new base image)', containers: [revisionContainer({ image: IMAGE_V15 })] }),
    ],
  });
}

describe('ImageMagick policy refusals in ready pods after an image change', () => {
  it('names the policy, the coder and the revision that changed the image, though the first refusal came hours later', () => {
    const r = buildTriageReport(rebasedScenario(), { startedAt: '2026-01-01T00:00:00.000Z', finishedAt: '2026-01-01T00:00:00.000Z' });
    expect(r.headline).toMatch(/^Since revision 7 \(4h ago/);
    expect(r.headline).toContain("ImageMagick's security policy (policy.xml) refuses the PS coder");
    expect(r.headline).not.toMatch(/no change found/);
  });
});
