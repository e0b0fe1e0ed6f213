/**
 * The kubelet's FailedCreatePodSandBox message taken apart: whether the pod's network could not be
 * set up, which CNI plugin failed and how. "Failed to create pod sandbox: rpc error: … failed to
 * setup network for sandbox "…": plugin type="cilium-cni" failed (add): unable to connect to
 * Cilium agent: … dial unix /var/run/cilium/cilium.sock: connect: no such file or directory".
 */

/**
 * agent-unreachable: the plugin cannot reach its per-node agent (a socket or local port refused);
 * no-ip: the node's IP pool is used up; plugin-missing: the plugin binary is not on the node;
 * not-ready: no CNI configuration on the node yet; unauthorized: the API server rejects the
 * plugin's token (401: stale after a signing-key rotation); forbidden: it authenticates the plugin
 * but its RBAC denies the read (403); network: some other network set-up failure;
 * sandbox-image: the runtime cannot pull its own sandbox ("pause") image, which the node's runtime
 * configuration names, not the pod; other: some other runtime failure. Unauthorized and forbidden
 * are not the node's: every node's plugin calls the API server with the same agent-written credentials.
 */
export type SandboxFailureKind = 'agent-unreachable' | 'no-ip' | 'plugin-missing' | 'not-ready' | 'unauthorized' | 'forbidden' | 'network' | 'sandbox-image' | 'other';

/** Why a pull failed: the registry does not answer, has no such image, or refuses the node. */
export type SandboxPullError = 'unreachable' | 'not-found' | 'denied';

export interface SandboxFailure {
  kind: SandboxFailureKind;
  /** The CNI plugin's type: "cilium-cni", "aws-cni", "calico". */
  plugin?: string;
  /** What the plugin said, after "failed (add): ". */
  detail: string;
  /** sandbox-image: the pause image the runtime is configured with, and the registry it lives in. */
  image?: string;
  registry?: string;
  pullError?: SandboxPullError;
  /** The words of the pull error: "i/o timeout", "no such host", "manifest unknown". */
  pullReason?: string;
}

/** The plugin's answers from the API server, as client-go words them. */
export const API_UNAUTHORIZED = /connection is unauthorized|\bUnauthorized\b|asked for the client to provide credentials|invalid bearer token|token has (expired|been invalidated)/;
const API_FORBIDDEN = /\bis forbidden: User "[^"]+" cannot\b/;

const KINDS: [SandboxFailureKind, RegExp][] = [
  ['no-ip', /failed to assign an IP address|no IP addresses available|failed to allocate for range|ip(am)? (pool|addresses?|range)[^.]*exhausted|InsufficientCidrBlocks|no more (free )?IPs/i],
  ['agent-unreachable', /unable to connect to [\w/ -]*agent|dial unix \S+\.sock: connect: (no such file or directory|connection refused)|connect: connection refused|check that the [\w/-]+ container is running|is the agent running/i],
  ['plugin-missing', /failed to find plugin "[^"]+" in path/i],
  ['not-ready', /cni plugin not initialized|network plugin is not ready|no networks found in \/etc\/cni\/net\.d|cni config uninitialized/i],
  // Last: a node-local failure that quotes a refusal is still node-local.
  ['unauthorized', API_UNAUTHORIZED],
  ['forbidden', API_FORBIDDEN],
];

/** containerd's "failed to get sandbox image "…"", dockershim's "failed pulling image "…/pause:…"". */
const SANDBOX_IMAGE = /failed to get sandbox image "([^"]+)"|failed pulling image "([^"]*\bpause[:@][^"]*)"/;

const PULL_ERRORS: [SandboxPullError, RegExp][] = [
  ['not-found', /\bnot found\b|manifest unknown|NotFound/i],
  ['denied', /\b401\b|\b403\b|unauthorized|forbidden|denied/i],
  ['unreachable', /i\/o timeout|no such host|connection (refused|reset)|deadline exceeded|TLS handshake timeout|network is unreachable|Client\.Timeout/i],
];

/** The registry host of an image reference; Docker Hub when the first part is no host. */
export function registryOf(image: string): string {
  const first = image.split('/')[0] ?? '';
  return image.includes('/') && /[.:]|^localhost$/.test(first) ? first : 'docker.io';
}

export function parseSandboxFailure(message: string): SandboxFailure {
  const pause = SANDBOX_IMAGE.exec(message);
  const image = pause?.[1] ?? pause?.[2];
  if (image !== undefined) {
    const after = message.slice(message.indexOf(image) + image.length);
    const found = PULL_ERRORS.map(([kind, re]) => ({ kind, m: re.exec(after) })).find((x) => x.m !== null);
    const detail = message.replace(/^[\s\S]*?desc = /, '').trim();
    return { kind: 'sandbox-image', detail, image, registry: registryOf(image), ...(found?.m ? { pullError: found.kind, pullReason: found.m[0] } : {}) };
  }
  const plugin = /plugin type="([^"]+)"/.exec(message)?.[1];
  const detail = /failed \((?:add|check)\):\s*([\s\S]+)$/.exec(message)?.[1]?.trim() ?? message.replace(/^[\s\S]*?desc = /, '').trim();
  const found = KINDS.find(([, re]) => re.test(message))?.[0];
  const network = plugin !== undefined || /network for sandbox|\bCNI\b|network plugin/i.test(message);
  const kind = found ?? (network ? 'network' : 'other');
  return { kind, ...(plugin !== undefined ? { plugin } : {}), detail };
}

/** Whether the API server refuses the plugin: not the node's fault, every node's plugin is refused alike. */
export function isRefusedByApiServer(failure: SandboxFailure): boolean {
  return failure.kind === 'unauthorized' || failure.kind === 'forbidden';
}

/** "cilium-cni" → "cilium", "aws-cni" → "aws", "calico" → "calico": the part its agent's name carries. */
export function cniStem(plugin: string): string {
  return plugin.replace(/[-_]?cni$/i, '').replace(/^cni[-_]?/i, '').toLowerCase() || plugin.toLowerCase();
}

/** Whether a pod (by its name, its controller's name or its images) is the node agent of a CNI plugin. */
export function isCniAgent(pod: { name: string; owner?: string; images: readonly string[] }, plugin: string): boolean {
  const stem = cniStem(plugin);
  if (stem.length < 3) return false;
  return [pod.name, pod.owner ?? '', ...pod.images.map((i) => i.replace(/^.*\//, ''))].some((s) => s.toLowerCase().includes(stem));
}
