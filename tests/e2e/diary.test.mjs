// The recovery diary in real Chromium: a second wasm module opened from the
// triage, two weeks of entries logged through the form, the chart and the
// escalation it leads to, the clinician's page printed on one sheet, the
// backup exported and imported (twice, and a foreign file refused), the FHIR
// downloads validated with fhir.resources, storage with consent, and years
// of entries.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { DESKTOP, SELF_CARE, answerAll, axe, open, root, session, shot, widget, withPage } from './support.mjs';

const env = session(root);
const page_url = () => env.server.url + 'dist/index.html';
const OUT = join(root, 'target/e2e');

// A local calendar date `n` days before today, as the date input wants it.
function daysAgo(n) {
  const d = new Date();
  d.setDate(d.getDate() - n);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

// A date as the English diary shows it: 1 Dec 2026.
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const shown = (iso) => {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${MONTHS[m - 1]} ${y}`;
};

const inShadow = (page, fn, arg) => widget(page).evaluate(fn, arg);
const notice = (page) => inShadow(page, (el) => el.shadowRoot.querySelector('[data-ft-diary] [data-ft-notice]')?.textContent);

async function openDiary(page) {
  await page.click('[data-ft-open="diary"]');
  await page.locator('[data-ft-diary] h2').waitFor();
  // embed.js focuses the diary's heading once it has rendered.
  await page.waitForFunction(() => document.querySelector('foot-triage').shadowRoot.activeElement?.id === 'ft-diary-title');
}

async function addEntry(page, { date, morning, during = '', after = '', km = '', shoe, note = '' }) {
  const form = page.locator('[data-ft-entry-form]');
  await form.locator('input[name=date]').fill(date);
  await form.locator('input[name=pain_morning]').fill(String(morning));
  await form.locator('input[name=pain_during]').fill(String(during));
  await form.locator('input[name=pain_after]').fill(String(after));
  await form.locator('input[name=distance]').fill(String(km));
  if (shoe) await form.locator('select[name=shoe]').selectOption({ label: shoe });
  await form.locator('textarea[name=note]').fill(note);
  await form.locator('button[data-ft-save-entry]').click();
}

// Two weeks that get worse: morning pain from 2 up to 7, running on.
const FORTNIGHT = Array.from({ length: 14 }, (_, i) => ({
  date: daysAgo(13 - i),
  morning: [2, 2, 3, 3, 3, 4, 4, 5, 5, 5, 6, 6, 6, 7][i],
  during: i % 2 ? '' : 3 + Math.floor(i / 3),
  after: i % 2 ? '' : 4 + Math.floor(i / 3),
  km: i % 2 ? 0 : 6 + (i % 4),
  note: i === 3 ? 'Hills <b>today</b>' : '',
}));

test('two weeks of entries: chart, escalation, one printed page, backup and FHIR', async () => {
  mkdirSync(OUT, { recursive: true });
  const { page, context, problems, requests } = await open(env.browser, { url: page_url() });
  try {
    await page.click('button[data-ft-start]');
    await answerAll(page, SELF_CARE);
    await page.locator('[data-ft-results]').waitFor();
    await openDiary(page);
    assert.equal(await page.locator('[data-ft-results]').isVisible(), false, 'the triage is hidden, not gone');

    // A pair near the end of its life, then the fortnight.
    await page.fill('[data-ft-shoe-form] input[name=name]', 'Road pair');
    await page.fill('[data-ft-shoe-form] input[name=start]', '640');
    await page.click('[data-ft-add-shoe]');
    assert.equal(await notice(page), 'Saved the pair "Road pair".');
    for (const entry of FORTNIGHT) {
      await addEntry(page, { ...entry, shoe: 'Road pair' });
      assert.equal(await notice(page), `Saved the entry for ${shown(entry.date)}.`);
    }
    // The fresh form after a save has focus at its heading.
    assert.equal(await inShadow(page, (el) => el.shadowRoot.activeElement?.id), 'ft-entry-title');

    // One entry a day, with a clear message and nothing lost.
    await addEntry(page, { date: daysAgo(0), morning: 1 });
    assert.match(await page.locator('[data-ft-entry-error]').textContent(), /already an entry for .*change that one/);
    assert.equal(await page.locator('[data-ft-entries] tbody tr').count(), 14);

    // The chart: one path per series, with a point for every entry.
    const morning = await page.locator('[data-ft-series="morning"]').getAttribute('d');
    assert.equal(morning.match(/[ML]/g).length, 14);
    assert.equal((await page.locator('[data-ft-series="after"]').getAttribute('d')).match(/[ML]/g).length, 7, 'run days only');
    assert.equal((await page.locator('[data-ft-series="distance"]').getAttribute('d')).match(/M/g).length, 7);
    // The trend follows each day's worst pain: 4 after the first run.
    assert.equal(await page.locator('[data-ft-trend]').first().textContent(), 'Pain up from 4 to 7 over 13 days.');
    assert.equal(await page.locator('[data-ft-chart] svg').getAttribute('role'), 'img');

    // The escalation, with the diary's reason.
    assert.equal(await page.locator('[data-ft-diary-level]').getAttribute('data-ft-diary-level'), 'soon');
    assert.match(await page.locator('[data-ft-diary-reasons]').textContent(), /diary shows the pain getting worse/);
    assert.equal(await page.locator('[data-ft-return-plan]').count(), 0, 'no return to running while it worsens');

    // The shoes: 640 km plus the fortnight's runs is past the check point.
    assert.equal(await page.locator('[data-ft-shoe]').getAttribute('data-ft-status'), 'check');
    assert.equal(await page.locator('[data-ft-rotate]').count(), 1, 'one pair: rotate two');

    // Change an entry, delete one and undo.
    await page.click(`[data-ft-edit="${daysAgo(1)}"]`);
    assert.equal(await page.locator('input[name=pain_morning]').inputValue(), '6');
    await page.fill('input[name=pain_morning]', '5');
    await page.click('[data-ft-save-entry]');
    assert.equal(await page.locator(`[data-ft-entry="${daysAgo(1)}"] td`).first().textContent(), '5');
    await page.click(`[data-ft-delete="${daysAgo(2)}"]`);
    assert.equal(await page.locator('[data-ft-entries] tbody tr').count(), 13);
    // Focus never falls to the page when its button goes: first to "Undo",
    // then back to the restored row.
    const focused = () => inShadow(page, (el) => el.shadowRoot.activeElement?.outerHTML.slice(0, 60));
    assert.match(await focused(), /data-ft-undo/);
    await page.keyboard.press('Enter');
    assert.equal(await page.locator('[data-ft-entries] tbody tr').count(), 14);
    assert.match(await focused(), new RegExp(`data-ft-edit="${daysAgo(2)}"`));

    assert.deepEqual(await axe(page), [], 'axe on the diary');
    // On a phone each entry is a card that fits the screen: nothing scrolls
    // sideways, and every entry's day and pains are in view.
    const fit = await inShadow(page, (el) => {
      const region = el.shadowRoot.querySelector('.ft-table-scroll');
      const row = el.shadowRoot.querySelector('[data-ft-entries] tbody tr');
      return { scroll: region.scrollWidth - region.clientWidth, right: row.getBoundingClientRect().right, grid: getComputedStyle(row).display };
    });
    assert.equal(fit.scroll, 0, 'the entries do not scroll sideways');
    assert.ok(fit.right <= 390, `an entry ends at ${fit.right} px`);
    assert.equal(fit.grid, 'grid', 'entries show as cards on a phone');
    await shot(page, 'diary-phone');

    // The clinician's page, printed: one A4 sheet.
    await page.click('[data-ft-clinician-page]');
    await page.locator('[data-ft-clinician]').waitFor();
    assert.equal(await inShadow(page, (el) => el.shadowRoot.activeElement?.id), 'ft-clinician-title');
    assert.deepEqual(await axe(page), [], 'axe on the clinician page');
    const summary = await page.locator('[data-ft-clinician] [data-ft-summary]').inputValue();
    assert.match(summary, /RECOVERY DIARY \(14 entries\)\nPain up from 4 to 7 over 13 days\./);
    assert.match(summary, /Hills <b>today<\/b>/, 'notes are text');
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: 794, height: 1123 }); // A4 at 96 dpi, for the screenshot
    await shot(page, 'diary-print');
    const pdf = await page.pdf({ format: 'A4' });
    writeFileSync(join(OUT, 'diary-summary.pdf'), pdf);
    assert.equal(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g).length, 1, 'the summary fits one page');
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize({ width: 390, height: 844 });

    // FHIR downloads, validated as FHIR R4 by fhir.resources.
    const save = async (selector, name) => {
      const [download] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
      const path = join(OUT, name);
      await download.saveAs(path);
      return path;
    };
    const response = await save('[data-ft-fhir-response]', 'response.json');
    const questionnaire = await save('[data-ft-fhir-questionnaire]', 'questionnaire.json');
    const checked = execFileSync(join(root, 'target/fhir-venv/bin/python'), [
      join(root, 'tests/fhir/validate.py'), '--files', questionnaire, response,
    ]).toString();
    assert.match(checked, /QuestionnaireResponse for .*response\.json: valid FHIR R4/);

    // Backup: export, then import into a fresh diary twice, and a foreign file.
    await page.click('[data-ft-back-to-diary]');
    const backup = await save('[data-ft-export]', 'backup.json');
    await page.click('[data-ft-close="diary"]');
    assert.equal(await page.locator('[data-ft-results]').isVisible(), true, 'back at the same results');
    await page.click('button[data-ft-erase]');
    await openDiary(page);
    assert.equal(await page.locator('[data-ft-entries]').count(), 0, 'a fresh diary after erasing');
    await page.setInputFiles('[data-ft-import]', backup);
    await page.waitForFunction(() => /Imported 14 entries/.test(document.querySelector('foot-triage').shadowRoot.querySelector('[data-ft-diary] [data-ft-notice]').textContent));
    await page.setInputFiles('[data-ft-import]', backup);
    await page.waitForFunction(() => /already had every entry/.test(document.querySelector('foot-triage').shadowRoot.querySelector('[data-ft-diary] [data-ft-notice]').textContent));
    assert.equal(await page.locator('[data-ft-entries] tbody tr').count(), 14);
    await page.setInputFiles('[data-ft-import]', { name: 'other.json', mimeType: 'application/json', buffer: Buffer.from('{"resourceType":"Patient"}') });
    await page.locator('[data-ft-import-error]').waitFor();
    assert.equal(await page.locator('[data-ft-import-error]').textContent(), 'This file is not a Foot Triage diary backup. Your diary is unchanged.');
    assert.equal(await page.locator('[data-ft-entries] tbody tr').count(), 14);

    assert.deepEqual(problems, []);
    assert.deepEqual(requests.filter((u) => !u.startsWith(env.server.url) && !u.startsWith('blob:')), []);
  } finally {
    await context.close();
  }
});

const stored = (page) =>
  page.evaluate(() => Object.fromEntries(Object.keys(localStorage).filter((k) => k.startsWith('foot-triage')).map((k) => [k, localStorage.getItem(k)])));

test('the diary is stored only with consent, and unreadable data is set aside', async () => {
  const { page, context, problems } = await open(env.browser, { url: page_url() });
  try {
    // Without consent nothing is stored, and the diary says so.
    await openDiary(page);
    assert.equal(await page.locator('[data-ft-not-saved]').count(), 1);
    await addEntry(page, { date: daysAgo(1), morning: 3, km: 5 });
    assert.deepEqual(await stored(page), {});

    // Consent given in the triage carries over to the diary.
    await page.click('[data-ft-close="diary"]');
    await page.click('[data-ft-remember]');
    await openDiary(page);
    assert.equal(await page.locator('[data-ft-diary] [data-ft-remember]').getAttribute('aria-checked'), 'true');
    await addEntry(page, { date: daysAgo(0), morning: 2 });
    const record = JSON.parse((await stored(page))['foot-triage:diary']);
    assert.equal(record.format, 'foot-triage-diary');
    assert.deepEqual(record.entries.map((e) => e.date), [daysAgo(0)], 'the unsaved visit before consent is gone');

    await page.reload();
    await openDiary(page);
    assert.equal(await page.locator(`[data-ft-entry="${daysAgo(0)}"]`).count(), 1, 'restored after a reload');
    await page.click('[data-ft-diary] [data-ft-remember]');
    assert.equal((await stored(page))['foot-triage:diary'], undefined, 'turning it off forgets the diary');

    // A record this version cannot read is kept aside with a calm notice.
    const corrupt = '{"format":"foot-triage-diary","schema":9,"entries":[]}';
    await page.evaluate((text) => localStorage.setItem('foot-triage:diary', text), corrupt);
    await page.reload();
    await openDiary(page);
    assert.match(await notice(page), /could not be read.*kept aside, not deleted/);
    const after = await stored(page);
    assert.equal(after['foot-triage:diary:unreadable:1'], corrupt);
    assert.equal(after['foot-triage:diary'], undefined);
    // Erase removes it with everything else.
    await page.click('[data-ft-diary] [data-ft-erase]');
    assert.deepEqual(await stored(page), {});
    assert.deepEqual(problems.filter((p) => !p.includes('set aside')), []);
  } finally {
    await context.close();
  }
});

test('years of daily entries: paged table, whole-range chart (desktop, dark)', async () => {
  const entries = Array.from({ length: 2000 }, (_, i) => ({
    date: daysAgo(1999 - i),
    pain_morning: (i * 7) % 11,
    pain_during: i % 3 ? null : (i * 5) % 11,
    pain_after: null,
    distance_km: i % 2 ? 0 : 5 + (i % 10),
    shoe: null,
    note: '',
  }));
  const backup = { format: 'foot-triage-diary', schema: 1, shoes: [], entries };
  await withPage(env.browser, { url: page_url(), viewport: DESKTOP, colorScheme: 'dark' }, async (page) => {
    await openDiary(page);
    await page.setInputFiles('[data-ft-import]', { name: 'years.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(backup)) });
    await page.locator('[data-ft-entries]').waitFor();
    assert.match(await notice(page), /Imported 2000 entries/);
    assert.equal(await page.locator('[data-ft-entries] tbody tr').count(), 14);
    assert.match(await page.locator('[data-ft-entries] caption').textContent(), /latest 14 of 2000/);
    await page.click('[data-ft-more]');
    assert.equal(await page.locator('[data-ft-entries] tbody tr').count(), 28);
    await page.click('button.ft-chip:has-text("All")');
    // Years are drawn a point a week (2,000 days span 286 weeks).
    const morning = await page.locator('[data-ft-diary] [data-ft-series="morning"]').getAttribute('d');
    assert.equal(morning.match(/[ML]/g).length, 286);
    assert.match(await page.locator('[data-ft-diary] svg title').textContent(), /weekly average/);
    assert.equal(await page.locator('[data-ft-diary] svg *').count() < 20, true, 'a few paths, not thousands of nodes');
    assert.equal(await inShadow(page, (el) => getComputedStyle(el.shadowRoot.querySelector('[data-ft-entries] tbody tr')).display), 'table-row', 'the table where it fits');
    assert.deepEqual(await axe(page), [], 'axe on the diary, dark');
    await shot(page, 'diary-desktop-dark');
  });
});

test('steady improvement unlocks a gradual return, in miles, logged by keyboard alone', async () => {
  // A week of running before it hurt (5 km every other day), then a fortnight
  // of easing pain without running: the core's return plan, from half the best week.
  const before = Array.from({ length: 7 }, (_, i) => ({ back: 21 - i, pain: 0, km: i % 2 ? 0 : 5 }));
  const easing = [[13, 6], [12, 6], [11, 5], [9, 4], [7, 2], [4, 1], [2, 1]].map(([back, pain]) => ({ back, pain, km: 0 }));
  const entries = [...before, ...easing].map(({ back, pain, km }) => ({
    date: daysAgo(back), pain_morning: pain, pain_during: null, pain_after: null, distance_km: km, shoe: null, note: '',
  }));
  const backup = { format: 'foot-triage-diary', schema: 1, shoes: [], entries };
  await withPage(env.browser, { url: page_url() + '?units=mi' }, async (page) => {
    await page.click('button[data-ft-start]');
    await answerAll(page, SELF_CARE);
    await openDiary(page);
    await page.setInputFiles('[data-ft-import]', { name: 'easing.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(backup)) });
    await page.locator('[data-ft-return-plan]').waitFor();
    assert.equal(await page.locator('[data-ft-diary-level]').getAttribute('data-ft-diary-level'), 'self_care');
    const plan = await page.locator('[data-ft-return-plan] .ft-return li').allTextContents();
    // Half of the best week (20 km, four runs in seven days), then 10% more.
    assert.equal(plan[0], 'Week 1: run/walk intervals, 6.2 mi in the week');
    assert.equal(plan[1], 'Week 2: easy running, 6.8 mi in the week');
    assert.match(await page.locator('[data-ft-entries] thead').textContent(), /Distance \(mi\)/);

    // Today's entry with the keyboard alone: Tab to the field, type, Enter.
    await page.locator('[data-ft-diary] h2').focus();
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      if ((await inShadow(page, (el) => el.shadowRoot.activeElement?.getAttribute('name'))) === 'pain_morning') break;
    }
    await page.keyboard.type('1');
    await page.keyboard.press('Enter');
    assert.equal(await notice(page), `Saved the entry for ${shown(daysAgo(0))}.`);
  });
});

test('a diary kept in the browser reminds once to export a backup of entries a week old', async () => {
  const entry = { pain_morning: 3, pain_during: null, pain_after: null, distance_km: 5, shoe: null, note: '' };
  const record = { format: 'foot-triage-diary', schema: 1, shoes: [], entries: [{ date: daysAgo(9), ...entry }] };
  const kept = (page) => page.evaluate(() => JSON.parse(localStorage.getItem('foot-triage:diary')));
  const reminder = (page) => page.locator('[data-ft-backup-reminder]').count();
  const reload = async (page) => {
    await page.reload();
    await page.waitForSelector('foot-triage >> button[data-ft-start]');
  };
  await withPage(env.browser, { url: page_url() }, async (page) => {
    await page.evaluate((r) => localStorage.setItem('foot-triage:diary', JSON.stringify(r)), record);
    await reload(page);
    await openDiary(page);
    assert.equal(await reminder(page), 1, 'the reminder shows');
    assert.deepEqual(await axe(page), [], 'axe with the reminder');
    await page.waitForFunction(() => JSON.parse(localStorage.getItem('foot-triage:diary')).reminded === true);

    await reload(page);
    await openDiary(page);
    assert.equal(await reminder(page), 0, 'once: not on the next visit');
    await Promise.all([page.waitForEvent('download'), page.click('[data-ft-export]')]);
    await page.waitForFunction(() => JSON.parse(localStorage.getItem('foot-triage:diary')).backed_up);
    assert.equal((await kept(page)).backed_up, daysAgo(0), 'the backup day is kept');
    assert.equal((await kept(page)).reminded, false);
  });
});
