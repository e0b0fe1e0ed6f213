/**
 * Spring Boot's default console line puts a timestamp, level, pid, `---`, the application name
 * (Boot 3.2+), the thread and the logger before the message: `2026-11-21 03:09:31.740 ERROR 1 ---
 * [orders] [nio-8080-exec-3] o.a.c.c.C.[.[.[/].[dispatcherServlet] : …`. A quote clipped to a
 * headline's length keeps only that prefix, so the message is told alone. Tomcat's "Servlet.service()
 * … threw exception [Request processing failed: X: msg] with root cause" wraps the exception that
 * answered the request: the exception is the message.
 */

/** The prefix up to the logger's ` : `; the brackets (application name, thread) may hold spaces. */
const SPRING_PREFIX = /^\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d\S*\s+(?:TRACE|DEBUG|INFO|WARN|ERROR|FATAL)\s+\d+\s+---\s+(?:\[[^\]]*\]\s*)+\S+\s+:\s+/;
/** Tomcat's report of an exception a servlet threw, wrapped by Spring MVC's "Request processing failed". */
const SERVLET_THREW = /^Servlet\.service\(\) for servlet \[[^\]]*\].* threw exception \[(?:Request processing failed(?:; nested exception is|:)\s*)?(.+)\] with root cause$/;
/** A qualified exception class at the start: told by its simple name. */
const QUALIFIED = /^(?:[a-z_$][\w$]*\.)+(?=[A-Z][\w$]*(?:Exception|Error)\b)/;

/** The message of a Spring Boot console line (the servlet's exception for Tomcat's wrapper); the line as is otherwise. */
export function condenseSpringLine(line: string): string {
  const t = line.trim();
  const prefix = SPRING_PREFIX.exec(t);
  if (!prefix) return line;
  const message = t.slice(prefix[0].length).trim();
  const threw = SERVLET_THREW.exec(message);
  const told = threw ? (threw[1] ?? message).replace(QUALIFIED, '') : message;
  return told === '' ? line : told;
}
