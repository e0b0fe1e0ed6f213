/**
 * What one reading of a volume that will not set up says (a missing key, an SMB login refused, a
 * filesystem fault): volume-attach.ts turns whichever applies into its finding.
 */
export interface MountReading {
  title: string;
  cause: string;
  action: string;
  /** The fix, when it is not the action's first sentence. */
  fix?: string;
  evidence: string[];
  confirm: string[];
  /** The line of the mount error that decides it (fsck's verdict, mount's refusal), without the kubelet's wrapping. */
  decisive?: string;
  /** The title names the change that brought it on (a restore, a node crash). */
  datesChange?: true;
}
