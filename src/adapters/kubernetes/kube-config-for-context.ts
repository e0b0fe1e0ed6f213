// A KubeConfig whose current context is the one asked for, for APIs that take a KubeConfig
// rather than a client (Watch). Same rule as createKubeClients(): the caller's config is
// never changed.
import * as k8s from '@kubernetes/client-node';
import { RootcauseError } from '../../errors.js';

/** `kc` itself for its current context (or none given); otherwise a copy pointed at `context`. */
export function kubeConfigForContext(kc: k8s.KubeConfig, context: string | undefined): k8s.KubeConfig {
  if (context === undefined || context === kc.getCurrentContext()) return kc;
  if (!kc.getContexts().some((c) => c.name === context)) {
    throw new RootcauseError('USAGE', `unknown kube context "${context}"`);
  }
  const copy = new k8s.KubeConfig();
  copy.loadFromOptions({ clusters: kc.getClusters(), users: kc.getUsers(), contexts: kc.getContexts(), currentContext: context });
  return copy;
}
