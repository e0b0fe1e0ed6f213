/**
 * Pods whose container env holds a `$(NAME)` reference the kubelet cannot expand (NAME listed
 * after it, or nowhere), shown literally in their own logs ("could not translate host name
 * "$(NAME)"", "open $(NAME)/app.yaml") or brought in by the revision the failing pods run. The
 * failure the app then reports (an unknown host, a missing file) is the consequence: the DNS,
 * the dependency and the file system are not the story.
 */
import type { PodEvidence, RevisionEvidence, TriageEvidence } from '../evidence.js';
import { pickDecisiveLine } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { formatKubectl, formatWorkloadRef, previousLogsCommand } from '../kubectl-command.js';
import { groupBy, isPodFailing, listNodesOf, severityForPods } from '../pod-status.js';
import { sortRevisions } from '../revision-diff.js';
import { type UnexpandedRef, describeRef, findBrokenRefs, findUnexpandedRefs, findLiteralLine } from '../unexpanded-env-ref.js';
import { truncate } from '../../text.js';

interface Suspect {
  ref: UnexpandedRef;
  pods: PodEvidence[];
  /** A log line of those pods that carries `$(NAME)` as written. */
  literal?: string;
  revision?: RevisionEvidence;
  /** The revision before, when this one broke a reference it could expand. */
  previous?: RevisionEvidence;
}

export function analyzeUnexpandedEnv(ev: TriageEvidence): Finding[] {
  const revisions = sortRevisions(ev.revisions);
  const suspects: Suspect[] = [];
  for (const [hash, pods] of groupBy(ev.pods, (p) => p.revisionHash ?? '')) {
    const at = revisions.findIndex((r) => r.hash === hash);
    const revision = at === -1 ? undefined : revisions[at];
    const previous = at === -1 ? undefined : revisions[at + 1];
    for (const c of pods[0]?.containers ?? []) {
      const refs = findUnexpandedRefs(c);
      if (refs.length === 0) continue;
      const names = new Set(pods.map((p) => p.name));
      const lines = ev.logs.filter((l) => names.has(l.pod) && l.container === c.name).flatMap((l) => l.lines);
      // Only the template's own containers: one an admission webhook injected (a mesh proxy) is not the revision's doing.
      const own = revision?.containers.find((x) => x.name === c.name);
      const broken = own && previous ? findBrokenRefs(previous.containers.find((x) => x.name === c.name), own) : [];
      const failing = pods.filter((p) => isPodFailing(p, ev.collectedAt));
      for (const ref of refs) {
        const literal = findLiteralLine(ref, lines);
        const byRevision = broken.some((b) => b.holder === ref.holder && b.name === ref.name);
        // The process's own words prove it; else only a reference the revision broke, in failing pods,
        // with no envFrom that could define the name after all.
        if (literal === undefined && !(byRevision && failing.length > 0 && ref.envFrom.length === 0)) continue;
        suspects.push({ ref, pods: failing.length > 0 ? failing : pods, ...(literal !== undefined ? { literal } : {}), ...(revision ? { revision } : {}), ...(byRevision && previous ? { previous } : {}) });
      }
    }
  }
  // A value with several such references: the one the log shows literally is the one the app failed on.
  const shown = (s: Suspect) => suspects.some((o) => o.literal !== undefined && o.ref.container === s.ref.container && o.ref.holder === s.ref.holder && o.pods[0] === s.pods[0]);
  return suspects.filter((s) => s.literal !== undefined || !shown(s)).map((s) => describe(ev, s));
}

/** Where the revision before listed the referenced name relative to the holder: "moved" when it came first there. */
function wasExpanded(s: Suspect): boolean {
  const env = s.previous?.containers.find((c) => c.name === s.ref.container)?.env ?? [];
  const holder = env.findIndex((e) => e.name === s.ref.holder);
  const name = env.findIndex((e) => e.name === s.ref.name);
  return holder !== -1 && name !== -1 && name < holder;
}

function describe(ev: TriageEvidence, s: Suspect): Finding {
  const { ref, pods, literal, revision, previous } = s;
  const n = pods.length;
  const failing = pods.filter((p) => isPodFailing(p, ev.collectedAt)).length;
  const names = new Set(pods.map((p) => p.name));
  const logs = ev.logs.filter((l) => names.has(l.pod) && l.container === ref.container);
  const decisive = literal?.trim() ?? pickDecisiveLine((logs.find((l) => l.previous && l.lines.length > 0) ?? logs.find((l) => l.lines.length > 0))?.lines ?? []);
  const moved = previous !== undefined && ref.where === 'later' && wasExpanded(s);
  const said = describeRef(ref);
  const literally = `$(${ref.name})`;
  const onCommand = ref.holder === 'command' || ref.holder === 'args';
  const fix =
    ref.where === 'later'
      ? `list ${ref.name} before ${ref.holder} in container ${ref.container}'s env (or have the app build the value from ${ref.name} itself)`
      : `define ${ref.name} in container ${ref.container}'s env${onCommand ? '' : ` before ${ref.holder}`} (or drop the reference)`;
  const ref0 = formatWorkloadRef(ev.target);
  const pod = pods[0]?.name ?? '';
  const prevLog = logs.some((l) => l.previous);
  return {
    id: `unexpanded-env/${ref.container}/${ref.holder}/${ref.name}`,
    kind: 'unexpanded-env',
    title: `Container ${ref.container}'s ${said}: Kubernetes leaves it literal, so ${n} pod${n === 1 ? '' : 's'} ${literal !== undefined ? `get "${literally}" as written` : `start with "${literally}" in ${onCommand ? `the ${ref.holder}` : ref.holder}`}`,
    layer: 'container/process',
    severity: failing > 0 ? severityForPods(ev, failing) : 'warning',
    // Without the log, only the template ties it to the failure: a lead, not the verdict.
    confidence: literal !== undefined ? 'high' : 'low',
    evidence: [
      `${revision ? `revision ${revision.revision} ` : ''}container ${ref.container}: ${said}${moved ? ` (revision ${previous.revision} listed ${ref.name} first)` : ''}`,
      ...(literal !== undefined ? [`log shows the reference unexpanded: ${truncate(literal.trim(), 240)}`] : []),
      ...(decisive !== undefined && decisive !== literal?.trim() ? [`log: ${truncate(decisive, 240)}`] : []),
    ],
    ...(decisive !== undefined ? { decisive } : {}),
    likelyCause:
      `The kubelet expands $(VAR) in an env value only from envFrom and the entries listed before it (in command and args, from the whole env); any other reference is passed on as written. ` +
      `${moved ? `Revision ${revision?.revision ?? ''} moved ${ref.holder} ahead of ${ref.name} (a re-ordered or sorted env list), so` : 'So'} the process receives "${literally}" itself` +
      `${literal !== undefined ? ' — its log shows it' : ''}, and what it fails on follows from that; the dependency and the cluster DNS need not be wrong.`,
    nextAction: `${previous ? `Roll back to revision ${previous.revision} (\`${formatKubectl(ev.target, `rollout undo ${ref0} --to-revision=${previous.revision}`)}\` — the bot will not) to expand it again; then ` : ''}${fix}.`,
    fix,
    confirmCommands: [
      // Names only, in order: the values may hold credentials.
      formatKubectl(ev.target, `get ${ref0} -o jsonpath='{range .spec.template.spec.containers[?(@.name=="${ref.container}")].env[*]}{.name}{"\\n"}{end}'`),
      prevLog ? previousLogsCommand(ev.target, pod, ref.container) : formatKubectl(ev.target, `logs ${pod} -c ${ref.container} --tail=100`),
    ],
    affected: { pods: pods.map((p) => p.name), nodes: listNodesOf(pods) },
  };
}
