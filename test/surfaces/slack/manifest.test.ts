// The Slack app manifest (manifest/slack/manifest.yaml) matches what the surface listens to and calls, with the
// minimum scopes, so "Create an app from a manifest" gives a working app.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { SLACK_EVENTS_PATH } from '../../../src/surfaces/slack/create-slack-surface.ts';

interface Manifest {
  display_information: { name: string; description: string };
  features: { bot_user: { display_name: string }; app_home: { messages_tab_enabled: boolean }; slash_commands: Array<{ command: string; url: string; description: string; usage_hint: string; should_escape: boolean }> };
  oauth_config: { scopes: { bot: string[]; user?: string[] } };
  settings: { event_subscriptions: { request_url: string; bot_events: string[] }; interactivity: { is_enabled: boolean; request_url: string }; socket_mode_enabled: boolean };
}

const manifest = parse(readFileSync(join(__dirname, '../../../manifest/slack/manifest.yaml'), 'utf8')) as Manifest;

describe('Slack app manifest', () => {
  it('asks for the minimum bot scopes and no user scopes', () => {
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual(['app_mentions:read', 'channels:read', 'chat:write', 'commands', 'groups:read', 'im:history', 'users:read', 'users:read.email']);
    expect(manifest.oauth_config.scopes.user).toBeUndefined();
  });

  it('points the command, events and interactivity at /slack/events', () => {
    const urls = [manifest.features.slash_commands[0]?.url, manifest.settings.event_subscriptions.request_url, manifest.settings.interactivity.request_url];
    for (const url of urls) expect(new URL(url ?? '').pathname).toBe(SLACK_EVENTS_PATH);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.settings.socket_mode_enabled).toBe(false);
  });

  it('subscribes to the events the surface handles, and names the command as the README does', () => {
    expect(manifest.settings.event_subscriptions.bot_events.sort()).toEqual(['app_mention', 'message.im']);
    expect(manifest.features.slash_commands.map((c) => c.command)).toEqual(['/license-doctor']);
    expect(manifest.features.app_home.messages_tab_enabled).toBe(true);
  });

  it('stays within the manifest field limits', () => {
    expect(manifest.display_information.name.length).toBeLessThanOrEqual(35);
    expect(manifest.display_information.description.length).toBeLessThanOrEqual(140);
    expect(manifest.features.bot_user.display_name.length).toBeLessThanOrEqual(80);
    for (const c of manifest.features.slash_commands) {
      expect(c.command).toMatch(/^\/[a-z0-9_-]{1,31}$/);
      expect(c.description.length).toBeLessThanOrEqual(100);
    }
  });
});
