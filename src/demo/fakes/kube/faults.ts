// Failure injection of the fake kube-apiserver: per-path latency, injected error Statuses, and
// requests held unanswered until released. Rules match the request path; the latest latency
// rule that matches wins over the default.
import { StatusError } from './status.js';

interface LatencyRule {
  pattern: RegExp;
  ms: number;
}

interface FailureRule {
  pattern: RegExp;
  status: number;
}

interface HoldRule {
  pattern: RegExp;
  released: Promise<void>;
  release: () => void;
}

function matches(pattern: RegExp, path: string): boolean {
  pattern.lastIndex = 0;
  return pattern.test(path);
}

const STATUS_REASONS: Record<number, string> = { 500: 'InternalError', 503: 'ServiceUnavailable', 504: 'Timeout', 429: 'TooManyRequests' };

export class FaultRules {
  private latencyRules: LatencyRule[] = [];
  private failureRules: FailureRule[] = [];
  private holdRules: HoldRule[] = [];

  constructor(
    /** Delay of a request no latency rule matches. */
    public latencyMs: number,
  ) {}

  setLatency(pattern: RegExp, ms: number): void {
    this.latencyRules.push({ pattern, ms });
  }

  clearLatency(): void {
    this.latencyRules = [];
    this.latencyMs = 0;
  }

  failWith(pattern: RegExp, status: number): () => void {
    const rule = { pattern, status };
    this.failureRules.push(rule);
    return () => {
      this.failureRules = this.failureRules.filter((r) => r !== rule);
    };
  }

  hold(pattern: RegExp): () => void {
    let release = (): void => undefined;
    const released = new Promise<void>((resolve) => (release = resolve));
    const rule = { pattern, released, release };
    this.holdRules.push(rule);
    return () => {
      this.holdRules = this.holdRules.filter((r) => r !== rule);
      release();
    };
  }

  /** Lets every held request go on (the fake is closing). */
  releaseAll(): void {
    for (const rule of this.holdRules.splice(0)) rule.release();
  }

  delayFor(path: string): number {
    for (let i = this.latencyRules.length - 1; i >= 0; i--) {
      const rule = this.latencyRules[i] as LatencyRule;
      if (matches(rule.pattern, path)) return rule.ms;
    }
    return this.latencyMs;
  }

  /** Resolves when every hold on `path` is released; undefined when none holds it. */
  heldUntil(path: string): Promise<void> | undefined {
    const held = this.holdRules.filter((r) => matches(r.pattern, path));
    return held.length === 0 ? undefined : Promise.all(held.map((r) => r.released)).then(() => undefined);
  }

  /** The injected Status for `path`, if a failure rule matches it. */
  failureFor(path: string): StatusError | undefined {
    const rule = this.failureRules.find((r) => matches(r.pattern, path));
    if (rule === undefined) return undefined;
    const reason = STATUS_REASONS[rule.status] ?? 'InternalError';
    const message = rule.status === 503 ? `the server is currently unable to handle the request (get ${path})` : `injected ${rule.status} for ${path}`;
    return new StatusError(rule.status, reason, message);
  }
}
