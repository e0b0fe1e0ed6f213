/**
 * Every error Rootcause raises on purpose has a code and is one class. Everything throws them;
 * `userErrorText` alone words one for a person (the command and button answers), and the job
 * runner and HTTP routes decide from the code what happens next (retry, 503).
 */
export type ErrorCode =
  | 'CONFIG_INVALID'
  | 'CATALOG_INVALID'
  | 'DEPENDENCY_UNAVAILABLE' // Redis, Slack, PagerDuty or the cluster did not answer: retry
  | 'DEPENDENCY_REJECTED' // a dependency said no for good (missing scope, archived channel)
  | 'INCIDENT_BUSY' // another replica holds the incident's lock: retry shortly
  | 'INCIDENT_NOT_FOUND'
  | 'BAD_REQUEST'
  | 'BAD_SIGNATURE'
  | 'PAYLOAD_TOO_LARGE'
  | 'USAGE';

export class RootcauseError extends Error {
  readonly code: ErrorCode;
  /** Retrying the same work later may succeed (network, 5xx, lock held). */
  readonly retryable: boolean;
  /** Which dependency, for messages that must name it ("Slack", "PagerDuty", "Redis"). */
  readonly dependency: string | undefined;
  /** What went wrong without the dependency's name, for sentences that name it themselves. */
  readonly detail: string | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    opts: { retryable?: boolean; dependency?: string; detail?: string; cause?: unknown } = {},
  ) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = 'RootcauseError';
    this.code = code;
    this.retryable = opts.retryable ?? false;
    this.dependency = opts.dependency;
    this.detail = opts.detail;
  }
}

export function dependencyUnavailable(dependency: string, detail: string, cause?: unknown): RootcauseError {
  return new RootcauseError('DEPENDENCY_UNAVAILABLE', `${dependency} is unavailable: ${detail}`, {
    retryable: true,
    dependency,
    detail,
    cause,
  });
}

export function dependencyRejected(dependency: string, detail: string, cause?: unknown): RootcauseError {
  return new RootcauseError('DEPENDENCY_REJECTED', `${dependency} refused: ${detail}`, {
    retryable: false,
    dependency,
    detail,
    cause,
  });
}

export function isRetryable(err: unknown): boolean {
  return err instanceof RootcauseError ? err.retryable : true;
}

export function describeError(err: unknown): string {
  if (err instanceof Error) return err.message;
  return String(err);
}

/**
 * The one place an error becomes what a person reads, when something they asked for failed:
 * "Could not <attempt>: <why>. <what now>". Only a coded error names a dependency, so an
 * outage of Redis says Redis, and a failure of anything else never does.
 * `unchanged`: what the person may rely on ("Nothing changed"), said before the advice.
 */
export function userErrorText(err: unknown, attempt: string, opts: { unchanged?: string } = {}): string {
  const advice = isRetryable(err) ? 'try again in a minute.' : undefined;
  const then = opts.unchanged === undefined ? capitalize(advice ?? '') : `${opts.unchanged}${advice === undefined ? '.' : `; ${advice}`}`;
  return `Could not ${attempt}: ${whyItFailed(err)}.${then === '' ? '' : ` ${then}`}`;
}

function whyItFailed(err: unknown): string {
  if (!(err instanceof RootcauseError)) return `something went wrong (${describeError(err)})`;
  const detail = err.detail ?? err.message;
  if (err.code === 'DEPENDENCY_UNAVAILABLE' && err.dependency !== undefined) return `${err.dependency} is unavailable (${detail})`;
  if (err.code === 'DEPENDENCY_REJECTED' && err.dependency !== undefined) return `${err.dependency} refused (${detail})`;
  if (err.code === 'INCIDENT_BUSY') return `the incident is busy (${detail})`;
  return detail;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
