/** Slack's message text → the plain words a user typed, for the router. */

/** The bot's own mention (`<@U123>` or `<@U123|dealdesk>`); without a known id, a leading mention. */
export function stripBotMention(text: string, botUserId?: string): string {
  const mention = botUserId ? new RegExp(`<@${botUserId}(?:\\|[^>]*)?>`, 'g') : /^\s*<@[A-Z0-9]+(?:\|[^>]*)?>/;
  return text.replace(mention, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * Plain text from Slack's mrkdwn: markup becomes what it shows (`<@U1>` → `@U1`, `<!here>` → `@here`,
 * `<https://x|label>` → `label`), then `&lt;` `&gt;` `&amp;` are decoded. The result is user input again,
 * escaped anew wherever it is shown.
 */
export function plainText(text: string): string {
  return text
    .replace(/<([^<>]*)>/g, (_, inner: string) => {
      const [target = '', label] = inner.split('|', 2);
      if (label) return label;
      if (/^[@#]/.test(target)) return target;
      if (target.startsWith('!')) return `@${target.slice(1).split('^')[0]}`;
      return target;
    })
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
