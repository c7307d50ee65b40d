// The sandbox demo page in headless Chromium, as a newcomer uses it: diagnose a user, pick a resolution path, ask
// for approval, switch to an approver, approve, and watch the card follow the plan until it is verified; and a
// tenant-wide path that needs two approvers. The page talks to the real server (Teams surface, services, sandbox).
import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { DemoPage, useBrowserDemo } from './demo-browser.ts';

jest.setTimeout(60_000);

const started = useBrowserDemo();

/** Records, inside the page, what a message's card showed at every change: its Status and how many steps were done. */
async function recordProgress(demo: DemoPage, messageId: string): Promise<() => Promise<string[]>> {
  await demo.page.evaluate((id) => {
    const seen: string[] = [];
    const read = () => {
      const node = document.querySelector(`[data-id="${id}"]`);
      if (!node) return;
      const status = Array.from(node.querySelectorAll('td.ac-fact-title')).find((td) => td.textContent?.trim() === 'Status')
        ?.parentElement?.querySelector('td.ac-fact-value')?.textContent?.trim();
      const done = (node.textContent?.match(/✔ \d+\./g) ?? []).length;
      const entry = `${status ?? '?'}:${done}`;
      if (seen.at(-1) !== entry) seen.push(entry);
    };
    read();
    new MutationObserver(read).observe(document.getElementById('channel-log') as HTMLElement, { childList: true, subtree: true, characterData: true });
    (window as unknown as { progress: string[] }).progress = seen;
  }, messageId);
  return () => demo.page.evaluate(() => (window as unknown as { progress: string[] }).progress);
}

test('path 1 for adele.vance: diagnosis, plan, request, approval by Patti, every step until verified', async () => {
  const { app, browser } = started();
  const demo = new DemoPage(browser.page, app.url, 'path1');
  await demo.open();
  await demo.reset();
  await demo.actAs('agent');

  await demo.send('adele.vance@contoso.com');
  const agentCard = demo.botCard(demo.chat, 'Adele Vance');
  await agentCard.getByRole('button', { name: 'Okta owns licenses' }).waitFor();
  expect(await agentCard.textContent()).toMatch(/Licensing - Microsoft 365 E3/);
  await demo.showTop(agentCard);
  await demo.screenshot('1-diagnosis');

  await agentCard.getByRole('button', { name: 'Okta owns licenses' }).click();
  const justification = agentCard.getByLabel(/Justification/);
  await justification.fill('INC0042: Okta pushes fail for Adele Vance');
  await demo.showTop(agentCard);
  await demo.screenshot('2-plan');
  await agentCard.getByRole('button', { name: 'Request approval' }).click();
  await demo.waitForFact(agentCard, 'Status', 'pending');
  const requestId = await demo.fact(agentCard, 'Request');
  expect(requestId).toMatch(/^LD-/);

  // The approval card in #approvals; the agent's own view offers Cancel, not Approve.
  const approval = demo.botCard(demo.channel, `Approval: Adele Vance`);
  await approval.getByRole('button', { name: 'Cancel request' }).waitFor();
  expect(await approval.getByRole('button', { name: 'Approve' }).count()).toBe(0);
  await demo.showTop(approval);
  await demo.screenshot('3-requested');

  await demo.actAs('approver');
  const approve = approval.getByRole('button', { name: 'Approve' });
  await approve.waitFor();
  const progress = await recordProgress(demo, (await approval.getAttribute('data-id')) ?? '');
  await approve.click();
  await demo.waitForFact(approval, 'Status', 'succeeded', 30_000);
  await approval.getByText(/^Verified: Okta pushed Adele Vance's profile/).first().waitFor();

  // The card followed the plan: it showed it running, steps done one after another, then the result. (Usually every
  // step shows; the bot coalesces updates that come faster than it can send them, so under load some are skipped.)
  const seen = await progress();
  const running = seen.filter((s) => s.startsWith('executing:')).map((s) => Number(s.split(':')[1]));
  expect(running.length).toBeGreaterThanOrEqual(1);
  expect(running).toEqual([...running].sort((a, b) => a - b));
  expect(seen.at(-1)).toBe('succeeded:5');

  // The agent's card in their chat followed too.
  await demo.actAs('agent');
  await demo.waitForFact(agentCard, 'Status', 'succeeded');
  await agentCard.getByText(/^Verified:/).first().waitFor();
  await demo.dismissToasts();
  await demo.showTop(agentCard);
  await approval.getByText(/^✔ 1\./).evaluate((node) => node.scrollIntoView({ block: 'center' }));
  const shot = await demo.screenshot('4-verified');
  if (process.env.UPDATE_DEMO_SCREENSHOT === 'true') {
    // The screenshot the README shows: `UPDATE_DEMO_SCREENSHOT=true npm run jest -- test/browser` refreshes it.
    const committed = resolve(__dirname, '..', '..', 'docs', 'screenshots', 'demo.png');
    mkdirSync(dirname(committed), { recursive: true });
    copyFileSync(shot, committed);
  }

  const stored = await app.runtime.services.get(requestId ?? '');
  expect(stored?.status).toBe('succeeded');
  expect(stored?.decisions.map((d) => [d.kind, d.by.userPrincipalName])).toEqual([['approve', 'patti.fernandez@contoso.com']]);
});

test('a tenant-wide path (2) on grady.archie needs two approvers: Patti, then Christie', async () => {
  const { app, browser } = started();
  const demo = new DemoPage(browser.page, app.url, 'path2');
  await demo.open();
  await demo.reset();
  await demo.actAs('agent');

  await demo.send('grady.archie@contoso.com');
  const agentCard = demo.botCard(demo.chat, 'Grady Archie');
  await agentCard.getByRole('button', { name: 'Entra ID owns licenses' }).click();
  await agentCard.getByLabel(/Justification/).fill('CHG0815: Entra ID group licensing owns every license from now on');
  await agentCard.getByRole('button', { name: 'Request approval' }).click();
  await demo.waitForFact(agentCard, 'Status', 'pending');
  expect(await demo.fact(agentCard, 'Approvals')).toBe('0 of 2');

  const approval = demo.botCard(demo.channel, 'Approval: Grady Archie');
  await demo.actAs('approver');
  await approval.getByRole('button', { name: 'Approve' }).click();
  await demo.until(async () => (await demo.fact(approval, 'Approvals')) === '1 of 2: Patti Fernandez', 'the first approval on the card');
  expect(await demo.fact(approval, 'Status')).toBe('pending');
  // Patti's own view no longer offers Approve (one approver counts once).
  await demo.until(async () => (await approval.getByRole('button', { name: 'Approve' }).count()) === 0, 'Approve to leave Patti\'s view');
  await demo.showTop(approval);
  await demo.screenshot('1-one-of-two');

  // Someone who is not an approver sees where it stands, without buttons.
  await demo.actAs('nonApprover');
  expect(await approval.getByRole('button').count()).toBe(0);

  await demo.actAs('secondApprover');
  await approval.getByRole('button', { name: 'Approve' }).click();
  await demo.waitForFact(approval, 'Status', 'succeeded', 30_000);
  await approval.getByText(/^Verified: Okta's provisioning of Microsoft Office 365 is off/).first().waitFor();
  expect(await demo.fact(approval, 'Approvals')).toBe('2 of 2: Patti Fernandez, Christie Cline');
  await demo.showTop(approval);
  await demo.screenshot('2-verified');

  const requestId = (await demo.fact(approval, 'Request')) ?? '';
  const stored = await app.runtime.services.get(requestId);
  expect(stored?.status).toBe('succeeded');
  expect(stored?.decisions.map((d) => d.by.userPrincipalName)).toEqual(['patti.fernandez@contoso.com', 'christie.cline@contoso.com']);
});
