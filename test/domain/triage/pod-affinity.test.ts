import { describe, expect, it } from 'vitest';
import type { PodAffinityTermEvidence } from '../../../src/domain/triage/evidence.js';
import { describeAffinityTerm, findNearLabels, formatTermQuery, pickAffinityTerms, termNamespaces } from '../../../src/domain/triage/pod-affinity.js';
import { NS, event, minutesAgo, pod, unscheduledPod } from './scenarios/builders.js';

const HOST = 'kubernetes.io/hostname';
const TERM: PodAffinityTermEvidence = { matchLabels: { app: 'suggest-cache' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['cache'] }], topologyKey: HOST };
const AFFINITY = "0/3 nodes are available: 3 node(s) didn't match pod affinity rules. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.";
const ANTI = "0/3 nodes are available: 3 node(s) didn't match pod anti-affinity rules. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.";
const placement = { nodeSelector: {}, requiredNodeAffinity: [], tolerations: [], requiredPodAffinity: [TERM] };

describe('required pod affinity terms', () => {
  it('renders a term as a label query and as words', () => {
    expect(formatTermQuery(TERM)).toBe('app=suggest-cache,tier in (cache)');
    expect(describeAffinityTerm(TERM)).toBe(`app=suggest-cache, tier=cache @${HOST}`);
    expect(describeAffinityTerm({ ...TERM, namespaces: ['cache'] })).toBe(`app=suggest-cache, tier=cache @${HOST} in cache`);
  });

  it('looks in the pod\'s namespace unless the term names others, and not at all under a namespaceSelector', () => {
    expect(termNamespaces(TERM, 'search')).toEqual(['search']);
    expect(termNamespaces({ ...TERM, namespaces: ['cache', 'search'] }, 'search')).toEqual(['cache', 'search']);
    expect(termNamespaces({ ...TERM, namespaceSelector: '' }, 'search')).toBeUndefined();
  });

  it('picks the terms of pods refused for pod affinity, not for anti-affinity', () => {
    const refused = unscheduledPod(3, AFFINITY, 30, { placement });
    const kept = unscheduledPod(4, ANTI, 30, { placement: { ...placement, requiredPodAffinity: [{ ...TERM, topologyKey: 'topology.kubernetes.io/zone' }] } });
    expect(pickAffinityTerms([pod(0, { placement }), refused, kept], [])).toEqual([TERM]);
    // Said only in its FailedScheduling event (the condition carries no message).
    const quiet = { ...refused, conditions: [] };
    const said = event({ object: { kind: 'Pod', name: quiet.name, namespace: NS }, reason: 'FailedScheduling', message: AFFINITY, count: 3, firstSeen: minutesAgo(30), lastSeen: minutesAgo(1), source: 'default-scheduler' });
    expect(pickAffinityTerms([quiet], [said])).toEqual([TERM]);
    expect(pickAffinityTerms([kept], [])).toEqual([]);
  });

  it('finds the term\'s value under another key, or a similar value under its key, app-naming keys first', () => {
    const bitnami = { 'app.kubernetes.io/component': 'master', 'app.kubernetes.io/instance': 'suggest-cache', 'app.kubernetes.io/name': 'suggest-cache', 'controller-revision-hash': 'suggest-cache-5d4f8b7c9' };
    expect(findNearLabels(TERM, bitnami)).toEqual(['app.kubernetes.io/name=suggest-cache', 'app.kubernetes.io/instance=suggest-cache']);
    expect(findNearLabels(TERM, { app: 'suggest-cache-v2' })).toEqual(['app=suggest-cache-v2']);
    expect(findNearLabels(TERM, { app: 'query-rewriter', 'pod-template-hash': '7c9d8f6b5d' })).toEqual([]);
    // A pod the term matches is not "near".
    expect(findNearLabels({ ...TERM, matchExpressions: [] }, { app: 'suggest-cache' })).toEqual([]);
  });
});
