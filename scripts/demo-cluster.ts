// Writes src/demo/cluster.json: the small broken cluster the demo's fake Kubernetes API serves.
// Taken from four triage-corpus scenarios (one OOM-killing, one crash-looping after a rollout,
// one with a node problem, one healthy), so the demo shows the bot on the same realistic
// `kubectl get -o json` data its triage is graded on. The corpus clock comes along: the demo
// shifts every timestamp by (start time − clock) so ages read as real.
// Run: npx tsx scripts/demo-cluster.ts
import { writeFileSync } from 'node:fs';
import { CORPUS } from '../test/triage-corpus/scenarios/index.js';
import { NOW } from '../test/triage-corpus/kit/clock.js';

const SCENARIOS = [
  'jvm-xmx-above-memory-limit-oomkilled',
  'example-exit-127-start-script-missing',
  'example-node-breaks-same-revision',
  'example-healthy-after-old-rollout',
];

const objects = new Map<string, unknown>();
const logs: unknown[] = [];
const services: Array<{ id: string; service: string; namespace: string | undefined }> = [];
for (const id of SCENARIOS) {
  const s = CORPUS.find((c) => c.id === id);
  if (!s) throw new Error(`no corpus scenario ${id}`);
  services.push({ id, service: s.ask.service, namespace: s.ask.namespace });
  for (const o of s.objects) {
    const meta = (o as { metadata?: { namespace?: string; name?: string } }).metadata;
    const key = `${(o as { kind?: string }).kind}/${meta?.namespace ?? ''}/${meta?.name}`;
    const text = JSON.stringify(o);
    const seen = objects.get(key);
    if (seen !== undefined && JSON.stringify(seen) !== text) throw new Error(`${id}: ${key} differs from another scenario's`);
    objects.set(key, o);
  }
  logs.push(...(s.logs ?? []));
}

const out = { clock: NOW.toISOString(), scenarios: services, objects: [...objects.values()], logs };
const path = new URL('../src/demo/cluster.json', import.meta.url);
writeFileSync(path, `${JSON.stringify(out, null, 1)}\n`);
console.log(`wrote ${path.pathname}: ${objects.size} objects, ${logs.length} logs from ${SCENARIOS.length} scenarios`);
