/**
 * The evidence behind a triage, as thread messages: the findings in full (evidence,
 * cause, next action, kubectl to confirm), then the raw views an SRE would pull by
 * hand — pods by node, events, rollout history, nodes, previous logs, endpoints.
 */
import { packLines, splitDocument } from '../chat-document.js';
import type { ChatDocument } from '../ports.js';
import type { TriageReport } from './triage-report.js';

export function buildEvidenceThread(report: TriageReport): ChatDocument[] {
  const s = report.sections;
  const docs: ChatDocument[] = [];

  if (report.findings.length > 0) {
    docs.push(
      ...splitDocument(
        'Findings in detail',
        report.findings.flatMap((f, i) => [
          ...packLines(
            [
              `${i + 1}. ${f.title}`,
              `${f.layer} · ${f.severity} · ${f.confidence} confidence`,
              ...f.evidence.map((e) => `• ${e}`),
              `Likely cause: ${f.likelyCause}`,
              `Next: ${f.nextAction}`,
              ...(f.explains && f.explains.length > 0 ? [`Also explains: ${f.explains.join('; ')}`] : []),
            ],
            'text',
          ),
          ...packLines(f.confirmCommands, 'code'),
        ]),
      ),
    );
  }
  if (s.podsByNode.length > 0) {
    docs.push(
      ...splitDocument(
        'Pods by node',
        s.podsByNode.flatMap((group) => [
          ...packLines([`${group.node ?? 'not scheduled'} — ${group.nodeStatus}`], 'text'),
          ...packLines(
            group.pods.map((p) => `${p.name}  ${p.ready ? 'ready' : 'NOT ready'}  restarts=${p.restarts}${p.revision !== undefined ? `  rev=${p.revision}` : ''}  ${p.status}`),
            'code',
          ),
        ]),
      ),
    );
  }
  if (s.events.length > 0) {
    docs.push(...splitDocument('Events (repeats collapsed)', packLines(s.events.map((e) => `${e.type === 'Warning' ? '!' : ' '} ${e.object}: ${e.line}`), 'code')));
  }
  if (s.rollout.length > 0) {
    docs.push(
      ...splitDocument(
        'Rollout history',
        packLines(
          s.rollout.flatMap((r) => [
            `revision ${r.revision}${r.current ? ' (current)' : ''}  ${r.name}  created ${r.createdAt} (${r.age})${r.replicas !== undefined ? `  replicas=${r.replicas}` : ''}`,
            `  images: ${r.images.join(', ')}`,
            ...r.changes.map((c) => `  ${c}`),
          ]),
          'code',
        ),
      ),
    );
  }
  if (s.nodes.length > 0) {
    docs.push(
      ...splitDocument(
        'Nodes',
        packLines(
          s.nodes.map(
            (n) =>
              `${n.name}  Ready=${n.ready}${n.unschedulable ? '  CORDONED' : ''}${n.problems.length > 0 ? `  problems: ${n.problems.join(', ')}` : ''}` +
              `${n.taints.length > 0 ? `  taints: ${n.taints.join(', ')}` : ''}  allocatable cpu=${n.allocatable.cpu ?? '?'} memory=${n.allocatable.memory ?? '?'}`,
          ),
          'code',
        ),
      ),
    );
  }
  for (const log of s.logs) {
    const title = `Logs of ${log.pod}/${log.container}${log.previous ? ' (previous run)' : ''}${log.omitted > 0 ? `, last ${log.lines.length} lines` : ''}`;
    docs.push(...splitDocument(title, packLines(log.lines.length > 0 ? log.lines : ['(no output)'], 'code')));
  }
  if (s.endpoints.length > 0) {
    docs.push(
      ...splitDocument(
        'Services and endpoints',
        packLines(
          s.endpoints.map(
            (e) => `${e.service}${e.selectsWorkload ? '' : '  (does NOT select the workload)'}  ready=${e.ready} notReady=${e.notReady}  ports ${e.ports.join(', ')}`,
          ),
          'code',
        ),
      ),
    );
  }
  if (s.changes.length > 0) {
    docs.push(...splitDocument('Changed in the namespace (last 24h)', packLines(s.changes.map((c) => `${c.kind} ${c.name} ${c.what} ${c.age} (${c.at})`), 'code')));
  }
  if (report.couldNotRead.length > 0) {
    docs.push(...splitDocument('Could not read', packLines(report.couldNotRead.map((f) => `${f.what}: ${f.reason} — ${f.detail}`), 'code')));
  }
  return docs;
}
