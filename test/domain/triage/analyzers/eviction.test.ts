import { describe, expect, it } from 'vitest';
import { analyzeEvictions } from '../../../../src/domain/triage/analyzers/eviction.js';
import type { PodEvidence, TriageEvidence } from '../../../../src/domain/triage/evidence.js';
import { NODE_B, container, minutesAgo, terminated } from '../scenarios/builders.js';
import { healthyScenario } from '../scenarios/healthy.js';
import { evictionScenario } from '../scenarios/nodes.js';

describe('analyzeEvictions', () => {
  it('groups evictions by node and resource and shows how far usage exceeded the request', () => {
    const [f, ...rest] = analyzeEvictions(evictionScenario());
    expect(rest).toHaveLength(0);
    expect(f?.title).toBe(`2 pods evicted from ${NODE_B}: node low on memory`);
    expect(f?.severity).toBe('warning');
    expect(f?.evidence).toContain('app used 1.8Gi against a request of 512Mi');
    expect(f?.affected?.nodes).toEqual([NODE_B]);
  });

  it('ignores evicted pods left over from days ago', () => {
    const ev = evictionScenario();
    ev.events = ev.events.filter((e) => e.reason !== 'Evicted');
    ev.pods = ev.pods.map((p) => (p.reason === 'Evicted' ? { ...p, conditions: p.conditions.map((c) => ({ ...c, lastTransitionTime: minutesAgo(6 * 24 * 60) })) } : p));
    expect(analyzeEvictions(ev)).toEqual([]);
  });

  // Events expire within the hour; a leftover Failed pod keeps only its status, whose Ready
  // transition may be far later than the eviction itself.
  const TWO_DAYS = 2 * 24 * 60;
  function leftover(change: (p: PodEvidence) => PodEvidence): TriageEvidence {
    const ev = evictionScenario();
    ev.events = ev.events.filter((e) => e.reason !== 'Evicted');
    ev.pods = ev.pods.map((p) => (p.reason === 'Evicted' ? change(p) : p));
    return ev;
  }
  const readyChangedLately = (p: PodEvidence): PodEvidence => ({
    ...p,
    containers: [container({ ready: false, state: terminated(137, 'Error', TWO_DAYS) })],
    conditions: [
      ...p.conditions.map((c) => ({ ...c, lastTransitionTime: minutesAgo(TWO_DAYS) })),
      { type: 'Ready', status: 'False', reason: 'ContainersNotReady', lastTransitionTime: minutesAgo(30) },
    ],
  });

  it('dates a leftover eviction by the kubelet\'s DisruptionTarget, not a later Ready change', () => {
    expect(analyzeEvictions(leftover(readyChangedLately))).toEqual([]);
  });

  it('without a DisruptionTarget, dates the eviction by when its containers were killed', () => {
    const ev = leftover((p) => {
      const old = readyChangedLately(p);
      return { ...old, conditions: old.conditions.filter((c) => c.type !== 'DisruptionTarget') };
    });
    expect(analyzeEvictions(ev)).toEqual([]);
  });

  it('still reports an eviction of minutes ago known only from the pod status', () => {
    const [f] = analyzeEvictions(leftover((p) => p));
    expect(f?.title).toBe(`2 pods evicted from ${NODE_B}: node low on memory`);
    expect(f?.severity).toBe('warning');
  });

  it('recognises an ephemeral-storage limit overrun as the pod\'s own doing', () => {
    const ev = evictionScenario();
    const message = 'Pod ephemeral local storage usage exceeds the total limit of containers 1Gi. ';
    ev.pods = ev.pods.map((p) => (p.reason === 'Evicted' ? { ...p, message } : p));
    ev.events = ev.events.map((e) => (e.reason === 'Evicted' ? { ...e, message } : e));
    expect(analyzeEvictions(ev)[0]?.title).toContain("ephemeral storage over the pod's limit");
  });

  function storageOverrun(): TriageEvidence {
    const ev = evictionScenario();
    const message = 'Pod ephemeral local storage usage exceeds the total limit of containers 2Gi. ';
    ev.pods = ev.pods.map((p) => (p.reason === 'Evicted' ? { ...p, message } : p));
    ev.events = ev.events.map((e) => (e.reason === 'Evicted' ? { ...e, message } : e));
    return ev;
  }

  it('names core dumps as what fills the disk when the logs show crashes that dumped core, and where they land', () => {
    const ev = storageOverrun();
    const running = ev.pods.find((p) => p.reason !== 'Evicted')?.name ?? '';
    ev.logs = [{ pod: running, container: 'app', previous: false, lines: ['worker started', 'sh: line 1:    41 Segmentation fault      (core dumped) ./render --jobs 2', 'render exited rc=139, restarting', 'sh: line 1:    77 Segmentation fault      (core dumped) ./render --jobs 2'] }];
    const tpl = ev.workload?.templateContainers[0];
    if (tpl !== undefined) {
      tpl.command = ['/bin/sh', '-c'];
      tpl.args = ['ulimit -c unlimited; cd /opt/render; while true; do ./render --jobs 2; done'];
    }
    const [f] = analyzeEvictions(ev);
    expect(f?.title).toMatch(/ephemeral storage over the pod's limit, filled by core dumps — the process crashes and dumps core \(2 in the logs read\) into \/opt\/render, on the writable layer$/);
    expect(f?.likelyCause).toContain('ulimit -c unlimited');
    expect(f?.fix).toMatch(/^stop core files landing on the writable layer \(ulimit -c 0/);
    expect(f?.evidence).toContain('2 crashes dumped core in the logs read: sh: line 1: 41 Segmentation fault (core dumped) ./render --jobs 2');
  });

  it('does not blame core dumps when no crash dumped core, nor a directory on a mounted volume', () => {
    const plain = analyzeEvictions(storageOverrun())[0];
    expect(plain?.title).not.toMatch(/core/);
    const ev = storageOverrun();
    const running = ev.pods.find((p) => p.reason !== 'Evicted')?.name ?? '';
    ev.logs = [{ pod: running, container: 'app', previous: false, lines: ['Segmentation fault (core dumped)'] }];
    const tpl = ev.workload?.templateContainers[0];
    if (tpl !== undefined) {
      tpl.args = ['cd /data/work && exec ./render'];
      tpl.volumeMounts = [{ name: 'work', mountPath: '/data' }];
    }
    expect(analyzeEvictions(ev)[0]?.title).toMatch(/filled by core dumps — the process crashes and dumps core \(1 in the logs read\)$/);
  });

  it('names an emptyDir over its own sizeLimit, and its fix, rather than the containers\' ephemeral-storage limit', () => {
    const ev = evictionScenario();
    const message = 'Usage of EmptyDir volume "spool" exceeds the limit "768Mi". ';
    ev.pods = ev.pods.map((p) => (p.reason === 'Evicted' ? { ...p, message } : p));
    ev.events = ev.events.map((e) => (e.reason === 'Evicted' ? { ...e, message } : e));
    const tpl = ev.workload?.templateContainers[0];
    if (tpl !== undefined) tpl.volumeMounts = [{ name: 'spool', mountPath: '/var/spool/work' }];
    const [f, ...rest] = analyzeEvictions(ev);
    expect(rest).toHaveLength(0);
    expect(f?.title).toMatch(/^2 pods evicted from \S+: emptyDir spool over its sizeLimit 768Mi$/);
    expect(f?.fix).toMatch(/^raise the sizeLimit of emptyDir spool \(768Mi\).*move what \/var\/spool\/work holds to a PVC or a generic ephemeral volume/);
    expect(`${f?.fix ?? ''} ${f?.title ?? ''}`).not.toMatch(/ephemeral-storage limit|pod's limit/);
    expect(f?.evidence).toContain(`emptyDir spool: sizeLimit 768Mi (mounted by ${tpl?.name ?? ''} at /var/spool/work)`);
  });

  it('stays silent on a healthy workload', () => {
    expect(analyzeEvictions(healthyScenario())).toEqual([]);
  });
});
