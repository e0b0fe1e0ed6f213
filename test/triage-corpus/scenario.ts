// One failure story of the triage corpus: the cluster as `kubectl get -o json` shows it at NOW,
// the logs the kubelet would return, what `/triage` is asked, and what a senior SRE's answer
// must say. The expectations come from what really happened, never from what the bot says.
import type { KubeJson } from './kit/workloads.js';

export type FailureClass =
  | 'containers'
  | 'probes'
  | 'scheduling'
  | 'nodes'
  | 'storage'
  | 'network'
  | 'rollout'
  | 'config'
  | 'capacity'
  | 'jobs'
  | 'healthy';

export interface ScenarioLogs {
  namespace: string;
  pod: string;
  container: string;
  /** What `kubectl logs` returns now. */
  current?: string;
  /** What `kubectl logs --previous` returns (the crashed run). */
  previous?: string;
}

export interface CorpusScenario {
  /** kebab-case, unique across the corpus. */
  id: string;
  class: FailureClass;
  /** What really happened, as the post-mortem would say it (one or two sentences). */
  truth: string;
  /** What the engineer types: `/triage <service> [--namespace NS]`. */
  ask: { service: string; namespace?: string };
  /** Every object of the cluster that matters, plus the usual bystanders. */
  objects: KubeJson[];
  logs?: ScenarioLogs[];
  expect: {
    verdict: 'problems' | 'healthy' | 'inconclusive';
    /** Each must match the headline: the summary's first line, what the notification shows. */
    headline: RegExp[];
    /** Each must match somewhere in what the bot posts (summary or thread). */
    facts: RegExp[];
    /** None may match the bot's claims (headline, finding titles, causes, next actions). */
    never: RegExp[];
  };
}
