// The results' words arrive after the first question (lang/<code>-results-*.txt).
// On a network so slow that the runner reaches the results first, the
// results never wait: the level, what to do, why and when to get help show at
// once, with a calm notice; the causes and the plan fill in when the file
// comes, with axe-core clean both ways. An emergency shows everything it
// needs without the file.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { DIST, PATHS, answerAll, axe, open, session, widget } from './support.mjs';

const env = session(DIST);

for (const path of [PATHS.find((p) => p.name === 'self_care'), PATHS.find((p) => p.name === 'emergency')]) {
  test(`${path.name}: results before the results' texts have arrived`, async () => {
    // Without the service worker, whose own fetches (it precaches the
    // language files) a page's route cannot hold back.
    const { page, context, problems, requests } = await open(env.browser, { serviceWorkers: 'block' });
    try {
      let release;
      const held = new Promise((resolve) => (release = resolve));
      await page.route('**/lang/*-results-*.txt', async (route) => {
        await held;
        await route.continue();
      });
      await page.goto(env.server.url);
      await page.click('button[data-ft-start]');
      await answerAll(page, path.answers);
      const shown = () =>
        widget(page).evaluate((el) => {
          const r = el.shadowRoot;
          return {
            level: r.querySelector('[data-ft-results]')?.dataset.ftLevel,
            action: r.querySelector('#ft-result-title')?.textContent,
            pending: !!r.querySelector('[data-ft-results-pending]'),
            safety: r.querySelectorAll('.ft-safety li').length,
            causes: r.querySelectorAll('[data-ft-condition]').length,
            focused: r.activeElement?.id,
          };
        });
      const before = await shown();
      assert.equal(before.level, path.level);
      assert.ok(before.action.length > 10, `the action shows: ${before.action}`);
      assert.ok(before.pending, 'a calm notice says the rest is coming');
      assert.ok(before.safety > 0, 'when to get help shows at once');
      assert.equal(before.causes, 0);
      assert.equal(before.focused, 'ft-result-title');
      assert.deepEqual(await axe(page), [], 'results without their texts');
      release();
      await page.waitForFunction(() => !document.querySelector('foot-triage').shadowRoot.querySelector('[data-ft-results-pending]'));
      const after = await shown();
      assert.equal(after.level, path.level, 'the level does not change');
      if (path.top) assert.ok(after.causes > 0, 'the causes filled in');
      assert.deepEqual(await axe(page), [], 'results with their texts');
      assert.ok(requests.some((u) => /lang\/en-results-/.test(u)));
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });
}
