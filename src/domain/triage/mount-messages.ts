/**
 * The kubelet's words when it cannot set a volume up, shared by the analyzers that read them and
 * by the verdict, which clears a revision that did not touch the volume.
 */

/** An items list names a key the Secret or ConfigMap lacks: "references non-existent secret key: tls.key". */
export const MISSING_KEY = /references non-existent (secret|config) key: ([^\s"]+)/i;
