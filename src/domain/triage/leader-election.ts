/**
 * A controller that loses its leader-election lease: client-go renews the Lease every retry
 * period and gives up when a renewal has not succeeded within the renew deadline (10 s by
 * default); controller-runtime's manager then stops with "leader election lost" and the process
 * exits, and the next replica takes the lease and does the same. The lease calls that time out
 * go to the API server, which answered the same run a moment earlier (it granted the lease): a
 * process too slow to renew, not a network that drops its packets.
 */
import { condenseStructuredLine } from './evidence-lookup.js';

/** What client-go, controller-runtime and the components built on them log when the lease is gone. */
const LOST = /\bleader ?election lost\b|\bfailed to renew lease\b|\bstopped leading\b|\bleaderelection lost\b/i;
/** The lease was held in this run: the API server answered the process. */
const ACQUIRED = /\bsuccessfully acquired lease\b|\bbecame leader\b|\bstarted leading\b/i;
/** client-go's own calls on the lock (klog's source location, its messages, the Lease URL). */
const LEASE_CALL = /\bleaderelection\.go:\d+\]|error retrieving resource lock|failed to renew lease|error (?:initially creating|updating) (?:leader election )?lock|\/apis\/coordination\.k8s\.io\/v1\/namespaces\/[\w.-]+\/leases\//i;
/** The loss must end the run: what the process logged last. */
const TAIL_LINES = 10;

export interface LeaseLoss {
  /** The line that says the lease is gone ("leader election lost", "failed to renew lease …"). */
  line: string;
  /** The lease's name as client-go logs it (namespace/name), when it does. */
  lease?: string;
}

/** The run's end says it lost a lease it had acquired in the same run. */
export function findLeaseLoss(lines: readonly string[]): LeaseLoss | undefined {
  const tail = lines.slice(-TAIL_LINES);
  const lost = tail.filter((l) => LOST.test(l));
  if (lost.length === 0 || !lines.some((l) => ACQUIRED.test(l))) return undefined;
  // client-go's own line names the lease; controller-runtime's "leader election lost" is what ended the process.
  const renew = lost.find((l) => /failed to renew lease/i.test(l));
  const lease = /(?:failed to renew lease|acquired lease) ([\w.-]+\/[\w.-]+)/i.exec(renew ?? lines.find((l) => ACQUIRED.test(l)) ?? '')?.[1];
  const line = condenseStructuredLine((renew ?? lost[lost.length - 1] ?? '').trim());
  return { line, ...(lease ? { lease } : {}) };
}

/** A line of client-go's leader election about its own lease (told by the lease's loss, not as a dependency). */
export function isLeaseCall(line: string): boolean {
  return LEASE_CALL.test(line);
}
