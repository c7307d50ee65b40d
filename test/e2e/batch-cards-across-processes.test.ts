// Batch changes across processes: two servers with Slack and the `license-doctor` CLI (real child processes) on one
// store. A batch created from the CLI reaches both servers as a remote change; each tries to post its card, the
// store's claim lets exactly one of them post it in the approvals channel, and the card follows the approvals and the
// run the CLI makes to the end. PostgreSQL carries the changes with NOTIFY; SQLite through the table the servers poll.
import type { BatchChange } from '../../src/app/batch/batch-deps.ts';
import { GROUP, PERSONAS } from '../../src/sandbox/seed.ts';
import { FakeSlackApi } from '../fakes/fake-slack-api.ts';
import { cliStores, until } from '../support/cli-stores.ts';
import { cliEnv, runCliProcess } from '../support/run-cli-process.ts';
import { startTestApp, type TestApp } from '../support/start-test-app.ts';
import { BOT_TOKEN, CHANNELS, SLACK_CHANNELS, SLACK_USERS, slackEnv } from '../surfaces/slack/slack-harness.ts';

jest.setTimeout(360_000);
// The two engines are independent (a database and a folder each): they run at once.
test.concurrent.each(cliStores('ld_batch_events'))('%s: a batch created and approved from the CLI gets one card across two servers, and it follows the run', async (_engine, store) => {
  const { dir, url } = await store();
  const slack = await FakeSlackApi.start({ botToken: BOT_TOKEN, users: SLACK_USERS, channels: SLACK_CHANNELS });
  const servers: TestApp[] = [];
  try {
    for (let i = 0; i < 2; i++) servers.push(await startTestApp({ env: slackEnv(slack.apiUrl), databaseUrl: url }));
    const seen = servers.map((s) => {
      const changes: BatchChange[] = [];
      s.runtime.batches.subscribe((c) => void changes.push(c));
      return changes;
    });
    // Both servers' batch services open before the batch exists, and the card's post is held a moment once both have
    // heard of it: each server then looks for a card before either has stored one, and only the claim keeps it to one.
    for (const s of servers) await s.runtime.batches.service();
    const env = cliEnv(dir, { DATABASE_URL: url });
    expect(await runCliProcess(['scan'], env, 120_000)).toMatchObject({ code: 0 });
    const release = slack.hold('chat.postMessage');
    const created = await runCliProcess(['batch', 'create', '--from-scan', '--group', GROUP.E3, '--sku', 'SPE_E3', '--path', '1', '--as', PERSONAS.agent, '--reason', 'E3 staff', '--json', '--sandbox'], env);
    expect(created).toMatchObject({ code: 0 });
    const id = String((JSON.parse(created.stdout) as { id: string }).id);

    const cardPosts = () => slack.calls.filter((c) => c.method === 'chat.postMessage' && (c.body as { channel?: unknown }).channel === CHANNELS.approvals);
    for (const changes of seen) await until('both servers to hear of the new batch', () => changes.some((c) => c.batch.id === id && c.change === 'created' && c.remote === true), 90_000);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    release();
    await until('the batch card in the approvals channel', () => cardPosts().length > 0, 90_000);
    const card = () => [...slack.messages.values()].find((m) => m.channel === CHANNELS.approvals && m.text.includes(id));
    expect(card()?.text).toMatch(/pending/);

    expect(await runCliProcess(['batch', 'approve', id, '--as', PERSONAS.approver, '--sandbox'], env)).toMatchObject({ code: 0 });
    expect(cardPosts()).toHaveLength(1);
    // This one runs the batch in the CLI process (four users' plans and their verification): minutes on a loaded machine.
    const ran = await runCliProcess(['batch', 'approve', id, '--as', PERSONAS.secondApprover, '--json', '--sandbox'], env, 180_000);
    expect(ran).toMatchObject({ code: 0 });
    expect(JSON.parse(ran.stdout)).toMatchObject({ status: 'finished', counts: { total: 4, done: 3, manual: 1, failed: 0 } });

    // The card follows the run to its end, in place: still one post across both servers.
    await until('the card to show the finished batch', () => /finished/.test(card()?.text ?? '') && /3 done/.test(card()?.text ?? ''), 90_000);
    expect(card()?.updates).toBeGreaterThan(0);
    for (const changes of seen) {
      const mine = changes.filter((c) => c.batch.id === id);
      // Neither server made the batch: it reached both as a remote change. (A server may record a user's outcome
      // itself when it renders the card before the CLI has: BatchService.state syncs users whose request ended.)
      expect(mine.filter((c) => c.change === 'created').map((c) => c.remote)).toEqual([true]);
      expect(mine.filter((c) => c.change === 'member').length).toBeGreaterThanOrEqual(4);
    }
    expect(cardPosts()).toHaveLength(1);
  } finally {
    for (const s of servers) await s.close();
    await slack.close();
  }
});
