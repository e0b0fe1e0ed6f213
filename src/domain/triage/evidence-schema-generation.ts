// The schema-generation setting of an ORM (Hibernate's hbm2ddl.auto, Spring's
// spring.jpa.hibernate.ddl-auto, JPA's schema-generation action) as a ConfigMap the failing
// container mounts or takes variables from holds it, read where its queries find a table missing
// (schema-generation.ts). Only the setting's lines are kept; the rest of the data is dropped.
import type { IsoTime } from './evidence-spec.js';

/** `spring.jpa.hibernate.ddl-auto=create-drop` in key application.properties of ConfigMap app-config, mounted at /config/application.properties. */
export interface SchemaGenerationEvidence {
  configMap: string;
  key: string;
  /** How the container sees the key: the file's path, `envFrom`, or the env var that takes it. */
  via: string;
  /** The setting as written: `spring.jpa.hibernate.ddl-auto=create-drop`, `ddl-auto: create`, `SPRING_JPA_HIBERNATE_DDL_AUTO=create`. */
  lines: string[];
  /** The newest write of the ConfigMap's data (managedFields), when the API reports one. */
  changedAt?: IsoTime;
  changedBy?: string;
}
