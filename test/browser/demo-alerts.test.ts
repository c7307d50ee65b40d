// The demo page's #alerts channel in headless Chromium: "Push from Okta" on a seeded user whose pushes fail brings an
// alert card into #alerts (the cause, the user, the path buttons); a second user of the same cause joins that card;
// its "Fix these 2 users" makes one batch whose card shows in #approvals, two approvers approve, and its counts update.
import { DemoPage, useBrowserDemo } from './demo-browser.ts';

jest.setTimeout(60_000);

const started = useBrowserDemo();

test('an alert arrives in #alerts when a scenario\'s push fails, and the next user of the cause joins its card', async () => {
  const { app, browser } = started();
  const demo = new DemoPage(browser.page, app.url, 'alerts');
  await demo.open();
  await demo.reset();
  const alerts = browser.page.locator('#alerts-log');

  const pushAdele = browser.page.locator('button.scenario-push[data-upn="adele.vance@contoso.com"]');
  await pushAdele.click();
  const card = demo.botCard(alerts, 'Okta pushes fail');
  await card.waitFor();
  expect(await card.textContent()).toMatch(/1 user failing/);
  expect(await card.textContent()).toMatch(/Adele Vance/);
  await card.getByRole('button', { name: 'Okta owns licenses' }).waitFor();
  await demo.toast(/push of adele\.vance@contoso\.com failed/).waitFor();

  await browser.page.locator('button.scenario-push[data-upn="megan.bowen@contoso.com"]').click();
  await demo.until(async () => /2 users failing/.test((await card.textContent()) ?? ''), 'the card to count Megan too');
  expect(await alerts.locator('.msg-card').count()).toBe(1);
  await demo.showTop(card);
  await demo.screenshot('1-alert');
});

test('"Fix these 2 users" on the alert: the batch card in #approvals, two approvers, the counts updated in place', async () => {
  const { app, browser } = started();
  const demo = new DemoPage(browser.page, app.url, 'alerts');
  const alert = demo.botCard(browser.page.locator('#alerts-log'), 'Okta pushes fail');
  expect(await alert.textContent()).toMatch(/2 users failing/);
  await demo.actAs('agent');
  await alert.getByLabel(/Justification for a batch fix/).fill('E3 group turned on for Retail and Marketing');
  await alert.getByRole('button', { name: /Fix these 2 users/ }).click();
  await demo.toast(/asks to fix 2 users/).waitFor();

  const batch = demo.botCard(demo.channel, /Batch LD-B/);
  await batch.getByRole('button', { name: 'Approve' }).waitFor();
  expect(await batch.textContent()).toMatch(/2 pending/);
  await demo.actAs('approver');
  await batch.getByRole('button', { name: 'Approve' }).click();
  await demo.until(async () => /1 of 2 \(Patti Fernandez\)/.test((await batch.textContent()) ?? ''), 'the first approval on the card');
  await demo.actAs('secondApprover');
  await batch.getByRole('button', { name: 'Approve' }).click();
  await demo.until(async () => /2 done/.test((await batch.textContent()) ?? ''), 'the counts after the run', 40_000);
  expect(await batch.getByRole('button', { name: 'Approve' }).count()).toBe(0);
  expect(await demo.channel.locator('.msg-card', { hasText: /Batch LD-B/ }).count()).toBe(1);
  await demo.showTop(batch);
  await demo.screenshot('2-batch');
});
