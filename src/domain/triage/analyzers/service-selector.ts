import type { TriageEvidence } from '../evidence.js';
import { hasReadFailure } from '../evidence-lookup.js';
import type { Finding } from '../finding.js';
import { formatKubectl, formatSelector, formatWorkloadSelector } from '../kubectl-command.js';
import { findNearMiss, getPodLabels, isSimilarName, listSlicesOf } from '../service-match.js';
import { findEnvNamingService } from '../env-service-ref.js';

/**
 * Services that look meant for this workload but select no pod: the selector is one label
 * off (a typo, a renamed label) and the Service has no endpoints. A near-miss Service that
 * has endpoints selects something else on purpose and is left alone.
 */
export function analyzeServiceSelectors(ev: TriageEvidence): Finding[] {
  const labels = getPodLabels(ev);
  if (Object.keys(labels).length === 0) return [];
  const slicesKnown = !hasReadFailure(ev, 'endpointSlices');
  return ev.services.flatMap((svc): Finding[] => {
    if (svc.type === 'ExternalName') return [];
    const miss = findNearMiss(svc, labels, ev.target.name);
    if (!miss) return [];
    const endpoints = listSlicesOf(ev, svc.name).flatMap((s) => s.endpoints);
    if (endpoints.length > 0) return [];
    // The Service named like the workload is surely the one clients use; a look-alike may be idle on purpose (canary, preview).
    const main = svc.name === ev.target.name || svc.name === ev.target.service;
    // A Service these pods call (their env addresses it) fronts another workload; a StatefulSet's own governing Service excepted.
    const calls = !main && svc.name !== ev.workload?.serviceName && findEnvNamingService(ev.pods[0]?.containers ?? [], svc.name, ev.target.namespace) !== undefined;
    if (calls) return [];
    const typo = miss.have !== undefined && isSimilarName(miss.want, miss.have);
    const severity = main ? 'critical' : typo ? 'warning' : 'info';
    const confidence = !slicesKnown ? 'low' : main ? 'high' : typo ? 'medium' : 'low';
    const podSide = miss.have === undefined ? `the pods have no ${miss.key} label` : `the pods are labelled ${miss.key}=${miss.have}`;
    return [
      {
        id: `service-selector/${svc.name}`,
        kind: 'service-selector',
        title: `Service ${svc.name} selects no pods: selector ${miss.key}=${miss.want}, but ${podSide}`,
        layer: 'network/routing',
        severity,
        confidence,
        evidence: [
          `Service ${svc.name} selector: ${formatSelector(svc.selector)}`,
          `${ev.target.name} pod labels: ${formatSelector(labels)}`,
          slicesKnown ? `Service ${svc.name} has 0 endpoints` : 'EndpointSlices could not be read, so an empty Service is not confirmed',
        ],
        likelyCause: main || typo
          ? `The Service's selector differs from the pod labels in ${miss.key} (a typo or a label renamed on one side only), so it routes to nothing and its clients get connection errors.`
          : `The Service selects nothing; it may be idle on purpose (a canary or preview Service), or meant to select ${ev.target.name} and missing the ${miss.key} label on the pods.`,
        nextAction: `Mitigate: make the selector and the pod labels agree (change the Service selector through its manifest; relabelling pods alone is undone by the next rollout).`,
        confirmCommands: [
          formatKubectl(ev.target, `get service ${svc.name} -o jsonpath='{.spec.selector}'`),
          formatKubectl(ev.target, `get endpointslices -l kubernetes.io/service-name=${svc.name}`),
          formatKubectl(ev.target, `get pods --show-labels -l ${formatWorkloadSelector(ev.target, ev.workload?.selector)}`),
        ],
        affected: { services: [svc.name] },
      },
    ];
  });
}
