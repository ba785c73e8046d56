// The widget in Spanish, in real Chromium at phone width: the four paths
// (emergency, Ottawa injury, stress fracture, self-care) for a browser whose
// preferred language is Spanish, with axe-core on every screen, the
// container marked lang="es", and no English text of the catalogue on any
// screen; the language switch, which keeps the answers and rewords a notice;
// the English file is never fetched; the diary's main screens in Spanish; a
// screenshot of each.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';

import { DIST, LIVE, PATHS, PHONE, answer, answerAll, axe, currentQuestion, englishOnScreen, languageTexts, open, result, session, shot, widget } from './support.mjs';

const en = languageTexts('en');
const es = languageTexts('es');

const env = session(DIST);

async function spanishScreen(page, what) {
  assert.deepEqual(await axe(page), [], what);
  assert.deepEqual(await englishOnScreen(page), [], `English on the Spanish ${what}`);
  const lang = await widget(page).evaluate((el) =>
    [...el.shadowRoot.children].find((c) => c.classList.contains('ft-host') && !c.hidden)?.querySelector('.ft-app')?.getAttribute('lang'),
  );
  assert.equal(lang, 'es', `lang on ${what}`);
}

for (const path of PATHS) {
  describe(`the ${path.name} path in Spanish`, () => {
    test('for a browser that prefers Spanish, at phone width', async () => {
      const { page, context, problems, requests } = await open(env.browser, { viewport: PHONE, locale: 'es-ES', url: env.server.url });
      try {
        const name = (screen) => `es-${path.name}-${screen}`;
        await spanishScreen(page, 'start screen');
        await shot(page, name('start'));
        await page.click('button[data-ft-start]');
        let n = 0;
        await answerAll(page, path.answers, async (id) => {
          await spanishScreen(page, `question ${id}`);
          await shot(page, name(`q${String(++n).padStart(2, '0')}-${id.split(' ')[0]}`));
        });
        const shown = await result(page);
        assert.equal(shown.level, path.level, 'the level is the same in Spanish');
        if (path.top) assert.equal(shown.conditions[0], path.top, 'so is the leading cause');
        // Every disclosure open, as printed: nothing behind them is English either.
        await widget(page).evaluate((el) => el.shadowRoot.querySelectorAll('details').forEach((d) => (d.open = true)));
        await spanishScreen(page, 'results');
        await shot(page, name('results'));
        // Nothing overflows the phone's width, though Spanish runs longer.
        const wide = await widget(page).evaluate((el) => {
          const limit = el.getBoundingClientRect().right + 1;
          return [...el.shadowRoot.querySelectorAll('.ft-app *')]
            .filter((n) => n.getBoundingClientRect().right > limit && n.getClientRects().length)
            .map((n) => `${n.tagName.toLowerCase()}.${n.className}`)
            .slice(0, 5);
        });
        assert.deepEqual(wide, [], 'wider than the phone');
        assert.deepEqual(problems, []);
        assert.ok(!requests.some((u) => en.names.some((n) => u.includes(n))), 'no English file is ever fetched');
        assert.equal(es.names.filter((n) => requests.some((u) => u.includes(n))).length, 2, 'both Spanish files are');
      } finally {
        await context.close();
      }
    });
  });
}

test('the language switch keeps the answers, and ?lang= and lang= choose', async () => {
  const { page, context, problems } = await open(env.browser, { url: env.server.url });
  try {
    assert.equal(await widget(page).evaluate((el) => el.shadowRoot.querySelector('.ft-app').getAttribute('lang')), 'en');
    // The check for English finds it where it is.
    assert.ok((await englishOnScreen(page)).length > 2, 'the English start screen is English');
    await page.click('button[data-ft-start]');
    const first = await currentQuestion(page);
    await answer(page, first, PATHS[3].answers[first] ?? 'none');
    const second = await currentQuestion(page);
    // Back twice: to the first question, then to the start screen.
    await page.click('button[data-ft-back]');
    await page.click('button[data-ft-back]');
    await page.locator(`${LIVE} button[data-ft-lang="es"]`).click();
    await page.waitForFunction(() => document.querySelector('foot-triage').shadowRoot.querySelector('.ft-app')?.getAttribute('lang') === 'es');
    await spanishScreen(page, 'start screen after the switch');
    assert.equal(await page.locator(`${LIVE} button[data-ft-lang="es"]`).getAttribute('aria-pressed'), 'true');
    await page.click('button[data-ft-start]');
    assert.equal(await currentQuestion(page), first, 'Back forgot the first answer');
    await answer(page, first, PATHS[3].answers[first] ?? 'none');
    assert.equal(await currentQuestion(page), second);
    await spanishScreen(page, `question ${second} after the switch`);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
  for (const url of [`${env.server.url}?lang=es`, `${env.server.url}?lang=es-MX`]) {
    const s = await open(env.browser, { url });
    try {
      await spanishScreen(s.page, `start screen at ${url}`);
      assert.deepEqual(s.problems, []);
    } finally {
      await s.context.close();
    }
  }
  // An unknown language warns and falls back to the browser's, then English.
  const s = await open(env.browser, { url: `${env.server.url}?lang=xx`, locale: 'fr-FR' });
  try {
    const warnings = [];
    s.page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
    assert.equal(await widget(s.page).evaluate((el) => el.shadowRoot.querySelector('.ft-app').getAttribute('lang')), 'en');
  } finally {
    await s.context.close();
  }
});

// The runner's country decides the number and the services, in either
// language: the region attribute, else the locale's country, else none.
test('a notice on screen is reworded by the language switch', async () => {
  const { page, context, problems } = await open(env.browser, { url: env.server.url });
  try {
    const notice = () => widget(page).evaluate((el) => el.shadowRoot.querySelector('.ft-host:not([hidden]) [data-ft-notice]')?.textContent ?? '');
    await page.click('button[data-ft-remember]');
    await page.waitForFunction(() => /\S/.test(document.querySelector('foot-triage').shadowRoot.querySelector('.ft-host:not([hidden]) [data-ft-notice]')?.textContent ?? ''));
    const english = await notice();
    await page.locator(`${LIVE} button[data-ft-lang="es"]`).click();
    await page.waitForFunction(() => document.querySelector('foot-triage').shadowRoot.querySelector('.ft-app')?.getAttribute('lang') === 'es');
    const spanish = await notice();
    assert.ok(spanish && spanish !== english, `the notice still reads "${spanish}"`);
    // No English anywhere on the screen, the notice included.
    await spanishScreen(page, 'start screen with a notice, after the switch');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('the region names its own number and services, on the start screen and the results', async () => {
  const SERVICES = ['NHS 111', 'IMSS', 'centro de salud', 'urgent care'];
  const rows = [
    { query: '', locale: 'es-ES', says: ['al 112', 'centro de salud'] },
    { query: '?region=MX', locale: 'es-ES', says: ['al 911', 'IMSS'] },
    { query: '?lang=es&region=US', locale: 'en-US', says: ['al 911', 'urgent care'] },
    { query: '?lang=es&region=GB', locale: 'en-US', says: ['al 999', 'NHS 111'] },
    { query: '?lang=es&region=ZZ', locale: 'es-AR', says: ['número de emergencias de tu país'], warns: true },
    { query: '', locale: 'en-GB', says: ['on 999', 'NHS 111'] },
    { query: '', locale: 'en-US', says: ['on 911', 'urgent care'] },
  ];
  for (const row of rows) {
    const what = `${row.locale}${row.query}`;
    const { page, context, problems } = await open(env.browser, { url: `${env.server.url}${row.query}`, locale: row.locale });
    const warnings = [];
    page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
    try {
      const text = () =>
        widget(page).evaluate((el) => [...el.shadowRoot.children].find((c) => c.classList.contains('ft-host') && !c.hidden)?.innerText ?? '');
      const start = await text();
      assert.ok(start.includes(row.says[0]), `${what}: the start screen says ${row.says[0]}:\n${start}`);
      await page.click('button[data-ft-start]');
      await answerAll(page, PATHS[1].answers);
      assert.equal((await result(page)).level, 'urgent', what);
      await widget(page).evaluate((el) => el.shadowRoot.querySelectorAll('details').forEach((d) => (d.open = true)));
      const shown = await text();
      for (const want of row.says) assert.ok(shown.includes(want), `${what}: the results say ${want}`);
      for (const other of SERVICES.filter((s) => !row.says.includes(s))) assert.ok(!shown.includes(other), `${what}: the results name ${other}`);
      assert.ok(!/\{care\./.test(shown), `${what}: an unfilled placeholder`);
      if (row.query.includes('lang=es') || row.locale.startsWith('es')) {
        assert.deepEqual(await englishOnScreen(page), [], `${what}: English on screen`);
        // The standalone page around it speaks Spanish too (its title and update offer).
        assert.deepEqual(await page.evaluate(() => [document.documentElement.lang, document.title]), ['es', 'Foot Triage: dolor de pie después de correr'], what);
      }
      assert.equal(warnings.some((w) => w.includes('region=')), Boolean(row.warns), `${what}: ${warnings}`);
      assert.deepEqual(problems, [], what);
    } finally {
      await context.close();
    }
  }
});

test('the diary in Spanish', async () => {
  const { page, context, problems } = await open(env.browser, { viewport: PHONE, locale: 'es', url: env.server.url });
  try {
    await page.click('button[data-ft-start]');
    await answerAll(page, PATHS[3].answers);
    await page.click('[data-ft-open="diary"]');
    await page.locator('[data-ft-diary] h2').waitFor();
    await spanishScreen(page, 'diary');
    await shot(page, 'es-diary');
    // An entry, with a decimal comma, then the clinician's page.
    const form = page.locator('[data-ft-entry-form]');
    const today = new Date();
    const day = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
    await form.locator('input[name=date]').fill(day);
    await form.locator('input[name=pain_morning]').fill('3');
    await form.locator('input[name=distance]').fill('5,5');
    await form.locator('button[data-ft-save-entry]').click();
    await page.locator(`[data-ft-entry="${day}"]`).waitFor();
    await spanishScreen(page, 'diary with an entry');
    const shownDistance = await widget(page).evaluate((el) => el.shadowRoot.querySelector('[data-ft-diary]').innerText);
    assert.ok(shownDistance.includes('5,5'), 'the distance is written the Spanish way');
    await shot(page, 'es-diary-entry');
    await page.click('[data-ft-clinician-page]');
    await page.locator('[data-ft-clinician]').waitFor();
    await spanishScreen(page, "diary's clinician page");
    await shot(page, 'es-diary-clinician');
    // The diary has the switch too, and keeps its page.
    await page.locator('[data-ft-diary] button[data-ft-lang="en"]').click();
    await page.waitForFunction(() => document.querySelector('foot-triage').shadowRoot.querySelector('[data-ft-diary]')?.getAttribute('lang') === 'en');
    assert.ok((await englishOnScreen(page)).length > 2, 'the diary is English now');
    assert.deepEqual(await axe(page), [], 'diary in English');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});
