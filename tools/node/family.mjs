// Walks a family's link in headless Chromium at 360×640 (a small old phone),
// with JavaScript on and off, in French, Dutch and English, against a
// running demo server: the coming visits as the coordinator planned them;
// the coordinator cancels one (staff strike) and the page says so with the
// reason; "we cannot come" with its confirmation reaches the coordinator's
// notices; the print layout; the link revoked says "this link no longer
// works" and the number, nothing else. Saves screenshots; exits non-zero
// when a check fails.
//   node tools/node/family.mjs URL COORDINATOR_CODE [out-dir]
import { chromium } from 'playwright-core';

const [url, coordinatorCode, out = 'docs/screenshots'] = process.argv.slice(2);
if (!url || !coordinatorCode) {
  console.error('usage: node tools/node/family.mjs URL COORDINATOR_CODE [out-dir]');
  process.exit(2);
}
const fail = (message) => { throw new Error(message); };
const api = async (token, method, path, body) => {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) fail(`${method} ${path}: ${response.status} ${await response.text()}`);
  return response.status === 204 ? null : response.json();
};

// The coordinator enrolls and reads the network.
const enrolled = await (await fetch(`${url}/api/v1/enroll`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ code: coordinatorCode, device_name: 'Family walk' }),
})).json();
const token = enrolled.token ?? fail(`no token: ${JSON.stringify(enrolled)}`);
let seq = 0;
const sync = (ops) => api(token, 'POST', '/api/v1/sync', { version: 2, cursor: null, ops });
const records = (await sync([])).changes;
const of = (kind) => records.filter((r) => r.kind === kind).map((r) => r.data);
const now = Date.now();
const trips = of('trip').filter((t) => Date.parse(t.visit_start) > now + 3600e3 && t.volunteer_id);
const byGuardian = new Map();
for (const trip of trips) {
  const list = byGuardian.get(trip.pickup.guardian_id) ?? [];
  list.push(trip);
  byGuardian.set(trip.pickup.guardian_id, list);
}
const [guardianId, familyTrips] = [...byGuardian.entries()].sort((a, b) => b[1].length - a[1].length)[0]
  ?? fail('no family with a coming trip');
if (familyTrips.length < 2) fail('the family needs two coming trips');
familyTrips.sort((a, b) => Date.parse(a.visit_start) - Date.parse(b.visit_start));
const guardian = of('guardian').find((g) => g.id === guardianId);
const children = of('child').filter((c) => c.guardian_id === guardianId).map((c) => c.first_name);
const others = of('child').filter((c) => c.guardian_id !== guardianId && !children.includes(c.first_name))
  .map((c) => c.first_name);
const link = await api(token, 'POST', '/api/v1/family-links', { guardian_id: guardianId, server_url: url });
console.log(`family ${guardian.name} (${guardian.language}), ${familyTrips.length} coming visits, link ${link.link.id}`);

const TITLES = { fr: 'Prochaines visites', nl: 'Volgende bezoeken', en: 'Next visits' };
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const problems = [];
const open = async (javaScriptEnabled) => {
  const context = await browser.newContext({ viewport: { width: 360, height: 640 }, javaScriptEnabled });
  const page = await context.newPage();
  // A revoked link answers 404 on purpose, and there is no favicon: those
  // are not problems; anything else the console reports (a refused style, a
  // script error) is.
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) problems.push(m.text());
  });
  return page;
};
// A small phone: nothing wider than the screen, tap targets of 44 px.
const phoneRules = () => {
  const found = [];
  const root = document.documentElement;
  if (root.scrollWidth > root.clientWidth + 1) found.push(`wider than the screen (${root.scrollWidth} px)`);
  for (const el of document.querySelectorAll('a, button, summary')) {
    const box = el.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) continue;
    if (box.height < 43.5 && getComputedStyle(el).display !== 'inline') found.push(`small target: ${el.textContent}`);
  }
  return found;
};
const check = async (page, what) => {
  const text = await page.locator('body').innerText();
  for (const name of others) if (text.includes(name)) fail(`${what}: another family's child (${name}) is shown`);
  for (const word of ['detainee', 'prisoner', 'détenu', 'gedetineerde']) {
    if (text.toLowerCase().includes(word)) fail(`${what}: "${word}" is shown`);
  }
  const rules = await page.evaluate(phoneRules);
  if (rules.length) fail(`${what}: ${rules.join('; ')}`);
  return text;
};

for (const js of [true, false]) {
  const page = await open(js);
  for (const lang of ['fr', 'nl', 'en']) {
    await page.goto(`${link.url}?lang=${lang}`);
    const text = await check(page, `${lang}, JavaScript ${js ? 'on' : 'off'}`);
    if (!text.includes(TITLES[lang])) fail(`${lang}: the title is not "${TITLES[lang]}"`);
    for (const child of children) if (!text.includes(child)) fail(`${lang}: ${child} is missing`);
    if (!js) await page.screenshot({ path: `${out}/family-${lang}.png`, fullPage: true });
  }
  await page.context().close();
}

// The coordinator cancels the first visit: staff strike.
await sync([{
  op_id: `walk-cancel-${now}`, seq: ++seq, hlc: { millis: now, counter: 0, node: 'walk' },
  at: new Date(now).toISOString(), op: 'log_event',
  event: {
    id: `walk-cancel-${now}`, trip_id: familyTrips[0].id, step: 'cancelled', reason: 'strike',
    at: new Date(now).toISOString(), author: { role: 'coordinator', id: enrolled.display_name },
  },
}]);
const page = await open(false);
await page.goto(`${link.url}?lang=en`);
let text = await check(page, 'after the cancellation');
if (!text.includes('Cancelled: the prison is closed that day (staff strike)')) fail(`the cancellation is not shown: ${text}`);
await page.screenshot({ path: `${out}/family-cancelled.png`, fullPage: true });
await page.screenshot({ path: `${out}/family-phone.png` });

// The print layout: no form, no links to other languages.
await page.emulateMedia({ media: 'print' });
await page.screenshot({ path: `${out}/family-print.png`, fullPage: true });
if (await page.locator('details').first().isVisible()) fail('the print layout shows the form');
await page.emulateMedia({ media: 'screen' });

// "We cannot come", JavaScript off: the form, its confirmation, the thanks.
await page.locator('details summary').first().click();
await page.getByLabel('The child is ill').first().check();
await page.getByRole('button', { name: 'Next' }).first().click();
await page.getByText('Tell the coordination you cannot come?').waitFor();
await check(page, 'the confirmation');
await page.screenshot({ path: `${out}/family-confirm.png`, fullPage: true });
await page.getByRole('button', { name: 'Yes, tell the coordination' }).click();
await page.getByText('The coordination has your message').waitFor();
const notices = await api(token, 'GET', `/api/v1/family-notices?guardian_id=${guardianId}`);
const message = notices.find((n) => n.kind === 'cannot_come');
if (!message || message.status !== 'to_act') fail(`the coordinator has no message to act on: ${JSON.stringify(notices)}`);
const cancelled = notices.find((n) => n.kind === 'cancelled' && n.trip_id === familyTrips[0].id);
if (!cancelled) fail(`no notice of the cancellation: ${JSON.stringify(notices)}`);
console.log(`notices: ${notices.map((n) => `${n.kind}/${n.channel}/${n.status}`).join(', ')}`);

// Revoked: the sentence and the number, nothing else.
await api(token, 'DELETE', `/api/v1/family-links/${link.link.id}`);
await page.goto(`${link.url}?lang=en`);
text = (await page.locator('body').innerText()).trim();
const expected = guardian.language === 'nl' ? 'Deze link werkt niet meer.' : guardian.language === 'en'
  ? 'This link no longer works.' : 'Ce lien ne fonctionne plus.';
if (!text.startsWith(expected)) fail(`the revoked link says: ${text}`);
if (!(await page.locator('a[href^="tel:"]').count())) fail('the revoked link gives no number');
if (await page.locator('section, form, nav').count()) fail('the revoked link shows more than the sentence and the number');
for (const child of children) if (text.includes(child)) fail(`the revoked link shows ${child}`);
await page.screenshot({ path: `${out}/family-revoked.png`, fullPage: true });

// With the web app served, the coordinator's side in the workspace too: a
// new link made from the family's page (in Dutch), its text message and QR
// code; the notices screen with the family's message, marked done.
const served = await fetch(`${url}/`);
if (served.ok && (served.headers.get('content-type') ?? '').includes('text/html')) {
  const answer = await api(token, 'POST', '/api/v1/enrollment-codes',
    { role: 'coordinator', display_name: 'Sophie Lambert', server_url: url });
  const office = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-GB' });
  const desk = await office.newPage();
  desk.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  await desk.goto(answer.enroll_link);
  await desk.locator('button[type=submit]').click();
  await desk.getByText('Overview').first().waitFor({ timeout: 30000 });
  // The first sync done and written, so that leaving the page loses
  // nothing (the page would ask first otherwise).
  await desk.locator('section.sync', { hasText: 'everything is sent' }).waitFor({ timeout: 30000 });
  desk.on('dialog', (dialog) => dialog.accept());
  await desk.goto(`${url}/office/families/${guardianId}/edit`);
  // The page loads the web app again and opens its store: slow machines need time.
  await desk.getByRole('heading', { name: 'Family link' }).waitFor({ timeout: 90000 });
  await desk.locator('#family-link-language').selectOption('nl');
  await desk.getByRole('button', { name: /^Make a (new )?link$/ }).click();
  await desk.getByText('The link is ready').waitFor({ timeout: 20000 });
  const newUrl = await desk.locator('#family-link-url').inputValue();
  const sms = await desk.getByRole('link', { name: 'Send by text message' }).getAttribute('href');
  if (!sms.startsWith('sms:') || !decodeURIComponent(sms).includes(newUrl)) fail(`the text message is not ready: ${sms}`);
  if (!(await desk.locator('.qr svg').isVisible())) fail('no QR code for the new link');
  await desk.getByText('Works').first().waitFor();
  // The family's own notices, under its link: the cancellation to tell.
  await desk.getByText('Visit cancelled').first().waitFor({ timeout: 20000 });
  await desk.screenshot({ path: `${out}/office-family-link.png`, fullPage: true });
  const dutch = await open(false);
  await dutch.goto(newUrl);
  if (!(await dutch.locator('body').innerText()).includes('Volgende bezoeken')) fail('the new link is not in Dutch');
  await dutch.context().close();

  await desk.goto(`${url}/office/family-notices`);
  await desk.getByText('The family cannot come').first().waitFor({ timeout: 20000 });
  await desk.screenshot({ path: `${out}/office-family-notices.png`, fullPage: true });
  await desk.getByRole('button', { name: 'Done' }).first().click();
  for (let i = 0; ; i++) {
    const now = await api(token, 'GET', `/api/v1/family-notices?guardian_id=${guardianId}`);
    if (now.find((n) => n.kind === 'cannot_come')?.status === 'done') break;
    if (i > 50) fail('the message was not marked done');
    await new Promise((r) => setTimeout(r, 200));
  }
  console.log('workspace: link made from the family\'s page, notices marked done');
}
await browser.close();
if (problems.length) fail(`console errors: ${problems.join('; ')}`);
console.log('family walk-through: all checks passed');
