/** The optional service catalog (PRODUCT §4): which workload a service is and who owns it. */
export interface CatalogService {
  name: string;
  namespace?: string | undefined;
  /** Label selector (`app=payment-service`); default: the Deployment or StatefulSet named like the service. */
  selector?: string | undefined;
  /** Kube context; default: the current context. */
  context?: string | undefined;
  /** PagerDuty service IDs that page for this workload. */
  pagerduty: string[];
  /** Slack user IDs invited to its incident channels. */
  owners: string[];
}

export class ServiceCatalog {
  private readonly byName: Map<string, CatalogService>;

  constructor(services: CatalogService[] = []) {
    this.byName = new Map(services.map((s) => [s.name, s]));
  }

  get size(): number {
    return this.byName.size;
  }

  find(name: string): CatalogService | undefined {
    return this.byName.get(name);
  }

  /** The catalog services paged by a PagerDuty service (usually one). */
  findByPagerDutyService(pagerDutyServiceId: string): CatalogService[] {
    return [...this.byName.values()].filter((s) => s.pagerduty.includes(pagerDutyServiceId));
  }
}
