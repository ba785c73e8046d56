// Four complete runs through the widget in real Chromium, at phone and
// desktop width, in light and dark: the triage shown, the top condition, the
// focus on the result, axe-core on every screen, no console errors, no request
// beyond the widget's own files, and a screenshot of every screen.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';

import {
  DESKTOP,
  DIST,
  PATHS,
  PHONE,
  answerAll,
  axe,
  focusedId,
  readmeShot,
  open,
  result,
  session,
  shot,
  widget,
} from './support.mjs';


const env = session(DIST);

for (const path of PATHS) {
  describe(`the ${path.name} path`, () => {
    for (const [width, viewport, colorScheme] of [
      ['phone', PHONE, 'light'],
      ['desktop', DESKTOP, 'dark'],
    ]) {
      test(`at ${width} width in ${colorScheme} mode`, async () => {
        const { page, context, problems, requests } = await open(env.browser, { viewport, colorScheme, url: env.server.url });
        try {
          const name = (screen) => `${path.name}-${width}-${screen}`;
          assert.deepEqual(await axe(page), [], 'start screen');
          // The palette follows the device's scheme (theme="auto").
          const background = await widget(page).evaluate((el) => getComputedStyle(el.shadowRoot.querySelector('.ft-app')).backgroundColor);
          assert.equal(background, colorScheme === 'dark' ? 'rgb(18, 20, 23)' : 'rgb(255, 255, 255)', 'background');
          await shot(page, name('start'));
          const forReadme = path.name === 'self_care' && width === 'phone';
          if (forReadme) await readmeShot(page, 'start');
          await page.click('button[data-ft-start]');
          let n = 0;
          await answerAll(page, path.answers, async (id) => {
            assert.equal(await focusedId(page), 'ft-question-title', `focus on ${id}`);
            assert.deepEqual(await axe(page), [], `question ${id}`);
            await shot(page, name(`q${String(++n).padStart(2, '0')}-${id.split(' ')[0]}${id.includes(' ') ? '-checklist' : ''}`));
            if (forReadme && id === 'pain_locations') await readmeShot(page, 'foot-map');
          });
          const shown = await result(page);
          assert.equal(shown.level, path.level, `level shown: ${JSON.stringify(shown)}`);
          assert.equal(shown.focused, 'ft-result-title', 'focus moves to the result');
          if (path.top) assert.equal(shown.conditions[0], path.top, `top condition: ${shown.conditions}`);
          if (path.stopRunning) assert.equal(await page.locator('[data-ft-stop-running]').count(), 1, 'stop running');
          if (path.level === 'emergency') {
            assert.deepEqual(shown.conditions, [], 'an emergency shows no causes');
            assert.equal(await widget(page).locator('[data-ft-tool], [data-ft-timer], [data-ft-counter], [data-ft-open]').count(), 0);
          } else {
            assert.equal(await widget(page).locator('[data-ft-open="diary"]').count(), 1, 'the diary is offered');
          }
          const live = await widget(page).locator('[aria-live="polite"]').first().textContent();
          assert.ok(live.startsWith('Result: '), `live region: ${live}`);
          assert.deepEqual(await axe(page), [], 'results');
          await shot(page, name('results'));
          if (forReadme) {
            await page.evaluate(() => scrollTo(0, 0));
            await readmeShot(page, 'results');
          }
          assert.deepEqual(problems, []);
          const foreign = requests.filter((u) => !u.startsWith(env.server.url) && !u.startsWith('data:'));
          assert.deepEqual(foreign, [], 'requests beyond the widget');
        } finally {
          await context.close();
        }
      });
    }
  });
}
