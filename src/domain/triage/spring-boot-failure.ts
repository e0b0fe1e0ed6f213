/**
 * Spring Boot's failure analysis: when the application context cannot start, its
 * LoggingFailureAnalysisReporter prints a report framed by asterisks,
 *
 *   ***************************
 *   APPLICATION FAILED TO START
 *   ***************************
 *   Description:
 *   <what failed: "Web server failed to start. Port 8080 was already in use.", "Failed to configure
 *    a DataSource: 'url' attribute is not specified …", "The dependencies of some of the beans in
 *    the application context form a cycle:" + the bean chain, …>
 *   Action:
 *   <what to do>
 *
 * The Description is Spring's own diagnosis, after the stack traces that led to it: its first line
 * (with what it introduces when it ends in a colon) decides the crash, never the banner's border.
 * A dependency cycle is named with its beans: Spring Boot 2.6 made circular references an error
 * by default (spring.main.allow-circular-references=false), so an upgrade past 2.5 turns a cycle
 * that used to start into a start-up failure.
 */
import { truncate } from '../text.js';

export interface SpringBootFailure {
  /** The Description's first line, completed with what it introduces: the quote that decides the crash. */
  line: string;
  /** The Description's lines, trimmed, without blanks. */
  description: string[];
  /** The Action's lines, trimmed, without blanks. */
  action: string[];
  /** A dependency cycle: the beans in it, in order (the first repeats at the end when it closes). */
  cycle?: string[];
  /** The beans that lead into the cycle (outside its box). */
  leadingInto?: string[];
  /** "2.7.18", from the start-up banner when the log kept it. */
  bootVersion?: string;
}

const HEADER = /^\s*APPLICATION FAILED TO START\s*$/;
const BORDER = /^\s*\*{5,}\s*$/;
const CYCLE = /form a cycle/i;
/** The box Spring draws around a cycle's beans: ┌─────┐ ↑ ↓ └─────┘ (|  before each bean inside). */
const BOX = /^[\s┌┐└┘─↑↓<>-]+$/u;

/** The last failure report in the log, if the process printed one. */
export function findSpringBootFailure(lines: readonly string[]): SpringBootFailure | undefined {
  const at = lines.findLastIndex((l) => HEADER.test(l));
  if (at < 0) return undefined;
  const rest = lines.slice(at + 1);
  const from = rest.findIndex((l) => /^\s*Description:\s*$/.test(l));
  if (from < 0) return undefined;
  const to = rest.findIndex((l, i) => i > from && /^\s*Action:\s*$/.test(l));
  const body = rest.slice(from + 1, to < 0 ? undefined : to);
  const description = body.map((l) => l.trim()).filter((l) => l !== '' && !BORDER.test(l));
  const action = to < 0 ? [] : rest.slice(to + 1).map((l) => l.trim()).filter((l) => l !== '').slice(0, 6);
  const [head] = description;
  if (head === undefined) return undefined;
  const chain = CYCLE.test(head) ? readCycle(body) : undefined;
  const bootVersion = lines.slice(0, at).map((l) => /:: Spring Boot ::\s+\(v([\d.]+)/.exec(l)?.[1]).filter((v) => v !== undefined).at(-1);
  return {
    line: truncate(chain ? `${head} ${describeCycle(chain)}` : completeLine(head, description.slice(1)), 300),
    description,
    action,
    ...(chain ? { cycle: chain.cycle, leadingInto: chain.leadingInto } : {}),
    ...(bootVersion ? { bootVersion } : {}),
  };
}

/** A line that ends in a colon introduces what follows ("Failed to bind properties under 'x':"): keep it with it. */
function completeLine(head: string, more: readonly string[]): string {
  if (!head.endsWith(':') || more.length === 0) return head;
  return `${head} ${more.slice(0, 4).join('; ')}`;
}

/** The bean name a cycle line starts with: "|  pricingService (field …)", "   quoteController defined in URL […]". */
function beanOf(line: string): string | undefined {
  return /^\s*\|?\s*([\w.$-]+)/u.exec(line)?.[1];
}

function readCycle(body: readonly string[]): { cycle: string[]; leadingInto: string[] } | undefined {
  const open = body.findIndex((l) => /┌/u.test(l));
  const close = body.findIndex((l, i) => i > open && /└/u.test(l));
  if (open < 0 || close < 0) return undefined;
  const leadingInto = body.slice(0, open).filter((l) => l.trim() !== '' && !CYCLE.test(l)).flatMap((l) => beanOf(l) ?? []);
  const inside = body.slice(open + 1, close).filter((l) => l.trim() !== '' && !BOX.test(l)).flatMap((l) => beanOf(l) ?? []);
  const first = inside[0];
  if (first === undefined) return undefined;
  return { cycle: [...inside, first], leadingInto };
}

function describeCycle(chain: { cycle: string[]; leadingInto: string[] }): string {
  const into = chain.leadingInto.length > 0 ? ` (reached from ${chain.leadingInto.join(' → ')})` : '';
  return `${chain.cycle.join(' → ')}${into}`;
}

/** Spring Boot versions from 2.6 on refuse circular references unless allowed. */
function prohibitsCycles(version: string | undefined): boolean | undefined {
  const m = version === undefined ? undefined : /^(\d+)\.(\d+)/.exec(version);
  if (!m) return undefined;
  const major = Number(m[1]);
  return major > 2 || (major === 2 && Number(m[2]) >= 6);
}

/** How a dependency cycle is told: the beans, the default that refuses it, the fix and the stopgap. */
export function tellBeanCycle(found: SpringBootFailure & { cycle: string[] }): { title: string; cause: string; action: string; fix: string; evidence: string[] } {
  const beans = [...new Set(found.cycle)];
  const loop = found.cycle.join(' → ');
  const version = found.bootVersion ? `Spring Boot ${found.bootVersion}` : 'Spring Boot';
  const since = prohibitsCycles(found.bootVersion);
  const upgrade = since === false
    ? `${version} predates 2.6, so circular references were allowed unless the application turned them off (spring.main.allow-circular-references=false).`
    : `${version} refuses circular references by default since 2.6 (spring.main.allow-circular-references=false); an application that started under 2.5 with the same cycle fails once upgraded, so a revision that moved Spring Boot past 2.5 (or added the injection that closed the loop) is the change.`;
  return {
    title: `: ${version} refuses a circular bean dependency${since === false ? '' : ', prohibited by default since 2.6'}`,
    cause: `The application context cannot start: the beans ${beans.join(' and ')} inject each other (${loop}), so neither can be created first. ${upgrade} The process exits before it serves anything, every start the same way.`,
    action: `Break the cycle between ${beans.join(' and ')} (constructor injection with one side moved to a third bean, an event, or @Lazy on one injection point). As a stopgap, spring.main.allow-circular-references=true lets it start again.`,
    fix: `break the cycle between ${beans.join(' and ')} (or, as a stopgap, set spring.main.allow-circular-references=true)`,
    evidence: [`Spring Boot failure analysis: ${found.line}`, ...(found.action[0] ? [`Action: ${truncate(found.action.join(' '), 300)}`] : [])],
  };
}
