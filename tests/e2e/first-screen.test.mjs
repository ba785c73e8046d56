// The first screens before the wasm (issue 13): embed.js paints the
// prerendered start screen at once, and the prerendered first question when
// Start is pressed; the wasm takes over without a flash, a layout shift or a
// lost click, and with the first question's answer kept.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { LIVE, axe, focusedId, launch, leftQuestion, open, root, serve, wake, widget } from './support.mjs';

const PRERENDERED = '.ft-host[data-ft-prerendered]';
let site;
let browser;
before(async () => {
  site = await serve(root);
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await site?.close();
});

// A host page under target/, beside dist/, with these attributes.
let pages = 0;
function hostPage(attributes = {}) {
  const folder = join(root, 'target/e2e-hosts');
  mkdirSync(folder, { recursive: true });
  const name = `first-${process.pid}-${pages++}.html`;
  const escape = (v) => v.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');
  const attrs = Object.entries(attributes).map(([k, v]) => ` ${k}="${escape(v)}"`).join('');
  writeFileSync(
    join(folder, name),
    `<!doctype html><html lang="en"><title>Host</title><link rel="icon" href="data:,"><main><h1>Host</h1>
      <foot-triage${attrs}></foot-triage></main><script type="module" src="../../dist/embed.js"></script>`,
  );
  return `${site.url}target/e2e-hosts/${name}`;
}

// Opens `url` with the widget's wasm held back until `release()` is called.
async function openHeld(url) {
  let release;
  const gate = new Promise((r) => (release = r));
  const session = await open(browser, { wait: false });
  await session.page.route(/widget-[0-9a-f]+_bg\.wasm$/, async (route) => {
    await gate;
    await route.continue();
  });
  await session.page.goto(url);
  return { ...session, release };
}

// The widget's DOM as a comparable tree: tags, sorted attributes and text,
// without the marks of the prerender itself.
function tree(page, selector) {
  return widget(page).evaluate((el, selector) => {
    const skip = new Set(['data-ft-prerendered', 'aria-busy']);
    const walk = (node) => {
      if (node.nodeType === Node.TEXT_NODE) return node.textContent;
      const attrs = [...node.attributes].filter((a) => !skip.has(a.name)).map((a) => `${a.name}=${a.value}`).sort();
      return { tag: node.tagName.toLowerCase(), attrs, children: [...node.childNodes].map(walk).filter((c) => c !== '') };
    };
    return walk(el.shadowRoot.querySelector(selector));
  }, selector);
}

test('the first screen shows before the wasm, passes axe, and is the screen the wasm draws', async () => {
  for (const attributes of [
    {},
    { 'emergency-number': '999', 'clinic-name': 'Riverside Sports Physio', theme: 'dark', remember: 'off' },
    { 'emergency-number': ' 911 ', theme: 'LIGHT' },
  ]) {
    const { page, context, problems, release } = await openHeld(hostPage(attributes));
    try {
      await widget(page).locator(`${PRERENDERED} button[data-ft-start]`).waitFor();
      assert.equal(await page.evaluate(() => performance.getEntriesByType('resource').some((r) => r.name.endsWith('.wasm'))), false);
      assert.deepEqual(await axe(page), [], 'axe on the prerendered screen');
      const before = await tree(page, `${PRERENDERED} .ft-app`);
      release();
      // The wasm arrives and is made ready, but the app takes over only
      // when the runner first acts on the widget.
      await page.waitForFunction(() => performance.getEntriesByType('resource').some((r) => r.name.includes('-interview-')));
      await page.locator('foot-triage[data-ready]').waitFor({ state: 'attached' });
      assert.equal(await widget(page).locator(LIVE).count(), 0, 'no takeover before the runner acts');
      await wake(page);
      assert.equal(await widget(page).locator(PRERENDERED).count(), 0, 'the prerender is gone');
      assert.deepEqual(await tree(page, `${LIVE} .ft-app`), before, JSON.stringify(attributes));
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  }
});

test('options the prerender does not handle leave the first screen to the wasm', async () => {
  for (const attributes of [{ 'clinic-name': 'A & B <Clinic>' }, { 'emergency-number': '99 9' }, { theme: 'blue' }]) {
    const { page, context, release } = await openHeld(hostPage(attributes));
    try {
      await widget(page).locator('.ft-loading').waitFor();
      assert.equal(await widget(page).locator(PRERENDERED).count(), 0, JSON.stringify(attributes));
      release();
      await widget(page).locator(`${LIVE} button[data-ft-start]`).waitFor();
    } finally {
      await context.close();
    }
  }
});

test('a Start pressed before the wasm shows the first question, which is the one the wasm draws', async () => {
  for (const attributes of [{}, { lang: 'es', theme: 'dark' }]) {
    const { page, context, problems, release } = await openHeld(hostPage(attributes));
    try {
      await widget(page).locator(`${PRERENDERED} button[data-ft-start]`).click();
      await widget(page).locator(`${PRERENDERED} [data-ft-question="injury"]`).waitFor();
      assert.equal(await focusedId(page), 'ft-question-title', 'the heading has the focus, as in the app');
      assert.deepEqual(await axe(page), [], 'axe on the prerendered question');
      const before = await tree(page, `${PRERENDERED} .ft-app`);
      release();
      await widget(page).locator(`${LIVE} [data-ft-question="injury"]`).waitFor();
      assert.equal(await widget(page).locator(PRERENDERED).count(), 0, 'the prerender is gone');
      assert.deepEqual(await tree(page, `${LIVE} .ft-app`), before, JSON.stringify(attributes));
      assert.equal(await focusedId(page), 'ft-question-title');
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  }
});

test('an answer to the first question before the wasm is kept, and the wasm asks the second', async () => {
  const { page, context, problems, release } = await openHeld(hostPage());
  try {
    await widget(page).locator(`${PRERENDERED} button[data-ft-start]`).click();
    // Changing one's mind before the wasm: the last button pressed counts.
    await widget(page).locator(`${PRERENDERED} button[data-ft-answer="none"]`).click();
    const chosen = widget(page).locator(`${PRERENDERED} button[data-ft-answer="twist_or_roll"]`);
    await chosen.click();
    assert.equal(await chosen.getAttribute('aria-pressed'), 'true');
    assert.equal(await widget(page).evaluate((el) => el.shadowRoot.activeElement?.dataset.ftAnswer), 'twist_or_roll', 'focus stays on it');
    assert.equal(await widget(page).locator(`${PRERENDERED} button[data-ft-answer="none"]`).getAttribute('aria-pressed'), null);
    const status = widget(page).locator(`${PRERENDERED} #ft-error`);
    assert.equal(await status.textContent(), 'Answer noted. The next question is on its way.');
    assert.equal(await status.evaluate((el) => getComputedStyle(el).fontWeight), '400', 'a calm note, not an error');
    assert.deepEqual(await axe(page), [], 'axe once answered');
    release();
    await leftQuestion(page, 'injury');
    assert.equal(await widget(page).locator(PRERENDERED).count(), 0, 'the prerender is gone');
    assert.equal(await focusedId(page), 'ft-question-title', 'the second question has the focus');
    assert.equal(await widget(page).locator(`${LIVE} [data-ft-question]`).textContent().then((t) => t.includes('Question 2')), true);
    await widget(page).locator(`${LIVE} button[data-ft-review]`).click();
    const row = widget(page).locator(`${LIVE} [data-ft-review-row="injury"]`);
    assert.match(await row.textContent(), /I twisted or rolled my ankle or foot/);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('Back on the prerendered first question returns to the start screen, and the wasm stays there', async () => {
  const { page, context, problems, release } = await openHeld(hostPage());
  try {
    await widget(page).locator(`${PRERENDERED} button[data-ft-start]`).click();
    await widget(page).locator(`${PRERENDERED} button[data-ft-answer="none"]`).click();
    await widget(page).locator(`${PRERENDERED} button[data-ft-back]`).click();
    await widget(page).locator(`${PRERENDERED} button[data-ft-start]`).waitFor();
    assert.equal(await focusedId(page), 'ft-start-title');
    assert.equal(await widget(page).locator(`${PRERENDERED} button[data-ft-start]`).getAttribute('aria-busy'), null);
    release();
    await widget(page).locator(`${LIVE} button[data-ft-start]`).waitFor();
    assert.equal(await widget(page).locator(`${LIVE} [data-ft-question]`).count(), 0, 'no question without Start');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('the takeover moves nothing and keeps the focused control', async () => {
  const { page, context, problems, release } = await openHeld(hostPage({ 'emergency-number': '112' }));
  try {
    const start = widget(page).locator(`${PRERENDERED} button[data-ft-start]`);
    await start.waitFor();
    await page.evaluate(() => {
      window.__shift = 0;
      new PerformanceObserver((list) => list.getEntries().forEach((e) => (window.__shift += e.value))).observe({ type: 'layout-shift', buffered: true });
    });
    await start.focus();
    const boxes = async (scope) => {
      const out = [];
      for (const selector of ['h2', '.ft-emergency', 'button[data-ft-start]', 'button[data-ft-remember]']) {
        out.push(await widget(page).locator(`${scope} ${selector}`).boundingBox());
      }
      return out;
    };
    const before = await boxes(PRERENDERED);
    release();
    // A key that moves nothing: the runner is there, so the app takes over.
    await page.keyboard.press('Shift');
    await widget(page).locator(`${LIVE} button[data-ft-start]`).waitFor();
    assert.deepEqual(await boxes(LIVE), before);
    assert.equal(await page.evaluate(() => window.__shift), 0, 'cumulative layout shift');
    const focused = await widget(page).evaluate((el) => el.shadowRoot.activeElement?.hasAttribute('data-ft-start'));
    assert.equal(focused, true, 'Start keeps the focus');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});
