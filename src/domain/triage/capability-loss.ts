/**
 * Which Linux capability a revision took from a container, when it can be known, and how a
 * refusal reads by it. A revision that drops capabilities and stops adding one the revision
 * before added names what the process needed: advice for that capability, not for another's
 * (a port above 1024 is advice for NET_BIND_SERVICE only). A binary the image gave file
 * capabilities (setcap) cannot even be exec'd once the bounding set lacks them: the kernel refuses
 * the exec itself (EPERM) rather than run a binary that expects privileges it would not have.
 */

/** "CAP_SYS_PTRACE", "sys_ptrace" → "SYS_PTRACE", the form a securityContext names it by. */
export function normalizeCapability(name: string): string {
  return name.trim().toUpperCase().replace(/^CAP_/, '');
}

/** What a capability lets a process do, for the cause. */
const ALLOWS: Record<string, string> = {
  SYS_PTRACE: 'trace or read the memory of another process (ptrace, process_vm_readv: profilers, debuggers)',
  NET_BIND_SERVICE: 'bind a port below 1024',
  NET_RAW: 'open raw sockets (ping, ICMP)',
  NET_ADMIN: 'change network settings (iptables rules, routes, interfaces)',
  SYS_ADMIN: 'mount file systems and other administration',
  CHOWN: 'change the owner of files',
  SETUID: 'switch to another user',
  SETGID: 'switch to another group',
  DAC_OVERRIDE: 'read and write files whatever their mode',
  FOWNER: 'change the mode of files it does not own',
  IPC_LOCK: 'lock memory (mlock)',
  SYS_TIME: 'set the clock',
  SYS_NICE: 'raise priorities or set the CPU affinity of other processes',
  SYS_RESOURCE: 'raise its resource limits',
  KILL: 'signal processes of other users',
};

/** "SYS_PTRACE, which lets a process trace …"; the bare name for one the table does not hold. */
export function describeCapability(cap: string): string {
  const allows = ALLOWS[cap];
  return allows ? `${cap}, which lets a process ${allows}` : cap;
}

/** The binary runc could not exec for EPERM ("exec /usr/bin/caddy: operation not permitted"); undefined for any other line. */
export function findRefusedExec(line: string): string | undefined {
  return /\bexec(?:ve)?:? "?(\/[^\s":]+)"?: operation not permitted/i.exec(line)?.[1];
}

/** The capability a binary's file capabilities most likely name, and why that one. */
export interface FileCapabilityGuess {
  cap: string;
  why: string;
}

/**
 * The file capability a refused exec most likely needs: one the revision before added for the
 * container (it was needed), else NET_BIND_SERVICE when a non-root container serves a port below
 * 1024 (what setcap is used for most); undefined when nothing tells.
 */
export function guessFileCapability(o: { removed: readonly string[]; previous: number; user?: number; nonRoot: boolean; ports: readonly number[] }): FileCapabilityGuess | undefined {
  const [removed] = o.removed;
  if (removed !== undefined) return { cap: removed, why: `revision ${o.previous} added it to the container` };
  const low = o.ports.filter((p) => p > 0 && p < 1024);
  if (!o.nonRoot || low.length === 0) return undefined;
  const who = o.user !== undefined ? `uid ${o.user}` : 'a non-root user';
  return { cap: 'NET_BIND_SERVICE', why: `it runs as ${who} and serves port${low.length === 1 ? '' : 's'} ${low.join(', ')}, below 1024, which only root or cap_net_bind_service may bind` };
}

/** The container ports of a revision's container (`443/TCP "https"` → 443). */
export function parsePorts(ports: readonly string[] | undefined): number[] {
  return (ports ?? []).map((p) => Number(/^(\d+)/.exec(p)?.[1])).filter((n) => Number.isInteger(n) && n > 0);
}
