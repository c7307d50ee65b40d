// The ConversationRefs contract (core/ports/conversation-refs.ts): run on SQLite and PostgreSQL by the store tests.
import type { ConversationRefs } from '../../src/core/ports/conversation-refs.ts';
import { licenseRequest } from './request-store-fixtures.ts';

/** Defines the conversation-reference tests; `ctx.store` is read when the tests run (filled in beforeAll). */
export function conversationRefsContract(ctx: { readonly store: ConversationRefs }): void {
  describe('ConversationRefs', () => {
    test('saved, replaced per surface and key, listed by key', async () => {
      const key = `request:${licenseRequest().id}`;
      const s = ctx.store;
      const slack = { surface: 'slack', key, ref: { channel: 'C0APPROVALS', ts: '1715083200.000100' }, updatedAt: '2026-05-07T12:00:00.000Z' } as const;
      const teams = { surface: 'teams', key, ref: { activityId: '1:abc', conversation: { id: '19:x@thread.tacv2', tenantId: 't' }, serviceUrl: 'https://smba.trafficmanager.net/emea/' }, updatedAt: '2026-05-07T12:00:01.000Z' } as const;
      await s.saveConversationRef(slack);
      await s.saveConversationRef(teams);
      const slackMoved = { ...slack, ref: { channel: 'C0APPROVALS', ts: '1715083300.000200', thread_ts: null }, updatedAt: '2026-05-07T12:10:00.000Z' };
      await s.saveConversationRef(slackMoved);
      expect(await s.conversationRefs(key)).toStrictEqual([slackMoved, teams]);
      expect(await s.conversationRefs(`${key}-other`)).toEqual([]);
    });
  });
}
