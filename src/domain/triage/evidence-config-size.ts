/**
 * The size of a large ConfigMap value, never the value: a key injected as an environment variable
 * must fit Linux's limit on one exec string (128 KiB), so its byte length is evidence when a
 * container cannot be exec'd ("argument list too long").
 */
export interface ConfigKeySizeEvidence {
  key: string;
  /** The value's length in bytes (UTF-8), as the kubelet would put it in the environment. */
  bytes: number;
}
