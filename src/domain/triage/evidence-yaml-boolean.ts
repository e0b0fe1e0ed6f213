// A ConfigMap the crashing pods mount, read only when their log says a setting came out as a
// boolean where a value was expected: the lines under that setting that hold a bare YAML 1.1
// boolean word (NO, yes, off…), as written. The rest of the data is dropped as it is read.

/** `kyc-config` settings.yaml, under screening.allowed_countries: `- NO`. */
export interface YamlBooleanEvidence {
  configMap: string;
  /** The data key (the file) the lines are in. */
  key: string;
  /** The setting the log names, as it names it (`screening.allowed_countries`). */
  setting: string;
  /** The boolean the log says the process read. */
  value: boolean;
  /** The lines under the setting that hold a bare boolean word, trimmed. */
  lines: string[];
}
