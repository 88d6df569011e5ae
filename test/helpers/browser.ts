/**
 * A real Chromium for journey tests (from @sparticuz/chromium, driven by playwright-core) and the checks
 * every page must pass: axe-core (WCAG 2.2 AA), no server error, no Content-Security-Policy violation,
 * and at narrow widths no horizontal scrolling (WCAG 1.4.10 Reflow).
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import chromium from '@sparticuz/chromium';
import type { AxeResults, RunOptions } from 'axe-core';
import { type Browser, type BrowserContext, type Locator, type Page, chromium as pw } from 'playwright-core';
import { startTestPlatform, type TestPlatform } from './platform.ts';

// @sparticuz/chromium's flags are made for AWS Lambda. These would be wrong for testing a web app:
// --single-process breaks every browser context after the first one is closed; --disable-web-security
// and --allow-running-insecure-content would hide same-origin and mixed-content faults; Playwright passes
// its own --headless and its own --disable-features/--enable-features lists, which a second copy of the
// switch would compete with (the Lambda list only saves memory).
const UNWANTED_FLAG =
  /^--(single-process|disable-web-security|allow-running-insecure-content|headless|(disable|enable)-features)(=|$)/;

export async function launchBrowser(): Promise<Browser> {
  return pw.launch({
    executablePath: await chromium.executablePath(),
    args: [
      ...chromium.args.filter((flag) => !UNWANTED_FLAG.test(flag)),
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
    headless: true,
  });
}

const axeSource = readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const AXE_OPTIONS: RunOptions = {
  runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
  resultTypes: ['violations'],
};

/**
 * Runs axe-core in the page and fails with every violation's id, targets and help text. axe's source is
 * evaluated through the DevTools protocol, which the page's CSP (`script-src 'self'`) does not govern,
 * so pages keep their real CSP (addScriptTag's inline <script> would be refused).
 */
export async function checkAccessibility(page: Page): Promise<void> {
  await page.evaluate(await axeSource);
  const { violations } = await page.evaluate<AxeResults>(`axe.run(document, ${JSON.stringify(AXE_OPTIONS)})`);
  const report = violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} ${v.helpUrl}\n` +
      v.nodes.map((node) => `    ${node.target.join(' ')}`).join('\n'),
  );
  assert.deepEqual(report, [], `axe found violations on ${page.url()}:\n${report.join('\n')}`);
}

/** WCAG 1.4.10 Reflow: the page fits its viewport's width. */
export async function assertNoHorizontalScroll(page: Page): Promise<void> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  assert.ok(
    scrollWidth <= innerWidth,
    `${page.url()} scrolls sideways: ${scrollWidth} px > ${innerWidth} px`,
  );
}

export interface ScenarioOptions {
  javaScriptEnabled?: boolean;
  viewport?: { width: number; height: number };
}

/** One person's browser (its own context and page) that watches for faults while the test drives it. */
export interface Scenario {
  context: BrowserContext;
  page: Page;
  /** Server errors and CSP violations seen since the last check. */
  faults: string[];
  /** Checks the page now shown: no fault so far, no axe violation, no sideways scrolling when narrow. */
  checkPage(): Promise<void>;
  close(): Promise<void>;
}

export async function openScenario(
  browser: Browser,
  baseURL: string,
  options: ScenarioOptions = {},
): Promise<Scenario> {
  const viewport = options.viewport ?? { width: 1280, height: 900 };
  const javaScriptEnabled = options.javaScriptEnabled ?? true;
  const context = await browser.newContext({ baseURL, viewport, javaScriptEnabled, locale: 'de-DE' });
  const faults: string[] = [];
  context.on('response', (response) => {
    if (response.status() >= 500) faults.push(`${response.status()} from ${response.url()}`);
  });
  context.on('console', (message) => {
    // Chromium 153 words it "… violates the following Content Security Policy directive …"; older
    // versions began with "Refused to …".
    if (/Content Security Policy|^Refused to/.test(message.text())) faults.push(`CSP: ${message.text()}`);
  });
  context.on('weberror', (error) => faults.push(`page error: ${error.error().message}`));
  const page = await context.newPage();
  const audit = javaScriptEnabled ? undefined : await openTwin(browser, baseURL, viewport);
  return {
    context,
    page,
    faults,
    async checkPage() {
      assert.deepEqual(faults.splice(0), [], `faults up to ${page.url()}`);
      await checkAccessibility(audit ? await audit.copy(page) : page);
      if (viewport.width <= 320) await assertNoHorizontalScroll(page);
    },
    async close() {
      await audit?.context.close();
      await context.close();
    },
  };
}

/**
 * axe needs timers, and a timer in a page without JavaScript crashes this Chromium build. So a page seen
 * without JavaScript is audited as a copy of its DOM, served under its own URL in a twin page that has
 * JavaScript (the copy leaves out the app's scripts, so the DOM stays the same; stylesheets come from the server).
 */
async function openTwin(browser: Browser, baseURL: string, viewport: { width: number; height: number }) {
  const context = await browser.newContext({ baseURL, viewport, locale: 'de-DE' });
  const twin = await context.newPage();
  let shown = { url: '', html: '' };
  await context.route(
    (url) => url.href === shown.url,
    (route) => route.fulfill({ body: shown.html, contentType: 'text/html; charset=utf-8' }),
  );
  return {
    context,
    async copy(page: Page): Promise<Page> {
      const scriptingOff = await page.evaluate(() => matchMedia('(scripting: none)').matches);
      assert.ok(scriptingOff, `${page.url()} should be shown without JavaScript`);
      // Without its scripts (reveal.js would hide what the page without JavaScript shows).
      const html = (await page.content()).replace(/<script\b[^>]*>[^<]*<\/script>/g, '');
      shown = { url: page.url(), html };
      await twin.goto(shown.url);
      return twin;
    },
  };
}

/** Presses Tab until `target` has the focus; fails after `maxPresses`. */
export async function tabTo(page: Page, target: Locator, maxPresses = 30): Promise<void> {
  for (let i = 0; i < maxPresses; i++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((element) => element === document.activeElement)) return;
  }
  assert.fail(`Tab never reached ${target} on ${page.url()}`);
}

/** Clicks a link that downloads a file and returns the file's bytes. */
export async function download(page: Page, link: Locator): Promise<Uint8Array> {
  const [file] = await Promise.all([page.waitForEvent('download'), link.click()]);
  return readFile(await file.path());
}

/** Reloads until `locator` is visible, e.g. for work a background job finishes; fails after `timeoutMs`. */
export async function reloadUntilVisible(
  page: Page,
  locator: Locator,
  { timeoutMs = 20_000, intervalMs = 200 } = {},
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await locator.isVisible())) {
    assert.ok(Date.now() < deadline, `${locator} did not appear on ${page.url()} within ${timeoutMs} ms`);
    await delay(intervalMs);
    await page.reload();
  }
}

export interface BrowserPlatform {
  platform: TestPlatform;
  browser: Browser;
  /** http://localhost:<port>: Chromium treats localhost as a secure context and keeps the Secure session cookie. */
  baseURL: string;
  close(): Promise<void>;
}

/** A test platform listening on a real port and a Chromium to drive it. */
export async function startBrowserPlatform(
  options: Parameters<typeof startTestPlatform>[0] = {},
): Promise<BrowserPlatform> {
  const platform = await startTestPlatform(options);
  await platform.app.listen({ host: '127.0.0.1', port: 0 });
  const baseURL = `http://localhost:${(platform.app.server.address() as AddressInfo).port}`;
  const browser = await launchBrowser();
  return {
    platform,
    browser,
    baseURL,
    async close() {
      await browser.close();
      await platform.close();
    },
  };
}
