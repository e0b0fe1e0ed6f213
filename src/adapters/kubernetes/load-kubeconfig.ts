/**
 * Which cluster(s) the bot reads: KUBECONFIG when set; otherwise ~/.kube/config; otherwise the
 * pod's own ServiceAccount. Nothing found is said at start-up and by /triage at once — client-node
 * would otherwise fall back to http://localhost:8080 and every triage would fail four times.
 */
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import * as k8s from '@kubernetes/client-node';

const SERVICE_ACCOUNT_TOKEN = '/var/run/secrets/kubernetes.io/serviceaccount/token';

export const NO_KUBECONFIG =
  'No kubeconfig found: set KUBECONFIG to a kubeconfig file, put one at ~/.kube/config, or run the bot in a pod with its ServiceAccount (deploy/kubernetes)';

export function loadKubeConfig(path: string | undefined, env: NodeJS.ProcessEnv = process.env): { kc: k8s.KubeConfig; source: string | undefined } {
  const kc = new k8s.KubeConfig();
  if (path !== undefined) {
    kc.loadFromFile(path);
    return { kc, source: path };
  }
  const home = join(env.HOME ?? homedir(), '.kube', 'config');
  if (existsSync(home)) {
    kc.loadFromFile(home);
    return { kc, source: home };
  }
  if (env.KUBERNETES_SERVICE_HOST !== undefined && existsSync(SERVICE_ACCOUNT_TOKEN)) {
    kc.loadFromCluster();
    return { kc, source: 'in-cluster ServiceAccount' };
  }
  return { kc, source: undefined };
}
