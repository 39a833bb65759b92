// Walks the volunteer's screens in headless Chromium at phone size against a
// running demo server, checks what a volunteer sees on each, and saves a
// screenshot of each screen. Exits non-zero when a check fails.
//   node tools/node/screens.mjs http://127.0.0.1:8080 VOLUNTEER_CODE [out-dir]
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
const expectText = async (page, text, what) => {
  try {
    await page.getByText(text).first().waitFor({ timeout: 20000 });
  } catch (e) {
    await page.screenshot({ path: `${out}/failed.png`, fullPage: true });
    throw new Error(`${what}: "${text}" not shown (see ${out}/failed.png)`);
  }
};
try {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'fr-BE' });
  await page.goto(url);
  await expectText(page, 'Connecter ce téléphone', 'enrollment screen');
  await page.locator('input').nth(1).fill(code);
  await page.screenshot({ path: `${out}/enroll.png` });
  await page.locator('button[type=submit]').click();

  await expectText(page, "Aujourd'hui", 'trips screen');
  await page.locator('main a[href^="/trip/"]').first().waitFor({ timeout: 20000 });
  await expectText(page, 'tout est envoyé', 'sync bar after the first sync');
  await page.screenshot({ path: `${out}/trips.png`, fullPage: true });

  await page.locator('main a[href^="/trip/"]').first().click();
  await expectText(page, 'La journée', 'trip detail timeline');
  await page.screenshot({ path: `${out}/trip-detail.png`, fullPage: true });

  await page.locator('main a[href^="/prison/"]').first().click();
  await expectText(page, "Contenu d'exemple", 'prison sheet marked as example content');
  await page.screenshot({ path: `${out}/prison-sheet.png`, fullPage: true });

  await page.goBack();
  await page.locator('main a[href$="/log"]').first().click();
  await page.locator('button.big-step').first().click();
  await expectText(page, 'enregistré sur ce téléphone', 'trip log step saved');
  await expectText(page, 'tout est envoyé', 'the step reached the server');
  await page.screenshot({ path: `${out}/trip-log.png`, fullPage: true });
  console.log(`browser walk-through passed; screenshots in ${out}`);
} finally {
  await browser.close();
}
