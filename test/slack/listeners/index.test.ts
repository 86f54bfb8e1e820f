import { inProcess } from '../../../src/app/answerer.ts';
import { describe, expect, it } from 'vitest';
import type { App } from '@slack/bolt';
import { commands } from '../../../commands/index.ts';
import { HELPFUL_ACTION_ID, SHARE_ACTION_ID, WRONG_ACTION_ID } from '../../../src/answer/blocks.ts';
import { FEEDBACK_VIEW_ID } from '../../../src/slack/listeners/feedback-view.ts';
import { registerListeners } from '../../../src/slack/listeners/index.ts';
import { seedContext } from '../fixtures.ts';

describe('registerListeners', () => {
  it('registers every surface: each registry command and /dealdesk, mentions and direct messages, the share and feedback buttons and form, the shortcut, App Home', () => {
    const registered: string[] = [];
    const app = {
      command: (name: string) => void registered.push(`command ${name}`),
      event: (name: string) => void registered.push(`event ${name}`),
      action: (id: string) => void registered.push(`action ${id}`),
      view: (id: string) => void registered.push(`view ${id}`),
      shortcut: (constraints: { callback_id: string }) => void registered.push(`shortcut ${constraints.callback_id}`),
    } as unknown as App;
    registerListeners(app, inProcess(seedContext()));
    expect(registered).toEqual([
      ...commands.map((c) => `command /${c.name}`),
      'command /dealdesk',
      'event app_mention',
      'event message',
      `action ${SHARE_ACTION_ID}`,
      `action ${HELPFUL_ACTION_ID}`,
      `action ${WRONG_ACTION_ID}`,
      `view ${FEEDBACK_VIEW_ID}`,
      'shortcut check_with_dealdesk',
      'event app_home_opened',
    ]);
  });
});
