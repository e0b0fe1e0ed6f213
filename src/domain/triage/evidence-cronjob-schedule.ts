/**
 * When the CronJob of a Job that ran just before the failures runs: its schedule, the zone it is read
 * in (none set means the controller's, UTC), and the newest write of the schedule (managedFields), so a
 * schedule edited shortly before can be named as what moved a heavy run into the failures' hour.
 */
import type { IsoTime } from './evidence-spec.js';

export interface CronJobScheduleEvidence {
  name: string;
  schedule: string;
  /** spec.timeZone; absent: the schedule is read in the kube-controller-manager's zone (UTC). */
  timeZone?: string;
  /** The newest managedFields write that holds spec.schedule, and who made it. */
  scheduleEditedAt?: IsoTime;
  scheduleEditedBy?: string;
}

/** A CronJob of the namespace whose name or command says it deletes old data, as read (read-cleanup-cronjobs.ts). */
export interface CleanupCronJobEvidence {
  name: string;
  schedule: string;
  suspended: boolean;
  /** When spec.suspend was last written, and by which field manager (managedFields). */
  suspendedAt?: IsoTime;
  suspendedBy?: string;
  lastScheduleTime?: IsoTime;
  lastSuccessfulTime?: IsoTime;
  createdAt?: IsoTime;
  /** Its containers' command and args, clipped: what it deletes. */
  command: string;
}
