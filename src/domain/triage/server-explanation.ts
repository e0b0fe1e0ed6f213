// A server that refuses its clients often says why in its own log (Elasticsearch's disk threshold
// monitor, on the elected master): the line names the node and the numbers that decide it, which
// the clients' errors do not.
import type { LogEvidence, PodEvidence } from './evidence.js';
import { condenseStructuredLine } from './evidence-lookup.js';

export interface ServerExplanation {
  pattern: RegExp;
  /** What to state from a match: the node or pod it is about (the fix starts there; none for a cluster-wide state), and the decisive numbers. */
  /** `clients`: the workload's pods, for a line that names a client by its address. */
  describe: (m: RegExpExecArray, clients?: readonly PodEvidence[]) => { subject?: string; said: string; fix?: string };
  /** Every member of the server logs it (a cluster-wide alarm), so any one pod's log is enough. */
  everyMember?: boolean;
  /** The line's time is part of what it says (a reload that changed a setting: the trigger), so it is stated with it. */
  dated?: boolean;
  /** The lines that say more than the others `pattern` matches (what blocks a fix): the newest of them wins over newer others. */
  prefer?: RegExp;
}

/** `flood stage disk watermark [95%] exceeded on [id][node][path] free: 9.2gb[4.6%], all indices on this node will be marked read-only`. */
export const FLOOD_STAGE: ServerExplanation = {
  pattern: /flood stage disk watermark \[([^\]]+)\] exceeded on \[[^\]]*\]\[([^\]]+)\]\[[^\]]*\] free: ([^,]+)/,
  describe: (m) => ({ subject: m[2] ?? '', said: `${m[2] ?? 'a data node'} is past the flood-stage disk watermark [${m[1] ?? ''}] (free ${m[3] ?? '?'}), so Elasticsearch marked its indices read-only-allow-delete` }),
};

/** The newest line of the server's pods that explains the refusal, with the pod that logged it. */
export function findServerExplanation(pods: readonly { pod: PodEvidence; logs: LogEvidence[] }[], e: ServerExplanation, clients: readonly PodEvidence[] = []): { pod: string; line: string; subject?: string; said: string; fix?: string } | undefined {
  const found = pods.flatMap((d) => d.logs.flatMap((l) => l.lines.flatMap((line) => {
    const m = e.pattern.exec(line);
    return m ? [{ pod: d.pod.name, line: condenseStructuredLine(line.trim()), ...e.describe(m, clients) }] : [];
  })));
  // Logs are oldest first: the last match is the newest word (one pod, the master, usually says it).
  const preferred = e.prefer ? found.filter((f) => e.prefer?.test(f.line)) : [];
  const newest = preferred[preferred.length - 1] ?? found[found.length - 1];
  return newest ? { pod: newest.pod, line: newest.line, said: newest.said, ...(newest.subject ? { subject: newest.subject } : {}), ...(newest.fix ? { fix: newest.fix } : {}) } : undefined;
}
