// A pending held-out round is a measurement (`npx tsx bench/triage-heldout.ts`), not a gate: its
// test only checks that every story is well-formed and runnable. It never asserts grades.
import { describe, expect, it } from 'vitest';
import type { CorpusScenario } from './scenario.js';
import { runScenario } from './run-scenario.js';

const KINDS = new Set([
  'Node', 'Namespace', 'Pod', 'Event', 'Service', 'Endpoints', 'EndpointSlice', 'PersistentVolumeClaim', 'PersistentVolume', 'ConfigMap',
  'ResourceQuota', 'LimitRange', 'Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'ControllerRevision', 'Job', 'CronJob',
  'NetworkPolicy', 'HorizontalPodAutoscaler',
]);

/** Checks that every story of a pending round is well-formed and runnable; never its grades. */
export function describeHeldOutRound(round: number, stories: readonly CorpusScenario[]): void {
  describe(`held-out ${round} stories are well-formed`, () => {
    it('has ids that are unique, kebab-case and prefixed', () => {
      const ids = stories.map((s) => s.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const id of ids) expect(id).toMatch(new RegExp(`^heldout${round}-[a-z0-9]+(-[a-z0-9]+)*$`));
    });

    for (const s of stories) {
      it(`${s.id} is well-formed and runnable`, async () => {
        expect(s.truth.length).toBeGreaterThan(40);
        expect(s.expect.headline.length).toBeGreaterThan(0);
        // The grader counts healthy controls by their class: a control filed under a failure class skews the round's figures.
        expect(s.class === 'healthy', `${s.id}: class ${s.class} with verdict ${s.expect.verdict}`).toBe(s.expect.verdict === 'healthy');
        for (const re of [...s.expect.headline, ...s.expect.facts, ...s.expect.never]) {
          expect(re).toBeInstanceOf(RegExp);
          expect(() => new RegExp(re.source, re.flags)).not.toThrow();
        }
        for (const o of s.objects) {
          // Objects as the kit builds them: a kind the fake API serves, a name, and JSON-clean.
          expect(KINDS.has(o.kind ?? ''), `${s.id}: kind ${o.kind}`).toBe(true);
          expect(o.metadata?.name, `${s.id}: a ${o.kind} without a name`).toBeTruthy();
          expect(JSON.parse(JSON.stringify(o)).kind).toBe(o.kind);
        }
        const names = new Set(s.objects.filter((o) => o.kind === 'Pod').map((o) => `${o.metadata?.namespace}/${o.metadata?.name}`));
        for (const l of s.logs ?? []) expect(names.has(`${l.namespace}/${l.pod}`), `${s.id}: logs of unknown pod ${l.pod}`).toBe(true);
        const run = await runScenario(s);
        expect(run.report !== undefined || run.answer !== undefined).toBe(true);
        expect(run.headline.length).toBeGreaterThan(0);
      });
    }
  });
}
