// Drives the sandbox demo page in headless Chromium (through playwright-core; which Chromium: chromium-executable.ts),
// with a fresh profile per browser. Screenshots go to artifacts/screenshots/.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { chromiumExecutable } from '../support/chromium-executable.ts';
import { startTestApp, type TestApp } from '../support/start-test-app.ts';

const FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync',
];

export const SCREENSHOTS = resolve(__dirname, '..', '..', 'artifacts', 'screenshots');

export interface DemoBrowser {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Page errors and console errors (a CSP violation is one); tests expect none. */
  readonly problems: string[];
  close(): Promise<void>;
}

/** Launches Chromium with a fresh profile. */
async function launchDemoBrowser(): Promise<DemoBrowser> {
  const executable = await chromiumExecutable();
  const profile = mkdtempSync(join(tmpdir(), 'license-doctor-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: executable.path, args: FLAGS, env: { ...process.env, ...executable.env },
    viewport: { width: 1440, height: 900 }, locale: 'en-US', timezoneId: 'UTC',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(15_000);
  const problems: string[] = [];
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  return {
    context,
    page,
    problems,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** The whole product (test app with the demo page) and a browser. */
export interface BrowserDemo {
  readonly app: TestApp;
  readonly browser: DemoBrowser;
  close(): Promise<void>;
}

/** Starts the app and the browser side by side; when one fails, the other is stopped and the failure thrown. */
async function startBrowserDemo(): Promise<BrowserDemo> {
  const [app, browser] = await Promise.allSettled([startTestApp(), launchDemoBrowser()]);
  if (app.status === 'rejected' || browser.status === 'rejected') {
    if (app.status === 'fulfilled') await app.value.close();
    if (browser.status === 'fulfilled') await browser.value.close();
    throw browser.status === 'rejected' ? browser.reason : app.status === 'rejected' ? app.reason : new Error('unreachable');
  }
  return {
    app: app.value,
    browser: browser.value,
    close: async () => {
      await browser.value.close();
      await app.value.close();
    },
  };
}

/** The demo page as a person uses it. */
/**
 * Starts the app and the browser for a test file (beforeAll), closes them (afterAll), fails any test after which the
 * page logged an error (afterEach); returns the getter for the started pair.
 */
export function useBrowserDemo(): () => BrowserDemo {
  let env: BrowserDemo | undefined;
  beforeAll(async () => {
    env = await startBrowserDemo();
  });
  afterAll(async () => {
    await env?.close();
  });
  afterEach(() => {
    expect(env?.browser.problems ?? []).toEqual([]);
  });
  return () => {
    if (!env) throw new Error('the app and the browser did not start (see the beforeAll failure)');
    return env;
  };
}

export class DemoPage {
  readonly page: Page;
  readonly #url: string;
  readonly #prefix: string;

  /** `prefix` names this test's screenshots. */
  constructor(page: Page, url: string, prefix: string) {
    this.page = page;
    this.#url = url;
    this.#prefix = prefix;
  }

  get chat(): Locator {
    return this.page.locator('#chat-log');
  }

  get channel(): Locator {
    return this.page.locator('#channel-log');
  }

  /** Opens the page and waits until it is connected. */
  async open(): Promise<void> {
    await this.page.goto(this.#url);
    await this.page.locator('body[data-ready="true"]').waitFor();
    await this.page.locator('#connection[data-status="live"]').waitFor();
  }

  /** Resets the sandbox with the page's button; waits until both conversations hold only the bot's new greeting. */
  async reset(): Promise<void> {
    const answered = this.page.waitForResponse((r) => r.url().endsWith('/demo/api/reset'));
    await this.page.getByRole('button', { name: 'Reset sandbox' }).click();
    const res = await answered;
    if (res.status() !== 200) throw new Error(`reset answered HTTP ${res.status()}: ${await res.text()}`);
    await this.until(async () => {
      const [chat, channel] = await Promise.all([this.chat.locator('.msg').count(), this.channel.locator('.msg').count()]);
      return chat === 1 && channel === 1;
    }, 'the conversations to start over with a greeting');
  }

  /** Polls `check` until it holds. */
  async until(check: () => Promise<boolean>, what: string | (() => string), timeoutMs = 15_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${typeof what === 'string' ? what : what()}`);
      await this.page.waitForTimeout(50);
    }
  }

  /** Switches who types and clicks. */
  async actAs(persona: 'agent' | 'approver' | 'secondApprover' | 'nonApprover'): Promise<void> {
    await this.page.getByLabel('Acting as').selectOption(persona);
  }

  /** Types `text` in the message box and presses Enter. */
  async send(text: string): Promise<void> {
    const box = this.page.getByLabel('Message to License Doctor');
    await box.fill(text);
    await box.press('Enter');
  }

  /** The bot's message in `pane` whose card mentions `text` (the last one). */
  botCard(pane: Locator, text: string | RegExp): Locator {
    return pane.locator('.msg-bot').filter({ has: this.page.locator('.msg-card'), hasText: text }).last();
  }

  /** Scrolls the message's pane so that the message starts at the top (for screenshots). */
  async showTop(message: Locator): Promise<void> {
    await message.evaluate((node) => node.scrollIntoView({ block: 'start' }));
  }

  /** Closes every toast (before a screenshot). */
  async dismissToasts(): Promise<void> {
    for (const close of await this.page.getByRole('button', { name: 'Dismiss' }).all()) await close.click();
    // Out of the way, so no hover highlight shows in the picture.
    await this.page.mouse.move(1, 1);
  }

  /** A toast with `text`. */
  toast(text: string | RegExp): Locator {
    return this.page.locator('.toast').filter({ hasText: text });
  }

  /** The value of the card's fact `title` (e.g. Status), as shown. */
  async fact(message: Locator, title: string): Promise<string | null> {
    return message.evaluate((node, name) => {
      const cell = Array.from(node.querySelectorAll('td.ac-fact-title')).find((td) => td.textContent?.trim() === name);
      return cell?.parentElement?.querySelector('td.ac-fact-value')?.textContent?.trim() ?? null;
    }, title);
  }

  /** Waits until the card's fact `title` reads `value`. */
  async waitForFact(message: Locator, title: string, value: string, timeoutMs = 15_000): Promise<void> {
    let seen: string | null = null;
    let text = '';
    await this.until(async () => {
      seen = await this.fact(message, title);
      if (seen === value) return true;
      text = (await message.textContent().catch(() => null)) ?? '(no such message)';
      return false;
    }, () => `the card's ${title} to read ${value} (it reads ${String(seen)}; the card says: ${text.slice(0, 400)})`, timeoutMs);
  }

  /** Saves a screenshot of the whole page as artifacts/screenshots/<prefix>-<name>.png; returns its path. */
  async screenshot(name: string): Promise<string> {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const path = join(SCREENSHOTS, `${this.#prefix}-${name}.png`);
    await this.page.screenshot({ path });
    return path;
  }
}
