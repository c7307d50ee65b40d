// The demo page's #alerts channel in headless Chromium: "Push from Okta" on a seeded user whose pushes fail brings an
// alert card into #alerts (the cause, the user, the path buttons); a second user of the same cause joins that card.
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
