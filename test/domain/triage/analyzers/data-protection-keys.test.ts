import { describe, expect, it } from 'vitest';
import { analyzeDataProtectionKeys } from '../../../../src/domain/triage/analyzers/data-protection-keys.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import type { TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { APP, NOW, NS, REV6, baseEvidence, event, minutesAgo, pod, workload } from '../scenarios/builders.js';

const at = (m: number) => minutesAgo(m);
const STORE = [
  `${at(40)} warn: Microsoft.AspNetCore.DataProtection.Repositories.FileSystemXmlRepository[60]`,
  "      Storing keys in a directory '/home/app/.aspnet/DataProtection-Keys' that may not be persisted outside of the container. Protected data will be unavailable when container is destroyed.",
];

/** An ASP.NET Core pod's console log: its key-ring warning unless `store` is false, then `lost` requests whose cookie or token another pod protected. */
function portalLog(k: number, lost: number, store = true): string[] {
  return [
    ...(store ? STORE : []),
    ...Array.from({ length: lost }, (_, i) => {
      const m = 20 - i * 2 - k * 0.5;
      return i % 2 === 0
        ? [
            `${at(m)} fail: Microsoft.AspNetCore.Antiforgery.DefaultAntiforgery[7]`,
            '      An exception was thrown while deserializing the token.',
            '      Microsoft.AspNetCore.Antiforgery.AntiforgeryValidationException: The antiforgery token could not be decrypted.',
            `       ---> System.Security.Cryptography.CryptographicException: The key {5d1e0a73-2c4b-4f0e-9b1a-7e3c9d2f6a1${k}} was not found in the key ring.`,
          ]
        : [`${at(m)} info: Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationHandler[7]`, '      Identity.Application was not authenticated. Failure message: Unprotect ticket failed'];
    }).flat(),
  ];
}

/** `n` ready pods of one revision, scaled by hand from 1 to `n` 38m ago. */
function scaled(n: number, lost: number, store = true): TriageEvidence {
  const pods = Array.from({ length: n }, (_, i) => pod(i, i === 0 ? {} : { createdAt: minutesAgo(38), startTime: minutesAgo(38) }));
  return baseEvidence({
    pods,
    hpas: [],
    workload: workload({ specReplicas: n, replicas: n, readyReplicas: n, availableReplicas: n, updatedReplicas: n }),
    events: n > 1 ? [event({ type: 'Normal', reason: 'ScalingReplicaSet', message: `Scaled up replica set ${APP}-${REV6.hash} from 1 to ${n}`, object: { kind: 'Deployment', name: APP, namespace: NS }, firstSeen: minutesAgo(38), lastSeen: minutesAgo(38) })] : [],
    logs: pods.map((p, k) => ({ pod: p.name, container: 'app', previous: false, lines: portalLog(k, lost, store) })),
  });
}

describe('analyzeDataProtectionKeys', () => {
  it('names a Data Protection key ring each replica keeps for itself, and where it keeps it', () => {
    const [f] = analyzeDataProtectionKeys(scaled(3, 4));
    expect(f?.title).toMatch(/^ASP\.NET Core Data Protection keys are not shared: each of the 3 replicas keeps its own key ring \(\/home\/app\/\.aspnet\/DataProtection-Keys, inside its container\)/);
    expect(f?.title).toMatch(/12 requests in 3 pods/);
    expect(f?.scalesWithReplicas).toBe(true);
    expect(f?.fix).toMatch(/PersistKeysTo/);
  });

  it('makes the hand scale-up the since and scaling back the first step, never a rollback', () => {
    const report = buildTriageReport(scaled(3, 4), { startedAt: NOW, finishedAt: NOW });
    expect(report.verdict).toBe('problems');
    expect(report.headline).toMatch(/^Since the workload was scaled up from 1 to 3 38m ago \(not by a rollout\): ASP\.NET Core Data Protection keys are not shared/);
    expect(report.headline).not.toMatch(/roll(ing)? ?back|OOM/i);
  });

  it('says nothing of one replica, nor of a few refusals', () => {
    expect(analyzeDataProtectionKeys(scaled(1, 6))).toEqual([]);
    expect(analyzeDataProtectionKeys(scaled(2, 1))).toEqual([]);
  });
});
