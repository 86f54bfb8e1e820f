/** Configuration from the environment: defaults, one clear line per bad value, modes from credentials. */
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.ts';

function configError(env: NodeJS.ProcessEnv): string {
  try {
    loadConfig(env, '/app');
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigError');
}

describe('config', () => {
  it('defaults: console mode over seeds/, index/', () => {
    const config = loadConfig({}, '/app');
    expect(config).toMatchObject({
      mode: { kind: 'console' },
      corpusDir: '/app/seeds',
      indexDir: '/app/index',
      dataDir: '/app/data',
      PORT: 3000,
      LOG_LEVEL: 'info',
      DIGEST_TZ: 'Europe/Berlin',
      DIGEST_TIME: '08:00',
      FEEDS: [],
    });
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['DIGEST_TZ', 'Mars/Olympus'],
    ['DIGEST_TIME', '25:00'],
    ['LOG_LEVEL', 'loud'],
    ['FEEDS', 'not a url'],
    ['INGEST_INTERVAL_S', '1'],
    ['SLACK_API_URL', 'nope'],
    ['SLACK_APP_ID', 'my-app'],
    ['SLACK_TEAM_ID', '__proto__'],
  ])('a bad %s (%s) is one line naming the variable', (name, value) => {
    const message = configError({ [name]: value });
    expect(message).toContain(name);
    expect(message).not.toContain('\n');
    expect(message).toMatch(/^Configuration error/);
  });

  it('numbers and lists are parsed', () => {
    const config = loadConfig({ PORT: '8080', FEEDS: 'https://a.example/rss, https://b.example/atom', DIGEST_TZ: 'America/New_York' }, '/app');
    expect(config.PORT).toBe(8080);
    expect(config.FEEDS).toEqual(['https://a.example/rss', 'https://b.example/atom']);
    expect(config.DIGEST_TZ).toBe('America/New_York');
  });

  it('Slack credentials choose the mode', () => {
    expect(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' }, '/app').mode).toEqual({
      kind: 'socket',
      botToken: 'xoxb-1',
      appToken: 'xapp-1',
    });
    expect(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's3cret', PORT: '4000' }, '/app').mode).toEqual({
      kind: 'http',
      botToken: 'xoxb-1',
      signingSecret: 's3cret',
      port: 4000,
    });
    // Empty values count as unset.
    expect(loadConfig({ SLACK_BOT_TOKEN: '', SLACK_APP_TOKEN: ' ' }, '/app').mode).toEqual({ kind: 'console' });
  });

  it('partial Slack credentials are a clear error, never a silent console', () => {
    expect(configError({ SLACK_BOT_TOKEN: 'xoxb-1' })).toMatch(/SLACK_APP_TOKEN|SLACK_SIGNING_SECRET/);
    expect(configError({ SLACK_APP_TOKEN: 'xapp-1' })).toMatch(/SLACK_BOT_TOKEN is missing/);
    expect(configError({ SLACK_SIGNING_SECRET: 'x' })).toMatch(/SLACK_BOT_TOKEN is missing/);
    expect(configError({ SLACK_BOT_TOKEN: 'xapp-wrong', SLACK_APP_TOKEN: 'xapp-1' })).toMatch(/SLACK_BOT_TOKEN must start with xoxb-/);
  });

  it('error messages never echo a secret', () => {
    const message = configError({ SLACK_BOT_TOKEN: 'xoxp-secret-value', SLACK_APP_TOKEN: 'xapp-1' });
    expect(message).not.toContain('secret-value');
  });
});
