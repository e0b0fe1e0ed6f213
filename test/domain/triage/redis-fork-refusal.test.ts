import { describe, expect, it } from 'vitest';
import { explainClientDiagnosis } from '../../../src/domain/triage/client-diagnosis.js';

describe('explainClientDiagnosis: Redis cannot fork for its background save', () => {
  const fork = "1:M 21 Nov 2026 03:09:00.000 # Can't save in background: fork: Cannot allocate memory";
  const warn = "1:C 21 Nov 2026 02:00:00.000 # WARNING Memory overcommit must be enabled! Without it, a background save or replication may fail under low memory condition.";
  it('says the failed fork stops writes with MISCONF, and names the overcommit setting Redis warned of', () => {
    const d = explainClientDiagnosis([fork, fork], [warn, fork, fork], []);
    expect(d?.title?.('logs of 1 ready pod')).toMatch(/fork: Cannot allocate memory/);
    expect(d?.summary).toMatch(/MISCONF/);
    expect(d?.summary).toMatch(/vm\.overcommit_memory/);
    expect(d?.fix).toMatch(/vm\.overcommit_memory=1/);
    expect(d?.likelyCause).toMatch(/stop-writes-on-bgsave-error/);
  });
  it('without the warning still names MISCONF but not the node setting as seen', () => {
    const d = explainClientDiagnosis([fork], [fork], []);
    expect(d?.summary).toMatch(/MISCONF/);
    expect(d?.summary).not.toMatch(/warns/);
  });
  it('leaves other lines alone', () => {
    expect(explainClientDiagnosis(['ERROR something else'], ['ERROR something else'], [])).toBeUndefined();
  });
});
