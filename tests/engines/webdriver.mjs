// Firefox ESR and WebKitGTK (Safari's engine) driven through W3C WebDriver:
// Debian's firefox-esr with geckodriver from crates.io, and Debian's
// webkit2gtk-driver under Xvfb (scripts/setup --engines installs them), with
// selenium-webdriver from npm (pinned in tools/package-lock.json) as the
// client. Playwright's own Firefox and WebKit builds cannot be downloaded
// here, so these engines get their own small driver with the operations the
// engine tests need; what to click comes from the same `actionsFor` as the
// Chromium tests.

import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

import { LIVE, SHOTS, actionsFor, axeSource, isChecklist, probeScreen, toolsRequire } from '../e2e/support.mjs';

const { Builder } = toolsRequire('selenium-webdriver');
const HOME_BIN = join(process.env.HOME ?? '', '.cargo/bin');

// Each engine: how to start its driver, the capabilities of a session, and
// what it cannot do under WebDriver (a step that needs it is skipped by name,
// with this reason printed).
export const ENGINES = [
  {
    name: 'firefox',
    label: 'Firefox ESR',
    driver: process.env.GECKODRIVER ?? join(HOME_BIN, 'geckodriver'),
    args: (port) => ['--port', String(port)],
    capabilities: {
      browserName: 'firefox',
      'moz:firefoxOptions': { binary: process.env.FIREFOX ?? '/usr/bin/firefox-esr', args: ['-headless', '--window-size=390,844'] },
    },
    lacks: {},
  },
  {
    name: 'webkit',
    label: 'WebKitGTK',
    driver: process.env.WEBKIT_DRIVER ?? '/usr/bin/WebKitWebDriver',
    args: (port) => [`--port=${port}`],
    capabilities: {
      browserName: 'MiniBrowser',
      'webkitgtk:browserOptions': {
        binary: process.env.WEBKIT_BROWSER ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
        // MiniBrowser has no headless switch: it runs on Xvfb's display.
        args: ['--automation'],
      },
    },
    lacks: {},
  },
];

function freePort() {
  return new Promise((done, fail) => {
    const probe = createServer().once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => done(port));
    });
  });
}

// Starts the engine's driver and one browser session at phone size.
export async function start(engine) {
  const port = await freePort();
  const process_ = spawn(engine.driver, engine.args(port), { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  process_.stderr.on('data', (d) => (stderr += d));
  const url = `http://127.0.0.1:${port}`;
  let driver;
  for (let tries = 0; !driver; tries++) {
    try {
      driver = await new Builder().usingServer(url).withCapabilities(engine.capabilities).build();
    } catch (e) {
      if (tries > 50) throw new Error(`${engine.label} did not start: ${e.message}\n${stderr}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  await driver.manage().setTimeouts({ script: 30_000, pageLoad: 30_000 });
  await driver.manage().window().setRect({ width: 390, height: 844 });
  return {
    page: new Page(driver, engine),
    stop: async () => {
      await driver.quit().catch(() => {});
      process_.kill();
    },
  };
}

// A page in one engine, with the widget operations the tests use. Every
// selector is inside the widget's shadow root (`host` picks the widget).
export class Page {
  constructor(driver, engine) {
    this.driver = driver;
    this.engine = engine;
  }

  goto(url) {
    return this.driver.get(url);
  }

  // Runs `fn(...args)` in the page and returns its result.
  js(fn, ...args) {
    return this.driver.executeScript(`return (${fn}).apply(null, arguments)`, ...args);
  }

  // Runs the async `fn(...args)` in the page and returns what it resolves to.
  jsAsync(fn, ...args) {
    return this.driver.executeAsyncScript(
      `const done = arguments[arguments.length - 1];
       Promise.resolve((${fn}).apply(null, [...arguments].slice(0, -1))).then(done, (e) => done({ error: String(e) }));`,
      ...args,
    );
  }

  // Waits until `fn(...args)` is truthy in the page, and returns it.
  async until(what, fn, ...args) {
    const end = Date.now() + 20_000;
    for (;;) {
      const value = await this.js(fn, ...args).catch(() => null);
      if (value) return value;
      if (Date.now() > end) throw new Error(`${this.engine.label}: timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  // Waits for the live widget (the wasm's, not the prerendered screen): the
  // app takes over at the runner's first tap, here one on the title, as in
  // the Chromium tests' `wake`.
  async ready(host = 'foot-triage') {
    await this.until('the start screen', (host) => !!document.querySelector(host)?.shadowRoot?.querySelector('button[data-ft-start]'), host);
    return this.until(
      'the widget',
      (host, live) => {
        const root = document.querySelector(host).shadowRoot;
        root.querySelector('[data-ft-prerendered] .ft-title')?.click();
        return !!root.querySelector(`${live} button[data-ft-start]`);
      },
      host,
      LIVE,
    );
  }

  // The element's own handlers run: a click, a tick, or typed text with the
  // input and change events a keyboard would give.
  perform(step, host = 'foot-triage') {
    return this.js(
      (host, step) => {
        const root = document.querySelector(host).shadowRoot;
        const el = root.querySelector(step.click ?? step.check ?? step.fill);
        if (!el) throw new Error(`no ${step.click ?? step.check ?? step.fill}`);
        if (step.fill !== undefined) {
          const proto = el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
          Object.getOwnPropertyDescriptor(proto, 'value').set.call(el, step.text);
          for (const type of ['input', 'change']) el.dispatchEvent(new Event(type, { bubbles: true, composed: true }));
        } else if (!(step.check && el.checked)) {
          // The foot map's regions are SVG, which has no click().
          if (el instanceof HTMLElement) el.click();
          else el.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, cancelable: true }));
        }
      },
      host,
      step,
    );
  }

  click(selector, host) {
    return this.perform({ click: selector }, host);
  }

  fill(selector, text, host) {
    return this.perform({ fill: selector, text: String(text) }, host);
  }

  // The screen's id (see the Chromium tests' `currentQuestion`), or null at
  // the results.
  current(host = 'foot-triage') {
    return this.until(
      'a question or the results',
      (host) => {
        const r = document.querySelector(host).shadowRoot;
        if (r.querySelector('[data-ft-results]')) return { id: null };
        const q = r.querySelector('[data-ft-question]');
        return q && { id: q.dataset.ftQuestion };
      },
      host,
    ).then((s) => s.id);
  }

  // Answers every screen from `answers` until the results show.
  async answerAll(answers, host = 'foot-triage') {
    const asked = [];
    for (let n = 0; n < 40; n++) {
      const id = await this.current(host);
      if (id === null) return asked;
      asked.push(id);
      const probe = await this.driver.executeScript(`return (${probeScreen})(document.querySelector(arguments[0]))`, host);
      for (const step of actionsFor(id, isChecklist(id) ? answers : answers[id], probe)) await this.perform(step, host);
      await this.until(
        `the screen after ${id}`,
        (host, id) => {
          const r = document.querySelector(host).shadowRoot;
          const q = r.querySelector('[data-ft-question]');
          return r.querySelector('[data-ft-results]') || (q && q.dataset.ftQuestion !== id);
        },
        host,
        id,
      );
    }
    throw new Error(`no results after 40 answers: ${asked.join(', ')}`);
  }

  result(host = 'foot-triage') {
    return this.js((host) => {
      const r = document.querySelector(host).shadowRoot;
      return {
        level: r.querySelector('[data-ft-results]').dataset.ftLevel,
        conditions: [...r.querySelectorAll('[data-ft-condition]')].map((c) => c.dataset.ftCondition),
        focused: r.activeElement?.id ?? null,
      };
    }, host);
  }

  // axe-core's violations on the page, one line each, as in the Chromium tests.
  async axe() {
    if (!(await this.js(() => 'axe' in window))) await this.driver.executeScript(`${axeSource}\nreturn true;`);
    const found = await this.jsAsync(() =>
      window.axe
        .run(document, {
          runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
        })
        .then((r) => ({
          passes: r.passes.length,
          violations: r.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
        })),
    );
    // No passes would mean axe never looked at the page.
    if (found?.error || !found?.passes) throw new Error(`axe did not run: ${JSON.stringify(found)}`);
    return found.violations;
  }

  // The layout viewport's width in CSS px (some windows cannot be as narrow
  // as a phone).
  width() {
    return this.js(() => document.documentElement.clientWidth);
  }

  async shot(name) {
    mkdirSync(SHOTS, { recursive: true });
    writeFileSync(join(SHOTS, `${this.engine.name}-${name}.png`), Buffer.from(await this.driver.takeScreenshot(), 'base64'));
  }
}
