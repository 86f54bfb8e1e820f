import { describe, expect, it } from 'vitest';
import { plainText, stripBotMention } from '../../../src/slack/listeners/text.ts';

describe('stripBotMention', () => {
  it("removes the bot's mention wherever it is, and only the bot's", () => {
    expect(stripBotMention('<@UBOT> how much is <@U2> paid?', 'UBOT')).toBe('how much is <@U2> paid?');
    expect(stripBotMention('hey <@UBOT|dealdesk>  and Nvidia?', 'UBOT')).toBe('hey and Nvidia?');
  });

  it('removes a leading mention when the bot id is unknown', () => {
    expect(stripBotMention('<@UXYZ> Indiana', undefined)).toBe('Indiana');
  });
});

describe('plainText', () => {
  it('turns Slack markup into what it shows and decodes entities', () => {
    expect(plainText('<!channel> <!here> <@U123> <#C1|general> <https://evil.example|bank> <https://a.example>')).toBe(
      '@channel @here @U123 general bank https://a.example',
    );
    expect(plainText('AT&amp;T &lt;b&gt; &amp;amp;')).toBe('AT&T <b> &amp;');
    expect(plainText('<!subteam^S1>')).toBe('@subteam');
  });
});
