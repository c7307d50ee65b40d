// The demo page renders a path's declared options from the Teams preview card: the agent ticks path 1's group
// variant, "Show this variant" builds that plan (the group, two approvals), and Request approval asks for it.
import { DemoPage, useBrowserDemo } from './demo-browser.ts';

jest.setTimeout(60_000);

const started = useBrowserDemo();

test("path 1's group variant chosen on the demo page's preview card", async () => {
  const { app, browser } = started();
  const demo = new DemoPage(browser.page, app.url, 'options');
  await demo.open();
  await demo.reset();
  await demo.actAs('agent');

  await demo.send('adele.vance@contoso.com');
  const card = demo.botCard(demo.chat, 'Adele Vance');
  await card.getByRole('button', { name: 'Okta owns licenses' }).click();
  const variant = card.getByRole('checkbox', { name: 'Remove the license from the group itself' });
  await variant.waitFor();
  expect(await variant.isChecked()).toBe(false);
  expect(await card.getByRole('checkbox', { name: "Add the licenses Okta lacks to Okta's set" }).isChecked()).toBe(true);
  await demo.waitForFact(card, 'Needs', '1 approval');

  await variant.check();
  await card.getByLabel(/Justification/).fill('INC0043: change the group itself');
  await card.getByRole('button', { name: 'Show this variant' }).click();
  await demo.waitForFact(card, 'Needs', '2 approvals');
  expect(await demo.fact(card, 'Affects')).toMatch(/^Group Licensing - Microsoft 365 E3: \d+ members?$/);
  expect(await card.getByRole('checkbox', { name: 'Remove the license from the group itself' }).isChecked()).toBe(true);

  await card.getByLabel(/Justification/).fill('INC0043: change the group itself');
  await card.getByRole('button', { name: 'Request approval' }).click();
  await demo.waitForFact(card, 'Status', 'pending');
  expect(await demo.fact(card, 'Affects')).toMatch(/^Group Licensing - Microsoft 365 E3/);
});
