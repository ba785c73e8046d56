// Foot Triage: the <foot-triage> element. A host page needs only
//   <script type="module" src="https://HOST/PATH/embed.js"></script>
//   <foot-triage></foot-triage>
// Every file this loads is resolved against this script's own URL, so the
// widget can live on another path or origin than the page. Each element gets
// its own shadow root (the page's CSS and the widget's never meet) and its
// own app; removing the element unmounts it. tools/post-build.mjs fills in
// this build's hashed file names.
//
// The first screen is painted at once, before the wasm arrives: the build
// renders it from the widget's own Rust (src/bin/prerender.rs, the same
// functions the widget runs) and the hook writes it into FIRST below. When
// the wasm has rendered the same screen in a hidden sibling, the two swap in
// one step. A Start pressed, or "Remember" turned on, in the meantime is
// passed to the app, which honours it. So is the first question: Start
// shows its prerendered screen at once, and the answer pressed on it is
// handed to the app, which then shows the second question. The app is
// mounted only at the runner's first click or key on these screens (or at
// once when it has saved answers to show): see `#wake`.
//
// The words come from two language files per language (written by the build
// from knowledge/lang): the interview's, fetched beside the wasm, and the
// results' (what the causes are, the plan's advice), fetched once the first
// question is up, while the runner answers. The language is the element's
// `lang` attribute (the standalone page's ?lang=), else the browser's
// preferred languages, else English. An English visitor never fetches
// Spanish, and the reverse. The start screen's language buttons
// ([data-ft-lang]) set the element's `lang`; the app keeps its answers.
//
// The recovery diary is a second wasm module, fetched only when a runner
// opens it (the triage's button [data-ft-open="diary"]). It mounts in the
// same shadow root, next to the triage, which is hidden but kept, so its
// answers survive the visit; [data-ft-close="diary"] goes back.

const files = {
  js: '__WIDGET_JS__', wasm: '__WIDGET_WASM__', css: '__WIDGET_CSS__',
  diaryJs: '__DIARY_JS__', diaryWasm: '__DIARY_WASM__', diaryCss: '__DIARY_CSS__',
};
const url = (name) => new URL(name, import.meta.url).href;
const FIRST = __FIRST_SCREEN__;
const LANGUAGES = __LANGUAGES__;
// The sha384 of every file this script loads (the build writes them), so a
// host that pins embed.js with `integrity` pins everything: a changed file
// is refused by the browser rather than run.
const INTEGRITY = __INTEGRITY__;
// Module scripts are fetched in CORS mode; the preload and the stylesheets
// ask the same way, so one check serves both.
const checked = (name) => ({ integrity: INTEGRITY[name] ?? '' });

// The language for an element: its `lang` if the build has it (a region is
// ignored: es-MX is es), else the first of the browser's languages it has,
// else English. A `lang` the build lacks is reported once per value.
const warned = new Set();
const base = (code) => code.trim().toLowerCase().split(/[-_]/)[0];
function language(element) {
  const asked = element.getAttribute('lang') ?? '';
  if (asked.trim()) {
    if (LANGUAGES[base(asked)]) return base(asked);
    if (!warned.has(asked)) {
      warned.add(asked);
      console.warn(`foot-triage: lang="${asked}" ignored: use one of ${Object.keys(LANGUAGES).join(', ')}`);
    }
  }
  for (const code of navigator.languages ?? [navigator.language ?? '']) {
    if (code && LANGUAGES[base(code)]) return base(code);
  }
  return 'en';
}

// Each language file is fetched once per page, as bytes (the wasm reads
// them: bytes are copied in at once, where a string would be re-encoded one
// character at a time); one that failed (offline) is asked for again next
// time.
const languageFiles = {};
function languageFile(code, part) {
  const key = `${code}:${part}`;
  languageFiles[key] ??= fetch(url(LANGUAGES[code][part]), checked(LANGUAGES[code][part])).then((response) => {
    if (!response.ok) throw new Error(`the ${code} ${part} language file answered ${response.status}`);
    return response.arrayBuffer().then((buffer) => new Uint8Array(buffer));
  });
  languageFiles[key].catch(() => delete languageFiles[key]);
  return languageFiles[key];
}

// The first screen for this element's options, or null when an option it
// shows is unusual (the wasm then draws it, as it would anyway). The checks
// are the simple cases of src/widget_config.rs; an end-to-end test compares
// this screen with the wasm's for each kind of value.
function firstScreen(element) {
  const get = (name) => (element.getAttribute(name) ?? '').trim();
  const number = get('emergency-number');
  const clinic = get('clinic-name');
  const theme = get('theme').toLowerCase();
  const remember = get('remember').toLowerCase();
  if (number && !/^[0-9]{2,6}$/.test(number)) return null;
  // Plain text only: markup characters would need escaping, and control
  // characters are refused by the widget.
  if (clinic && (clinic.length > 80 || /[\u0000-\u001f\u007f-\u009f<>&"']/.test(clinic))) return null;
  if (theme && !['auto', 'light', 'dark'].includes(theme)) return null;
  if (remember && !['on', 'off'].includes(remember)) return null;
  const key = `${number ? 1 : 0}${clinic ? 1 : 0}${remember === 'off' ? 0 : 1}`;
  const html = FIRST.languages[language(element)][key].replace(FIRST.number, number).replace(FIRST.clinic, clinic);
  return { html, theme: FIRST.themes[theme] ?? null };
}

// The first question for this element, as the app draws it after Start,
// when the build could prerender it (a one-question screen answered by one
// button) and the element's options allow the first screen too; else null.
function firstQuestion(element) {
  const question = FIRST.questions[language(element)];
  const screen = question && firstScreen(element);
  return screen && { ...question, theme: screen.theme };
}

// Runs `f` after the next frame has painted (a hidden tab paints none).
const afterPaint = (f) => (document.hidden ? setTimeout(f, 0) : requestAnimationFrame(() => setTimeout(f, 0)));

// Which control had focus, so the same one has it after the swap.
const CONTROLS = ['data-ft-start', 'data-ft-remember', 'data-ft-erase', 'data-ft-open', 'data-ft-lang'];

// The attributes the widget reads (src/widget_config.rs checks them).
const ATTRIBUTES = [
  'units', 'lang', 'theme', 'clinic-name', 'clinic-url', 'clinic-phone', 'booking-url', 'emergency-number', 'remember', 'id',
];

// Each wasm module is loaded once for the whole page, on first use. Its
// start-up runs in separate tasks (instantiating, then `prepare` where the
// module has one), so the page stays responsive while it starts.
const modules = {};
const installed = {};
const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));
// `all`: the results' words too, not only the interview's.
function load(js, wasm, code, all = false) {
  // The wasm and the language file are fetched beside the glue rather than
  // after it: one round trip fewer before it can compile (wasm-bindgen's
  // init takes the pending response and still compiles it as it streams in).
  modules[js] ??= Promise.all([importChecked(js), fetch(url(wasm), checked(wasm)), languageFile(code, 'interview')]).then(
    async ([bindings, response]) => {
      await bindings.default({ module_or_path: response });
      await nextTask();
      return bindings;
    },
  );
  return modules[js].then((bindings) => speak(js, bindings, code, all));
}

// Hands a module the words of `code` (in a task of its own, once per part);
// `all` adds the results' words to the interview's.
async function speak(js, bindings, code, all = false) {
  installed[js] ??= new Set();
  for (const part of all ? ['interview', 'results'] : ['interview']) {
    if (installed[js].has(`${code}:${part}`)) continue;
    const error = bindings.prepare(await languageFile(code, part));
    if (error) throw new Error(error);
    installed[js].add(`${code}:${part}`);
    await nextTask();
  }
  return bindings;
}

const stylesheet = (name) => {
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.crossOrigin = 'anonymous';
  link.integrity = INTEGRITY[name] ?? '';
  link.href = url(name);
  return link;
};

// `import()` takes no integrity, so the module is preloaded with one first:
// the import then uses the checked module, and fails if the check did.
const preloaded = new Set();
function importChecked(name) {
  if (!preloaded.has(name)) {
    preloaded.add(name);
    const link = document.createElement('link');
    link.rel = 'modulepreload';
    link.crossOrigin = 'anonymous';
    link.integrity = INTEGRITY[name] ?? '';
    link.href = url(name);
    document.head.append(link);
  }
  return import(url(name));
}

class FootTriageElement extends HTMLElement {
  static get observedAttributes() {
    return ATTRIBUTES;
  }

  #root = null;
  #widget = null;
  // The app has replaced the prerendered screens; until then embed.js answers
  // their clicks itself.
  #taken = false;
  // Lets the app take over: called on the runner's first click or key on the
  // prerendered screens (or at once, for saved answers).
  #wake = () => {};
  #early = { begin: false, remember: false, answer: null };
  #styled = false;
  #diaryRoot = null;
  #diary = null;

  connectedCallback() {
    if (this.#root) return;
    const shadow = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    if (!shadow.ftListening) {
      shadow.addEventListener('click', (event) => this.#clicked(event));
      // A key pressed on the prerendered screens shows the runner is there.
      shadow.addEventListener('keydown', () => !this.#taken && afterPaint(this.#wake));
      // Before the app's own handler, which prints at once: a print asked
      // for from the widget prints the widget alone.
      shadow.addEventListener('click', (event) => {
        if (event.composedPath().some((n) => n instanceof HTMLElement && n.hasAttribute('data-ft-print'))) printing = this;
      }, true);
      shadow.ftListening = true;
    }
    const style = stylesheet(files.css);
    const root = document.createElement('div');
    root.className = 'ft-host';
    this.#early = { begin: false, remember: false, answer: null };
    this.#styled = false;
    this.#taken = false;
    const first = this.#paint(root);
    // The app's start is the page's one long task (its first render runs
    // code the browser compiles then: about 40 ms here, several times that
    // on a slow phone). The prerendered screens answer every click of their
    // own, so the app takes over when the runner first acts on them, once
    // that click's screen has painted, while the runner reads the first
    // question: never while the host page loads. Screens the build could not
    // prerender, and saved answers (the wasm knows where they are kept),
    // which only the app can show, are the app's at once.
    const woken = new Promise((wake) => (this.#wake = wake));
    if (!first) this.#wake();
    if (first) {
      // Unstyled text would flash, then jump, as the stylesheet arrives.
      root.hidden = true;
    }
    // The wasm is fetched once the first screen has painted (or at once when
    // there is none), so it never competes with the stylesheet the painted
    // screen waits for; a sheet that never answers holds it back a second.
    const painted = new Promise((ready) => {
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
      loading.textContent = 'Loading Foot Triage…';
      root.append(loading);
    }
    shadow.replaceChildren(style, root);
    this.#root = root;
    painted.then(() => load(files.js, files.wasm, language(this))).then(
      async (bindings) => {
        // The language may have changed while loading.
        await speak(files.js, bindings, language(this));
        if (this.#root !== root) return; // removed while loading
        if (!first) {
          root.replaceChildren();
          this.#widget = bindings.mount(root, this.#attributes(), this.#early);
          this.#taken = true;
          this.#completeLater();
          return;
        }
        if (bindings.saved(this.#attributes())) this.#wake();
        await woken;
        await speak(files.js, bindings, language(this));
        if (this.#root === root) this.#takeOver(bindings, root);
      },
      (error) => {
        console.error('foot-triage: the widget could not start', error);
        root.textContent =
          'Foot Triage could not start in this browser. If you are worried about your foot, contact a health professional; in an emergency, call your local emergency number.';
      },
    );
  }

  // Mounts the app in a hidden sibling of the prerendered `root` with what
  // was pressed there, then swaps the two. Yew renders on its scheduler, just
  // after mount returns; the swap follows in one task, so nothing flashes or
  // moves. A click on the prerendered screen in between is not lost: the app
  // starts again with it.
  #takeOver(bindings, root) {
    const shadow = this.shadowRoot;
    const next = document.createElement('div');
    next.className = 'ft-host';
    next.hidden = true;
    root.after(next);
    const early = JSON.stringify(this.#early);
    this.#widget = bindings.mount(next, this.#attributes(), this.#early);
    setTimeout(() => {
      if (this.#root !== root) return; // removed meanwhile
      if (JSON.stringify(this.#early) !== early) {
        this.#widget.unmount();
        this.#widget.free();
        this.#widget = null;
        next.remove();
        return this.#takeOver(bindings, root);
      }
      // Focus stays where it was: on the same control or heading when the
      // app shows the same screen, else on the app's screen's heading (the
      // second question, after an early answer); never taken from the page.
      const active = shadow.activeElement;
      const inside = active && root.contains(active);
      const control = inside && CONTROLS.find((name) => active.hasAttribute(name));
      const same = control ? next.querySelector(`[${control}]`) : inside && active.id && next.querySelector(`#${CSS.escape(active.id)}`);
      root.remove();
      this.#root = next;
      this.#taken = true;
      next.hidden = !this.#styled || !!this.#diaryRoot;
      if (inside) (same || next.querySelector('h2[tabindex]'))?.focus();
      this.#completeLater();
    }, 0);
  }

  // The results' words, fetched once the first question is up; the app
  // shows the results without them (what to do, why, when to get help) and
  // fills in the rest when they come. Offline and not cached, it tries again
  // when the browser is back online.
  #completeLater() {
    const code = language(this);
    setTimeout(() => {
      load(files.js, files.wasm, code, true).then(
        () => language(this) === code && this.#widget?.update(this.#attributes()),
        (error) => {
          console.warn('foot-triage: the results\' texts could not be loaded yet', error);
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

  // Paints the prerendered first screen for the current attributes into
  // `root`, or the first question once Start was pressed (with the answer
  // already chosen on it); false when they call for the wasm to draw it.
  #paint(root) {
    const question = this.#early.begin && firstQuestion(this);
    const first = question || firstScreen(this);
    if (!first) return false;
    root.innerHTML = first.html;
    if (first.theme) root.firstElementChild.classList.add(first.theme);
    root.dataset.ftPrerendered = '';
    if (question) {
      const chosen = this.#early.answer;
      if (chosen) {
        root.querySelector(`[data-ft-answer="${CSS.escape(chosen.value)}"]`)?.setAttribute('aria-pressed', 'true');
        const status = root.querySelector('#ft-error');
        status.textContent = question.waiting;
        status.dataset.ftWaiting = '';
      }
      return true;
    }
    for (const [name, on] of [['data-ft-start', this.#early.begin], ['data-ft-remember', this.#early.remember]]) {
      if (on) root.querySelector(`[${name}]`)?.setAttribute(name === 'data-ft-start' ? 'aria-busy' : 'aria-checked', 'true');
    }
    return true;
  }

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
    if (this.#widget) ready.push(load(files.js, files.wasm, code, true));
    if (this.#diary) ready.push(load(files.diaryJs, files.diaryWasm, code, true));
    Promise.all(ready).then(
      () => language(this) === code && apply(),
      (error) => console.error(`foot-triage: the ${code} texts could not be loaded`, error),
    );
  }

  #clicked(event) {
    const target = event.composedPath().find((node) => node instanceof HTMLElement && node.dataset);
    // Clicks on the prerendered screens, before the wasm has taken over.
    // Start shows the first question (when the build drew it) with its
    // heading focused, as the app does; the answer pressed on it is kept for
    // the app, which checks it like any other, and says it is on its way;
    // Back returns to the start screen.
    const root = this.#root;
    if (!this.#taken && root?.hasAttribute('data-ft-prerendered') && root.contains(target)) {
      const start = target.closest('[data-ft-start]');
      if (start) {
        this.#early.begin = true;
        if (firstQuestion(this)) {
          this.#paint(root);
          root.querySelector('h2[tabindex]')?.focus();
        } else {
          start.setAttribute('aria-busy', 'true');
        }
      }
      const remember = target.closest('[data-ft-remember]');
      if (remember) {
        this.#early.remember = !this.#early.remember;
        remember.setAttribute('aria-checked', String(this.#early.remember));
      }
      const question = root.querySelector('[data-ft-question]');
      const chosen = question && target.closest('[data-ft-answer]');
      if (chosen) {
        this.#early.answer = { question: question.dataset.ftQuestion, value: chosen.dataset.ftAnswer };
        this.#paint(root);
        // The repaint replaced the button: a keyboard keeps its place.
        root.querySelector('[data-ft-answer][aria-pressed="true"]')?.focus();
      }
      if (question && target.closest('[data-ft-back]')) {
        this.#early = { ...this.#early, begin: false, answer: null };
        this.#paint(root);
        root.querySelector('h2[tabindex]')?.focus();
      }
      afterPaint(this.#wake);
    }
    const switchTo = target?.closest('[data-ft-lang]');
    if (switchTo) this.setAttribute('lang', switchTo.dataset.ftLang);
    const open = target?.closest('[data-ft-open="diary"]');
    if (open) this.#openDiary(open.dataset.ftAnswers || '{}', open.dataset.ftRemembering === 'on');
    if (target?.closest('[data-ft-close="diary"]')) this.#closeDiary(true);
  }

  #openDiary(answers, remember) {
    if (!this.#root || this.#diaryRoot) return;
    const shadow = this.shadowRoot;
    const root = document.createElement('div');
    root.className = 'ft-host';
    const loading = document.createElement('p');
    loading.className = 'ft-loading';
    loading.setAttribute('role', 'status');
    loading.textContent = 'Opening the recovery diary…';
    root.append(loading);
    if (!shadow.querySelector('link[data-ft-diary-css]')) {
      const style = stylesheet(files.diaryCss);
      style.dataset.ftDiaryCss = '';
      shadow.insertBefore(style, this.#root);
    }
    this.#root.hidden = true;
    shadow.append(root);
    this.#diaryRoot = root;
    const code = language(this);
    load(files.diaryJs, files.diaryWasm, code, true).then(
      (bindings) => {
        if (this.#diaryRoot !== root) return; // closed while loading
        root.replaceChildren();
        this.#diary = bindings.mount(root, this.#attributes(), answers, remember);
        // Yew renders on its scheduler, just after mount returns.
        setTimeout(() => root.querySelector('h2')?.focus(), 0);
      },
      (error) => {
        console.error('foot-triage: the diary could not start', error);
        loading.textContent =
          'The recovery diary could not open (are you offline?). Your triage is unchanged: reload the page to try again.';
        const back = document.createElement('button');
        back.type = 'button';
        back.textContent = 'Back to the triage';
        back.dataset.ftClose = 'diary';
        root.append(back);
      },
    );
  }

  #closeDiary(focus) {
    if (!this.#diaryRoot) return;
    this.#diary?.unmount();
    this.#diary?.free();
    this.#diary = null;
    this.#diaryRoot.remove();
    this.#diaryRoot = null;
    if (!this.#root) return;
    this.#root.hidden = false;
    if (focus) this.#root.querySelector('[data-ft-open="diary"]')?.focus();
  }

  // The attributes for the wasm, with the language already chosen.
  #attributes() {
    return { ...Object.fromEntries(ATTRIBUTES.map((name) => [name, this.getAttribute(name)])), lang: language(this) };
  }
}

// Printing shows everything: every closed disclosure in every widget opens
// for the print and closes again after it. A print asked for from a widget's
// own button (`printing`) prints that widget alone: everything of the host
// page around it is hidden for the print, through the CSS object model, which
// a strict Content Security Policy allows.
let openedForPrint = [];
let printing = null;
let hiddenForPrint = [];
addEventListener('beforeprint', () => {
  openedForPrint = [];
  for (const element of document.querySelectorAll('foot-triage')) {
    for (const details of element.shadowRoot?.querySelectorAll('details:not([open])') ?? []) {
      details.open = true;
      openedForPrint.push(details);
    }
  }
  hiddenForPrint = [];
  for (let node = printing; node && node !== document.body && node.parentElement; node = node.parentElement) {
    for (const sibling of node.parentElement.children) {
      if (sibling === node || sibling.style.display === 'none') continue;
      hiddenForPrint.push([sibling, sibling.style.getPropertyValue('display'), sibling.style.getPropertyPriority('display')]);
      sibling.style.setProperty('display', 'none', 'important');
    }
  }
});
addEventListener('afterprint', () => {
  for (const details of openedForPrint) details.open = false;
  for (const [element, value, priority] of hiddenForPrint) element.style.setProperty('display', value, priority);
  openedForPrint = [];
  hiddenForPrint = [];
  printing = null;
});

if (!customElements.get('foot-triage')) customElements.define('foot-triage', FootTriageElement);
