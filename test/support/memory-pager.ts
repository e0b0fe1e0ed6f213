/** Pager in memory: users' e-mails, incidents to read, notes kept per incident; `failNext` as in MemoryChat. */
import type { PagedIncident } from '../../src/domain/incident/incident.js';
import type { Pager } from '../../src/domain/incident/incident-ports.js';
import { dependencyRejected, dependencyUnavailable } from '../../src/errors.js';

type Method = 'getUserEmail' | 'getIncident' | 'addIncidentNote' | 'listIncidentNotes';

export class MemoryPager implements Pager {
  readonly canRead: boolean;
  readonly canWriteNotes: boolean;
  readonly emails = new Map<string, string>();
  readonly incidents = new Map<string, PagedIncident>();
  readonly notes = new Map<string, string[]>();
  private readonly failures: Method[] = [];

  /** Both default to true (an API token and a From e-mail are set). */
  constructor(opts: { canRead?: boolean; canWriteNotes?: boolean } = {}) {
    this.canRead = opts.canRead ?? true;
    this.canWriteNotes = opts.canWriteNotes ?? true;
  }

  /** The next call of `method` fails as if PagerDuty did not answer. */
  failNext(method: Method): void {
    this.failures.push(method);
  }

  async getUserEmail(userId: string): Promise<string | undefined> {
    this.maybeFail('getUserEmail');
    return this.emails.get(userId);
  }

  async getIncident(incidentId: string): Promise<PagedIncident | undefined> {
    this.maybeFail('getIncident');
    return this.incidents.get(incidentId);
  }

  /** Like PagerDuty, a note needs an incident it knows (add it to `incidents`). */
  async addIncidentNote(incidentId: string, content: string): Promise<void> {
    this.maybeFail('addIncidentNote');
    if (!this.incidents.has(incidentId)) throw dependencyRejected('PagerDuty', `POST /incidents/${incidentId}/notes answered 404`);
    this.notes.set(incidentId, [...(this.notes.get(incidentId) ?? []), content]);
  }

  async listIncidentNotes(incidentId: string): Promise<string[]> {
    this.maybeFail('listIncidentNotes');
    return [...(this.notes.get(incidentId) ?? [])];
  }

  private maybeFail(method: Method): void {
    const at = this.failures.indexOf(method);
    if (at === -1) return;
    this.failures.splice(at, 1);
    throw dependencyUnavailable('PagerDuty', `${method}: injected failure`);
  }
}
