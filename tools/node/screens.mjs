// Walks the volunteer's app in headless Chromium at phone size against a
// running demo server, as a volunteer would on a trip day, checks what they
// see on each screen, and saves a screenshot of each. Then asks the server,
// as the coordinator, whether it holds every step exactly once, and walks the
// coordinators' workspace at 1280×800 (with axe-core's accessibility rules).
// Exits non-zero when a check fails.
//   node tools/node/screens.mjs URL VOLUNTEER_CODE COORDINATOR_CODE [out-dir]
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

// axe-core runs in the page through the DevTools protocol, which the page's
// Content-Security-Policy does not apply to.
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const [url, code, coordinatorCode, out = 'docs/screenshots'] = process.argv.slice(2);
if (!url || !code || !coordinatorCode) {
  console.error('usage: node tools/node/screens.mjs URL VOLUNTEER_CODE COORDINATOR_CODE [out-dir]');
  process.exit(2);
}
const STEPS = ['picked_up', 'arrived', 'entered', 'visit_started', 'visit_ended', 'returned'];
const WAIT = { timeout: 20000 };

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
let page;
const fail = async (message) => {
  if (page) await page.screenshot({ path: `${out}/failed.png`, fullPage: true }).catch(() => {});
  throw new Error(`${message} (see ${out}/failed.png)`);
};
const expectText = async (text, what) => {
  try {
    await page.getByText(text).first().waitFor(WAIT);
  } catch {
    await fail(`${what}: "${text}" not shown`);
  }
};
const syncBar = () => page.locator('section.sync');
const expectSyncBar = async (pattern, what) => {
  try {
    await syncBar().filter({ hasText: pattern }).waitFor(WAIT);
  } catch {
    await fail(`${what}: the sync bar does not say ${pattern} but "${await syncBar().innerText()}"`);
  }
};
// What every screen must keep on a phone: nothing wider than the screen, tap
// targets of at least 44 px, text contrast of at least 4.5:1 (WCAG AA).
const phoneRules = () => {
  const problems = [];
  const root = document.documentElement;
  if (root.scrollWidth > root.clientWidth + 1) problems.push(`wider than the screen (${root.scrollWidth} px)`);
  const targets = document.querySelectorAll(
    'button, a, input:not([type=radio]):not([type=checkbox]), textarea, select, label.choice, .checklist label');
  for (const el of targets) {
    const box = el.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) continue;
    if (box.width < 43.5 || box.height < 43.5) {
      problems.push(`tap target "${(el.innerText || el.tagName).trim().slice(0, 30)}" is ${Math.round(box.width)}×${Math.round(box.height)} px`);
    }
  }
  for (const el of document.querySelectorAll('input[type=radio], input[type=checkbox]')) {
    if (!el.closest('label')) problems.push('a box to tick outside its label (too small a target)');
  }
  const parse = (color) => {
    const parts = (color.match(/rgba?\(([^)]+)\)/) || [])[1];
    if (!parts) return null;
    const n = parts.split(',').map((x) => parseFloat(x));
    return { rgb: n.slice(0, 3), alpha: n.length > 3 ? n[3] : 1 };
  };
  const luminance = (rgb) => {
    const [r, g, b] = rgb.map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const background = (el) => {
    for (let e = el; e; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c && c.alpha > 0.5) return c.rgb;
    }
    return [255, 255, 255];
  };
  const seen = new Set();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const text = walker.currentNode.textContent.trim();
    const el = walker.currentNode.parentElement;
    if (!text || !el || seen.has(el) || el.closest('button:disabled')) continue;
    seen.add(el);
    const style = getComputedStyle(el);
    if (style.visibility === 'hidden' || el.getBoundingClientRect().width === 0) continue;
    const [hi, lo] = [luminance(parse(style.color).rgb), luminance(background(el))].sort((a, b) => b - a);
    const ratio = (hi + 0.05) / (lo + 0.05);
    if (ratio < 4.5) problems.push(`contrast ${ratio.toFixed(2)}:1 for "${text.slice(0, 30)}"`);
  }
  return problems;
};
const shot = async (name) => {
  await page.screenshot({ path: `${out}/${name}.png`, fullPage: true });
  const problems = await page.evaluate(phoneRules);
  if (problems.length) await fail(`${name} screen: ${problems.join('; ')}`);
};
// Wide screens: nothing wider than the window and readable contrast; the
// thumb-size rule is for phones.
// axe-core's rules on top: no serious or critical violation.
const officeShot = async (name) => {
  await page.screenshot({ path: `${out}/${name}.png`, fullPage: true });
  const problems = (await page.evaluate(phoneRules)).filter((p) => !p.startsWith('tap target'));
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.help}, at ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
  });
  problems.push(...violations);
  if (problems.length) await fail(`${name} screen: ${problems.join('; ')}`);
};
const stepButton = () => page.locator('button.big-step');
const doneSteps = () => page.locator('ol.steps li.done').count();
// Moving around is done by tapping links, as a volunteer does: part of the
// walk is offline, where a reload could not fetch the page.
const openLog = async (tripPath) => {
  await page.locator('a.brand').click();
  await page.locator(`main a[href="${tripPath}"]`).first().click();
  await page.locator(`main a[href="${tripPath}/log"]`).first().click();
  await stepButton().waitFor(WAIT);
};

// One tap on the big button; the step waits out its undo window unless the
// next tap records it at once.
const tapNextStep = async (expected) => {
  const before = await doneSteps();
  await stepButton().click();
  await expectText('Annuler ce geste', `undo offered after "${expected}"`);
  return before;
};

// The wasm files a browser context downloads, by name: a phone needs only the
// main one; the workspace's screens are in a file of their own
// (scripts/build-web), fetched when a coordinator opens them.
const wasmFetched = (context) => {
  const names = [];
  context.on('response', (response) => {
    const path = new URL(response.url()).pathname;
    if (path.endsWith('.wasm')) names.push(path.split('/').pop());
  });
  return names;
};
const isMainWasm = (name) => name.startsWith('itinerances_bg');
// The workspace's own wasm files the web app can fetch (dx's module_N_*.wasm;
// none when the build is one file), read from the app's JavaScript.
const workspaceWasmFiles = async () => {
  const html = await (await fetch(`${url}/`)).text();
  const names = new Set();
  for (const [, script] of html.matchAll(/src="([^"]+\.js)"/g)) {
    const js = await (await fetch(new URL(script, url))).text();
    for (const [name] of js.matchAll(/module_[0-9]+_[A-Za-z0-9_]+-dxh[0-9a-f]+\.wasm/g)) names.add(name);
  }
  return [...names];
};

try {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'fr-BE' });
  const phoneWasm = wasmFetched(context);
  page = await context.newPage();
  page.on('pageerror', (e) => console.error(`page error: ${e.message}`));

  // Enroll this phone with the code from the coordinator.
  await page.goto(url);
  await expectText('Connecter ce téléphone', 'enrollment screen');
  await page.locator('input').nth(1).fill('WRONG-CODE');
  await page.locator('button[type=submit]').click();
  await page.locator('main .error, main [role=alert]').first().waitFor(WAIT)
    .catch(() => fail('a wrong code is not refused in words'));
  await page.locator('input').nth(1).fill(code);
  await shot('enroll');
  await page.locator('button[type=submit]').click();

  // Today's trips, first sync done.
  await expectText("Aujourd'hui", 'trips screen');
  const tripLinks = page.locator('main a[href^="/trip/"]');
  await tripLinks.first().waitFor(WAIT);
  await expectSyncBar(/tout est envoyé/, 'after the first sync');
  const hrefs = [...new Set(await tripLinks.evaluateAll((as) => as.map((a) => a.getAttribute('href'))))]
    .filter((h) => /^\/trip\/[^/]+$/.test(h));
  if (hrefs.length < 2) await fail(`expected two trips today for this volunteer, found ${hrefs.length}`);
  const [tripPath, otherTripPath] = hrefs;
  await shot('trips');

  // The first trip: timeline, then its prison sheet, whose checklist is ticked.
  await page.locator(`main a[href="${tripPath}"]`).first().click();
  await expectText('La journée', 'trip detail timeline');
  await shot('trip-detail');
  await page.locator('main a[href^="/prison/"]').first().click();
  await expectText("Contenu d'exemple", 'prison sheet marked as example content');
  const boxes = page.locator('ul.checklist input[type=checkbox]');
  const boxCount = await boxes.count();
  if (boxCount < 2) await fail(`the checklist has ${boxCount} items`);
  for (let i = 0; i < boxCount; i++) await boxes.nth(i).check();
  await expectText('Tout est prêt. Bonne visite !', 'checklist all ticked');
  await shot('prison-sheet');

  // The trip log: a tap is held for its undo window; undo takes it back.
  await openLog(tripPath);
  await stepButton().click();
  await expectText('Annuler ce geste', 'undo offered');
  await shot('trip-log-undo');
  await page.getByText('Annuler ce geste').click();
  if ((await doneSteps()) !== 0) await fail('an undone step still shows as done');
  await expectSyncBar(/tout est envoyé/, 'nothing sent after undo');

  // Picked up and arrived, on the network: saved, then sent.
  await tapNextStep('picked_up');
  await tapNextStep('arrived');
  await expectText('enregistré sur ce téléphone', 'the step is saved after its undo window');
  await expectSyncBar(/tout est envoyé/, 'steps reached the server');
  await shot('trip-log');

  // In the prison car park: no network. Steps keep being saved, waiting.
  await context.setOffline(true);
  for (const step of ['entered', 'visit_started', 'visit_ended']) {
    await tapNextStep(step);
  }
  await expectText('enregistré sur ce téléphone', 'the last offline step is saved');
  await expectSyncBar(/3 changements à envoyer/, 'three steps wait for the network');
  await page.getByRole('button', { name: 'Synchroniser' }).click();
  await expectSyncBar(/Pas de réseau/, 'offline shown');
  await expectSyncBar(/3 changements à envoyer/, 'nothing lost while offline');
  await shot('trip-log-offline');
  // Changes wait for the server: they stay in this browser, but reach the
  // server only once the app is opened here again, so leaving is asked first.
  const asked = new Promise((resolve) => {
    page.once('dialog', async (dialog) => {
      resolve(dialog.type());
      await dialog.dismiss();
    });
    setTimeout(() => resolve('no dialog'), 10000);
  });
  await page.evaluate(() => { setTimeout(() => window.location.reload(), 0); });
  const dialogType = await asked;
  if (dialogType !== 'beforeunload') await fail(`reloading with changes waiting: ${dialogType}`);
  await expectSyncBar(/3 changements à envoyer/, 'staying on the page keeps the waiting changes');

  // The network is back: the app notices by itself (it tries again every
  // 10 seconds while changes wait), everything goes, the count falls to 0.
  await context.setOffline(false);
  try {
    await syncBar().filter({ hasText: /tout est envoyé/ }).waitFor({ timeout: 45000 });
  } catch {
    await fail('the waiting steps were not sent by themselves once the network was back');
  }
  await expectSyncBar(/En ligne/, 'online again');

  // Last step, then the report with the kilometres.
  await tapNextStep('returned');
  await expectText('Toutes les étapes sont faites', 'all steps done');
  await expectText('enregistré sur ce téléphone', 'the last step is saved');
  if ((await doneSteps()) !== STEPS.length) await fail(`${await doneSteps()} steps shown as done, not 6`);
  await page.getByText('Écrire le rapport').click();
  await expectText('Kilomètres parcourus', 'report form');
  await page.locator('main form button[type=submit]').click();
  await expectText('Choisissez une réponse à chaque question.', 'report asks for every answer');
  for (const fieldset of await page.locator('main form fieldset').all()) {
    await fieldset.locator('input[type=radio]').first().check();
  }
  await page.locator('#km').fill('-5');
  await page.locator('main form button[type=submit]').click();
  await expectText('Entrez les kilomètres en chiffres', 'kilometres must be a number');
  await page.locator('#km').fill('48');
  await page.locator('#text').fill('Visite calme, les enfants ont dessiné pour leur papa.');
  await page.locator('main form button[type=submit]').click();
  await expectText('Rapport enregistré sur ce téléphone.', 'report saved');
  await expectSyncBar(/tout est envoyé/, 'the report reached the server');
  await shot('report');

  // The other trip of the day cannot take place: cancelled with a reason.
  await openLog(otherTripPath);
  await page.getByText('Le trajet ne peut pas avoir lieu').click();
  await page.getByRole('button', { name: 'Annuler le trajet' }).click();
  await expectText('Choisissez une raison.', 'a reason is required');
  await page.getByLabel('Grève à la prison').check();
  await shot('trip-cancel');
  await page.getByRole('button', { name: 'Annuler le trajet' }).click();
  await expectText('Annulé : Grève à la prison', 'trip cancelled');
  await expectSyncBar(/tout est envoyé/, 'the cancellation reached the server');
  await page.locator('a.brand').click();
  await expectText('Annulé : Grève à la prison', 'the trips list shows the cancellation');
  // The volunteer's own steps and cancellation do not mark a trip as changed.
  if (await page.getByText('Modifié').count() !== 0) await fail('a trip is marked as changed by the volunteer\'s own steps');

  // A larger system font (twice the default) still fits the phone.
  await page.evaluate(() => { document.documentElement.style.fontSize = '200%'; });
  await shot('trips-large-text');
  await page.locator(`main a[href="${tripPath}"]`).first().click();
  await expectText('La journée', 'trip detail with large text');
  await shot('trip-detail-large-text');

  // Settings: the volunteer picks Dutch; every screen follows.
  await page.evaluate(() => { document.documentElement.style.fontSize = ''; });
  await page.getByRole('link', { name: 'Réglages' }).click();
  await page.locator('label[lang=nl]').click();
  await expectText('Instellingen', 'settings in Dutch');
  await shot('settings-nl');
  await page.locator('a.brand').click();
  await expectText('Mijn ritten', 'trips screen in Dutch');
  await expectText('Geannuleerd', 'the cancelled trip in Dutch');
  await shot('trips-nl');

  // The coordinator's view of the server: every step once, in order.
  const enroll = await fetch(`${url}/api/v1/enroll`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code: coordinatorCode, device_name: 'browser-test check' }),
  });
  if (!enroll.ok) throw new Error(`coordinator enrollment failed: ${enroll.status} ${await enroll.text()}`);
  const { token } = await enroll.json();
  const pull = await fetch(`${url}/api/v1/sync`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ version: 2, ops: [] }),
  });
  if (!pull.ok) throw new Error(`coordinator pull failed: ${pull.status} ${await pull.text()}`);
  const { changes } = await pull.json();
  const tripId = decodeURIComponent(tripPath.split('/')[2]);
  const otherId = decodeURIComponent(otherTripPath.split('/')[2]);
  const eventsOf = (id) => changes
    .filter((r) => r.kind === 'event' && r.data.trip_id === id)
    .sort((a, b) => a.data.at.localeCompare(b.data.at));
  const steps = eventsOf(tripId).map((r) => r.data.step);
  if (JSON.stringify(steps) !== JSON.stringify(STEPS)) {
    throw new Error(`the server holds the steps ${JSON.stringify(steps)}, expected each of ${JSON.stringify(STEPS)} once, in order`);
  }
  const cancelled = eventsOf(otherId).map((r) => `${r.data.step}:${r.data.reason}`);
  if (JSON.stringify(cancelled) !== JSON.stringify(['cancelled:strike'])) {
    throw new Error(`the server holds ${JSON.stringify(cancelled)} for the cancelled trip`);
  }
  const report = changes.find((r) => r.kind === 'report' && r.data.trip_id === tripId);
  if (!report || report.data.kilometres !== 48) {
    throw new Error(`the server's report for ${tripId}: ${JSON.stringify(report)}`);
  }

  if (phoneWasm.filter(isMainWasm).length !== 1 || phoneWasm.some((name) => !isMainWasm(name))) {
    await fail(`the volunteer's phone downloaded these wasm files: ${phoneWasm.join(', ')}`);
  }

  // The coordinator's workspace at 1280×800: a second coordinator enrolls
  // with a link, reads a child's file, gives a volunteer a code (QR) ...
  const codeAnswer = await fetch(`${url}/api/v1/enrollment-codes`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ role: 'coordinator', display_name: 'Sophie Lambert', server_url: url }),
  });
  if (!codeAnswer.ok) throw new Error(`a coordinator's code: ${codeAnswer.status} ${await codeAnswer.text()}`);
  const { enroll_link: officeLink } = await codeAnswer.json();
  const office = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'fr-BE' });
  const officeWasm = wasmFetched(office);
  page = await office.newPage();
  page.on('pageerror', (e) => console.error(`page error: ${e.message}`));
  await page.goto(officeLink);
  await page.locator('button[type=submit]').click();
  await expectText("Vue d'ensemble", 'the workspace opens for a coordinator');
  await expectSyncBar(/tout est envoyé/, 'the coordinator\'s first sync');
  await expectText('enfants', 'the overview counts the children');
  await officeShot('office-home');
  // A split build: opening the workspace fetched its own file.
  const workspaceFiles = await workspaceWasmFiles();
  if (workspaceFiles.length > 0 && !officeWasm.some((name) => workspaceFiles.includes(name))) {
    await fail(`the workspace opened without fetching ${workspaceFiles.join(', ')} (fetched: ${officeWasm.join(', ')})`);
  }
  // A reload (or a browser opened again) keeps the enrollment: the workspace
  // opens from this browser's store, not the enrollment screen.
  await page.reload();
  await expectText("Vue d'ensemble", 'the workspace after a reload');
  if (new URL(page.url()).pathname.startsWith('/enroll') || await page.locator('#code, input[name=code]').count()) {
    await fail(`a reload shows the enrollment screen (${page.url()})`);
  }
  await expectSyncBar(/tout est envoyé/, 'the coordinator\'s sync after a reload');
  await page.locator('nav.side a', { hasText: 'Enfants' }).click();
  await page.locator('#child-search').fill('lina');
  await expectText('1 enfant', 'the search finds one child');
  await officeShot('office-children');
  await page.locator('table.records a', { hasText: 'Lina' }).click();
  await expectText('Droits de visite', "the child's file");
  await expectText('Valable jusqu', 'the visit right in words');
  await officeShot('office-child');

  // The trips of the month in the calendar; the year's figures, downloaded as
  // CSV and as the PDF the server draws; then who read Lina's file.
  await page.locator('nav.side a', { hasText: 'Calendrier' }).click();
  await expectText('Calendrier des trajets', 'the calendar');
  await officeShot('office-calendar');
  await page.locator('nav.side a', { hasText: 'Chiffres' }).click();
  await expectText('Chiffres de', 'the figures screen');
  const saved = async (link, what) => {
    const [download] = await Promise.all([page.waitForEvent('download', WAIT), link.click()]);
    const path = await download.path();
    if (!path) await fail(`${what}: nothing was downloaded`);
    return readFileSync(path);
  };
  const csv = (await saved(page.locator('a', { hasText: 'Télécharger les chiffres (CSV)' }).first(), 'the figures CSV')).toString('utf8');
  if (csv.split('\r\n').filter((line) => line.includes(',')).length < 4) {
    await fail(`the figures CSV holds no table: ${csv.slice(0, 200)}`);
  }
  // One tap: the report downloads as soon as the server made it, and its
  // link stays on the page in case the browser did not start it.
  const pdf = await saved(page.locator('button', { hasText: 'Télécharger le rapport (PDF)' }), 'the PDF report');
  await page.locator('a[download$=".pdf"]').first().waitFor(WAIT)
    .catch(() => fail('the PDF report stays offered as a link'));
  if (pdf.subarray(0, 5).toString('latin1') !== '%PDF-' || pdf.length < 2000) {
    await fail(`the downloaded report is not a PDF (${pdf.length} bytes)`);
  }
  await officeShot('office-figures');
  await page.locator('nav.side a', { hasText: 'Qui a vu quoi' }).click();
  const lina = page.locator('#audit-person option', { hasText: 'Lina' }).first();
  await page.locator('#audit-person').selectOption(await lina.getAttribute('value'));
  await page.locator('button[type=submit]', { hasText: 'Chercher' }).click();
  await expectText('les plus récents', "the rows about Lina's data");
  if (!(await page.locator('table').innerText()).includes('Sophie Lambert')) {
    await fail("the coordinator's own reading of Lina's file is not among the rows");
  }
  await expectText('Au prochain passage', 'what the server removes on its own, and when');
  await officeShot('office-audit');
  const rows = (await saved(page.locator('a', { hasText: 'Télécharger ces lignes (CSV)' }), 'the audit CSV')).toString('utf8');
  if (!rows.includes('Sophie Lambert')) await fail(`the audit CSV: ${rows.slice(0, 200)}`);

  // A prison entered from scratch: its sheet in three languages, its
  // visiting hours and a visit room. Leaving the form half typed is asked first.
  await page.locator('nav.side a', { hasText: 'Prisons' }).click();
  await page.locator('a', { hasText: 'Nouvelle prison' }).click();
  await page.locator('#prison-name').fill('Prison de Huy');
  await page.locator('nav.side a', { hasText: 'Enfants' }).click();
  await expectText('Partir sans les enregistrer', 'leaving a form with unsaved changes is asked first');
  await page.locator('button', { hasText: 'Rester sur le formulaire' }).click();
  if (await page.locator('#prison-name').inputValue() !== 'Prison de Huy') {
    await fail('staying on the form keeps what was typed');
  }
  await page.locator('#prison-town').fill('Huy');
  await page.locator('#prison-address').fill('Huy, entrée des visiteurs (adresse de démonstration)');
  await page.locator('#prison-lat').fill('50,5190');
  await page.locator('#prison-lon').fill('5,2390');
  await page.getByLabel('mercredi').check();
  await page.locator('#prison-hours-2-from').fill('13:30');
  await page.locator('#prison-hours-2-until').fill('16:00');
  await page.getByLabel('samedi').check();
  await page.locator('#prison-hours-5-from').fill('09:00');
  await page.locator('#prison-hours-5-until').fill('11:30');
  await page.locator('#sheet-fr-entrance').fill('Entrée des visiteurs à gauche du portail (exemple)');
  await page.locator('#sheet-fr-adult').fill("Carte d'identité (exemple)");
  await page.locator('#sheet-nl-entrance').fill('Bezoekersingang links van de poort (voorbeeld)');
  await page.locator('#sheet-nl-adult').fill('Identiteitskaart (voorbeeld)');
  await page.locator('#sheet-en-entrance').fill("Visitors' entrance left of the gate (example)");
  await page.locator('#sheet-en-adult').fill('Identity card (example)');
  await page.locator('button[type=submit]', { hasText: 'Enregistrer' }).click();
  await expectText('Salles de visite', "the new prison's page");
  await page.locator('button', { hasText: 'Ajouter une salle de visite' }).click();
  await page.locator('#room-name').fill('Salle des familles');
  await page.locator('#room-kind').selectOption({ label: 'Salle des familles' });
  await page.locator('#room-has-0').check();
  await page.locator('#room-has-2').check();
  await page.locator('button[type=submit]', { hasText: 'Enregistrer la salle' }).click();
  await expectText('Table à langer', "the room's equipment in the list");
  await page.locator('nav.side a', { hasText: 'Prisons' }).click();
  await expectText('Prison de Huy', 'the new prison in the list');
  if (!(await page.locator('tr', { hasText: 'Prison de Huy' }).innerText()).includes('FR · NL · EN')) {
    await fail('the new prison is not readable in three languages');
  }
  await officeShot('office-prison-new');

  // The parent the new family's children visit, held there.
  await page.locator('nav.side a', { hasText: 'Parents' }).click();
  await page.locator('a', { hasText: 'Nouveau parent' }).click();
  await page.locator('#parent-first').fill('Koen');
  await page.locator('#parent-last').fill('Peeters');
  await page.locator('#parent-prison').selectOption({ label: 'Prison de Huy' });
  await page.locator('button[type=submit]', { hasText: 'Enregistrer' }).click();
  await expectText('Koen Peeters', 'the new parent in the list');

  // A new family, two children, and the decisions: visits allowed for one,
  // forbidden for the other, entered by hand.
  await page.locator('nav.side a', { hasText: 'Enfants' }).click();
  await page.locator('a', { hasText: 'Nouvelle famille' }).first().click();
  await page.locator('button[type=submit]', { hasText: 'Enregistrer' }).click();
  await page.locator('#family-name-error').waitFor(WAIT)
    .catch(() => fail('an empty family is not refused next to its fields'));
  await expectText('À remplir', 'what is missing, in words');
  await officeShot('office-family-errors');
  await page.locator('#family-name').fill('Mme Anna Peeters');
  // A form with changes not saved yet: leaving the tab is asked first.
  const askedForm = new Promise((resolve) => {
    page.once('dialog', async (dialog) => {
      resolve(dialog.type());
      await dialog.dismiss();
    });
    setTimeout(() => resolve('no dialog'), 10000);
  });
  await page.evaluate(() => { setTimeout(() => window.location.reload(), 0); });
  if (await askedForm !== 'beforeunload') await fail('reloading a form with unsaved changes is not asked first');
  if (await page.locator('#family-name').inputValue() !== 'Mme Anna Peeters') {
    await fail('staying on the page keeps what was typed');
  }
  await page.locator('#family-phone').fill('+32 470 12 34 56');
  await page.locator('#family-address').fill('Ixelles, place Flagey, devant le kiosque');
  await page.locator('#family-lat').fill('50,8275');
  await page.locator('#family-lon').fill('4.3725');
  await page.locator('button[type=submit]', { hasText: 'Enregistrer' }).click();
  await page.locator('a', { hasText: 'Nouvel enfant' }).first().click();
  await page.locator('#child-first').fill('Mila');
  await page.locator('#child-last').fill('Peeters');
  await page.locator('#child-born').fill('2019');
  await page.locator('#child-guardian').selectOption({ label: 'Mme Anna Peeters · Ixelles, place Flagey, devant le kiosque' });
  await page.locator('button[type=submit]', { hasText: 'Enregistrer' }).click();
  await expectText('Mila Peeters', "the new child's file");
  await page.locator('a', { hasText: 'Ajouter un droit de visite' }).click();
  await page.locator('#right-parent').selectOption({ label: 'Koen Peeters' });
  await page.locator('#right-allowed').selectOption({ label: 'Visites autorisées' });
  await page.locator('#right-visits').fill('2');
  await page.locator('#right-reference').fill('SAJ 2026/114');
  await page.locator('button[type=submit]', { hasText: 'Enregistrer' }).click();
  await expectText('Koen Peeters', "the allowed visit on Mila's file");
  await page.locator('nav.side a', { hasText: 'Enfants' }).click();
  await page.locator('a', { hasText: 'Nouvel enfant' }).first().click();
  await page.locator('#child-first').fill('Louis');
  await page.locator('#child-last').fill('Peeters');
  await page.locator('#child-born').fill('2021');
  await page.locator('#child-guardian').selectOption({ label: 'Mme Anna Peeters · Ixelles, place Flagey, devant le kiosque' });
  await page.locator('button[type=submit]', { hasText: 'Enregistrer' }).click();
  await expectText('Louis Peeters', "the second child's file");
  await page.locator('a', { hasText: 'Ajouter un droit de visite' }).click();
  await page.locator('#right-parent').selectOption({ label: 'Koen Peeters' });
  await page.locator('#right-allowed').selectOption({ label: 'Visites interdites' });
  await page.locator('#right-reference').fill('Tribunal de la jeunesse, 12/11/2026');
  await page.locator('button[type=submit]', { hasText: 'Enregistrer' }).click();
  await expectText('Visites interdites', 'the forbidden visit on the child\'s file');
  await expectSyncBar(/tout est envoyé/, 'the new records reached the server');
  await officeShot('office-child-new');

  // Three volunteers from a spreadsheet, one row wrong: nothing saved until fixed.
  await page.locator('nav.side a', { hasText: 'Bénévoles' }).click();
  await page.locator('a', { hasText: "Importer d'un tableur" }).click();
  const sheet = (jefLon) => [
    'Nom\tTéléphone\tLatitude\tLongitude\tVoiture\tLangues\tNouveau',
    'Lies Janssens\t+32 470 55 00 01\t51,0543\t3,7174\tja\tnl en\tja',
    `Jef Maes\t+32 470 55 00 02\t50,8798\t${jefLon}\tnee\tnl\tnee`,
    'Claire Dubois\t+32 470 55 00 03\t50,4108\t4,4446\toui\tfr\tnon',
  ].join('\n');
  await page.locator('#import-text').fill(sheet('quatre'));
  await expectText('1 ligne à corriger', 'the wrong row is shown');
  await expectText('pas une coordonnée', 'what is wrong with it');
  if (await page.locator('button', { hasText: 'Importer 3 bénévoles' }).isEnabled()) {
    await fail('an import with a wrong row can be saved');
  }
  await officeShot('office-import');
  await page.locator('#import-text').fill(sheet('4,7005'));
  await expectText('3 bénévoles prêts', 'every row right');
  await page.locator('button', { hasText: 'Importer 3 bénévoles' }).click();
  await expectText('Claire Dubois', 'the imported volunteers in the list');
  await expectText('Lies Janssens', 'the imported volunteers in the list');

  // A volunteer entered by hand, free on Tuesday mornings.
  await page.locator('a', { hasText: 'Nouveau bénévole' }).click();
  await page.locator('#volunteer-name').fill('Nadia Haddad');
  await page.locator('#volunteer-phone').fill('+32 470 55 00 04');
  await page.locator('#volunteer-lat').fill('50,6326');
  await page.locator('#volunteer-lon').fill('5,5797');
  await page.getByLabel('mardi').check();
  await page.locator('#volunteer-week-1-from').fill('09:00');
  await page.locator('#volunteer-week-1-until').fill('13:00');
  await page.locator('button[type=submit]', { hasText: 'Enregistrer' }).click();
  await expectText('Nadia Haddad', 'the new volunteer in the list');

  // Two children of another family from a spreadsheet, one row wrong first.
  await page.locator('nav.side a', { hasText: 'Enfants' }).click();
  await page.locator('a', { hasText: "Importer des familles d'un tableur" }).click();
  const families = (prison) => [
    'Mme Sara Lemaire\tgrand-mère\t+32 470 66 00 01\tfr\tLiège, place Saint-Lambert\t50,6450\t5,5730\tInès\tLemaire\t2017\t\tKarim\tLemaire\tHuy\t1 / mois\tSAJ\t2026-10-01\tSAJ 2026/201',
    `Mme Sara Lemaire\tgrand-mère\t0470 66 00 01\tfr\tLiège, place Saint-Lambert\t50,6450\t5,5730\tYanis\tLemaire\t2020\t\tKarim\tLemaire\t${prison}\t\t\t\t`,
  ].join('\n');
  await page.locator('#import-text').fill(families('Nulle part'));
  await expectText('1 ligne à corriger', 'the wrong family row is shown');
  await expectText('aucune prison de ce nom', 'what is wrong with it');
  await officeShot('office-import-families');
  await page.locator('#import-text').fill(families('Huy'));
  await expectText('2 enfants prêts à importer, avec 1 nouvelle famille et 1 nouveau parent', 'brothers and sisters brought together');
  await page.locator('button', { hasText: 'Importer 2 enfants' }).click();
  await page.locator('#child-search').fill('lemaire');
  await expectText('2 enfants', 'the imported children in the list');
  await page.locator('nav.side a', { hasText: 'Appareils et accès' }).click();
  await page.locator('#code-volunteer').selectOption({ index: 1 });
  await page.locator('button[type=submit]', { hasText: 'Créer le code' }).click();
  await page.locator('.new-code .qr svg').waitFor(WAIT).catch(() => fail('no QR code for the new code'));
  const volunteerLink = await page.locator('#code-link').inputValue();
  await officeShot('office-code');

  // The Haren sheet gets its Dutch text; the Dutch phone will read it.
  await page.locator('nav.side a', { hasText: 'Prisons' }).click();
  await page.locator('table.records a', { hasText: 'Haren' }).first().click();
  await page.locator('#sheet-nl-entrance').fill('Bezoekersingang naast de hoofdpoort (voorbeeld)');
  await page.locator('button', { hasText: "Vérifiée aujourd'hui" }).click();
  await page.locator('button[type=submit]', { hasText: 'Enregistrer' }).click();
  await expectText('Enregistré sur cet appareil', 'the sheet saved');
  await expectSyncBar(/tout est envoyé/, 'the sheet reached the server');
  await officeShot('office-prison');

  // An edit while the server cannot be reached waits on this browser, across
  // a reload, and leaves when the network is back.
  await page.route('**/api/v1/sync', (route) => route.abort());
  await page.locator('#prison-lead').fill('45');
  await page.locator('button[type=submit]', { hasText: 'Enregistrer' }).click();
  await page.locator('button', { hasText: 'Synchroniser' }).click();
  await expectSyncBar(/1 changement à envoyer/, 'the edit made without network waits');
  page.once('dialog', (dialog) => dialog.accept());
  await page.reload();
  await expectSyncBar(/1 changement à envoyer/, 'the edit made without network is still there after a reload');
  await page.unroute('**/api/v1/sync');
  await page.locator('button', { hasText: 'Synchroniser' }).click();
  await expectSyncBar(/tout est envoyé/, 'the edit made without network reached the server');

  // ... which a phone in Dutch enrolls with ...
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'nl-BE' });
  const coordinatorPage = page;
  page = await phone.newPage();
  page.on('pageerror', (e) => console.error(`page error: ${e.message}`));
  await page.goto(volunteerLink);
  await page.locator('button[type=submit]').click();
  await expectText('Mijn ritten', 'the volunteer enrolled with the QR link');
  await expectSyncBar(/alles is verstuurd/, 'the new phone synced');
  await page.locator('main a[href^="/trip/"]').first().click();
  await page.locator('a[href^="/prison/"]').first().click();
  await expectText('Bezoekersingang naast de hoofdpoort', 'the sheet in Dutch on the Dutch phone');
  await shot('prison-sheet-nl');

  // ... and whose access the coordinator then removes: the phone forgets all.
  page = coordinatorPage;
  await page.locator('nav.side a', { hasText: 'Enfants' }).click();
  await page.locator('nav.side a', { hasText: 'Appareils et accès' }).click();
  await page.locator('button', { hasText: "Retirer l'accès" }).first().click();
  await page.locator('button', { hasText: 'Oui, retirer' }).click();
  await expectText('Retiré le', 'the device is shown as removed');
  await officeShot('office-devices');
  page = await phone.pages()[0];
  await page.locator('button', { hasText: 'Nu synchroniseren' }).click();
  await expectText('heeft dit toestel afgemeld', 'the removed phone says why it was signed out');
  if (await page.getByText('Mijn ritten').count()) await fail('the removed phone still shows trips');
  await shot('signed-out-nl');

  // Today, live. The coordinators' board is open; a trip for later today is
  // put for the first phone (through the API, as another coordinator's
  // device would): the phone hears of it and shows it without anyone
  // pressing sync, the volunteer taps "picked up", and the board shows it,
  // again with nobody pressing sync.
  page = coordinatorPage;
  await page.locator('nav.side a', { hasText: "Aujourd'hui" }).click();
  await expectText("trajets aujourd'hui", 'the board of the day');
  const model = changes.find((r) => r.kind === 'trip' && r.data.id === tripId);
  const start = new Date(Date.now() + 3 * 3600 * 1000);
  const live = {
    ...model.data,
    id: 'trip-live',
    visit_start: start.toISOString().replace(/\.\d+Z$/, 'Z'),
    visit_end: new Date(start.getTime() + 3600 * 1000).toISOString().replace(/\.\d+Z$/, 'Z'),
  };
  delete live.pickup_time;
  const put = await fetch(`${url}/api/v1/sync`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({
      version: 2,
      ops: [{
        op_id: 'live-trip', seq: 1, hlc: { millis: Date.now(), counter: 0, node: 'check' },
        at: new Date().toISOString(), op: 'put', record: { kind: 'trip', data: live },
      }],
    }),
  });
  const putAnswer = await put.json();
  if (!put.ok || putAnswer.results.some((r) => r.outcome !== 'applied')) {
    throw new Error(`the trip for the live check was not put: ${put.status} ${JSON.stringify(putAnswer)}`);
  }
  const board = (trip) => page.locator(`tr[data-trip="${trip}"]`);
  await board('trip-live').waitFor(WAIT).catch(() => fail('the board does not show the new trip by itself'));
  page = context.pages()[0];
  await page.locator('a.brand').click();
  await page.locator('main a[href="/trip/trip-live"]').first().waitFor(WAIT)
    .catch(() => fail('the phone does not show the new trip by itself'));
  await openLog('/trip/trip-live');
  await stepButton().click();
  page = coordinatorPage;
  await board('trip-live').filter({ hasText: 'enfants pris en charge' }).waitFor(WAIT)
    .catch(() => fail('the board does not show "picked up" by itself'));
  await officeShot('office-today');

  // A strike at Haren for the coming week: the trips it falls on are listed
  // on the prison's page and cancelled in one action; the phone shows its
  // trip cancelled with the reason, without anyone pressing sync.
  const tomorrow = new Date(start.getTime() + 24 * 3600 * 1000);
  const strikeTrip = {
    ...live,
    id: 'trip-strike',
    visit_start: tomorrow.toISOString().replace(/\.\d+Z$/, 'Z'),
    visit_end: new Date(tomorrow.getTime() + 3600 * 1000).toISOString().replace(/\.\d+Z$/, 'Z'),
  };
  const putStrikeTrip = await fetch(`${url}/api/v1/sync`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({
      version: 2,
      ops: [{
        op_id: 'strike-trip', seq: 2, hlc: { millis: Date.now(), counter: 0, node: 'check' },
        at: new Date().toISOString(), op: 'put', record: { kind: 'trip', data: strikeTrip },
      }],
    }),
  });
  if (!putStrikeTrip.ok) throw new Error(`the trip for the strike check was not put: ${putStrikeTrip.status}`);
  const isoDay = (d) => d.toISOString().slice(0, 10);
  await page.locator('nav.side a', { hasText: 'Prisons' }).click();
  await page.locator('table.records a', { hasText: 'Haren' }).first().click();
  await page.locator('#prison-status').selectOption({ label: 'Grève' });
  await page.locator('#prison-from').fill(isoDay(new Date()));
  await page.locator('#prison-until').fill(isoDay(new Date(Date.now() + 7 * 24 * 3600 * 1000)));
  await page.locator('button[type=submit]', { hasText: 'Enregistrer' }).click();
  await page.locator('section.review tr[data-trip="trip-strike"]').waitFor(WAIT)
    .catch(() => fail('the strike does not list the trip it falls on'));
  await officeShot('office-strike');
  await page.locator('section.review button', { hasText: /Annuler (les \d+ trajets|ce trajet)/ }).click();
  await page.locator('section.review').waitFor({ state: 'detached', timeout: 20000 })
    .catch(() => fail('the cancelled trips stay on the list'));
  page = context.pages()[0];
  await page.locator('a.brand').click();
  await page.locator('main a[href="/trip/trip-strike"]', { hasText: 'Staking in de gevangenis' }).first().waitFor(WAIT)
    .catch(() => fail('the phone does not show the trip cancelled for the strike by itself'));
  // Next month for the whole demo network: planned from the visit rights and
  // accepted in one step, then a volunteer for every open trip; the first
  // phone receives its new trips by itself.
  const phoneTrips = () => page.locator('main a[href^="/trip/"]').count();
  const tripsBefore = await phoneTrips();
  page = coordinatorPage;
  await page.locator('nav.side a', { hasText: 'Planifier un mois' }).click();
  const accept = page.locator('button', { hasText: /Accepter \d+ visites?/ });
  await accept.waitFor(WAIT).catch(() => fail('the month plan proposes no visit'));
  await officeShot('office-plan');
  await accept.click();
  await expectText('au calendrier, encore sans bénévole', 'the accepted visits');
  await expectSyncBar(/tout est envoyé/, 'the planned visits reached the server');
  await page.locator('nav.side a', { hasText: 'Désigner le mois' }).click();
  await page.locator('button', { hasText: 'Mois suivant' }).click();
  const assignAll = page.locator('button', { hasText: /Tous les désigner/ });
  await assignAll.waitFor(WAIT).catch(() => fail('no volunteer is proposed for next month'));
  await officeShot('office-assign');
  await assignAll.click();
  await expectText('trajets désignés', 'the month assigned');
  await expectSyncBar(/tout est envoyé/, 'the assignments reached the server');
  page = context.pages()[0];
  let tripsAfter = tripsBefore;
  for (let i = 0; i < 40 && tripsAfter <= tripsBefore; i += 1) {
    await page.waitForTimeout(500);
    tripsAfter = await phoneTrips();
  }
  if (tripsAfter <= tripsBefore) await fail(`the phone shows ${tripsAfter} trips after the month was assigned, as before`);
  await shot('trips-next-month');

  // A family's regular visits: from the first of the Martin family's later
  // visits, the children go by bus or train from now on, "this visit and the
  // later ones"; the server then holds every later visit of the series so.
  page = coordinatorPage;
  await page.locator('nav.side a', { hasText: "Aujourd'hui" }).click();
  await page.locator('tr[data-trip="trip-today-am"] a').first().click();
  await expectText('Visites régulières', 'the later visits of the family on the trip page');
  await page.locator('section.series a').first().click();
  const seriesTripId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop());
  await page.locator('#trip-travel').selectOption({ label: 'En bus ou en train' });
  await page.locator('input[name="trip-series-scope"][value="later"]').check();
  await page.locator('button[type=submit]', { hasText: 'Enregistrer' }).click();
  await expectText(/visites? suivantes? (a|ont) changé aussi/, 'the later visits changed with this one');
  await officeShot('office-series');
  await expectSyncBar(/tout est envoyé/, 'the changed visits reached the server');
  const again = await fetch(`${url}/api/v1/sync`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ version: 2, ops: [] }),
  });
  const held = (await again.json()).changes;
  const cancelledIds = new Set(held.filter((r) => r.kind === 'event' && r.data.step === 'cancelled').map((r) => r.data.trip_id));
  const trips = held.filter((r) => r.kind === 'trip').map((r) => r.data);
  const edited = trips.find((t) => t.id === seriesTripId);
  if (!edited || !edited.series) await fail(`the trip ${seriesTripId} has no series on the server`);
  const laterOnes = trips.filter((t) => t.series === edited.series && t.visit_start >= edited.visit_start
    && !cancelledIds.has(t.id));
  const byCar = laterOnes.filter((t) => t.travel_mode !== 'public_transport').map((t) => t.id);
  if (laterOnes.length < 2 || byCar.length) {
    await fail(`after changing the series from ${seriesTripId}: ${laterOnes.length} visits from then on, still by car: ${byCar.join(', ')}`);
  }
  // Still only the main file on the phone, after all its screens.
  if (phoneWasm.some((name) => !isMainWasm(name))) {
    await fail(`the volunteer's phone downloaded these wasm files: ${phoneWasm.join(', ')}`);
  }
  console.log(`browser walk-through passed: ${steps.length} steps and the report of ${tripId}, `
    + `the cancellation of ${otherId}, each once on the server; screenshots in ${out}`);
  console.log(`wasm downloaded: by the volunteer's phone ${phoneWasm.join(', ')}; `
    + `by the coordinator's workspace ${officeWasm.join(', ')}; `
    + `the workspace's own: ${workspaceFiles.join(', ') || 'none (one wasm file)'}`);
} finally {
  await browser.close();
}
