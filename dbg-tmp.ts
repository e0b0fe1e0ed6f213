import { HOLDOUT_107_SCENARIOS } from './test/triage-corpus/heldout-107/stories.js';
import { runScenario } from './test/triage-corpus/run-scenario.js';
const s = HOLDOUT_107_SCENARIOS.find((x) => x.id === 'heldout107-cronjob-istio-sidecar-never-exits')!;
const r: any = await runScenario(s);
console.log(Object.keys(r.report));
const f = r.report.findings.find((x: any) => x.kind === 'job-sidecar');
console.log(JSON.stringify({ onset: f?.onset, affected: f?.affected }));
console.log(r.thread.split('\n').filter((l: string) => /namespace|inject|read/i.test(l)).slice(0, 15).join('\n'));
