// The resources the fake serves, with the REST names, list kinds, scopes and field selectors the
// real apiserver uses for them. Events are stored once (core/v1 shape) and projected into the
// events.k8s.io/v1 shape on the way out, as the apiserver does with its shared event storage.

/** An object as stored and served: plain JSON (dates as RFC 3339 strings). */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: KubeObjectMeta;
  [key: string]: unknown;
}

export interface KubeObjectMeta {
  name: string;
  namespace?: string;
  uid: string;
  resourceVersion: string;
  creationTimestamp: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: unknown[];
  [key: string]: unknown;
}

/**
 * What tests may hand to add()/upsert(): plain literals or client-node model instances (V1Pod…).
 * No index signature on purpose: class instances would not be assignable to one.
 */
export interface KubeObjectInput {
  apiVersion?: string;
  kind?: string;
  metadata?: {
    name?: string;
    namespace?: string;
    uid?: string;
    resourceVersion?: string;
    creationTimestamp?: Date | string;
    labels?: { [key: string]: string };
    annotations?: { [key: string]: string };
    ownerReferences?: unknown[];
  };
}

type FieldGetter = (obj: KubeObject) => string;

export interface ResourceDef {
  group: string;
  version: string;
  /** `v1` or `apps/v1`. */
  apiVersion: string;
  /** Plural REST name. */
  resource: string;
  kind: string;
  listKind: string;
  namespaced: boolean;
  /** Storage bucket; both event groups share `events`. */
  storage: string;
  /** Supported field-selector labels; any other label is a 400 like the real server. */
  fields: ReadonlyMap<string, FieldGetter>;
  /** Turns the stored (core) object into this group's wire shape. Absent = identity. */
  project?: (stored: KubeObject) => KubeObject;
  subresources: readonly string[];
}

function path(obj: unknown, parts: readonly string[]): unknown {
  let cur: unknown = obj;
  for (const part of parts) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

/** Field selectors compare the string form; an absent field compares as "" (like `spec.nodeName=`). */
function fieldAt(dotted: string): FieldGetter {
  // Split once: getters run per object per request (50k events in one list).
  const parts = dotted.split('.');
  return (obj) => {
    const v = path(obj, parts);
    if (v === undefined || v === null) return '';
    return typeof v === 'string' ? v : String(v);
  };
}

function fields(namespaced: boolean, extra: Record<string, string> = {}): ReadonlyMap<string, FieldGetter> {
  const m = new Map<string, FieldGetter>([['metadata.name', fieldAt('metadata.name')]]);
  if (namespaced) m.set('metadata.namespace', fieldAt('metadata.namespace'));
  for (const [label, objPath] of Object.entries(extra)) m.set(label, fieldAt(objPath));
  return m;
}

const objectRefSubfields = ['kind', 'namespace', 'name', 'uid', 'apiVersion', 'resourceVersion', 'fieldPath'];

function eventFields(prefix: 'involvedObject' | 'regarding'): ReadonlyMap<string, FieldGetter> {
  const extra: Record<string, string> = { reason: 'reason', type: 'type' };
  // Selectors on events.k8s.io name the new fields but run against the stored core object.
  for (const f of objectRefSubfields) extra[`${prefix}.${f}`] = `involvedObject.${f}`;
  if (prefix === 'involvedObject') {
    extra['reportingComponent'] = 'reportingComponent';
    extra['source'] = 'source.component';
  } else {
    extra['reportingController'] = 'reportingComponent';
  }
  return fields(true, extra);
}

/** core/v1 Event → events.k8s.io/v1 Event, following k8s.io/kubernetes pkg/apis/events/v1 conversion. */
function coreEventToEventsV1(e: KubeObject): KubeObject {
  const out: KubeObject = {
    kind: 'Event',
    apiVersion: 'events.k8s.io/v1',
    metadata: e.metadata,
    // eventTime is a non-omitempty MicroTime: old-style events carry an explicit null.
    eventTime: e['eventTime'] ?? null,
  };
  const copy = (from: string, to: string): void => {
    const v = e[from];
    if (v !== undefined && v !== null && v !== '') out[to] = v;
  };
  copy('series', 'series');
  copy('reportingComponent', 'reportingController');
  copy('reportingInstance', 'reportingInstance');
  copy('action', 'action');
  copy('reason', 'reason');
  copy('involvedObject', 'regarding');
  copy('related', 'related');
  copy('message', 'note');
  copy('type', 'type');
  copy('source', 'deprecatedSource');
  copy('firstTimestamp', 'deprecatedFirstTimestamp');
  copy('lastTimestamp', 'deprecatedLastTimestamp');
  copy('count', 'deprecatedCount');
  return out;
}

/** events.k8s.io/v1 Event → core/v1 Event, so add() accepts either shape and stores one. */
export function eventsV1ToCoreEvent(e: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { kind: 'Event', apiVersion: 'v1', metadata: e['metadata'] };
  const copy = (from: string, to: string): void => {
    const v = e[from];
    if (v !== undefined && v !== null) out[to] = v;
  };
  copy('regarding', 'involvedObject');
  copy('reason', 'reason');
  copy('note', 'message');
  copy('type', 'type');
  copy('deprecatedSource', 'source');
  copy('deprecatedFirstTimestamp', 'firstTimestamp');
  copy('deprecatedLastTimestamp', 'lastTimestamp');
  copy('deprecatedCount', 'count');
  copy('eventTime', 'eventTime');
  copy('series', 'series');
  copy('action', 'action');
  copy('related', 'related');
  copy('reportingController', 'reportingComponent');
  copy('reportingInstance', 'reportingInstance');
  return out;
}

/**
 * Fills what the apiserver always returns for a core Event: these fields are not omitempty,
 * so real responses carry `"eventTime": null` and empty reporting strings.
 */
export function normalizeCoreEvent(e: Record<string, unknown>): void {
  if (e['eventTime'] === undefined) e['eventTime'] = null;
  if (e['reportingComponent'] === undefined) e['reportingComponent'] = '';
  if (e['reportingInstance'] === undefined) e['reportingInstance'] = '';
}

interface DefSpec {
  group?: string;
  version?: string;
  resource: string;
  kind: string;
  namespaced?: boolean;
  storage?: string;
  fields?: ReadonlyMap<string, FieldGetter>;
  project?: (stored: KubeObject) => KubeObject;
  subresources?: readonly string[];
}

function def(s: DefSpec): ResourceDef {
  const group = s.group ?? '';
  const version = s.version ?? 'v1';
  const namespaced = s.namespaced ?? true;
  return {
    group,
    version,
    apiVersion: group === '' ? version : `${group}/${version}`,
    resource: s.resource,
    kind: s.kind,
    listKind: `${s.kind}List`,
    namespaced,
    storage: s.storage ?? s.resource,
    fields: s.fields ?? fields(namespaced),
    ...(s.project === undefined ? {} : { project: s.project }),
    subresources: s.subresources ?? ['status'],
  };
}

export const RESOURCES: readonly ResourceDef[] = [
  def({
    resource: 'pods',
    kind: 'Pod',
    subresources: ['status', 'log'],
    fields: fields(true, {
      'spec.nodeName': 'spec.nodeName',
      'spec.restartPolicy': 'spec.restartPolicy',
      'spec.schedulerName': 'spec.schedulerName',
      'spec.serviceAccountName': 'spec.serviceAccountName',
      'spec.hostNetwork': 'spec.hostNetwork',
      'status.phase': 'status.phase',
      'status.podIP': 'status.podIP',
      'status.nominatedNodeName': 'status.nominatedNodeName',
    }),
  }),
  def({ resource: 'events', kind: 'Event', fields: eventFields('involvedObject'), subresources: [] }),
  def({ resource: 'services', kind: 'Service' }),
  def({ resource: 'endpoints', kind: 'Endpoints', subresources: [] }),
  def({ resource: 'persistentvolumeclaims', kind: 'PersistentVolumeClaim' }),
  def({ resource: 'configmaps', kind: 'ConfigMap', subresources: [] }),
  def({ resource: 'resourcequotas', kind: 'ResourceQuota' }),
  def({ resource: 'limitranges', kind: 'LimitRange', subresources: [] }),
  def({
    resource: 'nodes',
    kind: 'Node',
    namespaced: false,
    fields: fields(false, { 'spec.unschedulable': 'spec.unschedulable' }),
  }),
  def({ resource: 'persistentvolumes', kind: 'PersistentVolume', namespaced: false }),
  def({
    resource: 'namespaces',
    kind: 'Namespace',
    namespaced: false,
    fields: fields(false, { 'status.phase': 'status.phase' }),
  }),
  def({ group: 'apps', resource: 'deployments', kind: 'Deployment' }),
  def({
    group: 'apps',
    resource: 'replicasets',
    kind: 'ReplicaSet',
    fields: fields(true, { 'status.replicas': 'status.replicas' }),
  }),
  def({ group: 'apps', resource: 'statefulsets', kind: 'StatefulSet' }),
  def({ group: 'apps', resource: 'daemonsets', kind: 'DaemonSet' }),
  def({ group: 'apps', resource: 'controllerrevisions', kind: 'ControllerRevision', subresources: [] }),
  def({ group: 'batch', resource: 'jobs', kind: 'Job' }),
  def({ group: 'batch', resource: 'cronjobs', kind: 'CronJob' }),
  def({ group: 'networking.k8s.io', resource: 'networkpolicies', kind: 'NetworkPolicy', subresources: [] }),
  def({ group: 'storage.k8s.io', resource: 'storageclasses', kind: 'StorageClass', namespaced: false, subresources: [] }),
  def({ group: 'autoscaling', version: 'v2', resource: 'horizontalpodautoscalers', kind: 'HorizontalPodAutoscaler' }),
  def({ group: 'discovery.k8s.io', resource: 'endpointslices', kind: 'EndpointSlice', subresources: [] }),
  def({
    group: 'events.k8s.io',
    resource: 'events',
    kind: 'Event',
    storage: 'events',
    fields: eventFields('regarding'),
    project: coreEventToEventsV1,
    subresources: [],
  }),
];

const byRestPath = new Map<string, ResourceDef>(RESOURCES.map((d) => [`${d.apiVersion}/${d.resource}`, d]));

/** Lookup for a request path: (`v1` | `apps/v1`, `pods`). */
export function resourceFor(apiVersion: string, resource: string): ResourceDef | undefined {
  return byRestPath.get(`${apiVersion}/${resource}`);
}

/** The def an object is stored under (events.k8s.io events resolve to the core def). */
export function storageDefFor(apiVersion: string | undefined, kind: string): ResourceDef | undefined {
  const lower = kind.toLowerCase();
  const candidates = RESOURCES.filter(
    (d) =>
      (d.kind.toLowerCase() === lower || d.resource === lower) &&
      (apiVersion === undefined || d.apiVersion === apiVersion),
  );
  const found = candidates[0];
  if (found === undefined) return undefined;
  return RESOURCES.find((d) => d.storage === found.storage && d.project === undefined);
}

/** The group versions served, for discovery (`/api`, `/apis`). */
export function groupVersions(): Map<string, ResourceDef[]> {
  const out = new Map<string, ResourceDef[]>();
  for (const d of RESOURCES) {
    const list = out.get(d.apiVersion) ?? [];
    list.push(d);
    out.set(d.apiVersion, list);
  }
  return out;
}
