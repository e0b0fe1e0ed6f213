/**
 * A pod that asked a mutating webhook for containers and got none: its annotations request the
 * injection, but the injector's own mark (the status annotation it writes) is missing. With the
 * webhook's failurePolicy Ignore, pods admitted while the injector is down come up without them.
 */
export interface MissedInjectionEvidence {
  /** Who should have injected: "the Vault agent injector". */
  injector: string;
  /** The annotation that asks, as `key: value`. */
  askedBy: string;
  /** The containers that injector adds (init containers included), as its pods elsewhere show. */
  containers: string[];
  /** Where that injector usually runs (its chart's namespace and pod labels), to read its pods. */
  home: { namespace: string; selector: string; name: string };
}
