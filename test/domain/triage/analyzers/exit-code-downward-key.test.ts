import { describe, expect, it } from 'vitest';
import { analyzeExitCodes } from '../../../../src/domain/triage/analyzers/exit-code.js';
import type { EnvVarEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import type { Finding } from '../../../../src/domain/triage/finding.js';
import { diffRevisions } from '../../../../src/domain/triage/revision-diff.js';
import { pickChange } from '../../../../src/domain/triage/verdict/mechanism-diff.js';
import { IMAGE_V14, IMAGE_V15, REV6, REV7, minutesAgo, revision, revisionContainer, terminated } from '../scenarios/builders.js';
import { crashScenario } from '../scenarios/crashes.js';

// An env var the Downward API fills from a label or annotation the pods do not carry: the kubelet sets it to "".

const ZONE_FROM_LABEL: EnvVarEvidence = { name: 'ZONE', ref: { kind: 'field', key: "metadata.labels['topology.kubernetes.io/zone']" } };

/** A pino config check refusing the empty ZONE, as the app logs it at start. */
const PINO_LOG = [
  '{"level":30,"time":1795230710015,"pid":1,"hostname":"route-planner-6d9f7c8b5-x2k4q","msg":"route-planner 4.2.0 starting"}',
  '{"level":60,"time":1795230710020,"pid":1,"hostname":"route-planner-6d9f7c8b5-x2k4q","err":{"type":"ConfigError","message":"ZONE must be set (got \\"\\")","stack":"ConfigError: ZONE must be set (got \\"\\")\\n    at requireEnv (/app/dist/config.js:27:15)"},"msg":"invalid configuration, refusing to start: zone-aware routing needs ZONE"}',
];

function zoneScenario(env: EnvVarEvidence[], logs: string[] = PINO_LOG, over: (ev: TriageEvidence) => void = () => {}): TriageEvidence {
  const ev = crashScenario(2, () => terminated(1, 'Error', 2), { logs });
  for (const p of ev.pods) for (const c of p.containers) c.env = [{ name: 'NODE_ENV', value: 'production' }, ...env];
  over(ev);
  return ev;
}

describe('an env var the Downward API fills from a label the pods do not carry', () => {
  it('says the variable is empty because it reads a node label through fieldRef', () => {
    const [f] = analyzeExitCodes(zoneScenario([ZONE_FROM_LABEL]));
    expect(f?.title).toBe("Container app exits with code 1 on 2/5 pods: ZONE is empty: it comes from fieldRef metadata.labels['topology.kubernetes.io/zone'], a node label the pods do not carry");
    expect(f?.decisive).toContain('ZONE must be set (got "")');
    expect(f?.confidence).toBe('high');
    expect(f?.likelyCause).toContain('sets ZONE to an empty string');
    expect(f?.evidence.join('\n')).toMatch(/node ip-10-0-1-23\.eu-west-1\.compute\.internal carries topology\.kubernetes\.io\/zone=eu-west-1a/);
    expect(f?.fix).toContain('fieldRef spec.nodeName');
  });

  it('asks for the label on the pod template when it is not a node label', () => {
    const ev = zoneScenario([{ name: 'TEAM', ref: { kind: 'field', key: "metadata.labels['example.com/team']" } }], ['Error: TEAM is required but was empty']);
    const [f] = analyzeExitCodes(ev);
    expect(f?.title).toBe("Container app exits with code 1 on 2/5 pods: TEAM is empty: it comes from fieldRef metadata.labels['example.com/team'], a label the pods do not carry");
    expect(f?.fix).toBe('add label example.com/team to the pod template (spec.template.metadata.labels), or point TEAM at a key the pods carry');
  });

  it('reads an annotation only where the pods are known not to carry it', () => {
    const env: EnvVarEvidence[] = [{ name: 'SHARD', ref: { kind: 'field', key: "metadata.annotations['example.com/shard']" } }];
    const log = ['panic: SHARD must not be empty'];
    const missing = zoneScenario(env, log, (ev) => { for (const p of ev.pods) p.downwardAnnotations = { 'example.com/shard': false }; });
    const unknown = zoneScenario(env, log);
    expect(analyzeExitCodes(missing)[0]?.title).toContain("SHARD is empty: it comes from fieldRef metadata.annotations['example.com/shard'], an annotation the pods do not carry");
    expect(analyzeExitCodes(unknown)[0]?.title).not.toContain('fieldRef');
  });

  it('is not this when the pods carry the label, the line does not say empty, or the variable is a literal', () => {
    const carried = zoneScenario([ZONE_FROM_LABEL], PINO_LOG, (ev) => { for (const p of ev.pods) p.labels['topology.kubernetes.io/zone'] = 'eu-west-1a'; });
    const otherLine = zoneScenario([ZONE_FROM_LABEL], ['Error: unknown ZONE "eu-west-9z"']);
    const literal = zoneScenario([{ name: 'ZONE', value: '' }]);
    for (const ev of [carried, otherLine, literal]) expect(analyzeExitCodes(ev)[0]?.title).not.toContain('fieldRef');
  });
});

describe('the change a revision made to such a variable', () => {
  it('leads with the env line that added it over the image bump beside it', () => {
    const older = revision(REV6, minutesAgo(9 * 24 * 60), { containers: [revisionContainer({ image: IMAGE_V14 })] });
    const newer = revision(REV7, minutesAgo(18), { containers: [revisionContainer({ image: IMAGE_V15, env: [...(revisionContainer().env ?? []), { name: 'NODE_NAME', ref: { kind: 'field', key: 'spec.nodeName' } }, ZONE_FROM_LABEL] })] });
    const [f] = analyzeExitCodes(zoneScenario([ZONE_FROM_LABEL]));
    const change = pickChange(f as Finding, diffRevisions(older, newer), older, newer);
    expect(change).toBe("app env added ZONE = from fieldRef metadata.labels['topology.kubernetes.io/zone']");
  });
});
