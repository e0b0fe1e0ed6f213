/** Why a probe fails while the app may be up: what probe-failures.ts and its helpers (probe-host-check.ts, probe-own-log.ts, probe-store-auth.ts, probe-deadlock.ts) tell. */
export interface ProbeMiss {
  /** What goes wrong, for the title: "the app listens on 127.0.0.1:3000 only". */
  scope: string;
  /** Why the kubelet's check fails, a clause. */
  why: string;
  fix: string;
  /** The next action, when it is not "fix it; the kubelet keeps killing an app that may be up". */
  action?: string;
  /** The line to quote, when it is not the probe's own failure message. */
  decisive?: string;
  /** What a rollback of the triggering revision would also undo (see Finding.rollbackUndoes). */
  rollbackUndoes?: string;
  /** Jobs the reading names as part of its cause (see Finding.affected.jobs). */
  jobs?: readonly string[];
  /** Lines the finding adds to its evidence (what the reading rests on). */
  evidence?: readonly string[];
}
