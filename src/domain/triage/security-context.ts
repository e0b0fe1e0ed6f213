/**
 * A securityContext as the evidence keeps it (JSON text of the container's or the pod template's),
 * read back as fields; text that is absent or not an object reads as none set.
 */
export type SecurityContextFields = Record<string, unknown>;

export function parseSecurityContext(json: string | undefined): SecurityContextFields {
  if (json === undefined) return {};
  try {
    const v: unknown = JSON.parse(json);
    return v !== null && typeof v === 'object' ? (v as SecurityContextFields) : {};
  } catch {
    return {};
  }
}
