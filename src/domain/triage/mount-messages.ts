/**
 * The kubelet's words when it cannot set a volume up, shared by the analyzers that read them and
 * by the verdict, which clears a revision that did not touch the volume.
 */

/** An items list names a key the Secret or ConfigMap lacks: "references non-existent secret key: tls.key". */
export const MISSING_KEY = /references non-existent (secret|config) key: ([^\s"]+)/i;

/**
 * The SMB server refuses the mount's login: mount.cifs's "mount error(13): Permission denied", the
 * kernel's STATUS_LOGON_FAILURE. The credentials the volume's Secret holds (a storage account key, a
 * user's password) are not accepted, so every fresh mount fails while mounted sessions live on.
 */
export const SMB_LOGIN_REFUSED = /mount error\(13\)|STATUS_LOGON_FAILURE|SessSetup = -13\b/i;

/**
 * The NFS server does not serve the protocol version the mount asks for: mount.nfs's "Protocol not
 * supported" (EPROTONOSUPPORT) and its older "requested NFS version or transport protocol is not
 * supported". Every fresh mount with those options fails, on any node; mounts made before live on.
 */
export const NFS_VERSION_REFUSED = /mount\.nfs4?: (?:Protocol not supported|requested NFS version or transport protocol is not supported)/i;
