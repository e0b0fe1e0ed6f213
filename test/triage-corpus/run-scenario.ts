// Runs one corpus scenario the way `/triage` does: the cluster is loaded into the fake API server,
// the real KubeCluster finds the workload and reads the evidence through client-node, the domain
// builds the report, and the Slack adapter renders what the engineer would read. Then the answer
// is judged against the scenario's expectations.
import * as k8s from '@kubernetes/client-node';
import { KubeCluster } from '../../src/adapters/kubernetes/kube-cluster.js';
import { documentBlocks } from '../../src/adapters/slack/render-document.js';
import { triageSummaryBlocks } from '../../src/adapters/slack/triage-blocks.js';
import type { Block } from '../../src/adapters/slack/block-kit.js';
import { buildEvidenceThread } from '../../src/domain/triage/evidence-thread.js';
import type { TriageTarget } from '../../src/domain/triage/evidence.js';
import { buildTriageReport } from '../../src/domain/triage/triage-report.js';
import type { TriageReport } from '../../src/domain/triage/triage-report.js';
import { FakeKubeApi } from '../../src/demo/fakes/fake-kube-api.js';
import { NOW } from './kit/clock.js';
import type { CorpusScenario } from './scenario.js';

export interface ScenarioRun {
  scenario: CorpusScenario;
  /** Undefined when `/triage` would have answered without a report (not found, ambiguous). */
  report?: TriageReport;
  /** Why there is no report. */
  answer?: string;
  headline: string;
  /** The summary message as Slack shows it, as plain text. */
  summary: string;
  /** The thread replies, as plain text. */
  thread: string;
  /** What the bot asserts (headline, findings' titles, causes, next actions), without raw evidence. */
  claims: string;
  verdictOk: boolean;
  headlineMisses: RegExp[];
  factMisses: RegExp[];
  wrongClaims: RegExp[];
  /** Time to find the workload, read the evidence and build the report. */
  ms: number;
}

function blockText(blocks: readonly Block[]): string {
  const parts: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === 'string') return;
    if (Array.isArray(v)) v.forEach(walk);
    else if (v !== null && typeof v === 'object') {
      // Block Kit nests text objects: a section's `text` is `{ type: 'mrkdwn', text: '…' }`.
      for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
        if (k === 'text' && typeof x === 'string') parts.push(x);
        else walk(x);
      }
    }
  };
  walk(blocks);
  return parts.join('\n');
}

function claimsOf(report: TriageReport): string {
  return [
    report.headline,
    ...report.findings.flatMap((f) => [f.title, f.likelyCause, f.nextAction, ...(f.explains ?? [])]),
  ].join('\n');
}

/** Loads the scenario into a fresh fake API server and triages it. */
export async function runScenario(s: CorpusScenario): Promise<ScenarioRun> {
  const fake = await FakeKubeApi.start();
  try {
    for (const o of s.objects) fake.add(o);
    for (const l of s.logs ?? []) {
      fake.setLogs(l.namespace, l.pod, l.container, { ...(l.current === undefined ? {} : { current: l.current }), ...(l.previous === undefined ? {} : { previous: l.previous }) });
    }
    const kc = new k8s.KubeConfig();
    kc.loadFromFile(fake.kubeconfig({ contexts: ['prod-eu-west-1'] }).path);
    const cluster = new KubeCluster(kc, { now: () => NOW });
    const started = performance.now();
    const search = await cluster.findWorkloads({ name: s.ask.service, namespace: s.ask.namespace });
    const [found] = search.found;
    if (search.found.length !== 1 || found === undefined) {
      const answer = search.found.length === 0 ? `not found (near: ${search.nearNames.join(', ') || 'none'})` : `ambiguous: ${search.found.map((w) => `${w.namespace}/${w.kind}`).join(', ')}`;
      return judge(s, undefined, answer, performance.now() - started);
    }
    const target: TriageTarget = { service: s.ask.service, namespace: found.namespace, kind: found.kind, name: found.name };
    const evidence = await cluster.collectEvidence(target, { budgetMs: 10_000 });
    const report = buildTriageReport(evidence, { startedAt: NOW.toISOString(), finishedAt: NOW.toISOString() });
    return judge(s, report, undefined, performance.now() - started);
  } finally {
    await fake.close();
  }
}

function judge(s: CorpusScenario, report: TriageReport | undefined, answer: string | undefined, ms: number): ScenarioRun {
  const headline = report?.headline ?? answer ?? '';
  const summary = report ? blockText(triageSummaryBlocks(report)) : headline;
  const thread = report ? buildEvidenceThread(report).documents.map((d) => blockText(documentBlocks(d))).join('\n') : '';
  const claims = report ? claimsOf(report) : headline;
  const everything = `${summary}\n${thread}`;
  return {
    scenario: s,
    ...(report === undefined ? {} : { report }),
    ...(answer === undefined ? {} : { answer }),
    headline,
    summary,
    thread,
    claims,
    verdictOk: report?.verdict === s.expect.verdict,
    headlineMisses: s.expect.headline.filter((re) => !re.test(headline)),
    factMisses: s.expect.facts.filter((re) => !re.test(everything)),
    wrongClaims: s.expect.never.filter((re) => re.test(claims)),
    ms,
  };
}

/** Headline right: the verdict and every headline expectation; facts right: every fact, no wrong claim. */
export function grade(run: ScenarioRun): { headline: boolean; facts: boolean; both: boolean; falseAllClear: boolean } {
  const headline = run.verdictOk && run.headlineMisses.length === 0;
  const facts = run.factMisses.length === 0 && run.wrongClaims.length === 0;
  const falseAllClear = run.scenario.expect.verdict !== 'healthy' && run.report?.verdict === 'healthy';
  return { headline, facts, both: headline && facts, falseAllClear };
}

/** A failure message that shows what the bot said next to what it should have said. */
export function explain(run: ScenarioRun): string {
  const lines = [`${run.scenario.id}: ${run.scenario.truth}`, `  headline: ${run.headline}`];
  if (!run.verdictOk) lines.push(`  verdict: ${run.report?.verdict ?? run.answer ?? 'none'}, expected ${run.scenario.expect.verdict}`);
  for (const re of run.headlineMisses) lines.push(`  headline lacks ${re}`);
  for (const re of run.factMisses) lines.push(`  never states ${re}`);
  for (const re of run.wrongClaims) lines.push(`  wrongly claims ${re}`);
  return lines.join('\n');
}
