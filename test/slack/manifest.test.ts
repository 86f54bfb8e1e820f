import { existsSync, readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.ts';
import { BOT_SCOPES, buildManifest, manifestYaml, SLACK_RESERVED } from '../../src/slack/manifest.ts';

const SCHEMA = '../shared/slack/manifest.schema.1.0.0.json';
const checkedIn = parse(readFileSync('manifest.yml', 'utf8'));
const http = buildManifest('https://dealdesk.example.org/');
if (!existsSync(SCHEMA)) console.warn(`manifest.test.ts: ${SCHEMA} not found, skipping the schema validation`);

describe('manifest.yml', () => {
  it('is what the generator makes from the registry (regenerate: npx tsx src/slack/manifest.ts > manifest.yml)', () => {
    expect(readFileSync('manifest.yml', 'utf8')).toBe(manifestYaml());
  });

  it('lists every command of the registry with its description and usage hint, plus /dealdesk', () => {
    const listed = checkedIn.features.slash_commands as Record<string, string>[];
    for (const command of commands.filter((c) => !SLACK_RESERVED.has(c.name))) {
      const entry = listed.find((c) => c.command === `/${command.name}`);
      expect(entry, `/${command.name} is missing from manifest.yml`).toBeDefined();
      expect(entry!.description).toBe(command.summary);
      if (command.hint) expect(entry!.usage_hint).toBe(command.hint);
      else expect(entry!.usage_hint).toBeUndefined(); // Slack rejects an empty hint
    }
    expect(listed.map((c) => c.command)).toContain('/dealdesk');
    expect(listed.map((c) => c.command)).not.toContain('/help'); // Slack's own; /dealdesk help instead
  });

  it('runs in Socket Mode with the share action, mentions, direct messages, the shortcut and App Home, and asks for the needed scopes only', () => {
    expect(checkedIn.settings).toMatchObject({ socket_mode_enabled: true, interactivity: { is_enabled: true } });
    expect(checkedIn.settings.event_subscriptions.bot_events).toEqual(['app_mention', 'app_home_opened', 'message.im']);
    expect(checkedIn.features.app_home).toEqual({ home_tab_enabled: true, messages_tab_enabled: true, messages_tab_read_only_enabled: false });
    expect(checkedIn.features.shortcuts).toEqual([expect.objectContaining({ type: 'message', callback_id: 'check_with_dealdesk', name: 'Check with Dealdesk' })]);
    expect(BOT_SCOPES).toEqual(expect.arrayContaining(['files:write', 'im:history']));
    expect(checkedIn.features.bot_user).toEqual({ display_name: 'Dealdesk', always_online: true });
    expect(checkedIn.oauth_config.scopes.bot).toEqual(BOT_SCOPES);
    expect(BOT_SCOPES).not.toContain('chat:write.public');
    expect(JSON.stringify(checkedIn)).not.toContain('url');
  });

  it('has request URLs everywhere in its HTTP variant', () => {
    const url = 'https://dealdesk.example.org/slack/events';
    for (const command of (http.features as any).slash_commands) expect(command.url).toBe(url);
    expect((http.settings as any).event_subscriptions.request_url).toBe(url);
    expect((http.settings as any).interactivity.request_url).toBe(url);
    expect((http.settings as any).socket_mode_enabled).toBe(false);
  });

  it.runIf(existsSync(SCHEMA))(`validates against Slack's manifest schema, both variants (skipped without ${SCHEMA}; CI has it)`, () => {
    // The schema uses Slack's own keywords (`regex`, `requires`, `_note`): not strict, formats not needed.
    const ajv = new Ajv({ strict: false, validateFormats: false, allErrors: true });
    const validate = ajv.compile(JSON.parse(readFileSync(SCHEMA, 'utf8')));
    for (const manifest of [checkedIn, http]) {
      const valid = validate(manifest);
      expect(validate.errors ?? [], ajv.errorsText(validate.errors)).toEqual([]);
      expect(valid).toBe(true);
    }
    // and the schema really checks: a bad command name fails
    expect(validate({ ...checkedIn, features: { ...checkedIn.features, slash_commands: [{ command: 'news', description: 'x' }] } })).toBe(false);
  });
});
