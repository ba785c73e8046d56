// The widget as a guest on other people's pages (examples/): one snippet, a
// shadow root that host CSS cannot reach, any number of instances, another
// origin, a strict Content Security Policy, attributes that change or are
// wrong, the iframe embed, and the calm error screen.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';

import {
  PATHS,
  wake,
  DESKTOP,
  PHONE,
  SELF_CARE,
  answer,
  answerAll,
  axe,
  currentQuestion,
  launch,
  open,
  result,
  root,
  serve,
  shot,
  widget,
  withPage,
} from './support.mjs';

const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:";
let site; // the repository root: examples/ beside dist/ and tools/node_modules
let widgetHost; // dist/ alone, on another origin, as a CDN would serve it
let browser;
before(async () => {
  site = await serve(root, (path) => (path.endsWith('strict-csp.html') ? { 'Content-Security-Policy': STRICT_CSP } : {}));
  widgetHost = await serve(`${root}/dist`, () => ({ 'Access-Control-Allow-Origin': '*' }));
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await site?.close();
  await widgetHost?.close();
});

// The computed look of the widget's main parts, to compare across pages. The
// side margins are left out: they centre the widget in whatever width the host
// gives it.
function look(page, host = 'foot-triage') {
  return widget(page, host).evaluate((el) => {
    const r = el.shadowRoot;
    const pick = (selector) => {
      const s = getComputedStyle(r.querySelector(selector));
      return [s.fontFamily, s.fontSize, s.fontStyle, s.color, s.lineHeight, s.letterSpacing, s.textTransform, s.marginTop, s.padding, s.backgroundColor, s.borderTopStyle].join(' | ');
    };
    return { app: pick('.ft-app'), heading: pick('h2'), text: pick('.ft-start p'), button: pick('button[data-ft-start]') };
  });
}

test('host CSS (a blog, Bootstrap plus a hostile sheet) does not change the widget', async () => {
  const looks = {};
  for (const [name, path] of [
    ['standalone', 'dist/index.html'],
    ['blog', 'examples/blog.html'],
    ['clinic', 'examples/clinic.html'],
  ]) {
    for (const [width, viewport] of [
      ['phone', PHONE],
      ['desktop', DESKTOP],
    ]) {
      await withPage(browser, { viewport, url: site.url + path }, async (page) => {
        looks[`${name}-${width}`] = await look(page);
        await shot(page, `embed-${name}-${width}`);
        await widget(page).screenshot({ path: `${root}/target/screenshots/embed-${name}-${width}-widget.png` });
        if (name === 'clinic') {
          // The hostile sheet did reach the page itself.
          const body = await page.evaluate(() => getComputedStyle(document.body).fontStyle);
          assert.equal(body, 'italic');
        }
      });
    }
  }
  for (const width of ['phone', 'desktop']) {
    assert.deepEqual(looks[`blog-${width}`], looks[`standalone-${width}`], `blog at ${width}`);
    assert.deepEqual(looks[`clinic-${width}`], looks[`standalone-${width}`], `clinic at ${width}`);
  }
});

test('a full triage on the clinic page shows its details, and axe finds nothing', async () => {
  await withPage(browser, { url: site.url + 'examples/clinic.html' }, async (page) => {
    assert.match(await widget(page).locator('.ft-offered').textContent(), /Offered by Riverside Sports Physio/);
    assert.match(await widget(page).locator('.ft-emergency').textContent(), /Call 999/);
    await page.click('button[data-ft-start]');
    await answerAll(page, { ...SELF_CARE, duration_days: 30 });
    const clinic = widget(page).locator('[data-ft-clinic]');
    assert.equal(await clinic.locator('a[href="https://riverside-physio.example/book"]').count(), 1);
    assert.equal(await clinic.locator('a[href="tel:+442079460000"]').count(), 1);
    assert.deepEqual(await axe(page), []);
  });
});

test('a booking link shows at soon only, beside the advice, and a non-https one is refused', async () => {
  const { page, context, problems } = await open(browser, { url: site.url + 'examples/clinic.html' });
  const warnings = [];
  page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
  try {
    const set = (value) => page.evaluate((v) => document.querySelector('foot-triage').setAttribute('booking-url', v), value);
    const booking = widget(page).locator('[data-ft-booking] a');
    const run = async (path) => {
      await page.click('button[data-ft-start]');
      await answerAll(page, PATHS.find((p) => p.name === path).answers);
      assert.equal((await result(page)).level, PATHS.find((p) => p.name === path).level);
    };
    const restart = () => widget(page).locator('button[data-ft-restart]').click();
    await set('https://riverside-physio.example/book/foot');
    await run('stress_fracture');
    assert.equal(await booking.textContent(), 'Book with Riverside Sports Physio');
    assert.equal(await booking.getAttribute('href'), 'https://riverside-physio.example/book/foot');
    // Beside the generic advice, not instead of it, and with the safety net.
    assert.match(await widget(page).locator('#ft-result-title').textContent(), /Book an appointment with a GP/);
    assert.ok(await widget(page).locator('.ft-safety li').count() > 0);
    assert.deepEqual(await axe(page), [], 'axe with the booking link');
    for (const path of ['self_care', 'ottawa', 'emergency']) {
      await restart();
      await run(path);
      assert.equal(await booking.count(), 0, `no booking link at ${path}`);
    }
    await restart();
    await set('http://riverside-physio.example/book');
    await run('stress_fracture');
    assert.equal(await booking.count(), 0, 'a non-https link is refused');
    assert.ok(warnings.some((w) => w.startsWith('foot-triage: booking-url=')), `a warning: ${warnings}`);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('three widgets on one page answer independently, and removing one unmounts it', async () => {
  await withPage(browser, { viewport: DESKTOP, url: site.url + 'examples/three.html' }, async (page) => {
    const hosts = ['#left', '#middle', '#right'];
    for (const host of hosts) await widget(page, host).locator('button[data-ft-start]').click();
    const first = await currentQuestion(page, '#left');
    // Different answers to the same first question lead to different screens.
    await answer(page, first, 'twist_or_roll', '#left');
    await answer(page, first, 'none', '#middle');
    assert.equal(await currentQuestion(page, '#right'), first, 'the third is untouched');
    assert.notEqual(await currentQuestion(page, '#left'), first);
    // theme="dark" is dark on a light device; the others stay light.
    const background = (host) => widget(page, host).evaluate((el) => getComputedStyle(el.shadowRoot.querySelector('.ft-app')).backgroundColor);
    assert.equal(await widget(page, '#middle').evaluate((el) => el.shadowRoot.querySelector('.ft-app').className), 'ft-app ft-theme-dark');
    assert.deepEqual([await background('#left'), await background('#middle')], ['rgb(255, 255, 255)', 'rgb(18, 20, 23)']);
    await answerAll(page, SELF_CARE, async () => {}, '#middle');
    assert.equal((await result(page, '#middle')).level, 'self_care');
    assert.notEqual(await currentQuestion(page, '#left'), null, 'the first is still asking');

    await page.evaluate(() => document.querySelector('#left').remove());
    assert.equal(await page.locator('foot-triage').count(), 2);
    assert.equal((await result(page, '#middle')).level, 'self_care', 'the others carry on');
    // Put back, it starts afresh (no storage consent was given).
    await page.evaluate(() => {
      const again = document.createElement('foot-triage');
      again.id = 'again';
      document.querySelector('main').append(again);
    });
    await widget(page, '#again').locator('button[data-ft-start]').waitFor();
  });
});

test('a widget moved within the page keeps its answers, and its print button prints it alone', async () => {
  await withPage(browser, { url: site.url + 'examples/blog.html' }, async (page) => {
    await page.click('button[data-ft-start]');
    const first = await currentQuestion(page);
    await answer(page, first, 'none');
    const second = await currentQuestion(page);
    assert.notEqual(second, first);
    // As a framework re-rendering the page does: out and back in, in one task.
    await page.evaluate(() => {
      const el = document.querySelector('foot-triage');
      const parent = el.parentElement;
      el.remove();
      parent.prepend(el);
    });
    await page.waitForTimeout(50);
    assert.equal(await currentQuestion(page), second, 'the moved widget is where it was');

    await answerAll(page, SELF_CARE);
    await widget(page).locator('[data-ft-more="handoff"] > summary').click();
    // The browser's print dialog cannot open here: record what a print
    // would show instead.
    await page.evaluate(() => {
      window.print = () => {
        dispatchEvent(new Event('beforeprint'));
        const shown = (el) => getComputedStyle(el).display !== 'none';
        const widget = document.querySelector('foot-triage');
        window.__printed = {
          widget: shown(widget),
          others: [...document.body.querySelectorAll('body *')].filter((el) => !el.contains(widget) && el.closest('foot-triage') === null && el.checkVisibility()).length,
          closed: widget.shadowRoot.querySelectorAll('details:not([open])').length,
        };
        dispatchEvent(new Event('afterprint'));
      };
    });
    await page.click('button[data-ft-print]');
    const printed = await page.evaluate(() => window.__printed);
    assert.deepEqual(printed, { widget: true, others: 0, closed: 0 }, 'only the widget, every disclosure open');
    assert.ok(await page.evaluate(() => document.querySelector('h1').checkVisibility()), 'the host page is back after the print');
  });
});

test('the widget loads from another origin and makes no request of its own', async () => {
  // The host page is on one origin; the widget's files come from another.
  const folder = mkdtempSync(join(tmpdir(), 'foot-triage-host-'));
  writeFileSync(
    join(folder, 'index.html'),
    `<!doctype html><html lang="en"><title>Host</title><link rel="icon" href="data:,"><main><h1>Host</h1>
      <foot-triage></foot-triage></main><script type="module" src="${widgetHost.url}embed.js"></script>`,
  );
  const host = await serve(folder);
  const { page, context, problems, requests } = await open(browser, { url: host.url });
  try {
    await page.click('button[data-ft-start]');
    await answerAll(page, SELF_CARE);
    assert.equal((await result(page)).level, 'self_care');
    await page.click('[data-ft-open="diary"]');
    await page.locator('[data-ft-diary] [data-ft-entry-form]').waitFor();
    assert.ok(requests.some((u) => u.startsWith(widgetHost.url) && /diary-[0-9a-f]+_bg\.wasm$/.test(u)), 'the diary came from the widget origin');
    const foreign = requests.filter((u) => !u.startsWith(widgetHost.url) && !u.startsWith(host.url));
    assert.deepEqual(foreign, []);
    assert.ok(requests.some((u) => u.startsWith(widgetHost.url) && u.endsWith('.wasm')), 'the wasm came from the widget origin');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
    await host.close();
  }
});

test('a host that serves the wasm with another content type still runs the whole triage', async () => {
  // Streaming compilation refuses such a response; the loader then compiles
  // the bytes whole, as wasm-bindgen would, and says why the start is slower.
  const sloppy = await serve(`${root}/dist`, (path) => (path.endsWith('.wasm') ? { 'Content-Type': 'application/octet-stream' } : {}));
  const { page, context, problems } = await open(browser);
  const warnings = [];
  page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
  try {
    await page.goto(sloppy.url);
    await page.click('button[data-ft-start]');
    await answerAll(page, SELF_CARE);
    assert.equal((await result(page)).level, 'self_care');
    await page.click('[data-ft-open="diary"]');
    await page.locator('[data-ft-diary] [data-ft-entry-form]').waitFor();
    assert.deepEqual(problems, []);
    const named = warnings.filter((w) => /_bg\.wasm is served as "application\/octet-stream", not application\/wasm/.test(w));
    assert.equal(named.length, 2, `one warning for each module: ${warnings.join(' | ')}`);
  } finally {
    await context.close();
    await sloppy.close();
  }
});

test('under a strict Content Security Policy a whole triage and the diary report no violation', async () => {
  for (const path of ['examples/strict-csp.html', 'dist/index.html']) {
    const { page, context, problems } = await open(browser, { csp: true, url: 'about:blank', wait: false });
    try {
      await page.addInitScript(() => {
        window.__violations = [];
        document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
      });
      const response = await page.goto(site.url + path);
      if (path.startsWith('examples')) assert.equal(response.headers()['content-security-policy'], STRICT_CSP);
      await page.click('button[data-ft-start]');
      await answerAll(page, SELF_CARE);
      assert.equal((await result(page)).level, 'self_care');
      // The diary: a second module, its stylesheet, a chart and a download.
      await page.click('[data-ft-open="diary"]');
      await page.fill('[data-ft-entry-form] input[name=pain_morning]', '3');
      await page.click('[data-ft-save-entry]');
      await page.locator('[data-ft-diary] [data-ft-chart]').waitFor();
      await Promise.all([page.waitForEvent('download'), page.click('[data-ft-export]')]);
      assert.deepEqual(await page.evaluate(() => window.__violations), [], path);
      assert.deepEqual(problems, [], path);
    } finally {
      await context.close();
    }
  }
});

test('attribute changes take effect, and bad values fall back with a warning', async () => {
  const { page, context, problems } = await open(browser, { url: site.url + 'examples/blog.html' });
  const warnings = [];
  page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
  try {
    const set = (name, value) => page.evaluate(([n, v]) => document.querySelector('foot-triage').setAttribute(n, v), [name, value]);
    const app = () => widget(page).evaluate((el) => el.shadowRoot.querySelector('.ft-app').className);
    await set('theme', 'dark');
    await page.waitForFunction(() => document.querySelector('foot-triage').shadowRoot.querySelector('.ft-theme-dark'));
    await set('clinic-name', 'Hill Clinic <img src=x onerror=alert(1)>');
    await set('emergency-number', '112');
    await widget(page).locator('.ft-offered').waitFor();
    assert.equal(await widget(page).locator('.ft-offered').textContent(), 'Offered by Hill Clinic <img src=x onerror=alert(1)>.');
    assert.equal(await widget(page).locator('img').count(), 0, 'text stays text');
    assert.match(await widget(page).locator('.ft-emergency').textContent(), /Call 112/);

    for (const [name, value] of [
      ['units', 'parsecs'],
      ['theme', 'neon'],
      ['clinic-url', 'javascript:alert(1)'],
      ['clinic-name', 'x'.repeat(10_000)],
      ['emergency-number', '<b>1</b>'],
      // A country with no services of its own names none, and no number,
      // though the browser's locale (en-US) would have named 911.
      ['region', 'Narnia'],
    ]) {
      await set(name, value);
    }
    await page.waitForFunction(() => !document.querySelector('foot-triage').shadowRoot.querySelector('.ft-offered'));
    assert.equal(await app(), 'ft-app', 'the theme is back to auto');
    assert.doesNotMatch(await widget(page).locator('.ft-emergency').textContent(), /Call \d/);
    for (const name of ['units', 'theme', 'clinic-url', 'clinic-name', 'emergency-number', 'region']) {
      assert.ok(warnings.some((w) => w.startsWith(`foot-triage: ${name}=`)), `a warning for ${name}: ${warnings}`);
    }
    assert.ok(warnings.every((w) => w.length < 200), 'warnings stay short');
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('the iframe embed takes the same options as URL parameters', async () => {
  await withPage(browser, { url: site.url + 'examples/iframe.html', wait: false }, async (page) => {
    const frame = page.frameLocator('iframe');
    await frame.locator('button[data-ft-start]').waitFor();
    assert.match(await frame.locator('.ft-offered').textContent(), /Riverside Sports Physio/);
    assert.match(await frame.locator('.ft-emergency').textContent(), /Call 999/);
    assert.equal(await frame.locator('foot-triage').getAttribute('units'), 'mi');
  });
});

test('an internal error shows a calm error screen with a way to start again', async () => {
  const { page, context, problems } = await open(browser, { url: site.url + 'examples/blog.html' });
  try {
    await wake(page);
    // Force a panic inside the real module: mount a widget on a text node,
    // which cannot hold elements. Every widget on the page then shows the
    // error screen rather than freezing or going blank.
    await page.evaluate(async () => {
      const glue = performance.getEntriesByType('resource').find((e) => /widget-[0-9a-f]+\.js$/.test(e.name)).name;
      const bindings = await import(glue);
      try {
        bindings.mount(document.createTextNode(''), {});
      } catch {
        // The trap after the panic surfaces here or as a page error.
      }
    });
    const crash = widget(page).locator('[data-ft-crash]');
    await crash.waitFor();
    assert.equal(await crash.getAttribute('role'), 'alert');
    assert.match(await crash.textContent(), /Something went wrong/);
    assert.equal(await crash.locator('a.ft-restart').count(), 1);
    await shot(page, 'crash-phone');
    assert.ok(problems.some((p) => p.includes('Foot Triage stopped')), `the panic is logged: ${problems}`);
    // "Start again" reloads the page into a working widget.
    await crash.locator('a.ft-restart').click();
    await wake(page);
  } finally {
    await context.close();
  }
});
