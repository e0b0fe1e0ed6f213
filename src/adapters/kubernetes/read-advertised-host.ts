// The StatefulSet behind a per-pod host name its clients cannot resolve (evidence-advertised-host.ts).
// Read only when a current log says `<set>-<n>.<service>.<namespace>.svc…` does not resolve: a get
// of that Service (kept only when it has a cluster IP: under a headless one the name is valid), a
// get of StatefulSet <set> in that namespace (kept only when another Service governs it), and one
// list of its ControllerRevisions by its selector (at most 20), the newest two compared on the
// literal env values and args that name hosts under the Service. At most three requests; never a Secret.
import type { AdvertisedHostEvidence } from '../../domain/triage/evidence-advertised-host.js';
import type { LogEvidence, RevisionEvidence } from '../../domain/triage/evidence.js';
import { namesUnderService, pickPerPodHost } from '../../domain/triage/per-pod-host.js';
import type { CollectContext } from './collect-context.js';
import { formatSelector } from './label-selector.js';
import { isOwnedBy, mapControllerRevision } from './map-revision.js';
import { pageParams } from './paginate.js';

const MAX_REVISIONS = 20;

/** The literal settings of a revision: env name → value, or an argument as `flag` → value. */
function settingsOf(r: RevisionEvidence | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const c of r?.containers ?? []) {
    for (const e of c.env) if ('value' in e) out.set(e.name, e.value);
    for (const a of [...(c.command ?? []), ...(c.args ?? [])]) out.set(a.includes('=') ? a.slice(0, a.indexOf('=')) : a, a.includes('=') ? a.slice(a.indexOf('=') + 1) : a);
  }
  return out;
}

export async function readAdvertisedHost(ctx: CollectContext, input: { logs: readonly LogEvidence[] }): Promise<AdvertisedHostEvidence | undefined> {
  const found = pickPerPodHost(input.logs);
  if (found === undefined) return undefined;
  const { core, apps } = ctx.clients;
  const { namespace, service } = found;
  const why = `its clients cannot resolve the per-pod name ${found.host}`;
  const [svc, sts] = await Promise.all([
    ctx.reads.one(`Service ${service} in ${namespace} (${why})`, 'dependencyPods', (o) => core.readNamespacedService({ name: service, namespace }, o)),
    ctx.reads.one(`StatefulSet ${found.statefulSet} in ${namespace} (${why})`, 'dependencyPods', (o) => apps.readNamespacedStatefulSet({ name: found.statefulSet, namespace }, o)),
  ]);
  const clusterIP = svc?.spec?.clusterIP;
  const governingService = sts?.spec?.serviceName;
  // A headless Service publishes per-pod names: the name is valid, its pod is what is missing.
  if (clusterIP === undefined || clusterIP === '' || clusterIP === 'None') return undefined;
  if (governingService === undefined || governingService === '' || governingService === service) return undefined;
  const base: AdvertisedHostEvidence = { host: found.host, namespace, service, clusterIP, statefulSet: found.statefulSet, governingService };
  const labelSelector = formatSelector(sts?.spec?.selector);
  if (labelSelector === '') return base;
  const list = await ctx.reads.list(`revisions of StatefulSet ${namespace}/${found.statefulSet} (${why})`, 'dependencyPods', (cont, limit, o) =>
    apps.listNamespacedControllerRevision({ namespace, labelSelector, ...pageParams(cont, limit) }, o), { maxItems: MAX_REVISIONS });
  const revisions = list.items.filter((cr) => isOwnedBy(cr.metadata, sts?.metadata?.uid)).map((cr) => mapControllerRevision(cr)).sort((a, b) => b.revision - a.revision);
  const [newest, previous] = revisions;
  if (newest === undefined) return base;
  const before = settingsOf(previous);
  const settings = [...settingsOf(newest)].filter(([, v]) => namesUnderService(v, service, namespace)).map(([name, value]) => {
    const was = before.get(name);
    return was === undefined ? { name, value } : { name, value, before: was };
  });
  return { ...base, revision: { number: newest.revision, createdAt: newest.createdAt, ...(previous ? { previous: previous.revision } : {}), settings } };
}
