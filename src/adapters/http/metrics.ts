/** Prometheus metrics (PRODUCT §3 /metrics). One registry per bot instance, so tests can run several. */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export class Metrics {
  readonly registry = new Registry();
  readonly webhookDeliveries = new Counter({
    name: 'rootcause_webhook_deliveries_total',
    help: 'PagerDuty webhook deliveries by outcome (accepted, duplicate, ignored, bad_signature, bad_request, too_large, unavailable, not_configured)',
    labelNames: ['outcome'],
    registers: [this.registry],
  });
  readonly slackCalls = new Counter({
    name: 'rootcause_slack_api_calls_total',
    help: 'Slack Web API calls by method and outcome (ok or the Slack error)',
    labelNames: ['method', 'outcome'],
    registers: [this.registry],
  });
  readonly pagerDutyCalls = new Counter({
    name: 'rootcause_pagerduty_api_calls_total',
    help: 'PagerDuty REST calls by operation and HTTP status',
    labelNames: ['operation', 'outcome'],
    registers: [this.registry],
  });
  readonly queueDepth = new Gauge({
    name: 'rootcause_queue_jobs',
    help: 'Jobs in each queue by state',
    labelNames: ['queue', 'state'],
    registers: [this.registry],
  });
  readonly jobDuration = new Histogram({
    name: 'rootcause_job_duration_seconds',
    help: 'Job run time by queue and outcome',
    labelNames: ['queue', 'outcome'],
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
    registers: [this.registry],
  });

  constructor(opts: { processMetrics?: boolean } = {}) {
    if (opts.processMetrics ?? true) collectDefaultMetrics({ register: this.registry, prefix: 'rootcause_' });
  }
}
