/**
 * `/triage <service> [--namespace NS] [--context CTX]` (PRODUCT §5): parse, validate
 * every name before any API call, acknowledge at once, and queue the work.
 */
import type { TriageRequest } from '../src/domain/triage/triage-request.js';
import { userErrorText } from '../src/errors.js';
import { checkDns1123Label, parseArgs } from './parse-args.js';

const TRIAGE_USAGE =
  'Usage: `/triage <service> [--namespace NS] [--context CTX]`, e.g. `/triage payment-service --namespace payments`';

export interface TriageCommand {
  service: string;
  namespace: string | undefined;
  context: string | undefined;
}

/** Kube context names come from kubeconfigs (`gke_proj_zone_name`, `arn:aws:eks:…:cluster/prod`); they are checked against the kubeconfig too. */
const CONTEXT_NAME = /^[A-Za-z0-9][A-Za-z0-9._:/@-]{0,252}$/;

export function parseTriageCommand(text: string, knownContexts: string[]): { ok: TriageCommand } | { error: string } {
  const args = parseArgs(text, { '--namespace': 'namespace', '-n': 'namespace', '--context': 'context' });
  const problem = (why: string) => ({ error: `${why}.\n${TRIAGE_USAGE}` });
  if (args.problems.length > 0) return problem(capitalize(args.problems.join('; ')));
  if (args.positional.length === 0) return problem('Which service? The service name is missing');
  if (args.positional.length > 1) return problem(`One service at a time; got "${args.positional.join(' ')}"`);
  const service = args.positional[0]!;
  if (/^<[@#!]/.test(service)) return problem(`"${service}" is a mention, not a service name`);
  const bad = checkDns1123Label(service, 'Service name') ?? (args.flags.namespace === undefined ? undefined : checkDns1123Label(args.flags.namespace, 'Namespace'));
  if (bad) return problem(bad);
  const context = args.flags.context;
  if (context !== undefined) {
    if (!CONTEXT_NAME.test(context)) return problem(`Context "${context.slice(0, 80)}" is not a valid context name`);
    if (knownContexts.length > 0 && !knownContexts.includes(context)) {
      return problem(`Unknown context "${context}"; the bot knows ${knownContexts.map((c) => `\`${c}\``).join(', ')}`);
    }
  }
  return { ok: { service, namespace: args.flags.namespace, context } };
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export interface TriageCommandDeps {
  /** Context names from the kubeconfig (empty when none could be loaded). */
  contexts: string[];
  enqueue: (request: TriageRequest) => Promise<void>;
}

export interface SlashCommandInput {
  text: string;
  userId: string;
  channelId: string;
  responseUrl: string;
  /** Unique per invocation: the triage's idempotency key. */
  triggerId: string;
  /** The incident of this channel, if it is one. */
  incidentId?: string | undefined;
}

/** Returns the ephemeral text to acknowledge with; the work itself is queued. */
export async function handleTriageCommand(deps: TriageCommandDeps, input: SlashCommandInput): Promise<string> {
  const parsed = parseTriageCommand(input.text, deps.contexts);
  if ('error' in parsed) return parsed.error;
  const { service, namespace, context } = parsed.ok;
  try {
    await deps.enqueue({
      id: input.triggerId,
      service,
      namespace,
      context,
      channelId: input.channelId,
      requestedBy: input.userId,
      responseUrl: input.responseUrl,
      incidentId: input.incidentId,
    });
  } catch (err) {
    return userErrorText(err, `start the triage of \`${service}\``, { unchanged: 'Nothing was run' });
  }
  const where = [namespace ? `namespace \`${namespace}\`` : undefined, context ? `context \`${context}\`` : undefined].filter(Boolean).join(', ');
  return `:mag: Triaging \`${service}\`${where ? ` (${where})` : ''}… read-only; the findings will be posted in this channel.`;
}
