// Four complete runs through the widget in real Chromium, at phone and
// desktop width, in light and dark: the triage shown, the top condition, the
// focus on the result, axe-core on every screen, no console errors, no request
// beyond the widget's own files, and a screenshot of every screen.

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';

import {
  DESKTOP,
  PHONE,
  SELF_CARE,
  answerAll,
  axe,
  focusedId,
  open,
  result,
  root,
  session,
  shot,
  widget,
} from './support.mjs';

const PATHS = [
  {
    name: 'emergency',
    answers: { injury: 'none', cold_pale_foot: 'yes' },
    level: 'emergency',
  },
  {
    name: 'ottawa',
    answers: {
      injury: 'twist_or_roll',
      can_bear_weight: 'no',
      pain_locations: ['outer_ankle'],
      point_bone_tenderness: 'yes',
      tender_spots: ['lateral_malleolus'],
      swelling: 'mild',
    },
    level: 'urgent',
    top: 'ankle_fracture',
  },
  {
    name: 'stress_fracture',
    answers: {
      injury: 'none',
      pain_locations: ['top_of_foot'],
      onset: 'gradual',
      duration_days: 12,
      improving_with_rest: 'no',
      point_bone_tenderness: 'yes',
      tender_spots: ['metatarsal_shaft'],
      weekly_distance_change_pct: 40,
      swelling: 'mild',
    },
    level: 'soon',
    top: 'metatarsal_stress_fracture',
    stopRunning: true,
  },
  {
    name: 'self_care',
    answers: SELF_CARE,
    level: 'self_care',
    top: 'plantar_fasciitis',
  },
];

const env = session(join(root, 'dist'));

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
          await shot(page, name('start'));
          await page.click('button[data-ft-start]');
          let n = 0;
          await answerAll(page, path.answers, async (id) => {
            assert.equal(await focusedId(page), 'ft-question-title', `focus on ${id}`);
            assert.deepEqual(await axe(page), [], `question ${id}`);
            await shot(page, name(`q${String(++n).padStart(2, '0')}-${id.split(' ')[0]}${id.includes(' ') ? '-checklist' : ''}`));
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
