/**
 * PagerDuty REST API v2 through fetch. Network errors, 429 and 5xx are retryable
 * (the job runs again later); 401/403 are permanent; 404 is "not there".
 */
import type { PagedIncident } from '../../domain/incident/incident.js';
import type { Pager } from '../../domain/incident/incident-ports.js';
import { dependencyRejected, dependencyUnavailable } from '../../errors.js';
import { pagerDutyIncidentSchema, toPagedIncident } from './parse-webhook.js';

export interface PagerDutyClientOptions {
  /** REST API base, without a trailing `/`. */
  apiUrl: string;
  /** Unset: the client can neither read nor write. */
  apiToken: string | undefined;
  /** Unset: no notes (PagerDuty requires `From` on writes). */
  fromEmail: string | undefined;
  /** Per request. Default 5 s. */
  timeoutMs?: number;
  fetch?: typeof fetch;
  onCall?: (operation: string, outcome: string) => void;
}

export class PagerDutyClient implements Pager {
  readonly canRead: boolean;
  readonly canWriteNotes: boolean;
  private readonly fetch: typeof fetch;

  constructor(private readonly opts: PagerDutyClientOptions) {
    this.canRead = opts.apiToken !== undefined;
    this.canWriteNotes = this.canRead && opts.fromEmail !== undefined;
    this.fetch = opts.fetch ?? globalThis.fetch;
  }

  async getUserEmail(userId: string): Promise<string | undefined> {
    const body = await this.request('get-user', 'GET', `/users/${encodeURIComponent(userId)}`);
    const email = (body as { user?: { email?: unknown } } | undefined)?.user?.email;
    return typeof email === 'string' && email !== '' ? email : undefined;
  }

  async getIncident(incidentId: string): Promise<PagedIncident | undefined> {
    const body = await this.request('get-incident', 'GET', `/incidents/${encodeURIComponent(incidentId)}`);
    const parsed = pagerDutyIncidentSchema.safeParse((body as { incident?: unknown } | undefined)?.incident);
    return parsed.success ? toPagedIncident(parsed.data, new Date().toISOString()) : undefined;
  }

  async addIncidentNote(incidentId: string, content: string): Promise<void> {
    await this.request('add-note', 'POST', `/incidents/${encodeURIComponent(incidentId)}/notes`, { note: { content } });
  }

  async listIncidentNotes(incidentId: string): Promise<string[]> {
    const body = await this.request('list-notes', 'GET', `/incidents/${encodeURIComponent(incidentId)}/notes`);
    const notes = (body as { notes?: { content?: unknown }[] } | undefined)?.notes ?? [];
    return notes.map((n) => (typeof n.content === 'string' ? n.content : ''));
  }

  private async request(operation: string, method: string, path: string, json?: unknown): Promise<unknown> {
    if (this.opts.apiToken === undefined) throw dependencyRejected('PagerDuty', 'PAGERDUTY_API_TOKEN is not set');
    const headers: Record<string, string> = {
      Authorization: `Token token=${this.opts.apiToken}`,
      Accept: 'application/vnd.pagerduty+json;version=2',
    };
    if (json !== undefined) headers['Content-Type'] = 'application/json';
    if (method !== 'GET' && this.opts.fromEmail !== undefined) headers.From = this.opts.fromEmail;
    let response: Response;
    try {
      response = await this.fetch(`${this.opts.apiUrl}${path}`, {
        method,
        headers,
        body: json === undefined ? undefined : JSON.stringify(json),
        signal: AbortSignal.timeout(this.opts.timeoutMs ?? 5_000),
      });
    } catch (err) {
      this.opts.onCall?.(operation, 'network_error');
      throw dependencyUnavailable('PagerDuty', `${method} ${path}: ${(err as Error).message}`, err);
    }
    this.opts.onCall?.(operation, String(response.status));
    // A read of something missing is an answer; a write to something missing is a failure.
    if (response.status === 404 && method === 'GET') return undefined;
    const text = await response.text();
    if (response.status === 429 || response.status >= 500) {
      throw dependencyUnavailable('PagerDuty', `${method} ${path} answered ${response.status}`);
    }
    if (!response.ok) throw dependencyRejected('PagerDuty', `${method} ${path} answered ${response.status}: ${text.slice(0, 200)}`);
    try {
      return text === '' ? undefined : JSON.parse(text);
    } catch {
      throw dependencyUnavailable('PagerDuty', `${method} ${path} answered something that is not JSON`);
    }
  }
}
