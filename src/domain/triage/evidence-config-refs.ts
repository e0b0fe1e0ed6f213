/**
 * A Secret or ConfigMap a pod template takes values from, by name only: the bot never reads a
 * Secret, but two workloads that name the same one share what it holds (an API key, and with it
 * the key's rate budget at the API that issued it).
 */
export interface ConfigRefEvidence {
  kind: 'secret' | 'configMap';
  name: string;
  /** The key an env var takes (secretKeyRef / configMapKeyRef); absent for envFrom and volumes. */
  key?: string;
  /** How the template takes it: the env var's name, `envFrom`, or `volume <name>`. */
  via: string;
}
