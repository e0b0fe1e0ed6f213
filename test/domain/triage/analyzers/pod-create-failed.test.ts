import { describe, expect, it } from 'vitest';
import { analyzePodCreateFailures } from '../../../../src/domain/triage/analyzers/pod-create-failed.js';
import { APP, NS, REV7, baseEvidence, event, minutesAgo, pod } from '../scenarios/builders.js';
import { healthyScenario } from '../scenarios/healthy.js';
import { completed, cronJob, jobName } from '../scenarios/cron-jobs.js';

function refused(message: string, when = 1) {
  return baseEvidence({
    pods: [0, 1, 2].map((i) => pod(i)),
    events: [event({ object: { kind: 'ReplicaSet', name: `${APP}-${REV7.hash}`, namespace: NS }, reason: 'FailedCreate', message, count: 17, firstSeen: minutesAgo(when + 15), lastSeen: minutesAgo(when), source: 'replicaset-controller' })],
  });
}

describe('analyzePodCreateFailures', () => {
  it('names the LimitRange that refuses a container\'s limit, and the bound and the ask', () => {
    const ev = refused('pods "report-builder-5d9c7-" is forbidden: maximum memory usage per Container is 2Gi, but limit is 3Gi');
    ev.namespaceObjects = [{ kind: 'LimitRange', name: 'container-limits', createdAt: minutesAgo(90 * 24 * 60) }];
    const [f] = analyzePodCreateFailures(ev);
    expect(f?.title).toContain('LimitRange container-limits refuses the pods: maximum memory per container is 2Gi, the pods ask 3Gi');
    expect(f?.confirmCommands.join(' ')).toContain('describe limitrange container-limits');
    expect(`${f?.title} ${f?.likelyCause}`).not.toMatch(/quota/i);
  });

  it('names an exhausted ResourceQuota, in the capacity layer', () => {
    const [f] = analyzePodCreateFailures(refused(`Error creating: pods "${APP}-${REV7.hash}-w9x2c" is forbidden: exceeded quota: payments-compute, requested: limits.memory=512Mi, used: limits.memory=19968Mi, limited: limits.memory=20Gi`));
    expect(f?.title).toBe('Pods cannot be created: ResourceQuota payments-compute exhausted');
    expect(f?.layer).toBe('capacity');
    expect(f?.evidence[0]).toContain('FailedCreate ×17 over 15m');
    expect(f?.evidence).toContain('3 pods exist of 5 desired');
    expect(f?.confirmCommands).toContain('kubectl describe resourcequota payments-compute -n payments --context prod-eu-west-1');
  });

  it.each([
    [`Error creating: pods "${APP}-${REV7.hash}-w9x2c" is forbidden: violates PodSecurity "restricted:latest": allowPrivilegeEscalation != false (container "app" must set securityContext.allowPrivilegeEscalation=false)`, 'violate PodSecurity "restricted:latest"'],
    [`Error creating: admission webhook "validate.kyverno.svc-fail" denied the request: resource Pod/payments/x was blocked due to the following policies: require-requests-limits`, 'admission webhook validate.kyverno.svc-fail'],
    [`Error creating: pods "${APP}-${REV7.hash}-" is forbidden: error looking up service account payments/payment-service-v2: serviceaccount "payment-service-v2" not found`, 'ServiceAccount payment-service-v2 not found'],
  ])('classifies %s', (message, words) => {
    expect(analyzePodCreateFailures(refused(message))[0]?.title).toContain(words);
  });

  it('names the PriorityClass the template most likely meant, from the classes the namespace\'s pods run with', () => {
    const ev = refused(`Error creating: pods "${APP}-${REV7.hash}-" is forbidden: no PriorityClass with name bussiness-critical was found`);
    ev.priorityClassesInUse = [{ name: 'batch-low', usedBy: ['CronJob nightly-export'] }, { name: 'business-critical', usedBy: ['Deployment online-ranker'] }];
    const [f] = analyzePodCreateFailures(ev);
    expect(f?.title).toBe('Pods cannot be created: PriorityClass bussiness-critical does not exist; did the template mean business-critical (used by Deployment online-ranker)?');
    expect(f?.nextAction).toBe('Correct priorityClassName to business-critical in the template and roll out again.');
    expect(f?.confirmCommands).toContain('kubectl get priorityclass --context prod-eu-west-1');
  });

  it('says a PriorityClass does not exist, without guessing, when no class in use is near its name', () => {
    const ev = refused(`Error creating: pods "${APP}-${REV7.hash}-" is forbidden: no PriorityClass with name payments-urgent was found`);
    ev.priorityClassesInUse = [{ name: 'system-node-critical', usedBy: ['DaemonSet node-agent'] }];
    const [f] = analyzePodCreateFailures(ev);
    expect(f?.title).toBe('Pods cannot be created: PriorityClass payments-urgent does not exist');
    expect(f?.nextAction).toContain('create payments-urgent if it is new');
  });

  it('says the namespace is being deleted, since when, and which finalizers hold the deletion', () => {
    const ev = refused(`Error creating: pods "${APP}-${REV7.hash}-" is forbidden: unable to create new content in namespace ${NS} because it is being terminated`);
    ev.namespaceObjects = [{
      kind: 'Namespace', name: NS, createdAt: minutesAgo(400 * 24 * 60), changedAt: minutesAgo(15),
      deletion: { deletedAt: minutesAgo(15), phase: 'Terminating', conditions: [
        { type: 'NamespaceContentRemaining', status: 'True', reason: 'SomeResourcesRemain', message: 'Some resources are remaining: widgets.example.io has 2 resource instances' },
        { type: 'NamespaceFinalizersRemaining', status: 'True', reason: 'SomeFinalizersRemain', message: 'Some content in the namespace has finalizers remaining: example.io/widget-cleanup in 2 resource instances' },
      ] },
    }];
    const [f] = analyzePodCreateFailures(ev);
    expect(f?.title).toBe(`Pods cannot be created: namespace ${NS} is being deleted (Terminating, deleted 15m ago); finalizers hold the deletion (example.io/widget-cleanup in 2 resource instances)`);
    expect(f?.evidence.join('\n')).toContain('NamespaceContentRemaining: widgets.example.io has 2 resource instances');
    expect(f?.likelyCause).toContain('the workload itself is not at fault');
    expect(f?.confirmCommands.join(' ')).toContain(`get namespace ${NS} -o yaml`);
  });

  it('says the namespace is being deleted from the refusal alone when the Namespace could not be read', () => {
    const [f] = analyzePodCreateFailures(refused(`Error creating: pods "${APP}-${REV7.hash}-" is forbidden: unable to create new content in namespace ${NS} because it is being terminated`));
    expect(f?.title).toBe(`Pods cannot be created: namespace ${NS} is being deleted (Terminating)`);
  });

  it('ignores FailedCreate events older than a day and healthy workloads', () => {
    expect(analyzePodCreateFailures(refused('Error creating: exceeded quota: payments-compute', 2 * 24 * 60))).toEqual([]);
    expect(analyzePodCreateFailures(healthyScenario())).toEqual([]);
  });

  it('says an admission webhook without endpoints refuses every new pod, whatever its revision', () => {
    const message = 'Error creating: Internal error occurred: failed calling webhook "namespace.sidecar-injector.istio.io": failed to call webhook: Post "https://istiod.istio-system.svc:443/inject?timeout=10s": no endpoints available for service "istiod"';
    const [f, ...rest] = analyzePodCreateFailures(refused(message));
    expect(rest).toHaveLength(0);
    expect(f?.id).toBe('pod-create-failed/webhook-unreachable/namespace.sidecar-injector.istio.io');
    expect(f?.title).toBe('Pods cannot be created: admission webhook namespace.sidecar-injector.istio.io has no endpoints (Service istiod in istio-system has no ready pod), so the API server refuses every new pod');
    expect(f?.layer).toBe('network/routing');
    expect(f?.outsideWorkload).toBe('any new pod, of any revision, is refused by the same webhook');
    expect(f?.decisive).toBe('Internal error occurred: failed calling webhook "namespace.sidecar-injector.istio.io": failed to call webhook: Post "https://istiod.istio-system.svc:443/inject?timeout=10s": no endpoints available for service "istiod"');
    expect(f?.nextAction).toBe('Bring Service istiod in istio-system back (its Deployment\'s replicas, its pods\' state); a rollback would need new pods too and would be refused the same way.');
    expect(f?.fix).toBe('bring Service istiod in istio-system back');
    expect(f?.confirmCommands).toEqual([
      'kubectl describe deployment/payment-service -n payments --context prod-eu-west-1',
      'kubectl get events --field-selector reason=FailedCreate -n payments --context prod-eu-west-1',
      // The webhook's backend lives in its own namespace, on the same cluster.
      'kubectl get deployment,pods,endpointslices -l app=istiod -n istio-system --context prod-eu-west-1',
    ]);
  });

  it.each([
    [
      'Error creating: Internal error occurred: failed calling webhook "validate.kyverno.svc-fail": failed to call webhook: Post "https://kyverno-svc.kyverno.svc:443/validate/fail?timeout=10s": dial tcp 172.20.31.7:443: connect: connection refused',
      'admission webhook validate.kyverno.svc-fail refuses connections (Service kyverno-svc in kyverno)',
    ],
    [
      'Error creating: Internal error occurred: failed calling webhook "mpod.elbv2.k8s.aws": failed to call webhook: Post "https://aws-load-balancer-webhook-service.kube-system.svc:443/mutate-v1-pod?timeout=10s": context deadline exceeded',
      'admission webhook mpod.elbv2.k8s.aws times out (Service aws-load-balancer-webhook-service in kube-system)',
    ],
    [
      'Error creating: Internal error occurred: failed calling webhook "webhook.cert-manager.io": failed to call webhook: Post "https://cert-manager-webhook.cert-manager.svc:443/validate?timeout=30s": tls: failed to verify certificate: x509: certificate signed by unknown authority',
      'admission webhook webhook.cert-manager.io presents a certificate the API server rejects (Service cert-manager-webhook in cert-manager)',
    ],
  ])('names how the webhook cannot be called: %s', (message, words) => {
    const [f] = analyzePodCreateFailures(refused(message));
    expect(f?.title).toBe(`Pods cannot be created: ${words}, so the API server refuses every new pod`);
    expect(f?.outsideWorkload).toBe('any new pod, of any revision, is refused by the same webhook');
  });

  it('blames the pod template, not something outside it, when a webhook answers and denies', () => {
    const [f] = analyzePodCreateFailures(refused('Error creating: admission webhook "validate.kyverno.svc-fail" denied the request: resource Pod/payments/x was blocked due to the following policies: require-requests-limits'));
    expect(f?.layer).toBe('rollout/change');
    expect(f?.outsideWorkload).toBeUndefined();
  });

  describe('a Job that cannot create its pod', () => {
    const CRON = 'orders-export';
    /** Three nightly runs completed; tonight's Job, 14 minutes old, has no pod: admission refuses it. */
    function runRefused(message: string) {
      const tonight = { name: jobName(CRON, 14), createdAt: minutesAgo(14), active: 0, succeeded: 0, failed: 0, backoffLimit: 6, completions: 1, conditions: [] };
      const ev = cronJob(CRON, { cron: '0 3 * * *', suspended: false, concurrencyPolicy: 'Forbid', lastScheduleTime: minutesAgo(14) }, [tonight, ...[1, 2, 3].map((d) => completed(CRON, d * 24 * 60 + 14, 20))]);
      ev.events = [event({ object: { kind: 'Job', name: tonight.name, namespace: NS }, reason: 'FailedCreate', message: message.replace('JOB', tonight.name), count: 9, firstSeen: minutesAgo(14), lastSeen: minutesAgo(1), source: 'job-controller' })];
      return { ev, job: tonight.name };
    }

    it('names the missing PriorityClass, the Job without a pod and the fix in the job template', () => {
      const { ev, job } = runRefused('Error creating: pods "JOB-" is forbidden: no PriorityClass with name batch-standard was found');
      const [f, ...rest] = analyzePodCreateFailures(ev);
      expect(rest).toHaveLength(0);
      expect(f?.title).toBe(`Job ${job}, created 14m ago, cannot create its pod: PriorityClass batch-standard does not exist`);
      expect(f?.severity).toBe('critical');
      expect(f?.decisive).toBe('no PriorityClass with name batch-standard was found');
      expect(f?.onset).toBe(minutesAgo(14));
      expect(f?.evidence).toContain(`Job ${job} (created 14m ago): no pod (0 active, 0 succeeded, 0 failed)`);
      expect(f?.likelyCause).toContain('no pod of this Job is created and nothing runs');
      expect(f?.nextAction).toContain('priorityClassName');
      expect(f?.nextAction).toContain(`kubectl create job --from=cronjob/${CRON}`);
      expect(f?.fix).toMatch(/priorityClassName/);
    });

    it('classifies other refusals of the Job\'s pod the same way (quota)', () => {
      const { ev, job } = runRefused('Error creating: pods "JOB-x2" is forbidden: exceeded quota: batch-compute, requested: limits.memory=2Gi, used: limits.memory=19Gi, limited: limits.memory=20Gi');
      expect(analyzePodCreateFailures(ev)[0]?.title).toBe(`Job ${job}, created 14m ago, cannot create its pod: ResourceQuota batch-compute exhausted`);
    });

    it('ignores a refusal of a run that has since completed', () => {
      const { ev } = runRefused('Error creating: pods "JOB-" is forbidden: no PriorityClass with name batch-standard was found');
      ev.events = ev.events.map((e) => ({ ...e, object: { ...e.object, name: ev.jobs?.[1]?.name ?? '' } }));
      expect(analyzePodCreateFailures(ev)).toEqual([]);
    });
  });
});
