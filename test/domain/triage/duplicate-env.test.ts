import { describe, expect, it } from 'vitest';
import type { EnvVarEvidence } from '../../../src/domain/triage/evidence-spec.js';
import { findDuplicateEnv, findIntroducedDuplicates } from '../../../src/domain/triage/duplicate-env.js';
import { diffRevisions } from '../../../src/domain/triage/revision-diff.js';
import { REV6, REV7, minutesAgo, revision, revisionContainer } from './scenarios/builders.js';

const HOST: EnvVarEvidence = { name: 'DB_HOST', value: 'postgres.payments.svc.cluster.local' };
const OTHER_HOST: EnvVarEvidence = { name: 'DB_HOST', value: 'postgres.payments-qa.svc.cluster.local' };
const PORT: EnvVarEvidence = { name: 'DB_PORT', value: '5432' };

describe('findDuplicateEnv', () => {
  it('lists a name a container sets twice with different entries, in order: the last one is what the process sees', () => {
    const dups = findDuplicateEnv([{ name: 'app', env: [HOST, PORT, OTHER_HOST] }]);
    expect(dups).toEqual([{ container: 'app', name: 'DB_HOST', entries: [HOST, OTHER_HOST] }]);
  });

  it('ignores a name repeated with the same entry (harmless) and names set once', () => {
    expect(findDuplicateEnv([{ name: 'app', env: [HOST, PORT, { ...HOST }] }])).toEqual([]);
    expect(findDuplicateEnv([{ name: 'app', env: [HOST, PORT] }])).toEqual([]);
  });

  it('counts a literal and a reference under one name as different', () => {
    const ref: EnvVarEvidence = { name: 'DB_HOST', ref: { kind: 'configMap', name: 'db', key: 'host' } };
    expect(findDuplicateEnv([{ name: 'app', env: [HOST, ref] }])[0]?.entries).toEqual([HOST, ref]);
  });
});

describe('findIntroducedDuplicates', () => {
  const older = revision(REV6, minutesAgo(9 * 24 * 60), { containers: [revisionContainer({ env: [HOST, PORT] })] });
  const newer = revision(REV7, minutesAgo(20), { containers: [revisionContainer({ env: [HOST, PORT, OTHER_HOST] })] });

  it('names the duplicate a revision brought in', () => {
    expect(findIntroducedDuplicates(older, newer).map((d) => d.name)).toEqual(['DB_HOST']);
  });

  it('does not blame a revision for a duplicate its predecessor already had', () => {
    const next = revision({ revision: 8, hash: '9d8c7b6a5f' }, minutesAgo(5), { containers: newer.containers });
    expect(findIntroducedDuplicates(newer, next)).toEqual([]);
  });
});

describe('diffRevisions: a name listed twice', () => {
  it('says the revision added a second entry and that the last one wins, rather than a plain value change', () => {
    const a = revision(REV6, minutesAgo(9 * 24 * 60), { containers: [revisionContainer({ env: [HOST, PORT] })] });
    const b = revision(REV7, minutesAgo(20), { containers: [revisionContainer({ env: [HOST, PORT, OTHER_HOST] })] });
    expect(diffRevisions(a, b)).toEqual(['app env DB_HOST added a second time, and the last entry wins: "postgres.payments.svc.cluster.local", then "postgres.payments-qa.svc.cluster.local"']);
  });
});
