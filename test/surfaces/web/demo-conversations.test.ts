// The demo's in-memory conversations: posting, updating (a new version for everyone), deleting, resets that never
// reuse a message id, and listeners that fail without silencing the others.
import { DemoConversations, MAX_MESSAGES_PER_CONVERSATION, type DemoEvent } from '../../../src/surfaces/web/demo-conversations.ts';

const bot = { kind: 'bot' as const, id: '28:bot', name: 'License Doctor' };
const at = () => new Date('2026-01-02T03:04:05.000Z');

test('post, update and delete publish events and keep versions', () => {
  const conversations = new DemoConversations({ now: at });
  const events: DemoEvent[] = [];
  conversations.subscribe((e) => events.push(e));
  const first = conversations.post('c1', bot, { text: 'hello', cards: [] });
  expect(first).toMatchObject({ conversationId: 'c1', text: 'hello', version: 1, at: '2026-01-02T03:04:05.000Z' });
  expect(conversations.update('c1', first.id, { text: null, cards: [{ type: 'AdaptiveCard' }] })).toMatchObject({ id: first.id, text: null, version: 2 });
  expect(conversations.update('c1', 'missing', { text: 'x', cards: [] })).toBeNull();
  expect(conversations.update('c2', first.id, { text: 'x', cards: [] })).toBeNull();
  expect(conversations.remove('c1', first.id)).toBe(true);
  expect(conversations.remove('c1', first.id)).toBe(false);
  expect(events.map((e) => e.type)).toEqual(['message', 'update', 'delete']);
  expect(conversations.messages('c1')).toEqual([]);
});

test('a reset empties every conversation and never reuses a message id', () => {
  const conversations = new DemoConversations();
  const before = conversations.post('c1', bot, { text: 'a', cards: [] });
  conversations.clear();
  expect(conversations.snapshot()).toEqual({});
  const after = conversations.post('c1', bot, { text: 'b', cards: [] });
  expect(after.id).not.toBe(before.id);
  // An update for a message from before the reset finds nothing (the connector answers 404, as for a deleted one).
  expect(conversations.update('c1', before.id, { text: 'late', cards: [] })).toBeNull();
});

test('old messages are dropped beyond the limit', () => {
  const conversations = new DemoConversations();
  const ids = Array.from({ length: MAX_MESSAGES_PER_CONVERSATION + 5 }, (_, i) => conversations.post('c1', bot, { text: String(i), cards: [] }).id);
  const kept = conversations.messages('c1');
  expect(kept).toHaveLength(MAX_MESSAGES_PER_CONVERSATION);
  expect(kept[0]?.id).toBe(ids[5]);
});

test('a listener that throws is dropped and reported; the others still hear', () => {
  const failures: unknown[] = [];
  const conversations = new DemoConversations({ onListenerError: (err) => failures.push(err) });
  const heard: string[] = [];
  conversations.subscribe(() => {
    throw new Error('socket gone');
  });
  conversations.subscribe((e) => heard.push(e.type));
  conversations.post('c1', bot, { text: 'a', cards: [] });
  conversations.post('c1', bot, { text: 'b', cards: [] });
  expect(heard).toEqual(['message', 'message']);
  expect(failures).toHaveLength(1);
});
