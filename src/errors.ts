/**
 * Every error Rootcause raises on purpose has a code and is one class. One place
 * (the job runner, the command responder, the HTTP routes) turns them into what a
 * user or PagerDuty sees; everything else throws.
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

  constructor(
    code: ErrorCode,
    message: string,
    opts: { retryable?: boolean; dependency?: string; cause?: unknown } = {},
  ) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = 'RootcauseError';
    this.code = code;
    this.retryable = opts.retryable ?? false;
    this.dependency = opts.dependency;
  }
}

export function dependencyUnavailable(dependency: string, detail: string, cause?: unknown): RootcauseError {
  return new RootcauseError('DEPENDENCY_UNAVAILABLE', `${dependency} is unavailable: ${detail}`, {
    retryable: true,
    dependency,
    cause,
  });
}

export function dependencyRejected(dependency: string, detail: string, cause?: unknown): RootcauseError {
  return new RootcauseError('DEPENDENCY_REJECTED', `${dependency} refused: ${detail}`, {
    retryable: false,
    dependency,
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
