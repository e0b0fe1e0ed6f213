// An in-cluster Service name (`tempo.tracing.svc.cluster.local:4317`) written in a config file the
// workload's container mounts, read only when its logs say a name does not resolve without naming
// it (gRPC's "name resolver error: produced zero addresses"): the line as written, the block it
// sits under, and the Services of the namespace it names. The rest of the data is dropped as read.
import type { ServiceEvidence } from './evidence-network.js';

/** ConfigMap otel-collector-conf, collector.yaml, under exporters.otlp/tempo: `endpoint: tempo.tracing.svc.cluster.local:4317`. */
export interface ConfigEndpointEvidence {
  configMap: string;
  /** The data key (the file) the line is in. */
  key: string;
  /** The YAML keys above the line, outermost first (`exporters.otlp/tempo`); absent at top level. */
  section?: string;
  /** The line as written, trimmed. */
  line: string;
  /** The name as written, with its port when it has one: `tempo.tracing.svc.cluster.local:4317`. */
  host: string;
  /** The Service and namespace the name points at. */
  service: string;
  namespace: string;
  /** The Services of that namespace, when it is not the workload's own and its list was read whole. */
  namespaceServices?: ServiceEvidence[];
}
