// The server names of an nginx whose start fails at "could not build server_names_hash", read from
// the ConfigMap its container mounts (server-names-hash.ts): only the longest server_name and the
// server_names_hash_bucket_size it sets, if any; the rest of the data is dropped as it is read.

/** `storefront-web-nginx` storefront.conf: the longest server_name, 75 characters; no bucket size set. */
export interface ServerNamesEvidence {
  configMap: string;
  /** The data key (the file) that holds the name. */
  key: string;
  /** The longest name of its server_name directives. */
  longest: string;
  /** server_names_hash_bucket_size as the file sets it; absent when it does not (nginx's default applies). */
  bucketSize?: string;
}
