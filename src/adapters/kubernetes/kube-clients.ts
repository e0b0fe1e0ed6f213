// The typed API clients for one kube context. Only the read side of each is ever called; the
// ClusterRole in deploy/kubernetes grants nothing else.
import * as k8s from '@kubernetes/client-node';

export interface KubeClients {
  core: k8s.CoreV1Api;
  apps: k8s.AppsV1Api;
  autoscaling: k8s.AutoscalingV2Api;
  discovery: k8s.DiscoveryV1Api;
  batch: k8s.BatchV1Api;
  networking: k8s.NetworkingV1Api;
  storage: k8s.StorageV1Api;
}

/**
 * Clients for `context` without touching the caller's KubeConfig: a copy that shares its
 * clusters, users and contexts and differs only in the current context. (Authenticators added
 * with addAuthenticator() are not carried over; the built-in ones — exec, OIDC, cloud — are.)
 */
export function createKubeClients(kc: k8s.KubeConfig, context: string): KubeClients {
  let config = kc;
  if (context !== kc.getCurrentContext()) {
    config = new k8s.KubeConfig();
    config.loadFromOptions({
      clusters: kc.getClusters(),
      users: kc.getUsers(),
      contexts: kc.getContexts(),
      currentContext: context,
    });
  }
  return {
    core: config.makeApiClient(k8s.CoreV1Api),
    apps: config.makeApiClient(k8s.AppsV1Api),
    autoscaling: config.makeApiClient(k8s.AutoscalingV2Api),
    discovery: config.makeApiClient(k8s.DiscoveryV1Api),
    batch: config.makeApiClient(k8s.BatchV1Api),
    networking: config.makeApiClient(k8s.NetworkingV1Api),
    storage: config.makeApiClient(k8s.StorageV1Api),
  };
}
