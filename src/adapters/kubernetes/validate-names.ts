// Names reach the API in paths and field selectors (`metadata.name=<name>`): a comma or an
// equals sign there would change the query. So every name is checked against Kubernetes' own
// rules before any call, whoever typed it.
import { RootcauseError } from '../../errors.js';

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** Workload names: DNS-1123 subdomains (lower case, digits, '-', '.'; at most 253). */
export function assertObjectName(name: string, what: string): void {
  if (name.length > 253 || !DNS_SUBDOMAIN.test(name)) {
    throw new RootcauseError('USAGE', `"${name}" is not a valid ${what} name: use lower-case letters, digits, '-' and '.'`);
  }
}

/** Namespaces: DNS-1123 labels (lower case, digits, '-'; at most 63). */
export function assertNamespace(namespace: string): void {
  if (namespace.length > 63 || !DNS_LABEL.test(namespace)) {
    throw new RootcauseError('USAGE', `"${namespace}" is not a valid namespace: use lower-case letters, digits and '-' (at most 63)`);
  }
}
