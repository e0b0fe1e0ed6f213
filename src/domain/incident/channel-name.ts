/** Slack allows lower-case letters, digits, `-` and `_`, at most 80 characters. */
export const MAX_CHANNEL_NAME = 80;

/** `inc-<yyyymmdd>-<number>-<slug>` from the incident's creation date (UTC) and title. */
export function buildChannelName(createdAt: string, number: number | string, title: string): string {
  const date = createdAt.slice(0, 10).replaceAll('-', '');
  const stem = `inc-${date}-${String(number).toLowerCase().replace(/[^a-z0-9]/g, '')}`;
  const slug = slugify(title);
  // Leave room for a "-NN" suffix in case the name is taken.
  const room = MAX_CHANNEL_NAME - stem.length - 1 - 4;
  const cut = slug.slice(0, Math.max(0, room)).replace(/-+$/, '');
  return cut === '' ? stem : `${stem}-${cut}`;
}

export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** The n-th alternative when a name is taken: `name-2`, `name-3`, … (n ≥ 2). */
export function withSuffix(name: string, n: number): string {
  const suffix = `-${n}`;
  return `${name.slice(0, MAX_CHANNEL_NAME - suffix.length)}${suffix}`;
}
