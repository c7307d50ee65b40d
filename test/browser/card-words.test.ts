// Cards never break a word across lines: every seeded scenario's diagnosis card, every available path's plan preview,
// and request cards (pending and run to their end), rendered by the official Adaptive Cards renderer with the demo's
// Teams-like host config at the widths Teams gives a card (320 px on a phone, 540 px in a chat, 1000 px wide). For
// each word of each text node, the word's line boxes (Range.getClientRects) must sit on one line, unless the text
// between the spaces around it is wider than the card (a long API path in a step cannot fit on any line). A word is
// a run of letters and digits: a line may end after a hyphen or at the punctuation of an API call.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { isLicenseDoctorError } from '../../src/core/errors.ts';
import type { LicenseRequest } from '../../src/core/model/request.ts';
import { diagnosisView } from '../../src/core/views/diagnosis-view.ts';
import { planView } from '../../src/core/views/plan-view.ts';
import { requestView } from '../../src/core/views/request-view.ts';
import { approverView } from '../../src/core/views/approver-view.ts';
import { SCENARIOS } from '../../src/sandbox/seed.ts';
import { approvalCard } from '../../src/surfaces/teams/approval-card.ts';
import { diagnosisCard } from '../../src/surfaces/teams/diagnosis-card.ts';
import { planPreviewCard } from '../../src/surfaces/teams/plan-card.ts';
import { statusCard } from '../../src/surfaces/teams/status-card.ts';
import { approve, ask } from '../support/request-flow.ts';
import { DemoPage, SCREENSHOTS, useBrowserDemo } from './demo-browser.ts';

jest.setTimeout(120_000);

const WIDTHS = [320, 540, 1000] as const;

const started = useBrowserDemo();

interface RendererWindow {
  renderCardForTest(card: unknown, handlers: { onExecute(): void; onUnsupported(): void }): HTMLElement;
}

/** Opens the demo page (its styles, the renderer and the host config) and exposes the page's card renderer. */
async function openRenderer(prefix: string): Promise<DemoPage> {
  const { app, browser } = started();
  const demo = new DemoPage(browser.page, app.url, prefix);
  await demo.open();
  // A string, so that the module is imported by the page itself (not rewritten by the test's compiler).
  await demo.page.evaluate("import('/demo/assets/card-renderer.js').then((m) => { window.renderCardForTest = m.renderCard; })");
  return demo;
}

interface SplitWord {
  readonly card: string;
  readonly word: string;
  readonly text: string;
}

/** Every card to check, by name. */
async function cards(): Promise<Array<[string, unknown]>> {
  const { services } = started().app.runtime;
  const out: Array<[string, unknown]> = [];
  const requests: LicenseRequest[] = [];
  for (const scenario of SCENARIOS) {
    const upn = scenario.userPrincipalName;
    const outcome = await services.diagnose(upn).catch((err: unknown) => {
      if (isLicenseDoctorError(err, 'configuration')) return null; // two Office 365 instances: no diagnosis
      throw err;
    });
    if (outcome?.kind !== 'diagnosis') continue;
    out.push([`diagnosis ${upn}`, diagnosisCard(diagnosisView(outcome.diagnosis.report))]);
    for (const remedy of outcome.diagnosis.report.remedies.filter((r) => r.available)) {
      const { plan } = await services.planFor(outcome.diagnosis, remedy.id, { completeOktaLicenses: true, allowServiceGap: false, removeLicenseFromGroup: false });
      out.push([`plan ${upn} ${remedy.id}`, planPreviewCard(planView(plan), upn)]);
      if (remedy.id === 'okta-owns-licenses' && requests.length < 3) requests.push(await ask(services, { query: upn, path: remedy.id }));
    }
  }
  for (const request of requests) {
    out.push([`approval ${request.id} pending`, approvalCard(requestView(request), { refreshUserIds: null, viewer: approverView(requestView(request), { decide: true, cancel: true, retry: false }) })]);
    await approve(services, request);
    await services.execute(request.id);
    const done = await services.get(request.id);
    if (done) out.push([`status ${request.id} ${done.status}`, statusCard(requestView(done))]);
  }
  return out;
}

test('no card splits a word across lines at 320, 540 and 1000 px', async () => {
  const demo = await openRenderer('card-words');
  const all = await cards();
  expect(all.length).toBeGreaterThan(20);
  const found: Array<SplitWord & { width: number }> = [];
  for (const width of WIDTHS) {
    const split = await demo.page.evaluate(async ({ list, width }) => {
      const renderCard = (window as unknown as RendererWindow).renderCardForTest;
      const host = document.createElement('div');
      host.className = 'msg-card';
      host.style.cssText = `position:absolute;left:0;top:0;z-index:1000;width:${width}px;box-sizing:border-box`;
      document.body.append(host);
      const problems: Array<{ card: string; word: string; text: string }> = [];
      for (const [name, card] of list) {
        host.replaceChildren(renderCard(card, { onExecute: () => undefined, onUnsupported: () => undefined }));
        const walker = document.createTreeWalker(host, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const value = node.nodeValue ?? '';
          // Words: runs of letters and digits (a line may end at a space, a hyphen or the punctuation of an API call).
          for (const m of value.matchAll(/[\p{L}\p{N}]+/gu)) {
            const range = document.createRange();
            range.setStart(node, m.index);
            range.setEnd(node, m.index + m[0].length);
            const lines = new Set(Array.from(range.getClientRects()).filter((r) => r.width > 0).map((r) => Math.round(r.top)));
            if (lines.size < 2) continue;
            // The text between spaces around the word: when even that is wider than the card, it must break somewhere.
            const start = value.slice(0, m.index).search(/\S*$/);
            const end = m.index + m[0].length + (value.slice(m.index + m[0].length).match(/^\S*/)?.[0].length ?? 0);
            range.setStart(node, start);
            range.setEnd(node, end);
            const tokenWidth = Array.from(range.getClientRects()).reduce((sum, r) => sum + r.width, 0);
            if (tokenWidth < host.clientWidth - 40) problems.push({ card: name, word: m[0], text: value.slice(0, 120) });
          }
        }
      }
      host.remove();
      return problems;
    }, { list: all, width });
    found.push(...split.map((s) => ({ ...s, width })));
  }
  expect(found).toEqual([]);
});

test('the diagnosis card takes each width (screenshots in artifacts/screenshots/card-width-*.png)', async () => {
  const demo = await openRenderer('card-width');
  const outcome = await started().app.runtime.services.diagnose('adele.vance@contoso.com');
  if (outcome.kind !== 'diagnosis') throw new Error(`no diagnosis: ${outcome.kind}`);
  const card = diagnosisCard(diagnosisView(outcome.diagnosis.report));
  for (const width of WIDTHS) {
    await demo.page.evaluate(async ({ card, width }) => {
      const renderCard = (window as unknown as RendererWindow).renderCardForTest;
      document.getElementById('card-width-host')?.remove();
      const host = document.createElement('div');
      host.id = 'card-width-host';
      host.className = 'msg-card';
      host.style.cssText = `position:absolute;left:0;top:0;z-index:1000;width:${width}px;box-sizing:border-box`;
      host.append(renderCard(card, { onExecute: () => undefined, onUnsupported: () => undefined }));
      document.body.append(host);
    }, { card, width });
    mkdirSync(SCREENSHOTS, { recursive: true });
    await demo.page.locator('#card-width-host').screenshot({ path: join(SCREENSHOTS, `card-width-${width}.png`) });
    expect(await demo.page.locator('#card-width-host').boundingBox()).toMatchObject({ width });
  }
});
