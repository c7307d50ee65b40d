// The sandbox demo page in headless Chromium: what the bot refuses, and how the page shows it. An approver rejects
// with a reason (a reject without one is refused); the agent tries to approve their own request from a card that
// still shows someone else's Approve button, and the server refuses it: cards only hide buttons.
import type { Route } from 'playwright-core';
import { DemoPage, useBrowserDemo } from './demo-browser.ts';

jest.setTimeout(60_000);

const started = useBrowserDemo();

/** As the agent: diagnose `upn`, choose path 1, request it; returns the agent's card and the approval card. */
async function requestPath1(demo: DemoPage, upn: string, name: string) {
  await demo.actAs('agent');
  await demo.send(upn);
  const agentCard = demo.botCard(demo.chat, name);
  await agentCard.getByRole('button', { name: 'Okta owns licenses' }).click();
  await agentCard.getByLabel(/Justification/).fill(`INC0042: Okta pushes fail for ${name}`);
  await agentCard.getByRole('button', { name: 'Request approval' }).click();
  await demo.waitForFact(agentCard, 'Status', 'pending');
  const approval = demo.botCard(demo.channel, `Approval: ${name}`);
  await approval.waitFor();
  return { agentCard, approval, requestId: (await demo.fact(agentCard, 'Request')) ?? '' };
}

test('an approver rejects with a reason; without one the bot refuses, and the page shows it as a toast', async () => {
  const { app, browser } = started();
  const demo = new DemoPage(browser.page, app.url, 'reject');
  await demo.open();
  await demo.reset();
  const { agentCard, approval, requestId } = await requestPath1(demo, 'megan.bowen@contoso.com', 'Megan Bowen');

  await demo.actAs('approver');
  await approval.getByRole('button', { name: 'Reject' }).click();
  await demo.toast('A reason is required to reject').waitFor();
  expect(await demo.fact(approval, 'Status')).toBe('pending');
  await demo.screenshot('1-reason-required');

  await approval.getByLabel(/Reason/).fill('Give her the Office 365 E3 group instead; E5 pilot only');
  await approval.getByRole('button', { name: 'Reject' }).click();
  await demo.waitForFact(approval, 'Status', 'rejected');
  expect(await approval.getByRole('button').count()).toBe(0);
  await demo.showTop(approval);
  await demo.screenshot('2-rejected');

  await demo.actAs('agent');
  await demo.waitForFact(agentCard, 'Status', 'rejected');
  expect(await agentCard.textContent()).toMatch(/Patti Fernandez/);
  expect(await agentCard.getByRole('button').count()).toBe(0);
  const stored = await app.runtime.services.get(requestId);
  expect(stored?.status).toBe('rejected');
  expect(stored?.decisions.map((d) => [d.kind, d.by.userPrincipalName, d.reason])).toEqual([
    ['reject', 'patti.fernandez@contoso.com', 'Give her the Office 365 E3 group instead; E5 pilot only'],
  ]);
});

test('the agent approving their own request is refused, even from a card that shows Approve', async () => {
  const { app, browser } = started();
  const demo = new DemoPage(browser.page, app.url, 'self-approval');
  await demo.open();
  await demo.reset();
  // Hold the agent's automatic card refreshes: their own view (Cancel only) stays on its way, so the approval card
  // keeps showing whatever was on screen before, like a stale card in a Teams client.
  const held: Route[] = [];
  await demo.page.route('**/demo/api/invoke', async (route) => {
    const click = route.request().postDataJSON() as { persona?: string; trigger?: string };
    if (click.persona === 'agent' && click.trigger === 'automatic') held.push(route);
    else await route.continue();
  });
  try {
    const { approval, requestId } = await requestPath1(demo, 'adele.vance@contoso.com', 'Adele Vance');
    await demo.actAs('approver');
    const approve = approval.getByRole('button', { name: 'Approve' });
    await approve.waitFor();

    await demo.actAs('agent');
    expect(held.length).toBeGreaterThan(0);
    await approve.click();
    await demo.toast('You asked for this change, so someone else must approve it.').waitFor();
    await demo.screenshot('1-refused');
    expect(await demo.fact(approval, 'Status')).toBe('pending');

    // Once the agent's own view arrives, it offers Cancel and no Approve.
    await Promise.all(held.splice(0).map((route) => route.continue()));
    await demo.until(async () => (await approval.getByRole('button', { name: 'Approve' }).count()) === 0, 'the agent\'s own view');
    await approval.getByRole('button', { name: 'Cancel request' }).waitFor();

    const stored = await app.runtime.services.get(requestId);
    expect(stored?.status).toBe('pending');
    expect(stored?.decisions).toEqual([]);
    const audit = (await app.runtime.store.audit({ requestId })).map((e) => JSON.stringify(e));
    expect(audit.filter((e) => e.includes('self-approval'))).toHaveLength(1);
  } finally {
    await demo.page.unroute('**/demo/api/invoke');
    await Promise.all(held.splice(0).map((route) => route.continue()));
  }
});
