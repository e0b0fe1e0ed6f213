// The bot's triage as `npm start` runs it: the compiled JavaScript of dist/ under plain node, with
// no tsx loader (whose transpiler and source maps add about 100 MB to the RSS of whatever runs
// through it). Driven by bench/triage.ts over stdin/stdout, one JSON line each way:
//   argv: <kubeconfig> <namespace> <workload>
//   out "warm" after an untimed first run (a long-running bot's client is warm), in "go",
//   out {"ms", "peakRss", "verdict", "findings"} after the timed run.
import { createInterface } from 'node:readline';
import * as k8s from '@kubernetes/client-node';
import { KubeCluster } from '../dist/src/adapters/kubernetes/kube-cluster.js';
import { buildTriageReport } from '../dist/src/domain/triage/triage-report.js';

const [kubeconfig, namespace, name] = process.argv.slice(2);
const kc = new k8s.KubeConfig();
kc.loadFromFile(kubeconfig);
const target = { service: name, namespace, kind: 'Deployment', name };
const cluster = new KubeCluster(kc);

let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 5);
await cluster.collectEvidence(target, { budgetMs: 10_000 });
const lines = createInterface({ input: process.stdin });
const go = new Promise((resolve) => lines.once('line', resolve));
console.log('warm');
await go;
const start = performance.now();
const evidence = await cluster.collectEvidence(target, { budgetMs: 10_000 });
const report = buildTriageReport(evidence, { startedAt: new Date().toISOString(), finishedAt: new Date().toISOString() });
const ms = performance.now() - start;
clearInterval(sampler);
console.log(JSON.stringify({ ms, peakRss, verdict: report.verdict, findings: report.findings.length }));
lines.close();
