/**
 * A Temporal workflow task that fails replay because the workflow code no longer matches the
 * history it recorded: the Go SDK's `[TMPRL1100] nondeterministic workflow`, the Java SDK's
 * `NonDeterministicException`, TypeScript/Python/.NET's "Nondeterminism error" /
 * `DeterminismViolationError`. The SDK logs it at WARN and Temporal retries the task forever, so
 * those workflows are stuck while the worker stays Ready: a failure, whatever level the SDK says.
 */

const NONDETERMINISM =
  /\[TMPRL1100\]|\bnondeterministic workflow\b|\bNonDeterministicException\b|\bNondeterminism ?error\b|\bDeterminismViolationError\b|Workflow task failed[^\n]*\bnon-?determinism\b/i;

/** The SDK's own words for it in one line ("[TMPRL1100] nondeterministic workflow", "NonDeterministicException"). */
export function readNondeterminismWords(line: string): string | undefined {
  const words = /\[TMPRL1100\](?: nondeterministic workflow)?|\bnondeterministic workflow\b|\bNonDeterministicException\b|\bNondeterminism ?error\b|\bDeterminismViolationError\b/i.exec(line);
  return words?.[0];
}

/** Whether a log line reports a workflow task failing replay with a nondeterminism error. */
export function isWorkflowNondeterminism(line: string): boolean {
  return NONDETERMINISM.test(line);
}

/** Workflow failures this many times (or on this many workflows) are replay failing, not one task's hiccup. */
const MIN_LINES = 3;
const MIN_WORKFLOWS = 2;
/** The workflow type and id the SDKs print beside the failure (Go: `WorkflowType X WorkflowID y`; JSON: `"WorkflowType":"X"`). */
const WORKFLOW_TYPE = /\bWorkflow ?Type["'=: ]+([A-Za-z_][\w.]*)/i;
const WORKFLOW_ID = /\bWorkflow ?ID["'=: ]+([\w.:/-]+)/i;

export interface NondeterminismHit {
  pod: string;
  line: string;
  workflowType?: string;
  workflowId?: string;
}

export interface WorkflowNondeterminism {
  hits: NondeterminismHit[];
  pods: string[];
  workflowTypes: string[];
  workflowIds: string[];
}

/** The workers' workflow tasks failing replay for nondeterminism, when it repeats (several lines or several workflows). */
export function findWorkflowNondeterminism(logs: readonly { pod: string; lines: readonly string[] }[]): WorkflowNondeterminism | undefined {
  const hits: NondeterminismHit[] = logs.flatMap((log) =>
    log.lines.filter(isWorkflowNondeterminism).map((line) => {
      const type = WORKFLOW_TYPE.exec(line)?.[1];
      const id = WORKFLOW_ID.exec(line)?.[1];
      return { pod: log.pod, line, ...(type ? { workflowType: type } : {}), ...(id ? { workflowId: id } : {}) };
    }),
  );
  const uniq = (xs: (string | undefined)[]): string[] => [...new Set(xs.filter((x): x is string => x !== undefined))];
  const workflowIds = uniq(hits.map((h) => h.workflowId));
  if (hits.length < MIN_LINES && workflowIds.length < MIN_WORKFLOWS) return undefined;
  return { hits, pods: uniq(hits.map((h) => h.pod)), workflowTypes: uniq(hits.map((h) => h.workflowType)), workflowIds };
}
