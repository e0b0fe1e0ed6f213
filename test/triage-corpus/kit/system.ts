// The cluster's own components a triage may need to look at: CoreDNS (kube-system, k8s-app=kube-dns)
// and kube-proxy (one per node), built like any other workload.
import type * as k8s from '@kubernetes/client-node';
import { DAYS } from './clock.js';
import { container, httpProbe } from './containers.js';
import type { ContainerStory } from './containers.js';
import { exposed } from './objects.js';
import { daemonSetApp, deploymentApp } from './workloads.js';
import type { KubeJson } from './workloads.js';

export const COREDNS_IMAGE = '602401143452.dkr.ecr.eu-west-1.amazonaws.com/eks/coredns:v1.11.3-eksbuild.2';

/** CoreDNS with one entry per replica: its node and what its container is doing (default: running). */
export function coreDns(replicas: { node: string; story?: ContainerStory; createdAgo?: number }[]): { objects: KubeJson[]; pods: k8s.V1Pod[] } {
  const template = {
    containers: [
      container({
        name: 'coredns',
        image: COREDNS_IMAGE,
        args: ['-conf', '/etc/coredns/Corefile'],
        ports: [{ name: 'dns', containerPort: 53, protocol: 'UDP' }, { name: 'dns-tcp', containerPort: 53, protocol: 'TCP' }, { name: 'metrics', containerPort: 9153, protocol: 'TCP' }],
        cpu: '100m',
        memory: '70Mi',
        memoryLimit: '170Mi',
        readiness: httpProbe('/ready', 8181),
        liveness: httpProbe('/health', 8080, { initialDelaySeconds: 60, timeoutSeconds: 5, failureThreshold: 5 }),
      }),
    ],
    priorityClassName: 'system-cluster-critical',
    serviceAccountName: 'coredns',
  };
  const app = deploymentApp({
    namespace: 'kube-system',
    name: 'coredns',
    replicas: replicas.length,
    selector: { 'k8s-app': 'kube-dns' },
    revisions: [{ revision: 3, createdAgo: 40 * DAYS, template }],
    pods: replicas.map((r) => ({ revision: 3, node: r.node, createdAgo: r.createdAgo ?? 40 * DAYS, ...(r.story === undefined ? {} : { containers: { coredns: r.story } }) })),
  });
  const dns = exposed({
    namespace: 'kube-system',
    name: 'kube-dns',
    clusterIP: '172.20.0.10',
    selector: { 'k8s-app': 'kube-dns' },
    ports: [{ name: 'dns', port: 53, targetPort: 53, protocol: 'UDP' }, { name: 'dns-tcp', port: 53, targetPort: 53 }],
    pods: app.pods,
    endpointPort: 53,
  });
  return { objects: [...app.objects, ...dns], pods: app.pods };
}

/** kube-proxy on each node (a DaemonSet in kube-system). */
export function kubeProxy(nodes: { node: string; story?: ContainerStory }[]): { objects: KubeJson[]; pods: k8s.V1Pod[] } {
  const app = daemonSetApp({
    namespace: 'kube-system',
    name: 'kube-proxy',
    selector: { 'k8s-app': 'kube-proxy' },
    revisions: [{ revision: 2, createdAgo: 40 * DAYS, template: { containers: [container({ name: 'kube-proxy', image: '602401143452.dkr.ecr.eu-west-1.amazonaws.com/eks/kube-proxy:v1.31.2-minimal-eksbuild.3', command: ['kube-proxy', '--v=2', '--config=/var/lib/kube-proxy-config/config'], ports: [], cpu: '100m', memory: '64Mi', memoryLimit: null, readiness: null, liveness: null })], priorityClassName: 'system-node-critical' } }],
    pods: nodes.map((n) => ({ revision: 2, node: n.node, createdAgo: 40 * DAYS, ...(n.story === undefined ? {} : { containers: { 'kube-proxy': n.story } }) })),
  });
  return { objects: app.objects, pods: app.pods };
}
