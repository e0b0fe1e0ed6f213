// The bot's own manifests as `kubectl kustomize` renders them: a complete, consistent set for each
// variant (base, Ingress, Socket Mode), whose pods meet the namespace's restricted profile and whose
// environment passes the bot's own configuration check.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { loadConfig } from '../../src/config.js';

const root = join(import.meta.dirname, '../../deploy/kubernetes');
type Obj = Record<string, any>;

function kustomize(dir: string): Obj[] {
  let out: string;
  try {
    out = execFileSync('kubectl', ['kustomize', join(root, dir)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (err) {
    const e = err as NodeJS.ErrnoException & { stderr?: string };
    if (e.code === 'ENOENT') throw new Error('kubectl is not installed: apt-get install -y kubectl (.ci/run does this)');
    throw new Error(`kubectl kustomize ${dir} failed: ${e.stderr ?? e.message}`);
  }
  return parseAllDocuments(out).map((d) => {
    expect(d.errors).toEqual([]);
    return d.toJS() as Obj;
  });
}

const VARIANTS = { base: '.', ingress: 'overlays/ingress', 'socket-mode': 'overlays/socket-mode' } as const;
const rendered = Object.fromEntries(Object.entries(VARIANTS).map(([name, dir]) => [name, kustomize(dir)])) as Record<keyof typeof VARIANTS, Obj[]>;

const CLUSTER_SCOPED = new Set(['Namespace', 'ClusterRole', 'ClusterRoleBinding']);
const find = (objs: Obj[], kind: string, name?: string): Obj[] => objs.filter((o) => o.kind === kind && (name === undefined || o.metadata.name === name));
const one = (objs: Obj[], kind: string, name?: string): Obj => {
  const found = find(objs, kind, name);
  expect(found, `${kind}${name ? ` ${name}` : ''}`).toHaveLength(1);
  return found[0]!;
};
const podTemplates = (objs: Obj[]) => objs.filter((o) => ['Deployment', 'StatefulSet'].includes(o.kind)).map((o) => ({ owner: o, pod: o.spec.template }));
const matches = (selector: Record<string, string>, labels: Record<string, string>) => Object.entries(selector).every(([k, v]) => labels?.[k] === v);

describe('deploy/kubernetes', () => {
  it('base/kustomization.yaml lists every manifest in base/', () => {
    const k = parse(readFileSync(join(root, 'base/kustomization.yaml'), 'utf8')) as Obj;
    const manifests = readdirSync(join(root, 'base')).filter((f) => f.endsWith('.yaml') && f !== 'kustomization.yaml');
    expect([...(k.resources as string[])].sort()).toEqual(manifests.sort());
  });

  describe.each(Object.keys(VARIANTS) as (keyof typeof VARIANTS)[])('%s renders a complete, consistent set', (variant) => {
    const objs = rendered[variant];

    it('every object is named, and namespaced ones live in rootcause', () => {
      for (const o of objs) {
        expect(o.apiVersion, JSON.stringify(o.metadata)).toBeTruthy();
        expect(o.metadata?.name, o.kind).toBeTruthy();
        if (!CLUSTER_SCOPED.has(o.kind)) expect(o.metadata.namespace, `${o.kind} ${o.metadata.name}`).toBe('rootcause');
      }
      expect(one(objs, 'Namespace').metadata.labels['pod-security.kubernetes.io/enforce']).toBe('restricted');
    });

    it('every reference resolves: services to pods and ports, pods to their ServiceAccount, ConfigMaps and Secret', () => {
      for (const svc of find(objs, 'Service')) {
        const targets = podTemplates(objs).filter(({ pod }) => matches(svc.spec.selector, pod.metadata.labels));
        expect(targets, `pods behind Service ${svc.metadata.name}`).toHaveLength(1);
        const portNames = targets[0]!.pod.spec.containers.flatMap((c: Obj) => (c.ports ?? []).map((p: Obj) => p.name));
        for (const p of svc.spec.ports) expect(portNames, `Service ${svc.metadata.name} port ${p.name}`).toContain(p.targetPort);
      }
      for (const { owner, pod } of podTemplates(objs)) {
        expect(matches(owner.spec.selector.matchLabels, pod.metadata.labels), `${owner.metadata.name} selects its own pods`).toBe(true);
        if (pod.spec.serviceAccountName) one(objs, 'ServiceAccount', pod.spec.serviceAccountName);
        for (const v of pod.spec.volumes ?? []) if (v.configMap) one(objs, 'ConfigMap', v.configMap.name);
      }
      const binding = one(objs, 'ClusterRoleBinding');
      one(objs, 'ClusterRole', binding.roleRef.name);
      for (const s of binding.subjects) one(objs, 'ServiceAccount', s.name);
      for (const pdb of find(objs, 'PodDisruptionBudget')) {
        expect(podTemplates(objs).filter(({ pod }) => matches(pdb.spec.selector.matchLabels, pod.metadata.labels))).toHaveLength(1);
      }
    });

    it('every pod meets the restricted Pod Security profile', () => {
      for (const { owner, pod } of podTemplates(objs)) {
        const what = `${owner.kind} ${owner.metadata.name}`;
        expect(pod.spec.securityContext, what).toMatchObject({ runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } });
        for (const c of pod.spec.containers) {
          expect(c.securityContext, what).toMatchObject({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } });
          expect(c.resources.requests, what).toBeDefined();
          expect(c.resources.limits.memory, what).toBeDefined();
          expect(c.livenessProbe, what).toBeDefined();
          expect(c.readinessProbe, what).toBeDefined();
        }
      }
    });

    it("the bot: two replicas, probes on /healthz and /readyz, and an environment its configuration accepts", () => {
      const d = one(objs, 'Deployment', 'rootcause');
      const pod = d.spec.template.spec;
      const c = pod.containers[0];
      expect(d.spec.replicas).toBe(2);
      expect(c.image).toMatch(/rootcause/);
      expect(c.envFrom).toEqual([{ secretRef: { name: 'rootcause-env' } }]);
      expect(c.livenessProbe.httpGet).toEqual({ path: '/healthz', port: 'http' });
      expect(c.readinessProbe.httpGet).toEqual({ path: '/readyz', port: 'http' });

      // REDIS_URL names the Redis Service of the set, on its port.
      const env = Object.fromEntries((c.env as Obj[]).filter((e) => 'value' in e).map((e) => [e.name, e.value as string]));
      const redis = new URL(env.REDIS_URL!);
      const redisSvc = one(objs, 'Service', redis.hostname);
      expect(redisSvc.spec.ports.map((p: Obj) => String(p.port))).toContain(redis.port);

      // SERVICE_CATALOG is a file of a mounted ConfigMap; the bot's config check accepts it and the env.
      const mount = c.volumeMounts.find((m: Obj) => env.SERVICE_CATALOG!.startsWith(`${m.mountPath}/`));
      expect(mount, 'a volume mounted where SERVICE_CATALOG points').toBeDefined();
      const volume = pod.volumes.find((v: Obj) => v.name === mount.name);
      const catalog = one(objs, 'ConfigMap', volume.configMap.name);
      const file = env.SERVICE_CATALOG!.slice(mount.mountPath.length + 1);
      expect(Object.keys(catalog.data)).toContain(file);

      const dir = mkdtempSync(join(tmpdir(), 'rootcause-deploy-'));
      try {
        writeFileSync(join(dir, file), catalog.data[file]);
        const secret = exampleSecret();
        const config = loadConfig({ ...secret, ...env, SERVICE_CATALOG: join(dir, file) });
        expect(config.redisUrl).toBe(env.REDIS_URL);
        expect(config.port).toBe(Number(c.ports.find((p: Obj) => p.name === 'http').containerPort));
        expect(config.catalog.find('payment-service')?.namespace).toBe('payments');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('Redis keeps an append-only file on a persistent volume, and only the bot may reach it', () => {
      const sts = one(objs, 'StatefulSet', 'rootcause-redis');
      const c = sts.spec.template.spec.containers[0];
      const args: string[] = c.args;
      expect(args.slice(args.indexOf('--appendonly'), args.indexOf('--appendonly') + 2)).toEqual(['--appendonly', 'yes']);
      const dataDir = args[args.indexOf('--dir') + 1];
      const mount = c.volumeMounts.find((m: Obj) => m.mountPath === dataDir);
      expect(sts.spec.volumeClaimTemplates.map((t: Obj) => t.metadata.name)).toContain(mount.name);
      const policy = one(objs, 'NetworkPolicy', 'rootcause-redis');
      expect(matches(policy.spec.podSelector.matchLabels, sts.spec.template.metadata.labels)).toBe(true);
      const bot = one(objs, 'Deployment', 'rootcause').spec.template.metadata.labels;
      expect(policy.spec.ingress.flatMap((r: Obj) => r.from).some((f: Obj) => matches(f.podSelector.matchLabels, bot))).toBe(true);
    });
  });

  it('the Ingress exposes only what Slack and PagerDuty call, never /metrics', () => {
    const objs = rendered.ingress;
    const ingress = one(objs, 'Ingress', 'rootcause');
    const paths = ingress.spec.rules.flatMap((r: Obj) => r.http.paths);
    expect(paths.map((p: Obj) => p.path).sort()).toEqual(['/slack/events', '/webhooks/pagerduty']);
    for (const p of paths) {
      const svc = one(objs, 'Service', p.backend.service.name);
      expect(svc.spec.ports.map((x: Obj) => x.name)).toContain(p.backend.service.port.name);
    }
    expect(find(rendered.base, 'Ingress')).toEqual([]);
  });

  it('Socket Mode needs no Ingress and will not start without its app token', () => {
    const objs = rendered['socket-mode'];
    expect(find(objs, 'Ingress')).toEqual([]);
    const c = one(objs, 'Deployment', 'rootcause').spec.template.spec.containers[0];
    expect(c.env.find((e: Obj) => e.name === 'SLACK_APP_TOKEN')).toEqual({
      name: 'SLACK_APP_TOKEN',
      valueFrom: { secretKeyRef: { name: 'rootcause-env', key: 'SLACK_APP_TOKEN', optional: false } },
    });
  });
});

/** secret.example.env with its placeholders filled as a user would. */
function exampleSecret(): Record<string, string> {
  const text = readFileSync(join(root, 'secret.example.env'), 'utf8');
  const env: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const m = /^([A-Z_]+)=(.*)$/.exec(line.trim());
    // A user replaces every "your-…" placeholder (the bot refuses to start with one left in).
    if (m) env[m[1]!] = m[2]!.replace(/your-[a-z-]+/, 'filled-in-by-the-user');
  }
  expect(Object.values(env).join(' ')).toMatch(/filled-in-by-the-user/);
  expect(Object.keys(env)).toEqual(expect.arrayContaining(['SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET', 'PAGERDUTY_WEBHOOK_SECRETS']));
  return env;
}
