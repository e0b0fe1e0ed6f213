/**
 * A decisive log line shortened for a headline quote. Before any cut, the words a reader does not
 * need go, one kind at a time and only while the line is still too long: a timestamp, level and
 * logger before the message, the runtime's own prefix ("Unhandled exception.", `Exception in
 * thread "main"`, "Traceback …:", "panic:"), a server error's outer wrapper before its inner reason, then the namespaces of exception classes and of type
 * names (`System.InvalidOperationException` → `InvalidOperationException`,
 * `'com.example.widgets.Widget'` → `'Widget'`). What is still too long loses its last sentences
 * (advice first), else is cut by `clipAround`, so the message's own head ("Unable to resolve
 * service for type …") keeps its room.
 */
import { clipAround } from './collapse-events.js';

type Step = (text: string) => string;

/** A stamp, level and logger before the message: `2026-01-02T03:04:05.678Z ERROR [main] com.example.Worker - `. */
const LOG_PREFIX =
  /^\[?\d{4}-\d\d-\d\d[T ]\d\d:\d\d(?::\d\d(?:[.,]\d+)?)?(?:Z|[+-]\d\d:?\d\d)?\]?\s+(?:\[?(?:FATAL|ERROR|ERR|CRITICAL|CRIT|SEVERE|WARN|WARNING|PANIC)\]?:?\s+)?(?:\[[^\]]{1,40}\]\s+)?(?:(?:[a-z_]\w*\.)+[A-Z]\w*\s*(?:-|:)\s+)?/;

const STEPS: readonly Step[] = [
  (t) => t.replace(LOG_PREFIX, ''),
  // The runtime's own words before the exception.
  (t) => t.replace(/^(?:Unhandled exception\.|Unhandled Exception:|Exception in thread "[^"]*"|Traceback \(most recent call last\):|panic:)\s*/i, ''),
  // The AWS SDK's wrapper when the class already names the error code: `X: An error occurred (X) when calling the Y operation: `.
  (t) => t.replace(/\b(\w+): An error occurred \(\1\) when calling the \w+ operation(?: \([^)]*\))?: /, '$1: '),
  // A server's structured error wrapped by its client: the outer phase and `[type] Reason:` give way to the inner type and its reason
  // (`search_phase_execution_exception: [illegal_argument_exception] Reason: X` → `illegal_argument_exception: X`).
  (t) => t.replace(/\b\w+_exception: \[(\w+)\] Reason: /, '$1: '),
  // The same error as the JSON body the server answered: its innermost type and reason, the body's nesting gone.
  (t) => t.replace(/\{"error":\{"root_cause":\[\{"type":"(\w+)","reason":"((?:[^"\\]|\\.)*)".*$/, '$1: $2'),
  // gRPC's status wrapper: `rpc error: code = Unavailable desc = X` → `Unavailable: X`.
  (t) => t.replace(/\brpc error: code = (\w+) desc = /, '$1: '),
  // An exception class by its short name.
  (t) => t.replace(/(?<![\w/$.-])(?:[A-Za-z_][\w$]*\.)+([A-Z][\w$]*(?:Exception|Error|Fault))\b/g, '$1'),
  // A type by its short name: three or more dotted identifiers ending in a capitalised one (not a host, a path or a version).
  (t) => t.replace(/(?<![\w/$.:-])(?:[A-Za-z_][\w$]*\.){2,}([A-Z][\w$]*)\b(?![.\w/-])/g, '$1'),
];

/** Advice a runtime adds after its message ("Please try re-installing …", "See … for details"): what to do, not what is wrong. */
const ADVICE = /^(?:Please|Try|Consider|Hint|See|For more|To fix|Make sure|Did you|You (?:may|might|can|should))\b/i;

/**
 * The message's first sentences, its tail gone a sentence at a time (advice first): what is
 * wrong comes first, what follows tells more or what to do. Kept only when the head left says
 * enough on its own (half the budget), else undefined.
 */
function leadingSentences(text: string, max: number): string | undefined {
  const sentences = text.split(/(?<=[.!?])\s+(?=[A-Z])/);
  if (sentences.length < 2) return undefined;
  // A sentence cut short upstream ("…") says less than it seems to.
  if (sentences.at(-1)?.endsWith('…')) sentences.pop();
  while (sentences.length > 1 && ADVICE.test(sentences.at(-1) ?? '')) sentences.pop();
  while (sentences.length > 1 && sentences.join(' ').length > max) sentences.pop();
  const head = sentences.join(' ');
  return head.length <= max && head.length >= max / 2 ? head : undefined;
}

export function shortenQuote(text: string, max: number): string {
  let out = text;
  for (const step of STEPS) {
    if (out.length <= max) return out;
    out = step(out).trim();
  }
  if (out.length <= max) return out;
  return leadingSentences(out, max) ?? clipAround(out, max);
}
