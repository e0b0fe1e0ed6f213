import { describe, expect, it } from 'vitest';
import type * as k8s from '@kubernetes/client-node';
import { mapPod } from '../../../src/adapters/kubernetes/map-pod.js';
import { mapEnvVar } from '../../../src/adapters/kubernetes/map-spec.js';

const shardEnv: k8s.V1EnvVar = { name: 'SHARD', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: "metadata.annotations['example.com/shard']" } } };
const regionEnv: k8s.V1EnvVar = { name: 'REGION', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: "metadata.annotations['example.com/region']" } } };

function podWith(env: k8s.V1EnvVar[], annotations: Record<string, string>): k8s.V1Pod {
  return {
    metadata: { name: 'ledger-7d9f8c6b5-q2x8k', labels: { app: 'ledger' }, annotations },
    spec: { containers: [{ name: 'app', image: 'ledger:1.4.0', env }] },
    status: { phase: 'Running' },
  };
}

describe('mapping the annotations a pod reads through the Downward API', () => {
  it('says, for each annotation an env fieldRef names, whether the pod carries it, and no values', () => {
    const p = mapPod(podWith([shardEnv, regionEnv, { name: 'LOG_LEVEL', value: 'info' }], { 'example.com/region': 'eu-west-1', 'kubectl.kubernetes.io/restartedAt': '2026-11-20T10:00:00Z' }), 'Deployment');
    expect(p.downwardAnnotations).toEqual({ 'example.com/shard': false, 'example.com/region': true });
  });

  it('maps nothing when no env reads an annotation', () => {
    const labelEnv: k8s.V1EnvVar = { name: 'ZONE', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: "metadata.labels['topology.kubernetes.io/zone']" } } };
    expect(mapPod(podWith([labelEnv], {}), 'Deployment').downwardAnnotations).toBeUndefined();
  });

  it('keeps a label fieldRef as a field reference with its path', () => {
    const labelEnv: k8s.V1EnvVar = { name: 'ZONE', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: "metadata.labels['topology.kubernetes.io/zone']" } } };
    expect(mapEnvVar(labelEnv)).toEqual({ name: 'ZONE', ref: { kind: 'field', key: "metadata.labels['topology.kubernetes.io/zone']" } });
  });
});
