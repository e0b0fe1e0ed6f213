/**
 * A per-pod host name (`kafka-0.kafka.streaming.svc.cluster.local`) the clients fail to resolve,
 * whose middle label is a Service with a cluster IP: per-pod DNS records exist only under a
 * StatefulSet's headless governing Service (spec.serviceName). Read only then: the Service, the
 * StatefulSet named by the pod's name minus its ordinal, and its newest two revisions compared on
 * the settings that name hosts under that Service (per-pod-host.ts).
 */
import type { IsoTime } from './evidence-spec.js';

export interface AdvertisedHostEvidence {
  /** The name that does not resolve, as the logs give it. */
  host: string;
  namespace: string;
  /** The Service the host is under, and its cluster IP (not "None"). */
  service: string;
  clusterIP: string;
  /** The StatefulSet the named pod belongs to, and its headless governing Service. */
  statefulSet: string;
  governingService: string;
  /** Its newest revision, when the revisions were read. */
  revision?: {
    number: number;
    createdAt: IsoTime;
    previous?: number;
    /** The literal env values and args of the newest revision that name hosts under the Service, with what the revision before held there. */
    settings: { name: string; value: string; before?: string }[];
  };
}
