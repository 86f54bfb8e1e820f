/** `/help`, unknown commands, and free text through the router. */
import { describe, expect, it } from 'vitest';
import { answer, commands } from '../../commands/index.ts';
import { helpJsonSchema } from '../../src/answer/contracts.ts';
import { renderText } from '../../src/answer/text.ts';
import { seedContext } from '../helpers/corpus.ts';

const ctx = seedContext();

describe('/help', () => {
  it('lists every registered command with its summary', async () => {
    const result = await answer('/help', ctx);
    expect(result.error).toBeUndefined();
    expect(commands.length).toBeGreaterThanOrEqual(2);
    const text = renderText(result);
    for (const command of commands) {
      expect(result.items.some((item) => item.text.startsWith(`/${command.name}`)), command.name).toBe(true);
      expect(text).toContain(`/${command.name}`);
      expect(text).toContain(command.summary);
    }
    expect(result.json).toMatchObject({ command: 'help' });
    const listed = helpJsonSchema.parse(result.json).commands.map((c) => c.name);
    expect(listed).toEqual(commands.map((c) => c.name));
  });

  it('every command has a usage text and a summary', () => {
    for (const command of commands) {
      expect(command.summary.length, command.name).toBeGreaterThan(0);
      expect(command.usage, command.name).toMatch(/usage/i);
    }
  });

  it('the console takes /dealdesk help, /dealdesk <command> and /dealdesk <question> as Slack does', async () => {
    expect((await answer('/dealdesk help', ctx)).items).toEqual((await answer('/help', ctx)).items);
    expect((await answer('/dealdesk', ctx)).command).toBe('help');
    expect((await answer('/dealdesk news Indiana', ctx)).json).toEqual((await answer('/news Indiana', ctx)).json);
    expect((await answer('/dealdesk how much is Amazon putting into OpenAI?', ctx)).command).toBe('deal');
  });

  it('in Slack, names /dealdesk help and /dealdesk <question> instead of /help, which Slack keeps for itself', async () => {
    const items = (await answer('/help', { ...ctx, surface: 'slack' })).items.map((i) => i.text);
    expect(items).not.toContain('/help');
    expect(items).toEqual(expect.arrayContaining(['/dealdesk help', '/dealdesk <question>']));
    expect(items.some((t) => t.startsWith('/deal '))).toBe(true);
  });

  it('ignores arguments', async () => {
    expect((await answer('/help me please', ctx)).items).toEqual((await answer('/help', ctx)).items);
  });
});

describe('unknown commands and free text', () => {
  it('an unknown /foo lists the commands, naming it, as an error (ask exits 2; the JSON is the error contract)', async () => {
    const result = await answer('/foo bar', ctx);
    expect(result.command).toBe('help');
    expect(result.error).toBe("I don't know the command /foo.");
    expect(result.json).toEqual({ command: 'help', error: "I don't know the command /foo." });
    expect(result.title).toContain('/foo');
    const plain = await answer('/help', ctx);
    expect(result.items.map((i) => i.text)).toEqual(plain.items.map((i) => i.text));
  });

  it('a plain question is answered with cited passages', async () => {
    const result = await answer('Wie viel investiert Amazon in OpenAI?', ctx);
    expect(result.error).toBeUndefined();
    expect(result.items.length).toBeGreaterThan(0);
    for (const item of result.items) expect(item.citations.length).toBeGreaterThan(0);
    expect(result.items.flatMap((i) => i.citations).map((c) => c.article)).toContain('003_74890980bce22e95.txt');
  });
});
