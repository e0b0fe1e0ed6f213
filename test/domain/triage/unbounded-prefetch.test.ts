import { describe, expect, it } from 'vitest';
import { analyzeOomKilled } from '../../../src/domain/triage/analyzers/oom-killed.js';
import { getLastTermination } from '../../../src/domain/triage/pod-status.js';
import { oomKillScenario } from './scenarios/crashes.js';

describe('an OOM-killed queue consumer with an unbounded prefetch', () => {
  it('names prefetch_count=0 from the env, the revision that set it and a bounded prefetch as the fix, never a leak', () => {
    const ev = oomKillScenario();
    for (const p of ev.pods) for (const c of p.containers) c.env = [{ name: 'AMQP_PREFETCH_COUNT', value: '0' }];
    const [newest, older] = [...ev.revisions].sort((a, b) => b.revision - a.revision);
    if (newest === undefined || older === undefined) throw new Error('two revisions expected');
    for (const c of newest.containers) c.env = [{ name: 'AMQP_PREFETCH_COUNT', value: '0' }];
    for (const c of older.containers) c.env = [{ name: 'AMQP_PREFETCH_COUNT', value: '20' }];
    const [f] = analyzeOomKilled(ev);
    expect(f?.title).toContain('unlimited prefetch (prefetch_count=0, AMQP_PREFETCH_COUNT=0)');
    expect(f?.evidence.join('\n')).toMatch(new RegExp(`revision ${newest.revision} \\(.*\\) set AMQP_PREFETCH_COUNT from 20 to 0`));
    expect(f?.fix).toContain('set a bounded prefetch (AMQP_PREFETCH_COUNT 20, as in the revision before)');
    expect(f?.buildsUp).toBeDefined();
    expect([f?.title, f?.likelyCause, f?.nextAction, f?.fix].join('\n')).not.toMatch(/\bleak|find what grows/i);
  });

  it('reads it from a logged basic_qos(prefetch_count=0) when the env does not say it', () => {
    const ev = oomKillScenario();
    const killed = ev.pods.find((p) => p.containers.some((c) => getLastTermination(c)?.reason === 'OOMKilled'));
    if (killed === undefined) throw new Error('a killed pod expected');
    ev.logs = [{ pod: killed.name, container: 'app', previous: true, lines: ['INFO worker: basic_qos(prefetch_count=0, global_qos=False) on channel 1', 'INFO worker: consuming from jobs'] }];
    const [f] = analyzeOomKilled(ev);
    expect(f?.title).toContain('unlimited prefetch (prefetch_count=0)');
    expect(f?.evidence).toContain('log: INFO worker: basic_qos(prefetch_count=0, global_qos=False) on channel 1');
  });

  it('leaves a bounded prefetch alone', () => {
    const ev = oomKillScenario();
    for (const p of ev.pods) for (const c of p.containers) c.env = [{ name: 'AMQP_PREFETCH_COUNT', value: '50' }];
    expect(analyzeOomKilled(ev)[0]?.title).not.toMatch(/prefetch/);
  });
});
