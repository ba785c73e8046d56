// The widget's interactions in real Chromium: a keyboard-only run, Back and
// the review list, timers and counters, the two calculators, copying and
// printing the summary, number validation, a stable layout, 320 px, 200%
// text, forced colours and motion.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import {
  DIST,
  SELF_CARE,
  answer,
  answerAll,
  axe,
  checklistTicks,
  currentQuestion,
  focusedId,
  isChecklist,
  leftQuestion,
  result,
  session,
  shot,
  widget,
  withPage,
} from './support.mjs';

const env = session(DIST);

// Every page here is the standalone widget.
const withWidget = (options, body) => withPage(env.browser, { url: env.server.url, ...options }, body);

// What leaves the widget's box at the right: the page scrolls sideways, or an
// element inside the widget reaches past the viewport (ignoring the
// visually hidden live region).
const overflow = (page) =>
  widget(page).evaluate((el) => {
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth > width) return `the page is ${document.documentElement.scrollWidth} px wide`;
    const past = [...el.shadowRoot.querySelectorAll('*')].find(
      (e) => !e.closest('.ft-visually-hidden') && e.getBoundingClientRect().right > width + 0.5,
    );
    return past ? `${past.tagName.toLowerCase()}.${past.className} reaches ${Math.round(past.getBoundingClientRect().right)} px` : null;
  });

// Presses Tab until the focused element matches `selector`, then `key`.
async function tabTo(page, selector, key = 'Enter') {
  for (let i = 0; i < 150; i++) {
    const focused = await page.evaluate((s) => {
      let a = document.activeElement;
      while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
      return a?.matches(s) ?? false;
    }, selector);
    if (focused) {
      await page.keyboard.press(key);
      return;
    }
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

test('a whole triage with the keyboard alone, foot map included', async () => {
  await withWidget({}, async (page) => {
    const answers = {
      injury: 'twist_or_roll',
      can_bear_weight: 'no',
      pain_locations: ['outer_ankle'],
      point_bone_tenderness: 'yes',
      tender_spots: ['lateral_malleolus'],
    };
    await tabTo(page, 'button[data-ft-start]');
    for (let n = 0; n < 40; n++) {
      const id = await currentQuestion(page);
      if (id === null) break;
      assert.equal(await focusedId(page), 'ft-question-title', `focus on ${id}`);
      const value = answers[id];
      if (isChecklist(id)) {
        // A checklist: Space ticks each box, then "Continue" (or "None of these").
        for (const q of checklistTicks(id, answers).ticks) await tabTo(page, `input[data-ft-item="${q}"]`, 'Space');
        await tabTo(page, 'button[data-ft-continue]');
      } else if (Array.isArray(value)) {
        // Regions are checkboxes on the drawing: Space ticks them. The outer
        // ankle is drawn on the outer side, so switch to that view first.
        await tabTo(page, 'button[data-ft-view="outer"]');
        for (const v of value) await tabTo(page, `[data-ft-region="${v}"]`, 'Space');
        assert.equal(await page.getAttribute(`[data-ft-region="${value[0]}"]`, 'aria-checked'), 'true');
        await tabTo(page, 'button[data-ft-continue]');
      } else if (await page.locator('input[data-ft-number]').count()) {
        await tabTo(page, 'input[data-ft-number]', 'Digit3');
        await page.keyboard.press('Enter');
      } else {
        const reassuring = id === 'can_bear_weight' || id === 'single_leg_heel_raise' ? 'yes' : 'no';
        // Unsaid: the reassuring yes/no answer, or a single choice's first option.
        const target = value ?? ((await page.locator('button[data-ft-answer="no"]').count()) ? reassuring : null);
        const first = (await page.locator('button[data-ft-continue]').count()) ? 'button[data-ft-continue]' : 'button[data-ft-answer]';
        await tabTo(page, target ? `button[data-ft-answer="${target}"]` : first);
      }
      await leftQuestion(page, id);
    }
    const shown = await result(page);
    assert.equal(shown.level, 'urgent');
    assert.equal(shown.focused, 'ft-result-title');
    assert.equal(shown.conditions[0], 'ankle_fracture');
  });
});

test('Back returns to the previous question, and the review list changes an answer', async () => {
  await withWidget({}, async (page) => {
    await page.click('button[data-ft-start]');
    const first = await currentQuestion(page);
    await answer(page, first, SELF_CARE[first]);
    const second = await currentQuestion(page);
    await page.click('button[data-ft-back]');
    assert.equal(await currentQuestion(page), first);
    assert.equal(await focusedId(page), 'ft-question-title');
    await answerAll(page, SELF_CARE);
    assert.equal((await result(page)).level, 'self_care');
    assert.ok(second);

    await page.click('button[data-ft-review]');
    assert.deepEqual(await axe(page), [], 'review list');
    await shot(page, 'review-phone');
    await page.click('button[data-ft-edit="duration_days"]');
    assert.equal(await currentQuestion(page), 'duration_days');
    assert.equal(await page.inputValue('input[data-ft-number]'), '5', 'the answer given is shown');
    await answer(page, 'duration_days', 30);
    await answerAll(page, SELF_CARE);
    // A month of pain that is improving is still home care (no blanket
    // two-week rule) ...
    assert.equal((await result(page)).level, 'self_care');
    // ... but a month without getting better, after more than two weeks of
    // home care, is a reason to see someone (the condition's own timing).
    await page.click('button[data-ft-review]');
    await page.click('button[data-ft-edit="improving_with_rest"]');
    await answer(page, 'improving_with_rest', 'no');
    await answerAll(page, { ...SELF_CARE, rest_tried_days: 20 });
    assert.equal((await result(page)).level, 'soon');
  });
});

test('a number out of range is refused with a message and nothing is lost', async () => {
  await withWidget({}, async (page) => {
    await page.click('button[data-ft-start]');
    let id = await currentQuestion(page);
    while (id !== 'duration_days') {
      await answer(page, id, SELF_CARE[id]);
      id = await currentQuestion(page);
    }
    for (const bad of ['-4', 'abc', '100000']) {
      await page.fill('input[data-ft-number]', bad);
      await page.click('button[data-ft-continue]');
      assert.equal(await currentQuestion(page), 'duration_days', `${bad} is refused`);
      assert.match(await page.textContent('#ft-error'), /Enter a number/);
    }
    await answer(page, 'duration_days', '5');
    assert.notEqual(await currentQuestion(page), 'duration_days');
  });
});

test('timers count down, counters count, and the calculators answer in km or miles', async () => {
  await withWidget({}, async (page) => {
    await page.click('button[data-ft-start]');
    await answerAll(page, SELF_CARE);
    // Each exercise at a glance keeps its timer one tap away.
    const how = widget(page).locator('[data-ft-today] details.ft-how:has([data-ft-timer])').first();
    await how.locator('summary').click();
    const timer = how.locator('[data-ft-timer]');
    const before = await timer.locator('[role="timer"]').textContent();
    await timer.locator('button').first().click();
    await page.waitForTimeout(2200);
    const later = await timer.locator('[role="timer"]').textContent();
    assert.notEqual(later, before, `the timer runs (${before} then ${later})`);
    await timer.locator('button').first().click();

    await widget(page).locator('[data-ft-more="plan"] > summary').click();
    const counter = widget(page).locator('[data-ft-more="plan"] [data-ft-counter]').first();
    await counter.locator('button').first().click();
    await counter.locator('button').first().click();
    assert.match(await counter.locator('[role="status"]').textContent(), /2 of \d+ done/);

    await widget(page).locator('[data-ft-more="tools"] > summary').click();
    const shoes = page.locator('[data-ft-tool="shoe_check"]');
    await shoes.locator('input').fill('500');
    assert.equal(await shoes.locator('[data-ft-shoe-status]').getAttribute('data-ft-shoe-status'), 'check');
    await shoes.locator('select').selectOption('mi');
    assert.equal(await shoes.locator('[data-ft-shoe-status]').getAttribute('data-ft-shoe-status'), 'replace');
    await shoes.locator('input').fill('abc');
    assert.match(await shoes.locator('[role="status"]').textContent(), /Enter a number/);

    const load = page.locator('[data-ft-tool="load_plan"]');
    await load.locator('input').fill('20');
    const weeks = await load.locator('tbody td').allTextContents();
    assert.deepEqual(weeks, ['22 km', '24.2 km', '26.6 km', '22 km (easier week)']);
    assert.deepEqual(await axe(page), [], 'results with the tools in use');
  });
});

test('the summary copies as plain text and prints on one page', async () => {
  await withWidget({}, async (page, { context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.server.url });
    await page.click('button[data-ft-start]');
    await answerAll(page, SELF_CARE);
    await widget(page).locator('[data-ft-more="handoff"] > summary').click();
    await page.click('button[data-ft-copy]');
    await page.waitForFunction(() =>
      /copied/i.test(document.querySelector('foot-triage').shadowRoot.querySelector('.ft-handoff [role="status"]').textContent),
    );
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.match(copied, /^FOOT TRIAGE SUMMARY/);
    assert.match(copied, /not a diagnosis/);
    assert.match(copied, /Plantar fasciitis/);
    assert.equal(copied, await page.inputValue('textarea[data-ft-summary]'));

    await page.emulateMedia({ media: 'print' });
    await shot(page, 'print-a4');
    const pdf = await page.pdf({ format: 'A4' });
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g).length;
    assert.equal(pages, 1, 'the clinician summary fits one page');
  });
});

test('the results fit a few phone screens, open by keyboard, and print in full', async () => {
  await withWidget({}, async (page) => {
    await page.click('button[data-ft-start]');
    await answerAll(page, SELF_CARE);
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    assert.ok(height <= 4 * 844, `the self-care results are ${height} px tall, over four screens`);
    // The first screen: the level, the action, the one-line why.
    const banner = await widget(page).locator('.ft-banner').boundingBox();
    assert.ok(banner.y + banner.height <= 844, 'the banner fits the first screen');
    assert.equal(await widget(page).locator('.ft-banner [data-ft-lead]').count(), 1, 'the one-line why');
    // Every disclosure opens from the keyboard.
    for (const name of ['why', 'plan', 'tools', 'handoff']) {
      await tabTo(page, `[data-ft-more="${name}"] > summary`, 'Enter');
      assert.equal(await widget(page).locator(`[data-ft-more="${name}"]`).getAttribute('open'), '', name);
    }
    await tabTo(page, '[data-ft-condition] summary', ' ');
    assert.equal(await widget(page).locator('[data-ft-condition] details[open]').count(), 1, 'a cause opens');
    assert.deepEqual(await axe(page), [], 'results with every disclosure open');
    // Printing opens every disclosure, and closes them again after.
    await page.reload();
    await page.click('button[data-ft-start]');
    await answerAll(page, SELF_CARE);
    const closed = () => widget(page).locator('details:not([open])').count();
    assert.ok((await closed()) > 0);
    await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
    assert.equal(await closed(), 0, 'every disclosure is open for the print');
    await page.evaluate(() => dispatchEvent(new Event('afterprint')));
    assert.ok((await closed()) > 0, 'and closed again after');
  });
});

test('questions keep their place: no layout shift between screens', async () => {
  await withWidget({}, async (page) => {
    await page.click('button[data-ft-start]');
    const tops = new Set();
    await answerAll(page, SELF_CARE, async () => {
      tops.add(
        await widget(page).evaluate((el) => Math.round(el.shadowRoot.querySelector('#ft-question-title').getBoundingClientRect().top)),
      );
    });
    assert.equal(tops.size, 1, `the question heading moved: ${[...tops]}`);
  });
});

test('nothing overflows at 320 px', async () => {
  await withWidget({ viewport: { width: 320, height: 640 } }, async (page) => {
    assert.equal(await overflow(page), null, 'start');
    await page.click('button[data-ft-start]');
    await answerAll(page, SELF_CARE, async (id) => assert.equal(await overflow(page), null, id));
    assert.equal(await overflow(page), null, 'results');
    await shot(page, 'results-320');
  });
});

test('at 200% text size nothing is lost, and axe finds nothing (WCAG 1.4.4)', async () => {
  await withWidget({}, async (page) => {
    // What a browser's text-size setting does: the root font size doubles,
    // and the widget is sized in rem.
    await page.evaluate(() => (document.documentElement.style.fontSize = '200%'));
    const size = await widget(page).evaluate((el) => getComputedStyle(el.shadowRoot.querySelector('.ft-app')).fontSize);
    assert.equal(size, '32px');
    assert.equal(await overflow(page), null, 'start');
    await page.click('button[data-ft-start]');
    await answerAll(page, SELF_CARE, async (id) => {
      assert.equal(await overflow(page), null, id);
      assert.deepEqual(await axe(page), [], id);
    });
    assert.equal(await overflow(page), null, 'results');
    assert.deepEqual(await axe(page), [], 'results');
    await shot(page, 'results-text-200');
  });
});

test('in forced colours every selected state and banner stays visible, and axe finds nothing', async () => {
  await withWidget({ forcedColors: 'active' }, async (page) => {
    const style = (selector, property) =>
      widget(page).evaluate((el, [s, p]) => getComputedStyle(el.shadowRoot.querySelector(s))[p], [selector, property]);
    await page.click('button[data-ft-start]');
    let mapSeen = false;
    await answerAll(page, SELF_CARE, async (id) => {
      assert.deepEqual(await axe(page), [], id);
      if (id !== 'pain_locations') return;
      mapSeen = true;
      const region = (r) => `[data-ft-region="${r}"] :is(ellipse, path)`;
      const before = await style(region('heel_bottom'), 'fill');
      await widget(page).locator('[data-ft-region="heel_bottom"]').click();
      const chosen = await style(region('heel_bottom'), 'fill');
      assert.notEqual(chosen, before, 'a chosen region looks chosen');
      assert.notEqual(await style('[data-ft-view][aria-pressed="true"]', 'backgroundColor'), await style('[data-ft-view][aria-pressed="false"]', 'backgroundColor'), 'the shown view');
      await widget(page).locator('[data-ft-region="heel_bottom"]').click();
      await shot(page, 'foot-map-forced-colors');
    });
    assert.ok(mapSeen, 'the foot map was on a screen');
    assert.equal(await style('.ft-banner', 'borderTopStyle'), 'solid', 'the banner keeps its edge');
    assert.deepEqual(await axe(page), [], 'results');
    await shot(page, 'results-forced-colors');
  });
});

test('the widget has no motion to reduce: no transition or animation, even when motion is allowed', async () => {
  await withWidget({ reducedMotion: 'no-preference' }, async (page) => {
    const moving = () =>
      widget(page).evaluate((el) =>
        [...el.shadowRoot.querySelectorAll('*')]
          .filter((e) => {
            const s = getComputedStyle(e);
            return s.animationName !== 'none' || s.transitionDuration.split(',').some((d) => parseFloat(d) > 0);
          })
          .map((e) => e.tagName.toLowerCase() + '.' + e.className),
      );
    assert.deepEqual(await moving(), [], 'start');
    await page.click('button[data-ft-start]');
    await answerAll(page, SELF_CARE, async (id) => assert.deepEqual(await moving(), [], id));
    assert.deepEqual(await moving(), [], 'results');
  });
});
