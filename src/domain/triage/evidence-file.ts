/**
 * The raw evidence of a triage as one plain-text file: every pod, event, revision, node and log
 * tail the report holds, unabridged and per pod, for the engineer who wants all of it (the thread
 * shows it summarised). Times are markers; the chat writes them as UTC in a file.
 */
import { readerTime } from '../time-ref.js';
import type { TriageReport } from './triage-report.js';

export function buildEvidenceFile(report: TriageReport): { title: string; content: string } {
  const t = report.target;
  const s = report.sections;
  const who = `${t.kind.toLowerCase()}/${t.name} in ${t.namespace}${t.context ? ` (context ${t.context})` : ''}`;
  const out: string[] = [`Triage of ${who}, read ${readerTime(report.collectedAt)}`, '', report.headline, ''];
  const part = (title: string, lines: string[]) => {
    if (lines.length > 0) out.push(`== ${title} ==`, ...lines, '');
  };
  part(
    'Findings',
    report.findings.flatMap((f, i) => [
      `${i + 1}. ${f.title} [${f.layer} · ${f.severity} · ${f.confidence} confidence]`,
      ...f.evidence.map((e) => `   - ${e}`),
      `   likely cause: ${f.likelyCause}`,
      `   next: ${f.nextAction}`,
      ...f.confirmCommands.map((c) => `   $ ${c}`),
    ]),
  );
  part(
    'Pods',
    s.podsByNode.flatMap((g) => [
      `${g.node ?? 'not scheduled'} (${g.nodeStatus})`,
      ...g.pods.map((p) => `  ${p.name}  ${p.ready ? 'ready' : 'NOT ready'}  restarts=${p.restarts}${p.revision !== undefined ? `  rev=${p.revision}` : ''}  ${p.status}`),
    ]),
  );
  part('Events (repeats collapsed)', s.events.map((e) => `${readerTime(e.lastSeen)}  ${e.type.padEnd(7)} ${e.object}: ${e.line}`));
  part(
    'Rollout history',
    s.rollout.flatMap((r) => [
      `revision ${r.revision}${r.current ? ' (current)' : ''}  ${r.name}  created ${readerTime(r.createdAt)}${r.replicas !== undefined ? `  replicas=${r.replicas}` : ''}`,
      `  images: ${r.images.join(', ')}`,
      ...(r.changeCause !== undefined ? [`  change-cause: ${r.changeCause}`] : []),
      ...r.changes.map((c) => `  ${c}`),
    ]),
  );
  part(
    'Nodes',
    s.nodes.map((n) => `${n.name}  Ready=${n.ready}${n.unschedulable ? '  CORDONED' : ''}  problems: ${n.problems.join(', ') || 'none'}  taints: ${n.taints.join(', ') || 'none'}  allocatable cpu=${n.allocatable.cpu ?? '?'} memory=${n.allocatable.memory ?? '?'}`),
  );
  for (const l of s.logs) part(`Logs of ${l.pod}/${l.container}${l.previous ? ' (previous run)' : ''}${l.omitted > 0 ? `, last ${l.lines.length} lines` : ''}`, l.lines.length > 0 ? l.lines : ['(no output)']);
  part('Services and endpoints', s.endpoints.map((e) => `${e.service}${e.selectsWorkload ? '' : ' (does NOT select the workload)'}  ready=${e.ready} notReady=${e.notReady}  ports ${e.ports.join(', ')}`));
  part('Changed in the namespace (last 24h)', s.changes.map((c) => `${c.kind} ${c.name} ${c.what} ${readerTime(c.at)}`));
  part('Could not read', report.couldNotRead.map((f) => `${f.what}: ${f.reason} — ${f.detail}`));
  part('Checked', report.checked);
  return { title: `Raw evidence: ${who}`, content: out.join('\n') };
}
