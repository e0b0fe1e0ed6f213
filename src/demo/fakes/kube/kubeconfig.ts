// Writes a kubeconfig that the real client-node loads unchanged. Strings are emitted as JSON
// double-quoted scalars, which YAML parses identically, so no YAML library is needed.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface KubeconfigSpec {
  server: string;
  contexts: readonly string[];
  userName: string;
  token: string;
}

export function renderKubeconfig(spec: KubeconfigSpec): string {
  const q = (s: string): string => JSON.stringify(s);
  const lines = ['apiVersion: v1', 'kind: Config', 'clusters:'];
  for (const ctx of spec.contexts) {
    lines.push(
      `- name: ${q(ctx)}`,
      '  cluster:',
      `    server: ${q(spec.server)}`,
      // client-node refuses a plain-http server unless TLS verification is explicitly skipped.
      '    insecure-skip-tls-verify: true',
    );
  }
  lines.push('users:', `- name: ${q(spec.userName)}`, '  user:', `    token: ${q(spec.token)}`, 'contexts:');
  for (const ctx of spec.contexts) {
    lines.push(`- name: ${q(ctx)}`, '  context:', `    cluster: ${q(ctx)}`, `    user: ${q(spec.userName)}`);
  }
  lines.push(`current-context: ${q(spec.contexts[0] ?? '')}`, '');
  return lines.join('\n');
}

export function writeKubeconfig(dir: string, fileName: string, yaml: string): string {
  const path = join(dir, fileName);
  writeFileSync(path, yaml, { mode: 0o600 });
  return path;
}
