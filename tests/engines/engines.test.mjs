// The main paths in Firefox ESR and WebKitGTK (Safari's engine), through
// WebDriver: the emergency, the Ottawa injury and self-care paths with axe-core
// at their results, the diary's add-an-entry and backup round trip, a reload
// offline, and the strict-CSP embed. A step an engine cannot take under
// WebDriver is skipped by name with its reason; each engine ends with one line
// saying what passed, what was skipped and how long it took. Screenshots go to
// target/screenshots/<engine>-*.png at phone width.
//
// Run under Xvfb (WebKitGTK needs a display): scripts/test-browser does.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { LIVE, PATHS, SELF_CARE, root, serve } from '../e2e/support.mjs';
import { ENGINES, start } from './webdriver.mjs';

const STRICT_CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; report-uri /csp-report";
const only = process.env.FT_ENGINES?.split(',');

// The ways the start can fail, as the fixture page (tests/fixtures/fallback)
// and the server play them.
const FALLBACK = [
  { name: 'no-webassembly', what: 'no WebAssembly' },
  { name: 'wasm-blocked', what: 'the .wasm blocked', answer: (path) => (path.endsWith('_bg.wasm') ? { status: 403 } : null) },
  { name: 'wasm-corrupt', what: 'a corrupt .wasm', answer: (path) => (path.endsWith('_bg.wasm') ? { status: 200, body: 'not wasm at all' } : null) },
  { name: 'compile-error', what: 'a compile error' },
  { name: 'language-missing', what: 'the language file missing', answer: (path) => (/\/lang\/[a-z]+-interview-/.test(path) ? { status: 404 } : null) },
  { name: 'knowledge-missing', what: 'the knowledge file missing', answer: (path) => (/\/knowledge-[0-9a-f]+\.bin$/.test(path) ? { status: 404 } : null) },
];
const CHECK_TITLE = { en: 'Check for danger signs', es: 'Comprueba si hay señales de peligro' };

for (const engine of ENGINES.filter((e) => !only || only.includes(e.name))) {
  describe(engine.label, () => {
    let server;
    let browser;
    // The failure the server plays (FALLBACK), while a step wants one.
    let failing = null;
    const tally = { passed: [], skipped: [], started: Date.now() };
    const page = () => browser.page;
    // Each step records itself for the engine's summary line.
    const step = (name, body) =>
      test(name, async (t) => {
        const skip = (reason) => {
          tally.skipped.push(`${name} (${reason})`);
          t.skip(reason);
        };
        await body(skip);
        if (!tally.skipped.some((s) => s.startsWith(name))) tally.passed.push(name);
      });

    before(async () => {
      server = await serve(root, (path) => (path.endsWith('strict-csp.html') ? { 'Content-Security-Policy': STRICT_CSP } : {}), {
        answer: (path) => FALLBACK.find((f) => f.name === failing)?.answer?.(path) ?? null,
      });
      browser = await start(engine);
      await browser.page.goto(server.url + 'dist/index.html');
      tally.width = await browser.page.width();
    });
    after(async () => {
      await browser?.stop();
      await server?.close();
      const seconds = ((Date.now() - tally.started) / 1000).toFixed(1);
      console.log(`${engine.label}: ${tally.passed.length} passed, ${tally.skipped.length} skipped, in ${seconds} s (viewport ${tally.width} px)`);
      for (const s of tally.skipped) console.log(`  skipped: ${s}`);
    });

    for (const path of PATHS.filter((p) => ['emergency', 'ottawa', 'self_care'].includes(p.name))) {
      step(`the ${path.name} path`, async () => {
        await page().goto(server.url + 'dist/index.html');
        await page().ready();
        await page().click('button[data-ft-start]');
        await page().answerAll(path.answers);
        const shown = await page().result();
        assert.equal(shown.level, path.level, JSON.stringify(shown));
        assert.equal(shown.focused, 'ft-result-title', 'focus moves to the result');
        if (path.top) assert.equal(shown.conditions[0], path.top, `top condition: ${shown.conditions}`);
        assert.deepEqual(await page().axe(), [], 'axe at the results');
        await page().shot(`${path.name}-results`);
      });
    }

    step('the diary: an entry, then a backup exported and imported', async () => {
      const p = page();
      await p.goto(server.url + 'dist/index.html');
      await p.ready();
      await p.click('button[data-ft-start]');
      await p.answerAll(SELF_CARE);
      // Downloads are caught in the page: the diary hands the backup to
      // URL.createObjectURL, which keeps the blob here.
      await p.js(() => {
        const create = URL.createObjectURL;
        URL.createObjectURL = (blob) => ((window.ftBlobs ??= []).push(blob), create.call(URL, blob));
      });
      await p.js(() => document.querySelector('foot-triage').shadowRoot.querySelector('[data-ft-open="diary"]').click());
      await p.until('the diary', () => document.querySelector('foot-triage').shadowRoot.querySelector('[data-ft-diary] h2'));
      const form = '[data-ft-entry-form]';
      await p.fill(`${form} input[name=pain_morning]`, 3);
      await p.fill(`${form} input[name=distance]`, 5);
      await p.fill(`${form} textarea[name=note]`, 'Easy loop');
      await p.click(`${form} button[data-ft-save-entry]`);
      await p.until('the entry', () => document.querySelector('foot-triage').shadowRoot.querySelectorAll('[data-ft-entries] [data-ft-entry]').length === 1);
      await p.click('[data-ft-export]');
      const backup = await p.jsAsync(() => window.ftBlobs?.at(-1)?.text());
      assert.equal(JSON.parse(backup).entries.length, 1, backup);
      await p.shot('diary');

      await p.click('[data-ft-close="diary"]');
      await p.click('button[data-ft-erase]');
      await p.js(() => document.querySelector('foot-triage').shadowRoot.querySelector('[data-ft-open="diary"]').click());
      await p.until('a fresh diary', () => {
        const r = document.querySelector('foot-triage').shadowRoot;
        return r.querySelector('[data-ft-diary] h2') && !r.querySelector('[data-ft-entries] [data-ft-entry]');
      });
      await p.js((text) => {
        const input = document.querySelector('foot-triage').shadowRoot.querySelector('[data-ft-import]');
        const files = new DataTransfer();
        files.items.add(new File([text], 'backup.json', { type: 'application/json' }));
        input.files = files.files;
        input.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
      }, backup);
      const notice = await p.until('the import', () =>
        document.querySelector('foot-triage').shadowRoot.querySelector('[data-ft-diary] [data-ft-notice]')?.textContent.match(/Imported \d+ entr\w+/)?.[0],
      );
      assert.equal(notice, 'Imported 1 entry');
    });

    step('a reload offline shows the widget from the service worker', async (skip) => {
      const p = page();
      await p.goto(server.url + 'dist/index.html');
      await p.ready();
      if (!(await p.js(() => 'serviceWorker' in navigator))) return skip('no service worker in this engine');
      // A first visit installs the worker; the next load is the one it
      // controls, as for a runner coming back.
      // Polled through getRegistration: WebKitGTK under WebDriver can leave
      // navigator.serviceWorker.ready pending.
      let installed = false;
      for (let tries = 0; tries < 60 && !installed; tries++) {
        installed = await p.jsAsync(() => navigator.serviceWorker.getRegistration().then((r) => r?.active?.state === 'activated'));
        if (!installed) await new Promise((r) => setTimeout(r, 250));
      }
      if (!installed) return skip('the service worker never became ready under WebDriver');
      await p.goto(server.url + 'dist/index.html');
      await p.ready();
      const controlled = await p.js(() => !!navigator.serviceWorker.controller);
      if (!controlled) return skip('the service worker never took control under WebDriver');
      // The "network" now has nothing: every file must come from the cache.
      server.setRoot(mkdtempSync(join(tmpdir(), 'ft-empty-')));
      try {
        await p.goto(server.url + 'dist/index.html');
        await p.ready();
      } finally {
        server.setRoot(root);
      }
    });

    step('the strict-CSP embed runs a triage with no violation', async () => {
      const p = page();
      const before = server.requests.length;
      await p.goto(server.url + 'examples/strict-csp.html');
      await p.ready();
      await p.click('button[data-ft-start]');
      await p.answerAll(SELF_CARE);
      assert.equal((await p.result()).level, 'self_care');
      const reports = server.requests.slice(before).filter((r) => r.includes('/csp-report'));
      assert.deepEqual(reports, [], 'CSP reports');
      assert.equal(await p.js((live) => !!document.querySelector('foot-triage').shadowRoot.querySelector(live), LIVE), true);
    });

    // Each way the start can fail, in each language: the danger-sign check,
    // its emergency advice, axe, and the right instruction for an emergency
    // sign, an urgent sign and none (tests/e2e/fallback.test.mjs has more).
    for (const lang of ['en', 'es']) {
      for (const failure of FALLBACK) {
        step(`${lang}: the danger-sign check with ${failure.what}`, async () => {
          const p = page();
          failing = failure.name;
          try {
            await p.goto(`${server.url}tests/fixtures/fallback/index.html?lang=${lang}&fail=${failure.name}`);
            const title = await p.until('the danger-sign check', () =>
              document.querySelector('foot-triage').shadowRoot.querySelector('[data-ft-fallback] #ft-fallback-title')?.textContent,
            );
            assert.equal(title, CHECK_TITLE[lang]);
            assert.equal(await p.js(() => document.querySelector('foot-triage').shadowRoot.querySelector('.ft-app').lang), lang);
            assert.ok(await p.js(() => !!document.querySelector('foot-triage').shadowRoot.querySelector('[data-ft-fallback] .ft-emergency')?.textContent));
            assert.deepEqual(await p.axe(), [], 'axe at the check');
            await p.shot(`fallback-${lang}-${failure.name}`);
            for (const [sign, level] of [['cold_pale_foot', 'emergency'], ['fever', 'urgent'], [null, null]]) {
              const shown = await p.js((sign) => {
                const r = document.querySelector('foot-triage').shadowRoot;
                for (const box of r.querySelectorAll('input[data-ft-item]')) box.checked = box.dataset.ftItem === sign;
                r.querySelector('[data-ft-fallback-go]').click();
                return {
                  level: r.querySelector('[data-ft-fallback-result] [data-ft-fallback-level]')?.dataset.ftFallbackLevel ?? null,
                  focused: r.activeElement?.id ?? null,
                };
              }, sign);
              assert.deepEqual(shown, { level, focused: 'ft-fallback-outcome' }, `${sign}`);
            }
            const errors = await p.js(() => window.ftErrors);
            assert.deepEqual(errors.filter((e) => !/foot-triage: the widget could not start/.test(e)), [], 'no other console error');
            assert.ok(errors.length > 0, 'the failure is logged');
          } finally {
            failing = null;
          }
        });
      }
    }
  });
}
