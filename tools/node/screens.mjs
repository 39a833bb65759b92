// Walks the volunteer's screens in headless Chromium at phone size against a
// running demo server, and saves a screenshot of each screen.
//   node tools/node/screens.mjs http://127.0.0.1:8080 CODE [out-dir]
import { chromium } from 'playwright-core';

const [url, code, out = 'docs/screenshots'] = process.argv.slice(2);
if (!url || !code) {
  console.error('usage: node tools/node/screens.mjs URL VOLUNTEER_CODE [out-dir]');
  process.exit(2);
}
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'fr-BE' });
  await page.goto(url);
  await page.locator('input').nth(1).fill(code);
  await page.screenshot({ path: `${out}/enroll.png` });
  await page.locator('button[type=submit]').click();
  await page.locator('a[href*="/trip"]').first().waitFor({ timeout: 20000 });
  await page.screenshot({ path: `${out}/trips.png`, fullPage: true });
  await page.locator('a[href*="/trip"]').first().click();
  await page.waitForTimeout(500);
  await page.screenshot({ path: `${out}/trip-detail.png`, fullPage: true });
  await page.locator('a[href*="/prison"]').first().click();
  await page.waitForTimeout(500);
  await page.screenshot({ path: `${out}/prison-sheet.png`, fullPage: true });
  await page.goBack();
  await page.locator('a[href$="/log"]').first().click();
  await page.waitForTimeout(500);
  await page.locator('button.big-step').first().click();
  await page.waitForTimeout(6500);
  await page.screenshot({ path: `${out}/trip-log.png`, fullPage: true });
  console.log(`screenshots saved in ${out}`);
} finally {
  await browser.close();
}
