import { HOLDOUT_19_SCENARIOS } from '../test/triage-corpus/heldout-19/stories.js';
import { runScenario } from '../test/triage-corpus/run-scenario.js';
const s = HOLDOUT_19_SCENARIOS.find((x) => x.id.includes(process.argv[2] ?? ''))!;
const run = await runScenario(s);
for (const f of run.report?.findings ?? []) console.log(f.kind, f.severity, '|', f.title.slice(0, 300));
console.log('warnings read:', (run as any).report ? '' : '', s.objects.filter((o) => o.kind === 'Event' && (o as any).type === 'Warning').map((o: any) => `${o.involvedObject.kind}/${o.involvedObject.name} ${o.reason} last=${o.lastTimestamp}`).join('\n'));
