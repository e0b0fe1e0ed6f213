// A statement-timeout setting found in a ConfigMap the workload's container takes its variables
// from, read only where its logs show statements cancelled at the client's own limit again and
// again (statement-timeout.ts). Only the setting as written is kept; the rest of the data is dropped.

/** `statement_timeout=2000` in key PGOPTIONS of ConfigMap report-db, taken through envFrom. */
export interface TimeoutConfigEvidence {
  configMap: string;
  key: string;
  /** `envFrom`, or the env var that takes the key. */
  via: string;
  /** The setting as written: `statement_timeout=2000`. */
  written: string;
}
