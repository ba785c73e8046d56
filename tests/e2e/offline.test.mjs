// The installable app: after one visit the whole triage works offline,
// reload included; a new build is detected and offered as "Refresh to
// update", and taking it switches to the new build's files.

import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { SELF_CARE, answerAll, open, result, root, session } from './support.mjs';

// A copy of dist/, so the test can publish a "new build" into it.
let build;
const env = session(() => {
  build = mkdtempSync(join(tmpdir(), 'foot-triage-dist-'));
  cpSync(join(root, 'dist'), build, { recursive: true });
  return build;
});

const version = (page) =>
  page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith('foot-triage-')).sort().join(' '));

test('installable, offline after one visit, and a new build is offered as an update', async () => {
  const { page, context, problems } = await open(env.browser, { url: env.server.url });
  try {
    const manifest = await page.evaluate(async () => (await fetch(document.querySelector('link[rel="manifest"]').href)).json());
    assert.equal(manifest.display, 'standalone');
    assert.ok(manifest.icons.some((i) => i.purpose === 'maskable' && i.sizes === '512x512'));
    for (const icon of manifest.icons) assert.equal((await page.request.get(env.server.url + icon.src)).status(), 200, icon.src);

    // The worker precaches this build and takes control.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    const first = await version(page);
    assert.match(first, /^foot-triage-[0-9a-f]{16}$/);

    await context.setOffline(true);
    await page.reload();
    await page.click('button[data-ft-start]');
    await answerAll(page, SELF_CARE);
    assert.equal((await result(page)).level, 'self_care', 'a whole triage offline');
    // The diary is a module of its own, fetched on demand: precached too.
    await page.click('[data-ft-open="diary"]');
    await page.locator('[data-ft-diary] [data-ft-entry-form]').waitFor();
    await page.click('[data-ft-close="diary"]');
    await context.setOffline(false);

    // Publish a new build: the worker's version changes with any file.
    const sw = join(build, 'sw.js');
    writeFileSync(sw, readFileSync(sw, 'utf8').replace(/const VERSION = '[0-9a-f]+'/, "const VERSION = '00000000000000aa'"));
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
    const offer = page.locator('#update');
    await offer.waitFor({ state: 'visible' });
    assert.match(await offer.textContent(), /new version/);
    // Nothing changes under the runner until they choose to refresh.
    assert.equal((await result(page)).level, 'self_care');
    await Promise.all([page.waitForEvent('load'), offer.locator('button').click()]);
    await page.waitForSelector('foot-triage >> button[data-ft-start]');
    await page.waitForFunction(async () => (await caches.keys()).includes('foot-triage-00000000000000aa'));
    assert.equal(await version(page), 'foot-triage-00000000000000aa', 'the old cache is gone');
    assert.deepEqual(problems.filter((p) => !p.includes('ERR_INTERNET_DISCONNECTED')), []);
  } finally {
    await context.close();
  }
});

test('offline in Spanish: the worker keeps the device language\'s files, and only those', async () => {
  const { page, context, problems } = await open(env.browser, { url: env.server.url, locale: 'es-ES' });
  try {
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    const cached = await page.evaluate(async () => {
      const keys = await caches.keys();
      const cache = await caches.open(keys.find((k) => k.startsWith('foot-triage-')));
      return (await cache.keys()).map((r) => new URL(r.url).pathname).filter((p) => p.includes('/lang/'));
    });
    // The interview's, the results' and the danger-sign check's (for a
    // browser that later cannot run the wasm).
    assert.deepEqual(
      cached.filter((p) => /\/lang\/es-/.test(p)).map((p) => p.split('-')[1]).sort(),
      ['fallback', 'interview', 'results'],
      `Spanish precached: ${cached}`,
    );
    assert.deepEqual(cached.filter((p) => /\/lang\/en-/.test(p)), [], 'no English downloaded for a Spanish device');
    await context.setOffline(true);
    await page.reload();
    await page.click('button[data-ft-start]');
    await answerAll(page, SELF_CARE);
    const shown = await result(page);
    assert.equal(shown.level, 'self_care', 'a whole triage offline, in Spanish');
    assert.ok(shown.conditions.length > 0, 'with its causes: the results file was kept too');
    const lang = await page.evaluate(() => document.querySelector('foot-triage').shadowRoot.querySelector('[data-ft-results]').closest('.ft-app').getAttribute('lang'));
    assert.equal(lang, 'es');
    assert.deepEqual(problems, []);
  } finally {
    await context.setOffline(false);
    await context.close();
  }
});
