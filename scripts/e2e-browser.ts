/**
 * Drives examples/browser in Chromium through a citizen's whole flow: sign in with the OTP
 * read from the app's SMS panel, file a grievance with a photo, follow it to Resolved, switch
 * to Bengali. Builds the app, serves it with `vite preview` on a free port, saves a screenshot
 * to .tmp/e2e-browser.png, and fails on any page error, console error or failed request.
 *
 * Run it with `npm run e2e:browser` (the package must be built).
 */
import { execSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { chromium, type Page } from 'playwright';
import { build, preview } from 'vite';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.js';

const CONFIG = 'examples/browser/vite.config.ts';
const SCREENSHOT = '.tmp/e2e-browser.png';
const FAILURE_SCREENSHOT = '.tmp/e2e-browser-failure.png';
// A 1×1 PNG: the "photo" the citizen picks.
const PHOTO = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

const problems: string[] = [];
const step = (text: string) => console.log(`▸ ${text}`);

function watch(page: Page) {
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') {
      problems.push(`console error: ${message.text()} (${message.location().url})`);
    }
  });
  page.on('requestfailed', (request) =>
    problems.push(
      `request failed: ${request.method()} ${request.url()} (${request.failure()?.errorText})`,
    ),
  );
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
}

async function flow(page: Page, url: string) {
  step(`opening ${url}`);
  await page.goto(url);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 15_000 });

  step('signing in with mobile and the OTP from the SMS panel');
  await page.fill('#mobile', '98300 12345');
  await page.click('#otp-request button[type="submit"]');
  const otp = await page.locator('#outbox .code').last().textContent({ timeout: 10_000 });
  if (!/^\d{6}$/.test(otp ?? '')) throw new Error(`the SMS panel shows no OTP (got "${otp}")`);
  await page.fill('#otp', otp!);
  await page.click('#otp-verify button[type="submit"]');
  await page.waitForSelector('#file:not([hidden])');

  step('filing a grievance with a photo');
  await page.selectOption('#district', 'KOLKATA');
  await page.fill('#subject', 'Street light');
  await page.fill('#description', 'The street light on our lane has not worked for three weeks.');
  await page.setInputFiles('#photo', {
    name: 'street-light.png',
    mimeType: 'image/png',
    buffer: PHOTO,
  });
  await page.click('#grievance button[type="submit"]');
  const item = page.locator('#grievances li[data-grievance-id]');
  await item.locator('.status[data-status="RECEIVED"]').waitFor();
  const meta = await item.textContent();
  if (!meta?.includes('street-light.png')) throw new Error(`the photo is not listed: ${meta}`);

  step("moving it to Resolved from the officer's desk");
  for (const status of ['FORWARDED', 'UNDER_PROCESS', 'RESOLVED']) {
    await page.click('#advance');
    await item.locator(`.status[data-status="${status}"]`).waitFor();
  }
  const history = await item.locator('.history li').count();
  if (history !== 4) throw new Error(`expected 4 events in the history, saw ${history}`);

  step('switching to Bengali');
  await page.click('#language');
  await page.locator('h1', { hasText: 'মুখ্যমন্ত্রীর কাছে অভিযোগ' }).waitFor();
  const label = await item.locator('.status').textContent();
  if (label !== 'সমস্যার সমাধান করা হয়েছে')
    throw new Error(`the status reads "${label}" in Bengali`);
}

async function main() {
  execSync('npx msw init examples/browser/public --no-save', { stdio: 'ignore' });
  step('building examples/browser');
  await build({ configFile: CONFIG, logLevel: 'warn' });
  const server = await preview({
    configFile: CONFIG,
    preview: { host: '127.0.0.1', port: 0, strictPort: true },
    logLevel: 'warn',
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report a URL');

  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    watch(page);
    mkdirSync('.tmp', { recursive: true });
    try {
      await flow(page, url);
    } catch (error) {
      await page.screenshot({ path: FAILURE_SCREENSHOT, fullPage: true });
      const shown = await page
        .locator('#problem:not([hidden])')
        .textContent({ timeout: 1000 })
        .catch(() => null);
      throw new Error(
        `${error instanceof Error ? error.message : String(error)}\n` +
          (shown ? `The page shows: ${shown}\n` : '') +
          `Screenshot: ${FAILURE_SCREENSHOT}. Problems so far:\n  ${problems.join('\n  ')}`,
        { cause: error },
      );
    }
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    step(`screenshot saved to ${SCREENSHOT}`);
  } finally {
    await browser.close();
    await server.close();
  }

  if (problems.length > 0)
    throw new Error(`the page reported problems:\n  ${problems.join('\n  ')}`);
  step('the whole flow passed');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
