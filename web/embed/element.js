// @ts-check
// The <foot-triage> element. Each element gets its own shadow root (the
// page's CSS and the widget's never meet) and its own app; removing the
// element unmounts it.
//
// The first screen is painted at once, before the wasm arrives
// (prerendered.js). When the wasm has rendered the same screen in a hidden
// sibling, the two swap in one step (takeover.js). A Start pressed, or
// "Remember" turned on, in the meantime is passed to the app, which honours
// it. So is the first question: Start shows its prerendered screen at once,
// and the answer pressed on it is handed to the app, which then shows the
// second question. The app is mounted only at the runner's first click or
// key on these screens (or at once when it has saved answers to show): see
// `#wake`. When the full triage cannot run, the danger-sign check takes the
// screen (fallback.js).
//
// The words come from two language files per language (written by the build
// from knowledge/lang): the interview's, fetched beside the wasm, and the
// results' (what the causes are, the plan's advice), fetched once the first
// question is up, while the runner answers. The start screen's language
// buttons ([data-ft-lang]) set the element's `lang`; the app keeps its
// answers.

import { FILES, OPTIONS, WORDS } from 'foot-triage:facts';
import { DiaryVisit } from './diary.js';
import { showFallback } from './fallback.js';
import { language } from './language.js';
import { region } from './region.js';
import { load, speak, stylesheet } from './loader.js';
import { firstQuestion, firstScreen } from './prerendered.js';
import { printFrom } from './print.js';
import { takeOver } from './takeover.js';

/**
 * @typedef {import('./takeover.js').Early} Early
 * @typedef {import('./takeover.js').Widget} Widget
 * @typedef {import('./loader.js').WidgetBindings} WidgetBindings
 */

/**
 * Runs `f` after the next frame has painted (a hidden tab paints none).
 * @param {() => void} f
 */
const afterPaint = (f) => (document.hidden ? setTimeout(f, 0) : requestAnimationFrame(() => setTimeout(f, 0)));

/** @returns {Early} */
const nothingPressed = () => ({ begin: false, remember: false, answer: null });

export class FootTriageElement extends HTMLElement {
  static get observedAttributes() {
    return OPTIONS.attributes;
  }

  /** @type {HTMLElement | null} */
  #root = null;
  /** @type {Widget | null} */
  #widget = null;
  // The app has replaced the prerendered screens (or the danger-sign check
  // has); until then this element answers their clicks itself.
  #taken = false;
  // Lets the app take over: called on the runner's first click or key on the
  // prerendered screens (or at once, for saved answers).
  /** @type {(value?: unknown) => void} */
  #wake = () => {};
  // Lets the wasm load: called once the first screen has painted, or at the
  // runner's first click or key on it, whichever comes first (a runner who
  // acts on the screen has seen it, and should not wait a frame more).
  /** @type {() => void} */
  #seen = () => {};
  #early = nothingPressed();
  #styled = false;
  /** @type {DiaryVisit | null} */
  #diary = null;

  /** The trimmed value of an option ("" when not set). */
  #get = (/** @type {string} */ name) => (this.getAttribute(name) ?? '').trim();

  connectedCallback() {
    if (this.#root) return;
    const shadow = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    if (!shadow.ftListening) {
      shadow.addEventListener('click', (event) => this.#clicked(event));
      // A key pressed on the prerendered screens shows the runner is there.
      shadow.addEventListener('keydown', () => {
        if (this.#taken) return;
        this.#seen();
        afterPaint(this.#wake);
      });
      // Before the app's own handler, which prints at once: a print asked
      // for from the widget prints the widget alone.
      shadow.addEventListener(
        'click',
        (event) => {
          if (event.composedPath().some((n) => n instanceof HTMLElement && n.hasAttribute('data-ft-print'))) printFrom(this);
        },
        true,
      );
      shadow.ftListening = true;
    }
    const style = stylesheet(FILES.css);
    const root = document.createElement('div');
    root.className = 'ft-host';
    this.#early = nothingPressed();
    this.#styled = false;
    this.#taken = false;
    this.removeAttribute('data-ready');
    const first = this.#paint(root);
    // The app's start is the page's one long task (its first render runs
    // code the browser compiles then: about 40 ms here, several times that
    // on a slow phone). The prerendered screens answer every click of their
    // own, so the app takes over when the runner first acts on them, once
    // that click's screen has painted, while the runner reads the first
    // question: never while the host page loads. Screens the build could not
    // prerender, and saved answers (the wasm knows where they are kept),
    // which only the app can show, are the app's at once.
    let awake = false;
    /** @type {Promise<void>} */
    const woken = new Promise(
      (wake) =>
        (this.#wake = () => {
          awake = true;
          wake();
        }),
    );
    if (!first) this.#wake();
    // Unstyled text would flash, then jump, as the stylesheet arrives.
    if (first) root.hidden = true;
    // The wasm is fetched once the first screen has painted, or the runner
    // has acted on it (or at once when there is none), so it never competes
    // with the stylesheet the painted screen waits for; a sheet that never
    // answers holds it back a second.
    /** @type {Promise<void>} */
    const painted = new Promise((ready) => {
      // The requests go out at once, not a microtask later: a click's
      // handler lays out the screen it draws, and the network can work
      // meanwhile. The load is shared, so awaiting it below starts nothing
      // twice; its failure is handled there. Only the first act asks.
      let asked = false;
      this.#seen = () => {
        if (!asked) load(FILES.js, FILES.wasm, language(this)).catch(() => {});
        asked = true;
        ready();
      };
      if (!first) return ready();
      let shown = false;
      const show = () => {
        if (shown) return;
        shown = true;
        this.#styled = true;
        if (this.#root) this.#root.hidden = false;
        afterPaint(ready);
      };
      style.addEventListener('load', show, { once: true });
      style.addEventListener('error', show, { once: true });
      setTimeout(show, 1000);
    });
    if (!first) {
      const loading = document.createElement('p');
      loading.className = 'ft-loading';
      loading.textContent = WORDS[language(this)].loading;
      root.append(loading);
    }
    shadow.replaceChildren(style, root);
    this.#root = root;
    painted
      .then(() => /** @type {Promise<WidgetBindings>} */ (load(FILES.js, FILES.wasm, language(this))))
      .then(
        async (bindings) => {
          // The language may have changed while loading.
          await speak(FILES.js, bindings, language(this));
          if (this.#root !== root) return; // removed while loading
          if (!first) {
            root.replaceChildren();
            this.#widget = bindings.mount(root, this.#attributes(), this.#early);
            this.#taken = true;
            this.setAttribute('data-ready', '');
            this.#completeLater();
            return;
          }
          // Saved answers only matter to a runner who has not acted yet:
          // one who has is taken over from at once anyway.
          if (!awake && bindings.saved(this.#attributes())) this.#wake();
          // The app is loaded and speaks the language: from here it takes
          // over at the runner's first action. The attribute says so, so a
          // test (or a host page) waits for this instead of guessing a time.
          this.setAttribute('data-ready', '');
          await woken;
          await speak(FILES.js, bindings, language(this));
          if (this.#root !== root) return;
          takeOver({
            shadow,
            root,
            bindings,
            attributes: () => this.#attributes(),
            early: () => this.#early,
            current: () => this.#root === root,
            mounted: (widget) => (this.#widget = widget),
            swapped: (next) => {
              this.#root = next;
              this.#taken = true;
              next.hidden = !this.#styled || !!this.#diary;
              this.#completeLater();
            },
          });
        },
        (error) => {
          console.error('foot-triage: the widget could not start', error);
          if (this.#root !== root) return;
          // The prerendered screens' clicks no longer apply.
          this.#taken = true;
          showFallback(root, language(this), this.#get('emergency-number'), region(this), () => this.#root === root);
        },
      );
  }

  // The results' words, fetched once the first question is up; the app
  // shows the results without them (what to do, why, when to get help) and
  // fills in the rest when they come. Offline and not cached, it tries again
  // when the browser is back online.
  #completeLater() {
    const code = language(this);
    setTimeout(() => {
      load(FILES.js, FILES.wasm, code, true).then(
        () => language(this) === code && this.#widget?.update(this.#attributes()),
        (error) => {
          console.warn("foot-triage: the results' texts could not be loaded yet", error);
          addEventListener('online', () => this.#completeLater(), { once: true });
        },
      );
    }, 0);
  }

  // Moving the element (frameworks remove and insert it again when they
  // re-render) keeps the app and its answers: the shadow root moves with
  // the element, so teardown waits a task and happens only if the element
  // is still out of the page.
  disconnectedCallback() {
    setTimeout(() => {
      if (this.isConnected) return;
      this.#closeDiary(false);
      this.#widget?.unmount();
      this.#widget?.free();
      this.#widget = null;
      this.#root = null;
    }, 0);
  }

  /**
   * Paints the prerendered first screen for the current attributes into
   * `root`, or the first question once Start was pressed (with the answer
   * already chosen on it); false when they call for the wasm to draw it.
   * @param {HTMLElement} root
   */
  #paint(root) {
    const code = language(this);
    const question = this.#early.begin ? firstQuestion(this.#get, code, region(this)) : null;
    const first = question || firstScreen(this.#get, code, region(this));
    if (!first) return false;
    root.innerHTML = first.html;
    if (first.theme) root.firstElementChild?.classList.add(first.theme);
    root.dataset.ftPrerendered = '';
    if (question) {
      const chosen = this.#early.answer;
      const status = /** @type {HTMLElement | null} */ (root.querySelector('#ft-error'));
      if (chosen && status) {
        root.querySelector(`[data-ft-answer="${CSS.escape(chosen.value)}"]`)?.setAttribute('aria-pressed', 'true');
        status.textContent = question.waiting;
        status.dataset.ftWaiting = '';
      }
      return true;
    }
    for (const [name, on] of /** @type {const} */ ([
      ['data-ft-start', this.#early.begin],
      ['data-ft-remember', this.#early.remember],
    ])) {
      if (on) root.querySelector(`[${name}]`)?.setAttribute(name === 'data-ft-start' ? 'aria-busy' : 'aria-checked', 'true');
    }
    return true;
  }

  /** @param {string} name */
  attributeChangedCallback(name) {
    // Attributes set after the element started (the standalone page's URL
    // parameters, a host's script) repaint the prerendered screen.
    // Attributes the prerender cannot draw leave the screen to the app.
    if (!this.#taken && this.#root?.hasAttribute('data-ft-prerendered') && !this.#paint(this.#root)) this.#wake();
    const code = language(this);
    const apply = () => {
      this.#widget?.update(this.#attributes());
      this.#diary?.update(this.#attributes());
    };
    if (name !== 'lang' || (!this.#widget && !this.#diary)) return apply();
    // A new language: both modules get its words first. Offline, with the
    // file not cached, the widget stays in the language it has.
    const ready = [];
    if (this.#widget) ready.push(load(FILES.js, FILES.wasm, code, true));
    if (this.#diary) ready.push(load(FILES.diaryJs, FILES.diaryWasm, code, true));
    Promise.all(ready).then(
      () => language(this) === code && apply(),
      (error) => console.error(`foot-triage: the ${code} texts could not be loaded`, error),
    );
  }

  /** @param {Event} event */
  #clicked(event) {
    const target = /** @type {HTMLElement | undefined} */ (
      event.composedPath().find((node) => node instanceof HTMLElement && node.dataset)
    );
    if (!target) return;
    // Clicks on the prerendered screens, before the wasm has taken over.
    // Start shows the first question (when the build drew it) with its
    // heading focused, as the app does; the answer pressed on it is kept for
    // the app, which checks it like any other, and says it is on its way;
    // Back returns to the start screen.
    const root = this.#root;
    if (!this.#taken && root?.hasAttribute('data-ft-prerendered') && root.contains(target)) {
      this.#seen();
      const focusHeading = () => /** @type {HTMLElement | null} */ (root.querySelector('h2[tabindex]'))?.focus();
      const start = target.closest('[data-ft-start]');
      if (start) {
        this.#early.begin = true;
        if (firstQuestion(this.#get, language(this), region(this))) {
          this.#paint(root);
          focusHeading();
        } else {
          start.setAttribute('aria-busy', 'true');
        }
      }
      const remember = target.closest('[data-ft-remember]');
      if (remember) {
        this.#early.remember = !this.#early.remember;
        remember.setAttribute('aria-checked', String(this.#early.remember));
      }
      const question = /** @type {HTMLElement | null} */ (root.querySelector('[data-ft-question]'));
      const chosen = question && /** @type {HTMLElement | null} */ (target.closest('[data-ft-answer]'));
      if (question && chosen) {
        this.#early.answer = { question: question.dataset.ftQuestion ?? '', value: chosen.dataset.ftAnswer ?? '' };
        this.#paint(root);
        // The repaint replaced the button: a keyboard keeps its place.
        /** @type {HTMLElement | null} */ (root.querySelector('[data-ft-answer][aria-pressed="true"]'))?.focus();
      }
      if (question && target.closest('[data-ft-back]')) {
        this.#early = { ...this.#early, begin: false, answer: null };
        this.#paint(root);
        focusHeading();
      }
      afterPaint(this.#wake);
    }
    const switchTo = /** @type {HTMLElement | null} */ (target.closest('[data-ft-lang]'));
    if (switchTo?.dataset.ftLang) this.setAttribute('lang', switchTo.dataset.ftLang);
    const open = /** @type {HTMLElement | null} */ (target.closest('[data-ft-open="diary"]'));
    if (open) this.#openDiary(open.dataset.ftAnswers || '{}', open.dataset.ftRemembering === 'on');
    if (target.closest('[data-ft-close="diary"]')) this.#closeDiary(true);
  }

  /**
   * @param {string} answers
   * @param {boolean} remember
   */
  #openDiary(answers, remember) {
    if (!this.#root || this.#diary || !this.shadowRoot) return;
    this.#diary = new DiaryVisit(this.shadowRoot, this.#root, language(this), this.#attributes(), answers, remember);
  }

  /** @param {boolean} focus */
  #closeDiary(focus) {
    this.#diary?.close(this.#root, focus);
    this.#diary = null;
  }

  /**
   * Why each of the element's values the widget would ignore is ignored
   * (the widget's own checks, from its wasm), for the configuration page.
   * @returns {Promise<string[]>}
   */
  async warnings() {
    const bindings = /** @type {WidgetBindings} */ (await load(FILES.js, FILES.wasm, language(this)));
    return bindings.warnings(this.#attributes());
  }

  // The attributes for the wasm, with the language already chosen, and the
  // region too when the element names none (an unknown one is left for the
  // wasm to warn about).
  #attributes() {
    const given = Object.fromEntries(OPTIONS.attributes.map((name) => [name, this.getAttribute(name)]));
    return { ...given, lang: language(this), region: given.region ?? region(this) };
  }
}
