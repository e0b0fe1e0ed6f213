/**
 * A queue another Deployment of the namespace is configured with (a literal env value naming an
 * SQS queue), read only when SQS says the queue the workload polls does not exist
 * (missing-queue.ts): a producer or consumer that still works names the queue that exists.
 */
export interface QueuePeerEvidence {
  deployment: string;
  /** The env variable that names it. */
  env: string;
  /** The queue's name (the last segment of its URL or ARN, or the bare name). */
  queue: string;
  /** The value as written (a URL, an ARN or a name). */
  value: string;
}
