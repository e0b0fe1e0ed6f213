import type { TriageEvidence } from '../evidence.js';
import { condenseStructuredLine } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { formatKubectl } from '../kubectl-command.js';
import { listNodesOf } from '../pod-status.js';
import { findFifoQueue, findFifoSendRefusals } from '../sqs-fifo-send.js';

/**
 * SQS refuses every send because the queue the pods send to is a FIFO queue and the sends lack
 * its MessageGroupId (or MessageDeduplicationId): the producer was written for a standard queue
 * and a setting now points it at the `.fifo` one. Pointing the setting back (or sending the id)
 * is the fix; when the setting sits in a ConfigMap, a rollback of the Deployment reads the same
 * ConfigMap and changes nothing.
 */
export function analyzeSqsFifoRefused(ev: TriageEvidence): Finding[] {
  const refused = findFifoSendRefusals(ev.logs, ev.pods, ev.collectedAt);
  if (refused === undefined) return [];
  const container = ev.pods.find((p) => p.name === refused.pods[0])?.containers.find((c) => c.name === refused.container);
  const fifo = findFifoQueue(container, ev.settingConfig ?? [], ev.logs.filter((l) => refused.pods.includes(l.pod)));
  const queue = fifo === undefined ? 'a FIFO queue' : `the FIFO queue ${fifo.queue}`;
  const setting = fifo?.written === undefined ? '' : ` — ${fifo.written} in ${fifo.source}`;
  const name = fifo?.written?.replace(/=.*$/, '');
  const inMap = fifo?.configMap !== undefined ? ` in ConfigMap ${fifo.configMap}` : '';
  const send = `send a ${refused.lacks === 'MessageDeduplicationId' ? 'MessageDeduplicationId (or enable content-based deduplication)' : 'MessageGroupId'} with each message`;
  const point = `point ${name ?? 'the queue setting'}${inMap} back at the standard queue the code was written for, or ${send}`;
  const where = fifo?.configMap !== undefined ? '; restart the pods after the edit so they read it (a rollback of the Deployment reads the same ConfigMap and changes nothing)' : '';
  const pods = ev.pods.filter((p) => refused.pods.includes(p.name));
  return [{
    id: 'sqs-fifo-refused',
    kind: fifo?.configMap !== undefined ? 'container-config' : 'dependency-error',
    title: `SQS refuses every send to ${queue}: a FIFO queue requires a ${refused.lacks} and the sends carry none (400 MissingParameter)${setting} — ${refused.lines} refused sends in the logs of ${refused.pods.length} pod${refused.pods.length === 1 ? '' : 's'}`,
    ...(refused.since !== undefined ? { onset: refused.since } : {}),
    layer: 'container/process',
    severity: 'critical',
    confidence: 'high',
    evidence: [
      ...(fifo !== undefined ? [`FIFO queue ${fifo.queue}${fifo.written !== undefined ? `: ${fifo.written}` : ''} (${fifo.source})`] : []),
      `log ${refused.pods[0] ?? ''}: ${condenseStructuredLine(refused.line)}`,
    ],
    decisive: condenseStructuredLine(refused.line),
    likelyCause: `A queue whose name ends in .fifo is a FIFO queue: SQS accepts a SendMessage to it only with a MessageGroupId (and a MessageDeduplicationId unless content-based deduplication is on), and refuses any other with 400 MissingParameter. Code written for a standard queue sends neither, so when its queue setting points at the FIFO queue every send fails while the pods stay Ready${fifo?.written !== undefined ? `: ${fifo.written} (${fifo.source})` : ''}. Restarting changes nothing.`,
    nextAction: `${point.charAt(0).toUpperCase()}${point.slice(1)}${where}. Then watch the refused sends stop and the producer's backlog drain. The bot will not change anything.`,
    fix: point,
    ...(fifo?.configMap !== undefined ? { outsideWorkload: `the queue setting sits in ConfigMap ${fifo.configMap}, which every revision reads: a rollback of the Deployment sends to the same FIFO queue` } : {}),
    confirmCommands: [
      formatKubectl(ev.target, `logs ${refused.pods[0] ?? ''} --tail=100`),
      ...(fifo?.configMap !== undefined ? [formatKubectl(ev.target, `get configmap ${fifo.configMap} -o yaml`)] : []),
    ],
    affected: { pods: refused.pods, nodes: listNodesOf(pods), ...(fifo?.configMap !== undefined ? { configMaps: [fifo.configMap] } : {}) },
  }];
}
