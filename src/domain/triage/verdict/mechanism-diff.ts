/**
 * How a revision's template diff meets the mechanism that fails: the diff line that touches what
 * fails (the lead the verdict names after "since revision N"), or why the diff cannot have caused
 * it (a part of the template the mechanism depends on that the revision left alone).
 */
import type { RevisionEvidence } from '../evidence.js';
import type { Finding } from '../finding.js';
import { formatEnvValue, shortenImageChange, summarizeChange } from '../revision-diff.js';
import { pickSecurityChange } from '../security-refusal.js';
import { MISSING_KEY, SMB_LOGIN_REFUSED } from '../mount-messages.js';
import { pickDroppedSelector, pickMechanismSetting, pickRemovedLimit } from '../mechanism-settings.js';
import { pickSettingsFileChange } from '../config-volume-change.js';
import { POD_AFFINITY_REFUSAL } from '../pod-affinity.js';

/** A refusal of the caller's identity, in any cloud's or API's words. */
const DENIAL = /accessdenied|unauthori[sz]ed|not authori[sz]ed|forbidden|permission ?denied|permission_denied|does not have [\w.:-]+ (?:access|permission)|\b403\b/;

/** The diff line that touches what fails, else the headline change of the revision. */
export function pickChange(mechanism: Finding | undefined, diff: readonly string[], older: RevisionEvidence, newer: RevisionEvidence): string | undefined {
  const k = mechanism?.kind;
  const text = `${mechanism?.title ?? ''} ${mechanism?.decisive ?? ''}`.toLowerCase();
  const related = (line: string): boolean => {
    const l = line.toLowerCase();
    // A start-up a CPU limit cut slowed past the probe's budget: the line that cut the limit, not the request beside it.
    if (k === 'liveness-kill' && /\bcpu limit\b/.test(text) && diff.some((x) => / cpu limit:/.test(x))) return / cpu limit:/.test(l);
    // A health check that now follows a dependency may be switched on by a flag or variable, not the probe.
    if (k === 'liveness-dependency') return / (liveness|startup) probe/.test(l) || (/ (args|command|env)\b/.test(l) && /health|depend/.test(l));
    if (k === 'liveness-kill') return / (liveness|startup) probe/.test(l);
    if (k === 'readiness-probe') return / readiness probe/.test(l);
    if (k === 'lifecycle-hook') return / (poststart|prestop) hook/.test(l);
    if (k === 'pod-deadline') return l.startsWith('activedeadlineseconds');
    if (k === 'prestop-overrun') return / prestop hook|^terminationgraceperiodseconds/.test(l);
    // Pods killed at a grace period too short for their shutdown: the line that cut it, over an image bump beside it.
    if (k === 'duplicate-work' && /terminationgraceperiodseconds/.test(text)) return l.startsWith('terminationgraceperiodseconds');
    // A load balancer's health check follows the app's health endpoint: a moved probe path is the lead.
    if (k === 'readiness-gate') return / (readiness|liveness) probe|ports?:/.test(l);
    // A policy's named port the pods no longer declare: the line that renamed the port.
    if (k === 'network-policy' && /port name/.test(text) && diff.some((x) => / ports?:/i.test(x))) return / ports?:/.test(l);
    if (k === 'image-pull') return / image:|imagepullsecrets/.test(l);
    if (k === 'container-config') return /env|envfrom|volumes|configmap|secret/.test(l);
    // Pods addressed to a scheduler that never answers: the line that named it is the lead.
    if (k === 'placement' && /schedulername/.test(text)) return l.startsWith('schedulername');
    // A resource the node or the scheduler refuses (OutOfcpu, Insufficient memory): the request that raised it is the lead.
    if (k === 'placement' && diff.some((x) => asksForRefused(text, x))) return asksForRefused(text, line);
    if (k === 'placement') return /nodeselector|affinity|tolerations|nodename/.test(l);
    // The mechanism blames the limit (the quota, the processors a runtime counts): the line that cut it, over the request beside it.
    if (k === 'cpu-starved') return diff.some((x) => / cpu limit:/i.test(x)) ? / cpu limit:/.test(l) : / cpu (limit|request):/.test(l);
    // The request an HPA measures its utilization against: raising it scaled the workload in.
    if (k === 'hpa-scaled-in') return / (cpu|memory) request:/.test(l);
    // The heap flag (in an options variable or the args) or the memory limit it is sized against.
    if (k === 'heap-pressure') return /memory limit|env .*(java|heap|xmx|gomemlimit|gogc)|(args|command):.*xmx/.test(l);
    // A memory-backed emptyDir is charged to the memory limit: adding one is as good as lowering it.
    if (k === 'oom-killed') return /memory limit|env .*(java|node_options|xmx|gogc|gomemlimit)|medium memory/.test(l);
    if (k === 'pod-create-failed') return /serviceaccount|securitycontext|resources|request|pod label|priorityclass/.test(l);
    // A RuntimeClass whose pod overhead the scheduler adds to the requests: the line that set it is the lead.
    if (k === 'failed-scheduling' && /runtimeclassname/.test(text) && diff.some((x) => x.startsWith('runtimeClassName'))) return l.startsWith('runtimeclassname');
    // Pods refused for host ports: the line that asked for a host port (or the host network) is the lead over an image bump.
    if (k === 'failed-scheduling' && /free ports/.test(text) && diff.some(changesHostPorts)) return changesHostPorts(line);
    if (k === 'failed-scheduling' && diff.some((x) => asksForRefused(text, x))) return asksForRefused(text, line);
    if (k === 'failed-scheduling') return / (cpu|memory|[\w./-]+) request:|nodeselector|affinity|tolerations/.test(l);
    if (k === 'exit-code' || k === 'crash-loop' || k === 'clean-exit') {
      if (text.includes('(init)') || /init container/.test(text)) return l.startsWith('init ');
      // Refused credentials (IRSA, workload identity, RBAC): the identity the pod runs as, or the
      // audience of the token it presents, is the lead.
      if (/accessdenied|assumerole|credentials|unauthori[sz]ed|forbidden|\b40[13]\b|permission denied/.test(text)) return /serviceaccount|token audience/.test(l);
      // A port held by another container of the pod: that container's arrival (or its ports) is the lead.
      const holder = /held by container ([\w-]+)/.exec(text)?.[1];
      if (holder !== undefined) return l.startsWith(`container ${holder} `) || l.startsWith(`${holder} ports`);
      // An executable another container of the pod writes as it is exec'd: that writer's arrival (or its own change) is the lead.
      const writer = /being written by (?:sidecar |container )?([\w.-]+)/.exec(text)?.[1];
      if (writer !== undefined && diff.some((x) => x.startsWith(`init container ${writer} `) || x.startsWith(`container ${writer} `) || x.startsWith(`init ${writer} `) || x.startsWith(`${writer} `))) {
        return l.startsWith(`init container ${writer} `) || l.startsWith(`container ${writer} `) || l.startsWith(`init ${writer} `) || l.startsWith(`${writer} `);
      }
      // A prefix the mechanism says renames a ConfigMap's variables: the line that set it, over an image bump.
      if (/envfrom adds prefix/.test(text) && diff.some((x) => / envfrom .* prefix:/i.test(x))) return / envfrom .* prefix:/.test(l);
      // A CPU limit the mechanism blames (a process too throttled to renew its lease): the line that cut it.
      if (/\bcpu limit\b/.test(text) && diff.some((x) => / cpu limit:/.test(x))) return / cpu limit:/.test(l);
      // A memory quantity the mechanism blames (a unit slip no process fits in): the line that wrote it.
      const memory = /\bmemory (request and limit|limit|request)\b/.exec(text)?.[1];
      const wrote = memory === undefined ? undefined : new RegExp(` memory ${memory.includes('limit') ? 'limit' : 'request'}:`);
      if (wrote !== undefined && diff.some((x) => wrote.test(x))) return wrote.test(l);
      // A path the failure names (shared memory lives at /dev/shm) that the revision stopped or started mounting.
      const paths = [...text.matchAll(/(?:^|[\s"'(])(\/[\w.-]+(?:\/[\w.-]+)+)/g)].map((m) => m[1] ?? '').concat(/shared memory|\bshm\b/.test(text) ? ['/dev/shm'] : []);
      const mounted = (x: string) => / volume mounts/.test(x) && paths.some((p) => x.includes(`→${p}`));
      if (diff.some(mounted)) return mounted(l);
      return / (command|args|image):/.test(l) || / env /.test(l);
    }
    // A host name from a changed env var, or pinned in the pods' /etc/hosts by hostAliases.
    // The pods' DNS policy (or the host network it follows) when the mechanism blames it.
    if (k === 'dependency-error' && /dnspolicy/.test(text) && diff.some((x) => /^(dnspolicy|dnsconfig|hostnetwork)/i.test(x))) return /^(dnspolicy|dnsconfig|hostnetwork)/.test(l);
    if (k === 'dependency-error') return / env /.test(l) || (/hostaliases/.test(text) && l.startsWith('hostaliases'));
    // A process without a UTF-8 locale: an env line that set or dropped LANG/LC_ALL is the lead over an image bump.
    if (k === 'unexplained' && /utf-8 locale/.test(text)) return / env (added |removed )?(lang|lc_all|lc_ctype)\b/.test(l);
    if (k === 'idle-command') return / (command|args):/.test(l);
    // Processes refused because PID 1 reaps nothing: the command that dropped the init, over an image bump beside it.
    if (k === 'resource-exhaustion' && /\bpid 1\b|\breaps?\b|zombie/.test(text)) return / (command|args):/.test(l);
    // The entry the revision appended under a name it already set: the change that decides the value.
    if (k === 'duplicate-env') return new RegExp(` env ${/ lists (\S+) (?:twice|\d+ times)/.exec(mechanism?.title ?? '')?.[1] ?? '\\S+'} (added a second time|listed)`).test(line);
    // The env entry the revision moved ahead of the variable it references (or the reference it added).
    if (k === 'unexpanded-env') {
      const holder = /'s (?:env (\S+)|command|args) references/.exec(mechanism?.title ?? '');
      return holder?.[1] === undefined ? / (command|args):/.test(l) : line.includes(` env ${holder[1]} `) || line.includes(` env ${holder[1]}:`);
    }
    // The proxy variables the revision set (or the NO_PROXY it cut short) decide where calls go.
    if (k === 'proxy-env') return / env .*\b(https?|all|no)_proxy\b/.test(l);
    if (k === 'init-stuck') return l.startsWith('init ');
    // A topic or queue the broker lacks: the env, command or args that name it.
    if (k === 'missing-destination') return / env | (command|args):/.test(l);
    // The migration step a revision dropped (an init container, a migrate command) is the lead over its image bump.
    if (k === 'schema-migration') return /migrat|flyway|liquibase|alembic/.test(l);
    if (k === 'volume-attach') return /securitycontext|volume|fsgroup/.test(l);
    // A volume that fills up: the revision that added it (or began mounting it) began the writes, over an image bump beside it.
    if (k === 'volume-full') return addsFullVolume(mechanism?.id, line) || (/ volume mounts/.test(l) && [...text.matchAll(/ at (\/[\w.\/-]+)/g)].some((m) => addsAfterArrow(line, `→${m[1] ?? ''}`)));
    // The revision that started mounting the claim that stays Pending is the lead over an image bump beside it.
    if (k === 'pvc-pending') {
      const claim = /^PVC (\S+) /.exec(mechanism?.title ?? '')?.[1];
      const [was, now] = line.startsWith('volumes: ') ? line.split(' → ') : [];
      return claim !== undefined && now !== undefined && now.includes(`:pvc/${claim}"`) && !(was ?? '').includes(`:pvc/${claim}"`);
    }
    return false;
  };
  // Two pods of one node sharing a hostPath's lock: moving the data onto the hostPath and dropping
  // what kept the pods on separate nodes are the change together, over the mount renamed beside them.
  const hostPath = mechanism?.sharedHostPath;
  if (hostPath !== undefined) {
    const onto = (l: string): boolean => l.startsWith('volumes: ') && !(l.split(' → ')[0] ?? '').includes(`:hostPath/${hostPath}`) && (l.split(' → ')[1] ?? '').includes(`:hostPath/${hostPath}`);
    const apart = diff.filter((l) => onto(l) || l.startsWith('required pod anti-affinity:'));
    if (apart.length > 0) return apart.join('; ');
  }
  // A service-account token the pods no longer get: the line that turned automount off (or moved them to an account that does).
  const token = /automountserviceaccounttoken/.test(text) ? diff.find((l) => l.startsWith('automountServiceAccountToken:')) ?? diff.find((l) => l.startsWith('serviceAccountName:')) : undefined;
  if (token !== undefined) return token;
  // A security setting the mechanism blames (a seccomp profile, dropped capabilities) is the lead.
  const security = pickSecurityChange(text, diff);
  if (security !== undefined) return security;
  // Calls refused as a permission denial, from whatever the pods do (a probe, a crash, a log): the
  // identity they call as follows their ServiceAccount (its cloud mapping: GKE Workload Identity,
  // EKS IRSA, Azure workload identity), so a revision that switched it is the lead over a chart label or image.
  // (Not a Pod the API server refuses to create: that "forbidden" is admission's, read by its own lines above.)
  const identity = k !== 'pod-create-failed' && DENIAL.test(text) ? diff.find((l) => l.startsWith('serviceAccountName:')) : undefined;
  if (identity !== undefined) return identity;
  // A container the revision added, failing: its arrival is the change, not an image bump beside it.
  const failing = /\b(?:sidecar container|container|sidecar) ([\w.-]+)/i.exec(mechanism?.title ?? '')?.[1];
  const added = failing === undefined ? undefined : diff.find((l) => l.startsWith(`container ${failing} added`) || l.startsWith(`init container ${failing} added`));
  if (added !== undefined) return added;
  // The diff line that names an env var the mechanism names is the lead over an image bump of the same revision.
  // A name without an underscore (ZONE, PORT) counts when a changed env line of the diff carries it.
  const said = `${mechanism?.title ?? ''} ${mechanism?.decisive ?? ''}`;
  const envNames = diff.flatMap((l) => / env (?:added |removed )?([A-Z][A-Z0-9_]{2,})\b/.exec(l)?.[1] ?? []);
  const names = [...(said.match(/\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b/g) ?? []), ...envNames.filter((n) => new RegExp(`\\b${n}\\b`).test(said))];
  // A failing sidecar: its own change is the lead over the main container's image bump listed first.
  const own = failing !== undefined && /^sidecar/i.test(mechanism?.title ?? '') ? diff.find((l) => related(l) && l.startsWith(`${failing} `)) : undefined;
  // A setting named after what fails (a pool size against an exhausted pool, a timeout against timeouts) is the lead.
  const setting = pickMechanismSetting(mechanism?.id, diff) ?? pickRemovedLimit(mechanism?.title, diff);
  // A limit the server reads from a mounted file (php-fpm's pool): a new ConfigMap behind that volume is the lead.
  const file = setting === undefined ? pickSettingsFileChange(mechanism?.id, older, newer) : undefined;
  if (file !== undefined) return file;
  // An env line whose new value the mechanism quotes (a topic, a host the error names) is the lead over another env line.
  const valued = diff.find((l) => related(l) && quotesNewValue(said, l));
  // Configuration said to be missing, and the variable that selects the profile removed: that removal, with what it held.
  const named = diff.find((l) => related(l) && names.some((n) => new RegExp(`\\b${n}\\b`).test(l)));
  const dropped = setting === undefined && named === undefined ? pickDroppedSelector(said, diff.filter(related)) : undefined;
  if (dropped !== undefined) return tellRemovedValue(dropped, older);
  const line = setting ?? named ?? valued ?? own ?? diff.find(related);
  // "X_PASSWORD = from secret …" reads as a credential to the redactor: the reference goes in parentheses.
  if (line === undefined) return summarizeChange(older, newer);
  // A ports line the host ports lead with: only the host ports it added or dropped, not both whole lists.
  if (k === 'failed-scheduling' && !line.startsWith('hostNetwork') && changesHostPorts(line)) return describeHostPortChange(line) ?? line;
  // The values of a duplicated name are the mechanism's title: the change says only what the revision did.
  if (k === 'duplicate-env') return line.replace(/, and the last entry wins: .*$/, '');
  return shortenImageChange(line.replace(/ env added ([\w.-]+) = (from (?:secret|configMap) .*)$/, ' env added $1 ($2)'));
}

/** The resources a refusal names: the kubelet's "OutOfcpu", the scheduler's "Insufficient memory", "enough resource: cpu". */
function refusedResources(text: string): string[] {
  return [...text.matchAll(/\boutof([a-z][\w./-]*)|\binsufficient ([a-z][\w./-]*)|enough resource: ([a-z][\w./-]*)/g)].map((m) => m[1] ?? m[2] ?? m[3] ?? '');
}

/** Whether a diff line changes the request of a resource the refusal names: `worker cpu request: 500m → 2`. */
function asksForRefused(text: string, line: string): boolean {
  const m = /^[\w.-]+ ([\w./-]+) request: /.exec(line);
  return m !== null && refusedResources(text).includes((m[1] ?? '').toLowerCase());
}

/** The host ports a side of a ports diff line binds: `6831/UDP "trace" hostPort 6831` → "6831/UDP". */
function hostPortsOf(side: string): string {
  return [...side.matchAll(/\d+\/([A-Z]+)\b[^"]*?(?:\\"[^"\\]*\\")? hostPort (\d+)/g)].map((m) => `${m[2] ?? ''}/${m[1] ?? ''}`).sort().join(' ');
}

/** `relay ports: … → …` as `relay hostPort 6831/UDP added`: the host ports one side binds and the other does not. */
function describeHostPortChange(line: string): string | undefined {
  const m = /^(.*?) ports: (.*) → (.*)$/.exec(line);
  if (m === null) return undefined;
  const was = hostPortsOf(m[2] ?? '').split(' ').filter(Boolean);
  const now = hostPortsOf(m[3] ?? '').split(' ').filter(Boolean);
  const added = now.filter((p) => !was.includes(p));
  const removed = was.filter((p) => !now.includes(p));
  const parts = [...(added.length > 0 ? [`added ${added.join(', ')}`] : []), ...(removed.length > 0 ? [`removed ${removed.join(', ')}`] : [])];
  return parts.length === 0 ? undefined : `${m[1] ?? ''} hostPort ${parts.join(', ')}`;
}

/** Whether a diff line changes which host ports the pods bind: a ports line whose host ports differ, or the host network. */
function changesHostPorts(line: string): boolean {
  if (/^hostNetwork: /.test(line)) return true;
  const m = /^[\w.-]+(?: [\w.-]+)? ports: (.*) → (.*)$/.exec(line);
  return m !== null && hostPortsOf(m[1] ?? '') !== hostPortsOf(m[2] ?? '');
}

/** "app env removed X" with the value the older revision gave it: `(was "prod")`. */
function tellRemovedValue(line: string, older: RevisionEvidence): string {
  const m = /^([\w.-]+) env removed ([\w.-]+)$/.exec(line);
  const env = m === null ? undefined : older.containers.find((c) => c.name === m[1])?.env?.find((e) => e.name === m[2]);
  return env === undefined ? line : `${line} (was ${formatEnvValue(env)})`;
}

/** A `volumes:` diff line whose new side has the volume of a `volume-full/<name or claim>` id and whose old side does not. */
function addsFullVolume(id: string | undefined, line: string): boolean {
  const v = /^volume-full\/(.+)$/.exec(id ?? '')?.[1];
  if (v === undefined || !line.startsWith('volumes: ')) return false;
  const has = (side: string) => side.includes(`"${v}:`) || side.includes(`/${v}"`);
  const [was, now] = line.slice('volumes: '.length).split(' → ');
  return now !== undefined && has(now) && !has(was ?? '');
}

/** Whether `token` is on the new side of an `a → b` diff line and not on the old. */
function addsAfterArrow(line: string, token: string): boolean {
  const at = line.indexOf(': ');
  const [was, now] = line.slice(at + 2).split(' → ');
  return now !== undefined && now.includes(token) && !(was ?? '').includes(token);
}

/** Values this short ("on", "v2") turn up in any text: not a match. */
const MIN_VALUE = 4;

/** Whether `said` carries the new value of an env diff line as a whole token ("orders.v2", not "orders" of it). */
export function quotesNewValue(said: string, line: string): boolean {
  if (!/ env /.test(line)) return false;
  const value = /(?:→|=) "([^"]+)"$/.exec(line)?.[1];
  if (value === undefined || value.length < MIN_VALUE || /^(true|false|\d+)$/i.test(value)) return false;
  const escaped = value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^\\w.-])${escaped}($|[^\\w-]|\\.(?![\\w-]))`).test(said);
}

/**
 * Mechanisms a revision can only cause by changing one part of the template: when its diff does
 * not touch that part, the old revision's pods would fail the same way and the rollout only made
 * new pods meet a fault that lies outside the workload. Says why, or undefined when it may be the cause.
 */
export function describeUntouched(mechanism: Finding | undefined, diff: readonly string[], templated: boolean): string | undefined {
  if (mechanism === undefined) return undefined;
  const said = `${mechanism.id} ${mechanism.title} ${mechanism.decisive ?? ''}`;
  // Pods addressed to a scheduler that never answers: a revision that kept its name met a scheduler that stopped.
  const scheduler = /^placement\/scheduler\/(.+)$/.exec(mechanism.id)?.[1];
  if (scheduler !== undefined && templated) {
    return diff.some((l) => l.startsWith('schedulerName')) ? undefined : `it did not change schedulerName: the ${scheduler} scheduler stopped answering outside the workload, and pods of any revision wait the same way`;
  }
  // A topic the broker lacks, named by an env var the revision left alone: it went missing on the broker's side.
  const nameEnv = mechanism.kind === 'missing-destination' ? /\(env ([A-Za-z_][\w]*)\)/.exec(mechanism.title)?.[1] : undefined;
  if (nameEnv !== undefined) {
    return diff.some((l) => new RegExp(` env (?:added |removed )?${nameEnv}\\b`).test(l)) ? undefined : `it did not change env ${nameEnv}, which names the ${/^\w+ (topic|queue|exchange)\b/.exec(mechanism.title)?.[1] ?? 'topic'}: it went missing outside the workload, and pods of any revision are refused the same way`;
  }
  if (mechanism.kind === 'init-stuck') {
    const name = mechanism.id.replace(/^init-stuck\//, '');
    return diff.some((l) => l.startsWith('init ')) ? undefined : `it did not change init container ${name}, which waits for something outside the workload`;
  }
  // Pod Security checks the pod spec's security settings, volumes and host ports, never the image.
  if (mechanism.kind === 'pod-create-failed' && /pod-?security/i.test(said)) {
    return diff.some((l) => /securitycontext|\bvolumes?\b| ports\b|hostnetwork|hostpid|hostipc|hostpath|capabilit/i.test(l)) ? undefined : 'it did not change what Pod Security checks (securityContext, volumes, ports): the previous revision\'s pods would be refused the same way';
  }
  // The kubelet checks the keys a volume's items name against the object as it is now: a revision
  // that left the volume alone met a Secret or ConfigMap changed outside the workload.
  const key = MISSING_KEY.exec(said);
  const volume = /^volume-attach\/[\w-]+\/(.+)$/.exec(mechanism.id)?.[1];
  if (mechanism.kind === 'volume-attach' && key !== null && volume !== undefined) {
    return diff.some((l) => l.startsWith('volumes') || l.includes(`${volume}→`)) ? undefined : `it did not change volume ${volume}: the ${key[1]?.toLowerCase() === 'secret' ? 'Secret' : 'ConfigMap'} lost key ${key[2] ?? ''} outside the workload, and pods of any revision are refused the same way`;
  }
  // An SMB server checks the login the volume's Secret gives, whatever image runs: a revision that
  // left the volume alone only made a fresh mount meet a key changed outside the workload.
  if (mechanism.kind === 'volume-attach' && SMB_LOGIN_REFUSED.test(said) && volume !== undefined) {
    return diff.some((l) => l.startsWith('volumes') || l.includes(`${volume}→`)) ? undefined : `it did not change volume ${volume}: the file server refuses the login in the volume's Secret, and a fresh mount by a pod of any revision is refused the same way`;
  }
  // The kubelet cuts a preStop hook at the grace period whatever image runs: only a revision that set the hook or the grace period brought it.
  if (mechanism.kind === 'prestop-overrun') {
    return diff.some((l) => / preStop hook|^terminationGracePeriodSeconds/.test(l)) ? undefined : 'it did not change the preStop hook or terminationGracePeriodSeconds: pods of the revision before it are cut short the same way';
  }
  // Required pod affinity holds or not by the labels of other pods: a revision that left the
  // affinity, the pods' own labels and their node placement alone met pods that changed outside it.
  if (mechanism.kind === 'failed-scheduling' && POD_AFFINITY_REFUSAL.test(said) && templated) {
    return diff.some((l) => /^(required pod (anti-)?affinity|pod label|nodeSelector|required node affinity|tolerations)/.test(l)) ? undefined : 'it did not change the pods\' affinity, labels or node placement: a pod of the revision before it would be refused the same way';
  }
  if (mechanism.kind === 'failed-scheduling' && /free ports/i.test(said)) {
    return diff.some(changesHostPorts) ? undefined : 'it did not change the pods\' host ports: another pod on the node holds the host port';
  }
  return undefined;
}
