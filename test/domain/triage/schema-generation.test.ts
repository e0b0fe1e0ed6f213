import { describe, expect, it } from 'vitest';
import type { LogEvidence } from '../../../src/domain/triage/evidence.js';
import { findDroppingSchemaGeneration, keepSchemaGeneration, pickSchemaGenerationReads } from '../../../src/domain/triage/schema-generation.js';
import { container, pod } from './scenarios/builders.js';

const MISSING = 'org.postgresql.util.PSQLException: ERROR: relation "invoices" does not exist';
const springPod = pod(0, {
  containers: [container({ envFrom: [{ kind: 'configMap', name: 'billing-env' }, { kind: 'secret', name: 'billing-secrets' }], volumeMounts: [{ name: 'config', mountPath: '/config' }] })],
  volumes: [{ name: 'tls', source: 'secret', ref: 'billing-tls' }, { name: 'config', source: 'configMap', ref: 'billing-config' }],
});
const logs = (line: string): LogEvidence[] => [{ pod: springPod.name, container: 'app', previous: false, lines: ['Started BillingApplication in 9.1 seconds', line, line] }];

describe('pickSchemaGenerationReads', () => {
  it('reads the ConfigMap the container mounts, then the one it takes variables from, never a Secret, once a table is missing', () => {
    expect(pickSchemaGenerationReads({ logs: logs(MISSING), pods: [springPod] })).toEqual([
      { configMap: 'billing-config', via: 'mounted', mountPath: '/config' },
      { configMap: 'billing-env', via: 'envFrom' },
    ]);
    expect(pickSchemaGenerationReads({ logs: logs("java.sql.SQLSyntaxErrorException: Table 'billing.invoices' doesn't exist"), pods: [springPod] })).toHaveLength(2);
  });

  it('reads nothing while no table is missing, or when the container sets schema generation itself', () => {
    expect(pickSchemaGenerationReads({ logs: logs('ERROR: column i.total does not exist'), pods: [springPod] })).toEqual([]);
    expect(pickSchemaGenerationReads({ logs: logs('GET /invoices 200 12ms'), pods: [springPod] })).toEqual([]);
    const own = { ...springPod, containers: [container({ ...springPod.containers[0], env: [{ name: 'SPRING_JPA_HIBERNATE_DDL_AUTO', value: 'validate' }] })] };
    expect(pickSchemaGenerationReads({ logs: logs(MISSING), pods: [own] })).toEqual([]);
  });
});

describe('keepSchemaGeneration', () => {
  it("keeps only the schema-generation lines of a mounted file, and only its variables", () => {
    const props = 'spring.datasource.url=jdbc:postgresql://db:5432/billing\nspring.datasource.password=hunter2\nspring.jpa.hibernate.ddl-auto=create-drop\n# spring.jpa.hibernate.ddl-auto=validate\n';
    expect(keepSchemaGeneration({ configMap: 'billing-config', via: 'mounted', mountPath: '/config/' }, { 'application.properties': props })).toEqual([
      { configMap: 'billing-config', key: 'application.properties', via: '/config/application.properties', lines: ['spring.jpa.hibernate.ddl-auto=create-drop'] },
    ]);
    const yml = 'spring:\n  jpa:\n    hibernate:\n      ddl-auto: create\n';
    expect(keepSchemaGeneration({ configMap: 'billing-config', via: 'mounted', mountPath: '/config' }, { 'application.yml': yml })[0]?.lines).toEqual(['ddl-auto: create']);
    expect(keepSchemaGeneration({ configMap: 'billing-env', via: 'envFrom' }, { SPRING_JPA_HIBERNATE_DDL_AUTO: 'create-drop', DB_PASSWORD: 'hunter2' })).toEqual([
      { configMap: 'billing-env', key: 'SPRING_JPA_HIBERNATE_DDL_AUTO', via: 'envFrom', lines: ['SPRING_JPA_HIBERNATE_DDL_AUTO=create-drop'] },
    ]);
  });
});

describe('findDroppingSchemaGeneration', () => {
  const held = [{ configMap: 'billing-config', key: 'application.properties', via: '/config/application.properties', lines: ['spring.jpa.hibernate.ddl-auto=create-drop'] }];

  it('finds create-drop, create, drop-and-create and drop in a ConfigMap, in a variable or on the command line', () => {
    expect(findDroppingSchemaGeneration(container(), held)).toMatchObject({ written: 'spring.jpa.hibernate.ddl-auto=create-drop', value: 'create-drop', where: 'ConfigMap billing-config (/config/application.properties)' });
    expect(findDroppingSchemaGeneration(container({ env: [{ name: 'SPRING_JPA_HIBERNATE_DDL_AUTO', value: 'create' }] }), [])).toMatchObject({ written: 'SPRING_JPA_HIBERNATE_DDL_AUTO=create', value: 'create' });
    expect(findDroppingSchemaGeneration(container({ env: [{ name: 'JAVA_TOOL_OPTIONS', value: '-Xmx512m -Dhibernate.hbm2ddl.auto=create-drop' }] }), [])?.value).toBe('create-drop');
    expect(findDroppingSchemaGeneration(container({ args: ['--spring.jpa.properties.jakarta.persistence.schema-generation.database.action=drop-and-create'] }), [])?.value).toBe('drop-and-create');
    const xml = [{ ...held[0]!, lines: ['<property name="hibernate.hbm2ddl.auto" value="create"/>'] }];
    expect(findDroppingSchemaGeneration(container(), xml)?.value).toBe('create');
  });

  it('clears validate, update and none, and a file the container overrides with a safe value', () => {
    for (const v of ['validate', 'update', 'none']) expect(findDroppingSchemaGeneration(container(), [{ ...held[0]!, lines: [`spring.jpa.hibernate.ddl-auto=${v}`] }])).toBeUndefined();
    expect(findDroppingSchemaGeneration(container({ env: [{ name: 'SPRING_JPA_HIBERNATE_DDL_AUTO', value: 'validate' }] }), held)).toBeUndefined();
  });
});
