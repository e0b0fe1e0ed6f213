/**
 * Triage benchmark (issue 3): a namespace of 5,000 pods and 50,000 events of which
 * the workload owns 40 pods. Reports the bot's wall time, peak RSS and API requests,
 * and the same triage done the way an SRE does it by hand (get pods -o wide, get
 * events, rollout history, logs --previous, describe node, get endpointslices —
 * sequential), both with 20 ms latency per request on the fake. The bot is measured twice: in
 * this process (run through tsx, whose loader alone holds ~100 MB), and compiled, as `npm start`
 * runs it (`npm run build` first, then plain node: bench/compiled-triage.mjs) — the figure to hold
 * against the memory budget.
 *
 *   npx tsx bench/triage.ts
 */
import { spawn, spawnSync } from 'node:child_process';
import { createInterface } from 'node:readline';
import * as k8s from '@kubernetes/client-node';
import { KubeCluster } from '../src/adapters/kubernetes/kube-cluster.js';
import { buildTriageReport } from '../src/domain/triage/triage-report.js';

const NAMESPACE = 'shop';
const WORKLOAD = 'checkout';
const LATENCY_MS = Number(process.env.LATENCY_MS ?? 20);

const server = spawn(process.execPath, ['--import', 'tsx', 'bench/big-namespace-server.ts'], { stdio: ['pipe', 'pipe', 'inherit'] });
const lines = createInterface({ input: server.stdout! });
const nextLine = () => new Promise<string>((resolve) => lines.once('line', resolve));
const send = (cmd: string) => server.stdin!.write(`${cmd}\n`);
const count = async (): Promise<{ requests: number; writes: number }> => {
  const reply = nextLine();
  send('count');
  return JSON.parse(await reply) as { requests: number; writes: number };
};

const seeded = JSON.parse(await nextLine()) as { kubeconfig: string; objects: number };
const kc = new k8s.KubeConfig();
kc.loadFromFile(seeded.kubeconfig);
send(`latency ${LATENCY_MS}`);

let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 5);

// Rootcause's way (a first, untimed run warms up the client as a long-running bot would be).
const cluster = new KubeCluster(kc);
if (process.env.WARM !== '0') await cluster.collectEvidence({ service: WORKLOAD, namespace: NAMESPACE, kind: 'Deployment', name: WORKLOAD }, { budgetMs: 10_000 });
send('reset');
const botStart = performance.now();
const target = { service: WORKLOAD, namespace: NAMESPACE, kind: 'Deployment' as const, name: WORKLOAD };
const evidence = await cluster.collectEvidence(target, { budgetMs: 10_000 });
const report = buildTriageReport(evidence, { startedAt: new Date().toISOString(), finishedAt: new Date().toISOString() });
const botMs = performance.now() - botStart;
clearInterval(sampler);
const bot = await count();

// By hand: what an SRE types, one command after the other (kubectl pages lists by 500).
send('reset');
const core = kc.makeApiClient(k8s.CoreV1Api);
const apps = kc.makeApiClient(k8s.AppsV1Api);
const discovery = kc.makeApiClient(k8s.DiscoveryV1Api);
const manualStart = performance.now();
const pods = await core.listNamespacedPod({ namespace: NAMESPACE, labelSelector: `app=${WORKLOAD}` });
let token: string | undefined;
do {
  const page = await core.listNamespacedEvent({ namespace: NAMESPACE, limit: 500, _continue: token });
  token = page.metadata?._continue || undefined;
} while (token !== undefined);
await apps.readNamespacedDeployment({ name: WORKLOAD, namespace: NAMESPACE });
await apps.listNamespacedReplicaSet({ namespace: NAMESPACE, labelSelector: `app=${WORKLOAD}` });
for (const p of pods.items) {
  if ((p.status?.containerStatuses ?? []).some((c) => c.lastState?.terminated)) {
    await core.readNamespacedPodLog({ name: p.metadata!.name!, namespace: NAMESPACE, container: 'app', previous: true, tailLines: 100 });
  }
}
for (const nodeName of new Set(pods.items.map((p) => p.spec?.nodeName).filter((n): n is string => n !== undefined))) {
  await core.readNode({ name: nodeName });
  await core.listPodForAllNamespaces({ fieldSelector: `spec.nodeName=${nodeName}` });
  await core.listEventForAllNamespaces({ fieldSelector: `involvedObject.kind=Node,involvedObject.name=${nodeName}` });
}
await discovery.listNamespacedEndpointSlice({ namespace: NAMESPACE, labelSelector: `kubernetes.io/service-name=${WORKLOAD}` });
const manualMs = performance.now() - manualStart;
const manual = await count();

console.log(`namespace: ${seeded.objects.toLocaleString('en')} objects (${Number(process.env.OTHER_PODS ?? 5000).toLocaleString('en')} other pods, ${Number(process.env.EVENTS ?? 50_000).toLocaleString('en')} events; the workload owns 40 pods), ${LATENCY_MS} ms per API request`);
console.log(`rootcause: ${botMs.toFixed(0)} ms wall, peak RSS ${(peakRss / 1024 / 1024).toFixed(0)} MB, ${bot.requests} API requests, ${bot.writes} writes, verdict ${report.verdict}, ${report.findings.length} findings (this process, through tsx)`);
console.log(`by hand:   ${manualMs.toFixed(0)} ms wall, ${manual.requests} API requests (sequential)`);
console.log(`ratio:     ${(botMs / manualMs).toFixed(2)}x the manual way`);

// The same triage compiled, as `npm start` runs it.
const built = spawnSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });
if (built.status !== 0) throw new Error('npm run build failed: the compiled measurement needs dist/');
const compiled = spawn(process.execPath, ['bench/compiled-triage.mjs', seeded.kubeconfig, NAMESPACE, WORKLOAD], { stdio: ['pipe', 'pipe', 'inherit'] });
const compiledLines = createInterface({ input: compiled.stdout! });
const compiledLine = () => new Promise<string>((resolve) => compiledLines.once('line', resolve));
await compiledLine(); // "warm"
send('reset');
const result = compiledLine();
compiled.stdin!.write('go\n');
const run = JSON.parse(await result) as { ms: number; peakRss: number; verdict: string; findings: number };
const compiledCount = await count();
console.log(`compiled:  ${run.ms.toFixed(0)} ms wall, peak RSS ${(run.peakRss / 1024 / 1024).toFixed(0)} MB, ${compiledCount.requests} API requests, ${compiledCount.writes} writes, verdict ${run.verdict}, ${run.findings} findings (node dist/, as npm start runs it)`);
send('exit');
