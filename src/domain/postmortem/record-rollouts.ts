/**
 * The rollouts a triage saw, kept on the incident's timeline: the post-mortem names the last
 * change before the page from the revision history (revision, what changed, when), not from a
 * ScalingReplicaSet event. One entry per revision, keyed by it, so triages run again add nothing.
 */
import type { TimelineStore } from '../timeline/timeline-ports.js';
import type { RolloutRecord, TimelineEntry } from '../timeline/timeline-entry.js';
import type { TriageReport } from '../triage/triage-report.js';

/** Revisions older than this before the triage are history, not what led up to the incident. */
const RECENT_MS = 24 * 3_600_000;
/** The newest few are enough: the post-mortem names one, the timeline shows the sequence. */
const KEPT_MAX = 3;

export async function recordRollouts(timeline: Pick<TimelineStore, 'append'>, incidentId: string, report: TriageReport): Promise<void> {
  for (const entry of rolloutEntries(report)) await timeline.append(incidentId, entry);
}

export function rolloutEntries(report: TriageReport): TimelineEntry[] {
  const { target } = report;
  const workload = `${target.kind.toLowerCase()}/${target.name}`;
  const collectedMs = Date.parse(report.collectedAt);
  const revisions = report.sections.rollout; // newest first
  return revisions
    .map((r, i) => ({ r, older: revisions[i + 1] }))
    .filter(({ r }) => !(collectedMs - Date.parse(r.createdAt) > RECENT_MS))
    .slice(0, KEPT_MAX)
    .map(({ r, older }) => {
      const rollout: RolloutRecord = { workload, revision: r.revision, change: describeChange(r.changes, older !== undefined) };
      return {
        key: `rollout/${target.namespace}/${workload}/${r.revision}`,
        at: r.createdAt,
        source: 'cluster',
        text: `${workload}: revision ${r.revision} rolled out (${rollout.change})`,
        important: true,
        rollout,
      } satisfies TimelineEntry;
    });
}

/** The image change first (what a deploy is), then the first other change, with a count of the rest. */
export function describeChange(changes: readonly string[], hasOlder: boolean): string {
  if (changes.length === 0) return hasOlder ? 'no template change (a restart)' : 'first revision';
  const image = changes.find((c) => / image: /.test(c));
  const lead = image ?? changes[0]!;
  const rest = changes.length - 1;
  return `${shortImage(lead)}${rest > 0 ? ` and ${rest} more change${rest === 1 ? '' : 's'}` : ''}`;
}

/** "app image: registry.example.com/payments:1.8.2 → registry.example.com/payments:1.9.0" as "app image payments:1.8.2 → 1.9.0". */
function shortImage(line: string): string {
  const m = /^(.*) image: (\S+) → (\S+)$/.exec(line);
  if (!m) return line;
  const [, container, from = '', to = ''] = m;
  const split = (image: string) => {
    const colon = image.lastIndexOf(':');
    return colon > image.lastIndexOf('/') ? { repo: image.slice(0, colon), tag: image.slice(colon + 1) } : { repo: image, tag: '' };
  };
  const a = split(from);
  const b = split(to);
  if (a.repo !== b.repo || a.tag === '' || b.tag === '' || from.includes('@') || to.includes('@')) return `${container} image ${from} → ${to}`;
  return `${container} image ${a.repo.slice(a.repo.lastIndexOf('/') + 1)}:${a.tag} → ${b.tag}`;
}
