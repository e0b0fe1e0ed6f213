// The shell script a crashing container runs from a ConfigMap it mounts (its command names a file
// under that mount), read only while it exits non-zero: the errexit setting and the lines that can
// end such a script silently, each with its line number. The rest of the data is dropped as it is read.

/** `worker-entrypoint-v2` entrypoint.sh: `set -euo pipefail` at line 2, `EXTRA=$(grep -c …)` at line 7. */
export interface EntrypointScriptEvidence {
  configMap: string;
  /** The data key (the file) the container runs. */
  key: string;
  /** The pods mount it now; otherwise the revision before mounted it behind the same volume. */
  mountedNow: boolean;
  /** The `set -e…` / `set -o errexit` line, when the script sets it. */
  errexit?: { n: number; text: string };
  /** The lines that print (echo, printf): where a log's last line came from. */
  prints: { n: number; text: string }[];
  /** The lines whose command exits non-zero on an ordinary outcome (grep with no match, …) and are not guarded. */
  mayFail: { n: number; text: string; why: string }[];
}
