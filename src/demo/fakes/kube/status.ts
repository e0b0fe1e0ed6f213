// metav1.Status bodies shaped exactly like kube-apiserver's, so the bot's error handling is
// exercised against the real wire format (ApiException.body is this JSON as a string).

export interface StatusDetails {
  name?: string;
  group?: string;
  kind?: string;
}

export interface KubeStatus {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: Record<string, never> | { continue?: string };
  status: 'Failure';
  message: string;
  reason: string;
  details?: StatusDetails;
  code: number;
}

/** Thrown inside the fake's request handling; the router turns it into the Status response. */
export class StatusError extends Error {
  readonly status: KubeStatus;

  constructor(code: number, reason: string, message: string, details?: StatusDetails) {
    super(message);
    this.status = {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message,
      reason,
      ...(details === undefined ? {} : { details }),
      code,
    };
  }
}

/** `pods` for the core group, `deployments.apps` otherwise — how the apiserver names a resource. */
function qualifiedResource(group: string, resource: string): string {
  return group === '' ? resource : `${resource}.${group}`;
}

function details(group: string, resource: string, name?: string): StatusDetails {
  // Key order matches the apiserver's JSON (name, group, kind) so snapshots read naturally.
  return {
    ...(name === undefined ? {} : { name }),
    ...(group === '' ? {} : { group }),
    kind: resource,
  };
}

export function notFound(group: string, resource: string, name: string): StatusError {
  return new StatusError(
    404,
    'NotFound',
    `${qualifiedResource(group, resource)} "${name}" not found`,
    details(group, resource, name),
  );
}

export function pathNotFound(): StatusError {
  return new StatusError(404, 'NotFound', 'the server could not find the requested resource', {});
}

export function badRequest(message: string): StatusError {
  return new StatusError(400, 'BadRequest', message);
}

export function unauthorized(): StatusError {
  return new StatusError(401, 'Unauthorized', 'Unauthorized');
}

export function methodNotAllowed(): StatusError {
  return new StatusError(
    405,
    'MethodNotAllowed',
    'the server does not allow this method on the requested resource',
    {},
  );
}

export interface ForbiddenRequest {
  user: string;
  verb: string;
  group: string;
  /** Plural resource, without subresource. */
  resource: string;
  subresource?: string;
  namespace?: string;
  name?: string;
}

/** The RBAC denial text the authorizer produces, e.g. for `kubectl auth can-i` mismatches. */
export function forbidden(r: ForbiddenRequest): StatusError {
  const qr = qualifiedResource(r.group, r.resource);
  const subject = r.name === undefined ? qr : `${qr} "${r.name}"`;
  const rbacResource = r.subresource === undefined ? r.resource : `${r.resource}/${r.subresource}`;
  const scope = r.namespace === undefined ? 'at the cluster scope' : `in the namespace "${r.namespace}"`;
  const message =
    `${subject} is forbidden: User "${r.user}" cannot ${r.verb} resource "${rbacResource}" ` +
    `in API group "${r.group}" ${scope}`;
  return new StatusError(403, 'Forbidden', message, details(r.group, r.resource, r.name));
}

export function expired(message: string): StatusError {
  return new StatusError(410, 'Expired', message);
}
