import { describe, expect, it } from 'vitest';
import { PART_TWO } from './heldout-21/part2.js';
import { runScenario } from './run-scenario.js';
const KINDS = new Set(['Node','Namespace','Pod','Event','Service','Endpoints','EndpointSlice','PersistentVolumeClaim','PersistentVolume','ConfigMap','ResourceQuota','LimitRange','Deployment','ReplicaSet','StatefulSet','DaemonSet','ControllerRevision','Job','CronJob','NetworkPolicy','HorizontalPodAutoscaler']);
describe('round 21 stories are well-formed', () => {
  for (const s of PART_TWO) {
    it(`${s.id} is well-formed and runnable`, async () => {
      expect(s.id).toMatch(/^heldout21-[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(s.truth.length).toBeGreaterThan(40);
      expect(s.expect.headline.length).toBeGreaterThan(0);
      for (const o of s.objects) {
        expect(KINDS.has(o.kind ?? ''), `${s.id}: kind ${o.kind}`).toBe(true);
        expect(o.metadata?.name, `${s.id}: a ${o.kind} without a name`).toBeTruthy();
      }
      const names = new Set(s.objects.filter((o) => o.kind === 'Pod').map((o) => `${o.metadata?.namespace}/${o.metadata?.name}`));
      for (const l of s.logs ?? []) expect(names.has(`${l.namespace}/${l.pod}`), `${s.id}: logs of unknown pod ${l.pod}`).toBe(true);
      const run = await runScenario(s);
      expect(run.report !== undefined || run.answer !== undefined).toBe(true);
    });
  }
});
