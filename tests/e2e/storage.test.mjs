// Remembering with consent, in real Chromium: nothing stored without
// "Remember on this device", progress and results surviving a reload, an
// old-version record migrated, a corrupt one set aside with a calm notice,
// "Erase my data", and a site that forbids storage.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { LIVE, SELF_CARE, answer, answerAll, currentQuestion, open, result, root, session, widget, withPage } from './support.mjs';

const env = session(root);

const page_url = () => env.server.url + 'dist/index.html';
const stored = (page) =>
  page.evaluate(() => Object.fromEntries(Object.keys(localStorage).filter((k) => k.startsWith('foot-triage')).map((k) => [k, localStorage.getItem(k)])));
const notice = (page) => widget(page).evaluate((el) => el.shadowRoot.querySelector('[data-ft-notice]')?.textContent ?? null);
// Reloads the page: with something saved, the app takes over at once (only
// it can show what was saved); else the prerendered start screen waits for
// the runner.
async function reload(page) {
  await page.reload();
  const saved = Object.keys(await stored(page)).some((k) => !k.endsWith(':diary'));
  await widget(page).locator(`${saved ? LIVE : ''} .ft-app`).first().waitFor();
}
// Answers the first `n` questions of the self-care path.
async function answerSome(page, n) {
  for (let i = 0; i < n; i++) {
    const id = await currentQuestion(page);
    await answer(page, id, SELF_CARE[id]);
  }
}

test('nothing is stored until the runner chooses to be remembered', async () => {
  await withPage(env.browser, { url: page_url() }, async (page) => {
    await page.click('button[data-ft-start]');
    await answerSome(page, 3);
    assert.deepEqual(await stored(page), {});
    await reload(page);
    assert.equal(await page.locator('button[data-ft-start]').count(), 1, 'a fresh start');
    assert.equal(await notice(page), null);
  });
});

test('with consent, progress and then the result survive a reload', async () => {
  await withPage(env.browser, { url: page_url() }, async (page) => {
    const remember = page.locator('button[data-ft-remember]');
    assert.equal(await remember.getAttribute('aria-checked'), 'false');
    await remember.click();
    // The click on the prerendered switch wakes the app, which takes over
    // with the switch on; during the takeover both are briefly in the page.
    const live = page.locator(`${LIVE} button[data-ft-remember]`);
    await live.waitFor();
    assert.equal(await live.getAttribute('aria-checked'), 'true');
    await page.click('button[data-ft-start]');
    await answerSome(page, 4);
    const where = await currentQuestion(page);
    const record = JSON.parse((await stored(page))['foot-triage']);
    assert.equal(record.schema, 3);
    assert.equal(record.screens.length, 4, 'one entry per screen answered');

    await reload(page);
    assert.equal(await currentQuestion(page), where, 'back at the same question');
    assert.match(await notice(page), /Welcome back/);

    await answerAll(page, SELF_CARE);
    const before = await result(page);
    await reload(page);
    const after = await result(page);
    assert.equal(after.level, before.level);
    assert.deepEqual(after.conditions, before.conditions);

    // Turning it off forgets the record.
    await page.click('button[data-ft-remember]');
    assert.deepEqual(await stored(page), {});
  });
});

test('a record from an older version is migrated, a corrupt one set aside, and Erase removes both', async () => {
  await withPage(env.browser, { url: page_url() }, async (page) => {
    await page.evaluate(() =>
      localStorage.setItem('foot-triage', JSON.stringify({ version: 1, answers: { injury: 'none', cold_pale_foot: false } })),
    );
    await reload(page);
    assert.match(await notice(page), /older version/);
    const migrated = JSON.parse((await stored(page))['foot-triage']);
    assert.equal(migrated.schema, 3);
    assert.deepEqual(migrated.screens, [['injury'], ['cold_pale_foot']], 'each old answer its own screen');
    assert.notEqual(await currentQuestion(page), 'injury', 'the questions already answered are not asked again');

    await page.evaluate(() => localStorage.setItem('foot-triage', '{"schema": 2, "answers": {"injury": 42'));
    await reload(page);
    assert.match(await notice(page), /could not be read/);
    assert.equal(await page.locator('button[data-ft-start]').count(), 1, 'a fresh start, not a crash');
    const kept = await stored(page);
    assert.equal(kept['foot-triage:unreadable:1'], '{"schema": 2, "answers": {"injury": 42', 'set aside, not deleted');
    assert.equal(kept['foot-triage'], undefined);

    await page.click('button[data-ft-erase]');
    assert.deepEqual(await stored(page), {});
    assert.match(await notice(page), /Erased/);
    // A console warning names what was set aside; nothing else went wrong.
  });
});

test('remember="off" forbids storage on the site', async () => {
  await withPage(env.browser, { url: page_url() + '?remember=off', wait: false }, async (page) => {
    await page.waitForSelector('foot-triage >> button[data-ft-start]');
    assert.equal(await page.locator('button[data-ft-remember]').count(), 0);
    await page.click('button[data-ft-start]');
    await answerSome(page, 2);
    assert.deepEqual(await stored(page), {});
  });
});

test('remembering asks the browser to keep the storage and says what it answered', async () => {
  for (const [granted, expected] of [
    [true, /agreed to keep them until you erase them/],
    [false, /may clear them if you do not come back within a week/],
    [null, /may clear them if you do not come back within a week/],
  ]) {
    const { page, context, problems } = await open(env.browser, { wait: false });
    try {
      // The browser's answer, fixed for the test (null: no such request).
      await page.addInitScript((granted) => {
        if (granted === null) delete Object.getPrototypeOf(navigator.storage).persist;
        else navigator.storage.persist = () => Promise.resolve(granted);
      }, granted);
      await page.goto(page_url());
      await widget(page).locator('button[data-ft-remember]').click();
      await page.waitForFunction(
        () => /week|erase them/.test(document.querySelector('foot-triage').shadowRoot.querySelector('[data-ft-notice]')?.textContent ?? ''),
      );
      assert.match(await notice(page), expected, String(granted));
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  }
});
