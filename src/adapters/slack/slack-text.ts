/**
 * What people write in Slack, in the domain's plain words. Slack sends message and command text
 * escaped (&amp; &lt; &gt;) with `<@U…|name>` mentions, `<#C…|name>` channels, `<url|label>`
 * links and `<!here>`-style specials. The domain stores plain text that names people and
 * unnamed channels by id (`@U…`, `#C…`, their ids in `mentions`), so it can show them as
 * mentions again (domain/document.ts `withMentions`) without knowing Slack's syntax.
 */
export interface PlainChatText {
  text: string;
  /** User and channel ids the text names as `@U…` / `#C…`, in order of first appearance. */
  mentions: string[];
}

const SLACK_MARKUP = /<([^>|]*)(?:\|([^>]*))?>/g;

export function readSlackText(text: string): PlainChatText {
  const mentions: string[] = [];
  const named = (id: string) => {
    if (!mentions.includes(id)) mentions.push(id);
    return id;
  };
  const plain = text
    .replace(SLACK_MARKUP, (_, target: string, label: string | undefined) => {
      const labelled = label !== undefined && label !== '';
      if (/^@[UW][A-Z0-9]+$/.test(target)) return `@${named(target.slice(1))}`;
      if (target.startsWith('@')) return labelled ? `@${label.replace(/^@/, '')}` : target;
      if (target.startsWith('#')) return labelled ? `#${label}` : /^#C[A-Z0-9]+$/.test(target) ? `#${named(target.slice(1))}` : target;
      if (target.startsWith('!')) return labelled ? `@${label.replace(/^@/, '')}` : `@${target.slice(1).split('^')[0]}`;
      return labelled ? label : target;
    })
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&');
  return { text: plain, mentions };
}

/** Whether a text still holds Slack's markup (an entry stored before timeline text was plain). */
export function hasSlackMarkup(text: string): boolean {
  return /<[@#!][^>]*>|<https?:[^>]*>|&(?:lt|gt|amp);/.test(text);
}
