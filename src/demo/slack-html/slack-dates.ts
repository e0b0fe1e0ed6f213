/**
 * Slack's date tokens (`<!date^SEC^{date_short_pretty} at {time}|fallback>`) drawn as a Slack
 * client draws them for a reader in `timeZone`: en-US words, 12-hour clock.
 */
export interface DateContext {
  timeZone: string;
  /** For "today", "yesterday" and "{ago}"; default the render time. */
  now?: Date;
}

export function formatSlackDate(epochSeconds: number, format: string, ctx: DateContext): string {
  const at = new Date(epochSeconds * 1000);
  const now = ctx.now ?? new Date();
  const part = (opts: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat('en-US', { timeZone: ctx.timeZone, ...opts }).format(at);
  const dayKey = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: ctx.timeZone }).format(d);
  const pretty = (fallback: string): string => {
    const day = dayKey(at);
    if (day === dayKey(now)) return 'today';
    if (day === dayKey(new Date(now.getTime() - 86_400_000))) return 'yesterday';
    if (day === dayKey(new Date(now.getTime() + 86_400_000))) return 'tomorrow';
    return fallback;
  };
  const dateLong = `${part({ month: 'long' })} ${ordinal(Number(part({ day: 'numeric' })))}, ${part({ year: 'numeric' })}`;
  const dateShort = part({ month: 'short', day: 'numeric', year: 'numeric' });
  const weekday = part({ weekday: 'long' });
  const tokens: Record<string, () => string> = {
    date_num: () => dayKey(at),
    date: () => dateLong,
    date_short: () => dateShort,
    date_long: () => `${weekday}, ${dateLong}`,
    date_pretty: () => pretty(dateLong),
    date_short_pretty: () => pretty(dateShort),
    date_long_pretty: () => pretty(`${weekday}, ${dateLong}`),
    time: () => part({ hour: 'numeric', minute: '2-digit', hour12: true }),
    time_secs: () => part({ hour: 'numeric', minute: '2-digit', second: '2-digit', hour12: true }),
    ago: () => formatAgo(now.getTime() - at.getTime()),
  };
  return format.replace(/\{(\w+)\}/g, (whole, name: string) => tokens[name]?.() ?? whole);
}

function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

function formatAgo(ms: number): string {
  const future = ms < 0;
  const minutes = Math.round(Math.abs(ms) / 60_000);
  const [n, unit] = minutes < 1 ? [0, ''] : minutes < 60 ? [minutes, 'minute'] : minutes < 1440 ? [Math.round(minutes / 60), 'hour'] : [Math.round(minutes / 1440), 'day'];
  if (n === 0) return 'just now';
  const text = `${n} ${unit}${n === 1 ? '' : 's'}`;
  return future ? `in ${text}` : `${text} ago`;
}
