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

for (const engine of ENGINES.filter((e) => !only || only.includes(e.name))) {
  describe(engine.label, () => {
    let server;
    let browser;
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
      server = await serve(root, (path) => (path.endsWith('strict-csp.html') ? { 'Content-Security-Policy': STRICT_CSP } : {}));
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
  });
}
