// The configuration page (configure.html) a web manager uses: the form drives
// the live widget beside it and the snippet, by keyboard alone, under the
// strict Content Security Policy; the snippet, pasted into a blank page on
// another origin, renders the configured widget; and the page is in the
// offline precache.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';

import { DIST, axe, launch, open, serve, widget } from './support.mjs';

const STRICT = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self'";
let browser;
let dist;
before(async () => {
  browser = await launch();
  // As a CDN would serve the package: the policy for its own pages, and CORS
  // for the sites that load it.
  dist = await serve(DIST, () => ({ 'Content-Security-Policy': STRICT, 'Access-Control-Allow-Origin': '*' }));
});
after(async () => {
  await browser?.close();
  await dist?.close();
});

// The snippet, once the widget has checked the form's values.
const snippet = async (page) => {
  await page.waitForSelector('#cf-html:not([data-pending])', { state: 'attached' });
  return page.inputValue('#cf-html');
};

test('the form drives the live widget and the snippet, by keyboard, under the strict CSP', async () => {
  const { page, context, problems } = await open(browser, { url: dist.url + 'configure.html', csp: true });
  try {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: dist.url });
    // Every control is reached with Tab, in order, down to the copy button.
    const visited = [];
    for (let i = 0; i < 20 && visited.at(-1) !== 'cf-copy'; i++) {
      await page.keyboard.press('Tab');
      visited.push(await page.evaluate(() => document.activeElement?.id || document.activeElement?.tagName));
    }
    for (const id of ['cf-lang', 'cf-accent', 'cf-units', 'cf-clinic', 'cf-emergency', 'cf-booking', 'cf-base', 'cf-copy']) {
      assert.ok(visited.includes(id), `${id} is reached by keyboard: ${visited}`);
    }
    // Typed and chosen with the keyboard.
    await page.focus('#cf-lang');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    assert.equal(await page.inputValue('#cf-lang'), 'es');
    await page.focus('input[name="theme"][value="dark"]');
    await page.keyboard.press('Space');
    await page.focus('#cf-clinic');
    await page.keyboard.type('Clínica Ribera');
    await page.focus('#cf-emergency');
    await page.keyboard.type('abc');
    // The widget's own check says why (its wasm answers the page).
    await page.waitForFunction(() => /digits only/.test(document.getElementById('cf-emergency-error').textContent));
    assert.equal(await page.getAttribute('#cf-emergency', 'aria-invalid'), 'true');
    assert.doesNotMatch(await snippet(page), /emergency-number/, 'a refused value is left out');
    await page.fill('#cf-emergency', '');
    await page.focus('#cf-emergency');
    await page.keyboard.type('112');
    await page.focus('#cf-booking');
    await page.keyboard.type('https://clinica-ribera.example/cita');
    await page.fill('#cf-accent', '#6a1b9a');
    await page.fill('#cf-base', dist.url);

    // The live widget follows the form.
    const w = page.locator('#cf-widget');
    await page.waitForFunction(() => document.getElementById('cf-widget').getAttribute('lang') === 'es');
    assert.equal(await w.getAttribute('theme'), 'dark');
    assert.equal(await w.getAttribute('emergency-number'), '112');
    assert.equal(await w.getAttribute('booking-url'), 'https://clinica-ribera.example/cita');
    await widget(page, '#cf-widget').locator('.ft-offered').waitFor();
    assert.match(await widget(page, '#cf-widget').locator('.ft-offered').textContent(), /Clínica Ribera/);
    assert.match(await widget(page, '#cf-widget').locator('.ft-emergency').textContent(), /112/);

    // The snippet pins embed.js with the build's own hash.
    const hashes = JSON.parse(readFileSync(join(DIST, 'integrity.json'), 'utf8'));
    const html = await snippet(page);
    assert.ok(html.includes(`src="${dist.url}embed.js"`), html);
    assert.ok(html.includes(`integrity="${hashes['embed.js']}" crossorigin="anonymous"`), html);
    for (const part of ['lang="es"', 'theme="dark"', 'clinic-name="Clínica Ribera"', 'emergency-number="112"', 'booking-url="https://clinica-ribera.example/cita"']) {
      assert.ok(html.includes(part), `${part} in ${html}`);
    }
    assert.equal(await page.inputValue('#cf-css'), 'foot-triage { --foot-triage-accent: #6a1b9a; }');
    await page.focus('#cf-copy');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => /Copied/.test(document.getElementById('cf-copied').textContent));
    assert.ok((await page.evaluate(() => navigator.clipboard.readText())).startsWith(html));
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('the page passes axe, and is in the offline precache', async () => {
  const { page, context } = await open(browser, { url: dist.url + 'configure.html' });
  try {
    assert.deepEqual(await axe(page), []);
  } finally {
    await context.close();
  }
  const worker = readFileSync(join(DIST, 'sw.js'), 'utf8');
  for (const name of ['./configure.html', './configure.js', './configure.css', './integrity.json']) {
    assert.ok(worker.includes(`"${name}"`), `${name} is precached`);
  }
});

test('the snippet, pasted into a blank page on another origin, renders the configured widget', async () => {
  const { page, context } = await open(browser, { url: dist.url + 'configure.html', csp: true });
  let html;
  try {
    await page.selectOption('#cf-lang', 'es');
    await page.fill('#cf-clinic', 'Clínica Ribera');
    await page.fill('#cf-emergency', '112');
    await page.fill('#cf-base', dist.url);
    await page.waitForFunction(() => document.getElementById('cf-html').value.includes('emergency-number="112"'));
    html = await snippet(page);
  } finally {
    await context.close();
  }
  const dir = mkdtempSync(join(tmpdir(), 'ft-blank-'));
  writeFileSync(join(dir, 'index.html'), `<!doctype html><html lang="es"><head><meta charset="utf-8"><title>Blank</title><link rel="icon" href="data:,"></head><body><main>${html}</main></body></html>`);
  const origin = dist.url.replace(/\/$/, '');
  const csp = `default-src 'self'; script-src 'self' ${origin} 'wasm-unsafe-eval'; style-src 'self' ${origin}; img-src 'self' data:; connect-src ${origin}`;
  const blank = await serve(dir, () => ({ 'Content-Security-Policy': csp }));
  const { page: p, context: c, problems } = await open(browser, { url: blank.url + 'index.html', csp: true });
  try {
    assert.equal(await widget(p).locator('button[data-ft-start]').textContent(), 'Empezar');
    assert.match(await widget(p).locator('.ft-offered').textContent(), /Clínica Ribera/);
    assert.match(await widget(p).locator('.ft-emergency').textContent(), /112/);
    assert.deepEqual(problems, []);
  } finally {
    await c.close();
    await blank.close();
  }
});
