import { describe, expect, it } from 'vitest';
import { explainSerializationCycle } from '../../../src/domain/triage/serialization-cycle.js';
import { condenseStructuredLine } from '../../../src/domain/triage/evidence-lookup.js';

const SERVLET = '2026-11-21T03:09:31.740Z ERROR 1 --- [invoices] [nio-8080-exec-7] o.a.c.c.C.[.[.[/].[dispatcherServlet]    : Servlet.service() for servlet [dispatcherServlet] in context with path [] threw exception [Request processing failed: org.springframework.http.converter.HttpMessageNotWritableException: Could not write JSON: Infinite recursion (StackOverflowError)] with root cause';
const CHAIN = 'com.fasterxml.jackson.databind.JsonMappingException: Infinite recursion (StackOverflowError) (through reference chain: com.acme.billing.Invoice["items"]->java.util.ArrayList[0]->com.acme.billing.InvoiceItem["invoice"]->com.acme.billing.Invoice["items"]->java.util.ArrayList[0])';

describe('explainSerializationCycle', () => {
  it("reads Jackson's infinite recursion as a cycle in the returned object graph, named by its reference chain", () => {
    const told = explainSerializationCycle([SERVLET, CHAIN], [SERVLET, CHAIN]);
    expect(told?.summary).toBe('Jackson recurses without end serializing the response: the object graph it returns has a cycle (Invoice.items → InvoiceItem.invoice → …)');
    expect(told?.fix).toContain('@JsonManagedReference/@JsonBackReference');
  });

  it("reads System.Text.Json's object cycle the same way, with its own fix", () => {
    const line = 'fail: Microsoft.AspNetCore.Server.Kestrel[13] System.Text.Json.JsonException: A possible object cycle was detected. This can either be due to a cycle or if the object depth is larger than the maximum allowed depth of 64.';
    expect(explainSerializationCycle([line], [line])?.fix).toContain('ReferenceHandler.IgnoreCycles');
  });

  it('tells a Spring Boot console line by its message, and Tomcat\'s servlet wrapper by the exception it carries', () => {
    expect(condenseStructuredLine(SERVLET)).toBe('HttpMessageNotWritableException: Could not write JSON: Infinite recursion (StackOverflowError)');
    expect(condenseStructuredLine('2026-11-21 03:12:41.563  WARN 1 --- [           main] o.s.b.a.orm.jpa.JpaBaseConfiguration : spring.jpa.open-in-view is enabled by default')).toBe('spring.jpa.open-in-view is enabled by default');
  });
});
