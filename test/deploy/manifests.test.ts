// The bot's own manifests: what kustomize applies, and the safety settings of its pod.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const dir = join(import.meta.dirname, '../../deploy/kubernetes');
const load = (file: string): Record<string, any> => parse(readFileSync(join(dir, file), 'utf8')) as Record<string, any>;

describe('deploy/kubernetes', () => {
  it('kustomization lists every manifest in the folder', () => {
    const k = load('kustomization.yaml');
    const manifests = readdirSync(dir).filter((f) => f.endsWith('.yaml') && f !== 'kustomization.yaml');
    expect([...(k['resources'] as string[])].sort()).toEqual(manifests.sort());
  });

  it('binds the read-only ClusterRole to the rootcause ServiceAccount', () => {
    const sa = load('serviceaccount.yaml');
    const binding = load('clusterrolebinding.yaml');
    const role = load('clusterrole.yaml');
    expect(sa['metadata']).toMatchObject({ name: 'rootcause', namespace: 'rootcause' });
    expect(binding['roleRef']).toEqual({ apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: role['metadata'].name });
    expect(binding['subjects']).toEqual([{ kind: 'ServiceAccount', name: 'rootcause', namespace: 'rootcause' }]);
  });

  it('runs the bot non-root, read-only, with its config from the rootcause-env Secret', () => {
    const d = load('deployment.yaml');
    const pod = d['spec'].template.spec;
    const c = pod.containers[0];
    expect(d['metadata'].namespace).toBe('rootcause');
    expect(pod.serviceAccountName).toBe('rootcause');
    expect(pod.securityContext.runAsNonRoot).toBe(true);
    expect(c.image).toBe('rootcause:latest');
    expect(c.securityContext).toMatchObject({ readOnlyRootFilesystem: true, allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } });
    expect(c.envFrom).toEqual([{ secretRef: { name: 'rootcause-env' } }]);
    expect(c.ports).toEqual([{ name: 'http', containerPort: 3000, protocol: 'TCP' }]);
    expect(c.livenessProbe.httpGet).toEqual({ path: '/healthz', port: 'http' });
    expect(c.readinessProbe.httpGet).toEqual({ path: '/readyz', port: 'http' });
    expect(c.resources.requests).toBeDefined();
    expect(c.resources.limits.memory).toBeDefined();
  });
});
