// When the full triage cannot run: each way the start can fail (no
// WebAssembly, the .wasm blocked, a .wasm that fails its integrity check, a
// compile error, the language file missing) lands on the danger-sign check
// the build rendered, in the runner's language, with the emergency advice;
// the check gives the right instruction for an emergency sign, an urgent
// sign, a sign marked "Not sure" and none; axe-core finds nothing; the only
// console errors are the expected ones. A screenshot of each, in English and
// Spanish. tests/engines/fallback.test.mjs runs the same in Firefox and
// WebKit.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';

import { DIST, SELF_CARE, answerAll, axe, englishOnScreen, focusedId, open, serve, session, shot, wake, widget } from './support.mjs';

const env = session(DIST);

// The ways the start can fail, each set up on a page before it loads.
export const FAILURES = [
  { name: 'no-webassembly', what: 'WebAssembly removed from the page', init: () => delete globalThis.WebAssembly },
  { name: 'wasm-blocked', what: 'the .wasm request blocked', route: ['**/*_bg.wasm', (r) => r.abort()] },
  {
    name: 'wasm-corrupt',
    what: 'a corrupt .wasm (its integrity check refuses it)',
    route: ['**/*_bg.wasm', (r) => r.fulfill({ status: 200, contentType: 'application/wasm', body: Buffer.from('not wasm at all') })],
  },
  {
    name: 'compile-error',
    what: 'the .wasm fails to compile',
    init: () => {
      const fail = () => Promise.reject(new WebAssembly.CompileError('refused by the test'));
      WebAssembly.instantiateStreaming = fail;
      WebAssembly.instantiate = fail;
      WebAssembly.compileStreaming = fail;
      WebAssembly.compile = fail;
    },
  },
  { name: 'language-missing', what: 'the language file missing', route: ['**/lang/*-interview-*.txt', (r) => r.fulfill({ status: 404 })] },
  { name: 'knowledge-missing', what: 'the knowledge file missing', route: ['**/knowledge-*.bin', (r) => r.fulfill({ status: 404 })] },
];

// What the check must say, by what is marked: the level it shows and a word
// of its instruction, in each language, with the number and the services of
// the runner's region (the English runner is in the UK, the Spanish one in
// Spain).
const OUTCOMES = [
  { marked: { cold_pale_foot: 'yes' }, level: 'emergency', says: { en: /Call an ambulance now on 999/, es: /Llama ahora al 112 y pide una ambulancia/ } },
  { marked: { visible_deformity: 'yes' }, level: 'emergency', says: { en: /emergency department/i, es: /urgencias/i } },
  { marked: { fever: 'yes' }, level: 'urgent', says: { en: /today[^]*NHS 111/i, es: /hoy[^]*centro de salud/i } },
  { marked: { spinal_warning_signs: 'not_sure' }, level: 'emergency', says: { en: /Call an ambulance now on 999/, es: /Llama ahora al 112/ } },
  { marked: { redness_warmth: 'yes', fever: 'yes' }, level: 'emergency', says: { en: /emergency department/i, es: /urgencias/i } },
  { marked: {}, level: null, says: { en: /None of these danger signs/, es: /Ninguna de estas señales/ } },
];

// Console errors a failed start is expected to log; anything else fails.
const EXPECTED = /foot-triage: the widget could not start|Failed to load resource|integrity|net::ERR/i;

const LANGUAGES = [
  { code: 'en', locale: 'en-GB', title: 'Check for danger signs' },
  { code: 'es', locale: 'es-ES', title: 'Comprueba si hay señales de peligro' },
];

// Marks the signs of `marked` (clearing the rest) and presses the button.
async function mark(page, marked) {
  const w = widget(page);
  for (const box of await w.locator('input[data-ft-item]').all()) {
    const id = await box.getAttribute('data-ft-item');
    if (marked[id] === 'yes') await box.check();
    else await box.uncheck();
    const unsure = w.locator(`[data-ft-item-unsure="${id}"]`);
    const pressed = (await unsure.getAttribute('aria-pressed')) === 'true';
    if (pressed !== (marked[id] === 'not_sure')) await unsure.click();
  }
  await w.locator('[data-ft-fallback-go]').click();
  return w.locator('[data-ft-fallback-result]');
}

for (const language of LANGUAGES) {
  describe(`the danger-sign check in ${language.code}`, () => {
    for (const failure of FAILURES) {
      test(`with ${failure.what}`, async () => {
        const { page, context, problems } = await open(env.browser, { locale: language.locale });
        try {
          if (failure.init) await page.addInitScript(failure.init);
          if (failure.route) await page.route(...failure.route);
          await page.goto(env.server.url);
          const w = widget(page);
          await w.locator('[data-ft-fallback]').waitFor();
          assert.equal(await w.locator('#ft-fallback-title').innerText(), language.title);
          assert.equal(await w.locator('.ft-app').getAttribute('lang'), language.code);
          assert.ok(await w.locator('[data-ft-fallback] .ft-emergency').isVisible(), 'the emergency advice shows');
          assert.equal(await w.locator('.ft-host[data-ft-prerendered]').count(), 0, 'the start screen has gone');
          assert.deepEqual(await axe(page), [], 'axe on the check');
          if (language.code === 'es') assert.deepEqual(await englishOnScreen(page), [], 'no English on the Spanish check');
          await shot(page, `fallback-${language.code}-${failure.name}`);
          for (const outcome of OUTCOMES) {
            const result = await mark(page, outcome.marked);
            const what = `${failure.name}: ${JSON.stringify(outcome.marked)}`;
            assert.equal(await result.locator('[data-ft-fallback-level]').getAttribute('data-ft-fallback-level', { timeout: 1000 }).catch(() => null), outcome.level, what);
            assert.match(await result.innerText(), outcome.says[language.code], what);
            assert.equal(await focusedId(page), 'ft-fallback-outcome', `focus on the instruction: ${what}`);
            if (language.code === 'es') assert.deepEqual(await englishOnScreen(page), [], `no English: ${what}`);
          }
          assert.deepEqual(await axe(page), [], 'axe on an outcome');
          assert.deepEqual(problems.filter((p) => !EXPECTED.test(p)), [], 'no console error but the expected ones');
          assert.ok(problems.some((p) => /could not start/.test(p)), 'the failure is logged');
        } finally {
          await context.close();
        }
      });
    }
  });
}

test("the host's emergency number is on the check", async () => {
  const { page, context } = await open(env.browser);
  try {
    await page.addInitScript(() => delete globalThis.WebAssembly);
    await page.goto(`${env.server.url}?emergency-number=000`);
    const w = widget(page);
    await w.locator('[data-ft-fallback]').waitFor();
    assert.match(await w.locator('[data-ft-fallback] .ft-emergency').innerText(), /\b000\b/);
  } finally {
    await context.close();
  }
});

test('by keyboard alone: tick a sign, press the button, hear the instruction', async () => {
  const { page, context } = await open(env.browser);
  try {
    await page.addInitScript(() => delete globalThis.WebAssembly);
    await page.goto(env.server.url);
    const w = widget(page);
    await w.locator('[data-ft-fallback]').waitFor();
    await w.locator('input[data-ft-item]').first().focus();
    await page.keyboard.press('Space');
    await w.locator('[data-ft-fallback-go]').focus();
    await page.keyboard.press('Enter');
    assert.equal(await focusedId(page), 'ft-fallback-outcome');
    assert.equal(await w.locator('[data-ft-fallback-level]').getAttribute('data-ft-fallback-level'), 'emergency');
  } finally {
    await context.close();
  }
});

test("the check's file missing too: the emergency advice, in the runner's language", async () => {
  const { page, context } = await open(env.browser, { locale: 'es-ES' });
  try {
    await page.addInitScript(() => delete globalThis.WebAssembly);
    await page.route('**/lang/*-fallback-*.json', (r) => r.fulfill({ status: 404 }));
    await page.goto(env.server.url);
    const w = widget(page);
    await w.locator('.ft-crash').waitFor();
    const text = await w.locator('.ft-crash').innerText();
    assert.match(text, /no ha podido iniciarse/);
    assert.match(text, /112/);
    assert.deepEqual(await axe(page), []);
    await shot(page, 'fallback-es-check-missing');
  } finally {
    await context.close();
  }
});

test("a policy that forbids WebAssembly (no 'wasm-unsafe-eval'): the check, under that policy", async () => {
  const policy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:";
  const strict = await serve(DIST, () => ({ 'Content-Security-Policy': policy }));
  const { page, context } = await open(env.browser, { csp: true });
  try {
    await page.goto(strict.url);
    const w = widget(page);
    await w.locator('[data-ft-fallback]').waitFor();
    await w.locator('input[data-ft-item="fever"]').check();
    await w.locator('[data-ft-fallback-go]').click();
    assert.equal(await w.locator('[data-ft-fallback-level]').getAttribute('data-ft-fallback-level'), 'urgent');
  } finally {
    await context.close();
    await strict.close();
  }
});

test("the diary's failure screen: in the runner's language, with the emergency advice and a way back", async () => {
  // No service worker: its precache would fetch the diary past the route.
  const { page, context } = await open(env.browser, { locale: 'es-ES', serviceWorkers: 'block' });
  try {
    await page.route('**/diary-*_bg.wasm', (r) => r.abort());
    await page.goto(env.server.url);
    await wake(page);
    await widget(page).locator('button[data-ft-start]').click();
    await answerAll(page, SELF_CARE);
    await widget(page).locator('[data-ft-open="diary"]').first().click();
    const back = widget(page).locator('button[data-ft-close="diary"]');
    await back.waitFor();
    const failed = widget(page).locator('.ft-host', { has: page.locator('button[data-ft-close="diary"]') });
    const text = await failed.innerText();
    assert.match(text, /No se ha podido abrir el diario de recuperación/);
    assert.deepEqual(await englishOnScreen(page), [], 'no English on the failure screen');
    assert.match(text, /112/);
    assert.deepEqual(await axe(page), []);
    await shot(page, 'fallback-es-diary-failed');
    await widget(page).locator('button[data-ft-close="diary"]').click();
    assert.ok(await widget(page).locator('[data-ft-results]').isVisible(), 'back at the results');
  } finally {
    await context.close();
  }
});
