import assert from 'node:assert/strict';
// Shared pieces of the end-to-end tests (and of bench/widget.mjs): a static
// server for a built dist/ folder, Chromium from Debian driven by
// playwright-core, an axe-core audit, screenshots, and a driver that answers
// the adaptive questionnaire from a map of answers by question id.

import { createServer } from 'node:http';
import { gzipSync } from 'node:zlib';
import { after, before } from 'node:test';
import { createRequire } from 'node:module';
import { mkdirSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../..', import.meta.url));
// The npm tools live in tools/, which is not an ancestor of tests/.
export const toolsRequire = createRequire(join(root, 'tools/package.json'));
const { chromium } = toolsRequire('playwright-core');
export const axeSource = readFileSync(toolsRequire.resolve('axe-core/axe.min.js'), 'utf8');

// The release build the end-to-end tests run against.
export const DIST = join(root, 'dist');
export const PHONE = { width: 390, height: 844 };

// The widget once the wasm has taken over from the prerendered first screen
// (which embed.js paints at once, marked data-ft-prerendered).
export const LIVE = '.ft-host:not([data-ft-prerendered])';

// A typical self-care case (plantar fasciitis), by question id; questions not
// listed get the reassuring default in `answer`.
export const SELF_CARE = {
  injury: 'none',
  pain_locations: ['heel_bottom'],
  onset: 'gradual',
  duration_days: 5,
  improving_with_rest: 'yes',
  timing: ['first_steps_morning'],
  intensity: 4,
};
// Four complete runs, from an emergency to self-care, for the path tests and
// the benchmark's results heights.
export const PATHS = [
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

export const DESKTOP = { width: 1280, height: 900 };
export const SHOTS = join(root, 'target/screenshots');

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
};

// Serves `dir` on a free loopback port. `headers(path)` adds headers to a
// response (the CSP and CORS tests use it); `gzip` compresses responses for
// clients that accept it; `setRoot` switches to another
// folder (a "new build" for the update test); `requests` lists every request
// as "METHOD /path" (the engine tests read CSP reports from it); `answer`
// (path) may answer a request itself, with `{ status, body }`, as a blocked
// or broken file would (the engine tests' failed starts). Nothing is cached
// by the browser, so every load is cold; the server compresses each file once
// (by its path, size and time), as a host serves files compressed ahead, so
// compressing the wasm never delays the files asked for beside it.
export function serve(dir, headers = () => ({}), { gzip = false, answer = () => null } = {}) {
  let base = resolve(dir);
  const requests = [];
  /** @type {Map<string, Buffer>} */
  const zipped = new Map();
  const compressed = (file, body) => {
    const { size, mtimeMs } = statSync(file);
    const key = `${file}:${size}:${mtimeMs}`;
    if (!zipped.has(key)) zipped.set(key, gzipSync(body, { level: 9 }));
    return zipped.get(key);
  };
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
    requests.push(`${req.method} ${path}`);
    const own = answer(path);
    if (own) {
      res.writeHead(own.status, { 'Content-Type': MIME[extname(path)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' }).end(own.body ?? '');
      return;
    }
    const file = resolve(base, '.' + (path.endsWith('/') ? path + 'index.html' : path));
    let body;
    try {
      if (!file.startsWith(base + sep)) throw new Error('outside the served folder');
      body = readFileSync(file);
    } catch {
      res.writeHead(404).end();
      return;
    }
    const type = MIME[extname(file)] ?? 'application/octet-stream';
    // As any real host does; the benchmark asks for it, so Lighthouse sees
    // the transfer sizes a runner would.
    const zip = gzip && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '') && !type.startsWith('image/png');
    const encoding = zip ? { 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding' } : {};
    res
      .writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-store', ...encoding, ...headers(path) })
      .end(zip ? compressed(file, body) : body);
  });
  return new Promise((done) =>
    server.listen(0, '127.0.0.1', () =>
      done({
        url: `http://127.0.0.1:${server.address().port}/`,
        setRoot: (next) => (base = resolve(next)),
        requests,
        close: () => new Promise((c) => server.close(c)),
      }),
    ),
  );
}

// For a test file: serves `dir` (a path, or a function giving one) and
// starts Chromium before its tests, and stops both after them. The returned
// object's `server` and `browser` are set once the tests run.
export function session(dir) {
  const env = { server: null, browser: null };
  before(async () => {
    env.server = await serve(typeof dir === 'function' ? dir() : dir);
    env.browser = await launch();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}

export function launch() {
  return chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
}

// A fresh page that records what must never happen: console errors, page
// errors (a panic shows here) and requests to anything but `origin`. axe-core
// sets inline styles while it measures, which the page's strict policy
// blocks, so these pages bypass CSP; csp.test.mjs checks the policy itself
// with `csp: true`.
export async function open(
  browser,
  {
    viewport = PHONE,
    colorScheme = 'light',
    forcedColors = 'none',
    reducedMotion = 'reduce',
    url,
    csp = false,
    wait = true,
    locale = 'en-US',
    serviceWorkers = 'allow',
  } = {},
) {
  const context = await browser.newContext({
    viewport,
    colorScheme,
    forcedColors,
    reducedMotion,
    bypassCSP: !csp,
    locale,
    serviceWorkers,
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const problems = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  if (url) {
    await page.goto(url);
    // The start screen, prerendered or the app's: the app takes over at the
    // runner's first click or key on it (embed.js), which every test makes.
    if (wait) await page.waitForSelector('foot-triage >> button[data-ft-start]');
  }
  return { page, context, problems, requests };
}

// Opens a page (as `open` does), runs `body(page, session)`, checks that the
// page logged no error, and closes the context whatever happened.
export async function withPage(browser, options, body) {
  const session = await open(browser, options);
  try {
    await body(session.page, session);
    assert.deepEqual(session.problems, []);
  } finally {
    await session.context.close();
  }
}

// Runs axe-core (WCAG 2.0, 2.1 and 2.2 A and AA, plus best practice) on the
// page and returns the violations, one readable line each.
export async function axe(page) {
  // Evaluated rather than added as a script tag, which the page's own strict
  // CSP would (rightly) block.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const result = await page.evaluate(() =>
    window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    }),
  );
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

export async function shot(page, name) {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

// The README's pictures (docs/screenshots), taken by the path tests so they
// always show the widget as it is: one phone screen each, as a runner sees it.
export async function readmeShot(page, name) {
  const dir = join(root, 'docs/screenshots');
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`) });
}

// Yes/no questions whose worrying answer is "no" ("Not sure" counts as
// **no** in the generated answers contract); every other yes/no question is
// answered "no" when a path does not say otherwise. Read from the contract
// page, which a native test keeps equal to the knowledge.
const REASSURING_YES = new Set(
  [...readFileSync(join(root, 'docs/answers-contract.md'), 'utf8').matchAll(/^\| `([a-z_]+)` \|[^|]*\| `true` \/ `false` \| \*\*no\*\* \|/gm)].map((m) => m[1]),
);

// Lets the app take over the prerendered start screen, as a runner's first
// tap on the widget does (embed.js waits for one), and waits until it has.
export async function wake(page, host = 'foot-triage') {
  const w = widget(page, host);
  await w.locator('button[data-ft-start]').waitFor();
  if (await w.locator('.ft-host[data-ft-prerendered]').count()) await w.locator('[data-ft-prerendered] .ft-title').click();
  await w.locator(`${LIVE} button[data-ft-start]`).waitFor();
}

// The widget's shadow root: Playwright's locators pierce it, but code run in
// the page must step into it. `host` picks one of several widgets; ':root'
// means a page without one (the benchmark's baseline).
export const widget = (page, host = 'foot-triage') => page.locator(host).first();

// The id of the element that has focus, inside the widget's shadow root.
export function focusedId(page, host) {
  return widget(page, host).evaluate((el) => (el.shadowRoot ?? document).activeElement?.id ?? null);
}

// The id of the question on screen, or null once the results show. A
// checklist screen's id is its questions' ids, space-separated.
export async function currentQuestion(page, host) {
  await widget(page, host).locator('[data-ft-question], [data-ft-results]').first().waitFor();
  return widget(page, host).evaluate((el) => {
    const r = el.shadowRoot ?? document;
    return r.querySelector('[data-ft-results]') ? null : r.querySelector('[data-ft-question]').dataset.ftQuestion;
  });
}

// Waits until the question `asked` has gone (a new question or the results).
export async function leftQuestion(page, asked, host = 'foot-triage') {
  await page.waitForFunction(
    ([host, asked]) => {
      const r = document.querySelector(host).shadowRoot ?? document;
      const q = r.querySelector('[data-ft-question]');
      return r.querySelector('[data-ft-results]') || (q && q.dataset.ftQuestion !== asked);
    },
    [host, asked],
  );
}

// Whether a screen id names a checklist (several questions on one screen).
export const isChecklist = (id) => id.includes(' ');

// The ticks a checklist needs for these answers: an item is ticked when its
// answer is the worrying one ("yes", or "no" for a question stated as "I
// cannot ..."), and its own "Not sure" is pressed when its answer is "not_sure".
export function checklistTicks(id, answers = {}) {
  const items = id.split(' ');
  const ticks = items.filter((q) => answers[q] === (REASSURING_YES.has(q) ? 'no' : 'yes'));
  return { ticks, unsure: items.filter((q) => answers[q] === 'not_sure') };
}

// What the screen in `el` (a widget host, or the page without one) offers,
// for `actionsFor`. Runs in the page, in any engine (Playwright's `evaluate`,
// WebDriver's `executeScript`), so it is plain DOM code.
export function probeScreen(el) {
  const r = el.shadowRoot ?? document;
  const all = (selector, data) => [...r.querySelectorAll(selector)].map((e) => e.dataset[data]);
  const number = r.querySelector('input[data-ft-number]');
  return {
    regions: all('[data-ft-question] [data-ft-region]', 'ftRegion'),
    answers: all('button[data-ft-answer]', 'ftAnswer'),
    number: number ? { min: number.dataset.ftMin ?? null } : null,
    continues: !!r.querySelector('button[data-ft-continue]'),
  };
}

// How to answer the screen `id` with `value`: an option id, "yes", "no",
// "not_sure", a number, or a list of option ids (chosen on the foot map when
// the question has one, else in the list). `undefined` gives the reassuring
// default. On a checklist, `value` is an object of answers by question id
// (ticks as `checklistTicks` says). Returns steps, each `{ check }`,
// `{ click }` or `{ fill, text }` with a selector inside the widget, for the
// engine's driver to perform.
export function actionsFor(id, value, probe) {
  const next = { click: 'button[data-ft-continue]' };
  if (isChecklist(id)) {
    const { ticks, unsure } = checklistTicks(id, value ?? {});
    return [
      ...ticks.map((q) => ({ check: `input[data-ft-item="${q}"]` })),
      ...unsure.map((q) => ({ click: `button[data-ft-item-unsure="${q}"]` })),
      next,
    ];
  }
  if (Array.isArray(value)) {
    const pick = (v) => (probe.regions.includes(v) ? `[data-ft-question] [data-ft-region="${v}"]` : `[data-ft-option="${v}"]`);
    return [...value.map((v) => ({ click: pick(v) })), next];
  }
  if (probe.number) return [{ fill: 'input[data-ft-number]', text: String(value ?? probe.number.min ?? '0') }, next];
  if (value !== undefined) return [{ click: `button[data-ft-answer="${value}"]` }];
  if (probe.answers.includes('no')) return [{ click: `button[data-ft-answer="${REASSURING_YES.has(id) ? 'yes' : 'no'}"]` }];
  return [probe.continues ? next : { click: 'button[data-ft-answer]' }];
}

// Answers the question on screen (see `actionsFor`) and waits until the next
// screen shows.
export async function answer(page, id, value, host = 'foot-triage') {
  const w = widget(page, host);
  for (const step of actionsFor(id, value, await w.evaluate(probeScreen))) {
    if (step.check) await w.locator(step.check).check();
    else if (step.fill) await w.locator(step.fill).fill(step.text);
    else await w.locator(step.click).first().click();
  }
  await leftQuestion(page, id, host);
}

// Answers every question from `answers` (by id) until the results show;
// `onScreen(id)` runs before each answer. Returns the ids asked, in order.
export async function answerAll(page, answers, onScreen = async () => {}, host = 'foot-triage') {
  const asked = [];
  for (let n = 0; n < 40; n++) {
    const id = await currentQuestion(page, host);
    if (id === null) return asked;
    await onScreen(id);
    asked.push(id);
    await answer(page, id, isChecklist(id) ? answers : answers[id], host);
  }
  throw new Error(`no results after 40 answers: ${asked.join(', ')}`);
}

export async function result(page, host) {
  return widget(page, host).evaluate((el) => {
    const r = el.shadowRoot;
    return {
      level: r.querySelector('[data-ft-results]').dataset.ftLevel,
      heading: r.querySelector('#ft-result-title').textContent,
      conditions: [...r.querySelectorAll('[data-ft-condition]')].map((c) => c.dataset.ftCondition),
      focused: r.activeElement?.id,
    };
  });
}

// A language's text files in dist/lang (the interview's and the results';
// the danger-sign check's JSON is not one), each records separated by
// U+001E whose texts start at the sixth (src/knowledge/language.rs); sorted,
// two languages' texts line up.
export function languageTexts(code) {
  const names = readdirSync(join(DIST, 'lang'))
    .filter((n) => n.startsWith(`${code}-`) && n.endsWith('.txt'))
    .sort();
  const texts = names.flatMap((n) => readFileSync(join(DIST, 'lang', n), 'utf8').split('\u001e').slice(5));
  return { names, texts };
}

// The English texts that a Spanish screen must not show: every entry of the
// English files that the Spanish words differently, cut at its placeholders,
// keeping pieces long enough to be unmistakable. Read lazily: the build
// writes the files.
let englishPieces = null;
function english() {
  if (englishPieces) return englishPieces;
  const en = languageTexts('en');
  const es = languageTexts('es');
  englishPieces = [];
  en.texts.forEach((text, i) => {
    if (text === es.texts[i]) return;
    for (const piece of text.split(/\{[a-z_]+\}/)) {
      const trimmed = piece.trim();
      if (trimmed.length >= 14 && /[a-z]{3}/.test(trimmed)) englishPieces.push(trimmed);
    }
  });
  return englishPieces;
}

// The English of the catalogue shown on the widget's visible screens (and
// in its labels), for a Spanish session: none is expected.
export async function englishOnScreen(page) {
  const shown = await widget(page).evaluate((el) => {
    const r = el.shadowRoot;
    const labels = [...r.querySelectorAll('[aria-label]')].map((n) => n.getAttribute('aria-label'));
    const shown = [...r.children].filter((c) => c.classList.contains('ft-host') && !c.hidden);
    return [...shown.map((c) => c.innerText), ...labels].join('\n');
  });
  return english().filter((text) => shown.includes(text));
}
