/** Prometheus metrics (PRODUCT §3 /metrics). One registry per bot instance, so tests can run several. */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export class Metrics {
  readonly registry = new Registry();
  readonly webhookDeliveries = new Counter(
    this.labelled(
      'rootcause_webhook_deliveries_total',
      'PagerDuty webhook deliveries by outcome (accepted, duplicate, ignored, bad_signature, bad_request, too_large, unavailable, not_configured)',
      ['outcome'],
    ),
  );
  readonly slackCalls = new Counter(this.labelled('rootcause_slack_api_calls_total', 'Slack Web API calls by method and outcome (ok or the Slack error)', ['method', 'outcome']));
  readonly pagerDutyCalls = new Counter(this.labelled('rootcause_pagerduty_api_calls_total', 'PagerDuty REST calls by operation and HTTP status', ['operation', 'outcome']));
  readonly queueDepth = new Gauge(this.labelled('rootcause_queue_jobs', 'Jobs in each queue by state', ['queue', 'state']));
  readonly jobDuration = new Histogram({
    ...this.labelled('rootcause_job_duration_seconds', 'Job run time by queue and outcome', ['queue', 'outcome']),
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
  });

  constructor(opts: { processMetrics?: boolean } = {}) {
    if (opts.processMetrics ?? true) collectDefaultMetrics({ register: this.registry, prefix: 'rootcause_' });
  }

  /** What every metric here shares: a name, its help, its labels, and this instance's registry. */
  private labelled<L extends string>(name: string, help: string, labelNames: readonly L[]) {
    return { name, help, labelNames, registers: [this.registry] };
  }
}
