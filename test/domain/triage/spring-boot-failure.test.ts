import { describe, expect, it } from 'vitest';
import type { TriageEvidence } from '../../../src/domain/triage/evidence.js';
import { pickDecisiveLine } from '../../../src/domain/triage/evidence-lookup.js';
import { findSpringBootFailure } from '../../../src/domain/triage/spring-boot-failure.js';
import { buildTriageReport } from '../../../src/domain/triage/triage-report.js';
import { NOW, baseEvidence, crashLooping, pod, podName, terminated } from './scenarios/builders.js';

const times = { startedAt: NOW, finishedAt: NOW };

/** What Spring Boot prints when the context does not start: the traces, then its failure analysis. */
function failed(description: string[], action: string[], version = '2.7.18'): string[] {
  return [
    `  .   ____          _            __ _ _`,
    ` :: Spring Boot ::               (v${version})`,
    '2026-11-21 03:10:01.200  INFO 1 --- [           main] c.e.orders.OrdersApplication             : Starting OrdersApplication v3.1.0 using Java 17.0.9 with PID 1',
    '2026-11-21 03:10:07.900  WARN 1 --- [           main] ConfigServletWebServerApplicationContext : Exception encountered during context initialization - cancelling refresh attempt: org.springframework.beans.factory.UnsatisfiedDependencyException: Error creating bean with name \'ledger\'',
    "Error starting ApplicationContext. To display the conditions report re-run your application with 'debug' enabled.",
    '2026-11-21 03:10:08.100 ERROR 1 --- [           main] o.s.b.d.LoggingFailureAnalysisReporter   : ',
    '',
    '***************************',
    'APPLICATION FAILED TO START',
    '***************************',
    '',
    'Description:',
    '',
    ...description,
    '',
    'Action:',
    '',
    ...action,
    '',
  ];
}

const CYCLE = failed(
  [
    'The dependencies of some of the beans in the application context form a cycle:',
    '',
    '   orderController defined in URL [jar:file:/app/app.jar!/BOOT-INF/classes!/com/example/orders/web/OrderController.class]',
    '┌─────┐',
    '|  ledger (field private com.example.orders.Billing com.example.orders.Ledger.billing)',
    '↑     ↓',
    '|  billing (field private com.example.orders.Ledger com.example.orders.Billing.ledger)',
    '└─────┘',
    '',
  ],
  ['Relying upon circular references is discouraged and they are prohibited by default. Update your application to remove the dependency cycle between beans. As a last resort, it may be possible to break the cycle automatically by setting spring.main.allow-circular-references to true.'],
);

describe("Spring Boot's failure analysis", () => {
  it('quotes the Description, never the banner', () => {
    const port = failed(['Web server failed to start. Port 8080 was already in use.'], ['Identify and stop the process that\'s listening on port 8080 or configure this application to listen on another port.']);
    expect(pickDecisiveLine(port)).toBe('Web server failed to start. Port 8080 was already in use.');
    const ds = failed(["Failed to configure a DataSource: 'url' attribute is not specified and no embedded datasource could be configured.", '', 'Reason: Failed to determine a suitable driver class'], ['Consider the following:']);
    expect(pickDecisiveLine(ds)).toBe("Failed to configure a DataSource: 'url' attribute is not specified and no embedded datasource could be configured.");
    // A first line that introduces what follows keeps it.
    const bind = failed(["Failed to bind properties under 'server.port' to java.lang.Integer:", '', '    Property: server.port', '    Value: "80x"', '    Reason: failed to convert java.lang.String to java.lang.Integer'], ["Update your application's configuration"]);
    expect(pickDecisiveLine(bind)).toMatch(/^Failed to bind properties under 'server\.port' to java\.lang\.Integer: Property: server\.port; Value: "80x"; Reason: failed to convert/);
  });

  it('reads a dependency cycle: its beans, what leads into it, the Boot version', () => {
    const found = findSpringBootFailure(CYCLE);
    expect(found?.cycle).toEqual(['ledger', 'billing', 'ledger']);
    expect(found?.leadingInto).toEqual(['orderController']);
    expect(found?.bootVersion).toBe('2.7.18');
    expect(found?.line).toBe('The dependencies of some of the beans in the application context form a cycle: ledger → billing → ledger (reached from orderController)');
    expect(findSpringBootFailure(['2026-11-21 03:10:08 ERROR something else', '***************************'])).toBeUndefined();
  });

  it('names the cycle, the default since 2.6 and the fix in the headline of a crash-looping pod', () => {
    const name = podName('7c9d8f6b5d', 0);
    const crashing = pod(0, { ready: false, containers: [crashLooping(name, terminated(1, 'Error', 2, { runSeconds: 9 }), 6)] });
    const ev: TriageEvidence = baseEvidence({ pods: [crashing, ...[1, 2, 3, 4].map((i) => pod(i))], logs: [{ pod: name, container: 'app', previous: true, lines: CYCLE }] });
    const r = buildTriageReport(ev, times);
    expect(r.headline).toMatch(/circular bean dependency/);
    expect(r.headline).toMatch(/form a cycle: ledger → billing → ledger/);
    expect(r.headline).toMatch(/break the cycle between ledger and billing \(or, as a stopgap, set spring\.main\.allow-circular-references=true\)/i);
    expect(r.headline).not.toContain('*****');
    const finding = r.findings[0];
    expect(finding?.likelyCause).toMatch(/since 2\.6/);
  });
});
