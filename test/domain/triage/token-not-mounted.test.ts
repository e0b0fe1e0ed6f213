// A Kubernetes client that finds no service-account token at start: the pods mount none because
// automountServiceAccountToken is off (in the revision's template, or in their ServiceAccount).
// The verdict must name automount, lead the since with the line that turned it off (not another
// hardening line of the same revision), and advise turning the token back on for the pod — not
// "fix what the log names", and not RBAC.
import { describe, expect, it } from 'vitest';
import { analyzeExitCodes } from '../../../src/domain/triage/analyzers/exit-code.js';
import type { PodTemplateEvidence, TriageEvidence } from '../../../src/domain/triage/evidence.js';
import type { Finding } from '../../../src/domain/triage/finding.js';
import { diffRevisions } from '../../../src/domain/triage/revision-diff.js';
import { pickChange } from '../../../src/domain/triage/verdict/mechanism-diff.js';
import { IMAGE_V14, REV6, minutesAgo, revision, revisionContainer, terminated } from './scenarios/builders.js';
import { crashScenario } from './scenarios/crashes.js';

const PY_CRASH = [
  'INFO reconciler: starting sync loop for namespace jobs-a',
  'Traceback (most recent call last):',
  '  File "/app/reconciler/main.py", line 22, in <module>',
  '    config.load_incluster_config()',
  'kubernetes.config.config_exception.ConfigException: Service token file does not exist.',
];
const template = (over: Partial<PodTemplateEvidence> = {}): PodTemplateEvidence => ({
  initContainers: [], volumes: [], imagePullSecrets: [], placement: { nodeSelector: {}, requiredNodeAffinity: [], tolerations: [] }, serviceAccountName: 'reconciler', ...over,
});
const older = revision({ revision: 5, hash: '6b8c7d5f9a' }, minutesAgo(12 * 24 * 60), { containers: [revisionContainer({ image: IMAGE_V14 })], template: template() });
const hardened = revision(REV6, minutesAgo(30), {
  containers: [revisionContainer({ image: IMAGE_V14, securityContext: '{"readOnlyRootFilesystem":true,"runAsNonRoot":true}' })],
  template: template({ automountServiceAccountToken: false }),
});

function scenario(newer = hardened, tokenSeconds?: number): TriageEvidence {
  const ev = crashScenario(1, () => terminated(1, 'Error', 2), { logs: PY_CRASH });
  ev.revisions = [older, newer];
  if (tokenSeconds !== undefined) for (const p of ev.pods) p.serviceAccountTokenSeconds = tokenSeconds;
  return ev;
}

describe('a Kubernetes client that finds no service-account token', () => {
  it('names automountServiceAccountToken off in the revision and advises turning the token back on for the pod', () => {
    const [f] = analyzeExitCodes(scenario());
    expect(f?.title).toContain('no service-account token is mounted (automountServiceAccountToken: false)');
    expect(f?.evidence).toContain("revision 6's pod template sets automountServiceAccountToken: false");
    expect(f?.fix).toMatch(/^set automountServiceAccountToken: true for this pod \(or mount a projected service-account token volume\)$/);
    expect(`${f?.title ?? ''} ${f?.likelyCause ?? ''} ${f?.fix ?? ''}`).not.toMatch(/RBAC|forbidden|ClusterRole/);
  });

  it('leads the since with the automount line, over the securityContext line listed first', () => {
    const [f] = analyzeExitCodes(scenario());
    const diff = diffRevisions(older, hardened);
    expect(diff[0]).toMatch(/ securityContext: /);
    expect(pickChange(f as Finding, diff, older, hardened)).toBe('automountServiceAccountToken: (unset) → false');
  });

  it('blames the ServiceAccount when the template leaves automount to it and the pods mount no token', () => {
    const plain = revision(REV6, minutesAgo(30), { containers: [revisionContainer({ image: IMAGE_V14 })], template: template() });
    const [f] = analyzeExitCodes(scenario(plain));
    expect(f?.title).toMatch(/no service-account token is mounted \(the template leaves automountServiceAccountToken to ServiceAccount \S+\)/);
    expect(f?.fix).toMatch(/^set automountServiceAccountToken: true in the pod template/);
  });

  it('is not this when the pods do have a token', () => {
    const [f] = analyzeExitCodes(scenario(hardened, 3607));
    expect(f?.title ?? '').not.toContain('automount');
  });
});
