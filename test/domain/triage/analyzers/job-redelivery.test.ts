import { describe, expect, it } from 'vitest';
import { analyzeJobRedelivery } from '../../../../src/domain/triage/analyzers/job-redelivery.js';
import type { SettingConfigEvidence } from '../../../../src/domain/triage/evidence-setting-config.js';
import type { EnvVarEvidence } from '../../../../src/domain/triage/evidence.js';
import { buildTriageReport } from '../../../../src/domain/triage/triage-report.js';
import { REV6, REV7, baseEvidence, container, minutesAgo, pod, revision, revisionContainer, workload } from '../scenarios/builders.js';

const sql = (ago: number) => minutesAgo(ago).slice(0, 19).replace('T', ' ');
const EXCEEDED = (ago: number) => `[${sql(ago)}] production.ERROR: App\\Jobs\\BuildReport has been attempted too many times or run too long. The job may have previously timed out. {"exception":"[object] (Illuminate\\\\Queue\\\\MaxAttemptsExceededException(code: 0): App\\\\Jobs\\\\BuildReport has been attempted too many times or run too long."}`;
const FRAME = '#0 /var/www/html/vendor/laravel/framework/src/Illuminate/Queue/Worker.php(785): Illuminate\\Queue\\MaxAttemptsExceededException::forJob(Object(Illuminate\\Queue\\Jobs\\RedisJob))';
const RETRY_AFTER: SettingConfigEvidence = { mechanism: 'queue-redelivery', configMap: 'app-env', key: 'QUEUE_RETRY_AFTER', via: 'envFrom', written: 'QUEUE_RETRY_AFTER=90' };
const args = (timeout: number) => ['--queue=reports,default', `--timeout=${timeout}`, '--tries=2'];

function scenario(o: { timeout?: number; config?: SettingConfigEvidence[]; env?: EnvVarEvidence[]; lines?: string[]; was?: number } = {}) {
  const spec = { command: ['php', 'artisan', 'queue:work', 'redis'], args: args(o.timeout ?? 120), envFrom: [{ kind: 'configMap' as const, name: 'app-env' }], env: o.env ?? [] };
  const pods = [0, 1, 2].map((i) => pod(i, { containers: [container(spec)] }));
  const lines = o.lines ?? [EXCEEDED(40), EXCEEDED(22)];
  return {
    ...baseEvidence({
      pods,
      workload: workload({ specReplicas: 3, replicas: 3, readyReplicas: 3, availableReplicas: 3, updatedReplicas: 3, templateContainers: [container(spec)] }),
      logs: pods.map((p, k) => ({ pod: p.name, container: 'app', previous: false, lines: k === 2 ? [] : [lines[k] ?? '', FRAME] })),
      settingConfig: o.config ?? [RETRY_AFTER],
    }),
    revisions: [
      revision(REV6, minutesAgo(20 * 24 * 60), { containers: [revisionContainer({ ...spec, args: args(o.was ?? 60) })] }),
      revision(REV7, minutesAgo(2 * 24 * 60 + 120), { containers: [revisionContainer({ ...spec, args: args(o.timeout ?? 120) })] }),
    ],
  };
}

describe('analyzeJobRedelivery', () => {
  it('sets the worker\'s job timeout against the queue\'s retry_after, and dates the revision that raised the timeout', () => {
    const [f] = analyzeJobRedelivery(scenario());
    expect(f?.title).toBe('Queue jobs can outlive the queue\'s redelivery timeout: the worker runs a job for up to --timeout=120 (args) but QUEUE_RETRY_AFTER=90 (ConfigMap app-env) hands a job still running after 90 s to another worker, so long jobs run twice and a later pickup fails — "App\\Jobs\\BuildReport has been attempted too many times or run too long" (2 lines, 2 pods); revision 7 (2d 2h ago) raised --timeout from 60 to 120');
    expect(f?.datesChange).toBe(true);
    expect(f?.fix).toBe('raise QUEUE_RETRY_AFTER above the job timeout (e.g. 150) or bring --timeout back under 90');
    const report = buildTriageReport(scenario(), { startedAt: '2026-11-21T03:14:00Z', finishedAt: '2026-11-21T03:14:01Z' });
    expect(report.verdict).toBe('problems');
    expect(report.headline).toMatch(/QUEUE_RETRY_AFTER=90/);
  });

  it('reads the redelivery timeout from a literal env var, and RabbitMQ\'s consumer_timeout in milliseconds', () => {
    const [env] = analyzeJobRedelivery(scenario({ config: [], env: [{ name: 'SQS_VISIBILITY_TIMEOUT', value: '60' }], timeout: 120, was: 120 }));
    expect(env?.title).toMatch(/--timeout=120 \(args\) but SQS_VISIBILITY_TIMEOUT=60 \(env\) hands a job still running after 60 s/);
    expect(env?.datesChange).toBeUndefined();
    const ack = (ago: number) => `${minutesAgo(ago)} ERROR channel closed: PRECONDITION_FAILED - delivery acknowledgement on channel 1 timed out. Timeout value used: 1800000 ms`;
    const [rabbit] = analyzeJobRedelivery(scenario({ config: [{ mechanism: 'queue-redelivery', configMap: 'app-env', key: 'RABBITMQ_CONSUMER_TIMEOUT', via: 'envFrom', written: 'RABBITMQ_CONSUMER_TIMEOUT=1800000' }], timeout: 3600, was: 3600, lines: [ack(30), ack(10)] }));
    expect(rabbit?.title).toMatch(/RABBITMQ_CONSUMER_TIMEOUT=1800000 \(ConfigMap app-env\) hands a job still running after 1800 s/);
  });

  it('stays quiet when the timeout is under the redelivery timeout, when either is unknown, and on one exhausted job', () => {
    expect(analyzeJobRedelivery(scenario({ timeout: 60 }))).toEqual([]);
    expect(analyzeJobRedelivery(scenario({ config: [] }))).toEqual([]);
    expect(analyzeJobRedelivery(scenario({ lines: [EXCEEDED(40)] }))).toEqual([]);
  });
});
