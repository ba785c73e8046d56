// Foot Triage: the <foot-triage> element. A host page needs only
//   <script type="module" src="https://HOST/PATH/embed.js"></script>
//   <foot-triage></foot-triage>
// Every file this loads is resolved against this script's own URL, so the
// widget can live on another path or origin than the page. Each element gets
// its own shadow root (the page's CSS and the widget's never meet) and its
// own app; removing the element unmounts it. tools/post-build.mjs fills in
// this build's hashed file names.
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

// The attributes the widget reads (src/widget_config.rs checks them).
const ATTRIBUTES = [
  'units', 'lang', 'theme', 'clinic-name', 'clinic-url', 'clinic-phone', 'emergency-number', 'remember', 'id',
];

// Each wasm module is loaded once for the whole page, on first use.
const modules = {};
function load(js, wasm) {
  modules[js] ??= import(url(js)).then(async (bindings) => {
    await bindings.default({ module_or_path: url(wasm) });
    return bindings;
  });
  return modules[js];
}

const stylesheet = (name) => {
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = url(name);
  return link;
};

class FootTriageElement extends HTMLElement {
  static get observedAttributes() {
    return ATTRIBUTES;
  }

  #root = null;
  #widget = null;
  #diaryRoot = null;
  #diary = null;

  connectedCallback() {
    if (this.#root) return;
    const shadow = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    if (!shadow.ftListening) {
      shadow.addEventListener('click', (event) => this.#clicked(event));
      shadow.ftListening = true;
    }
    const style = stylesheet(files.css);
    const root = document.createElement('div');
    root.className = 'ft-host';
    const loading = document.createElement('p');
    loading.className = 'ft-loading';
    loading.textContent = 'Loading Foot Triage…';
    root.append(loading);
    shadow.replaceChildren(style, root);
    this.#root = root;
    load(files.js, files.wasm).then(
      (bindings) => {
        if (this.#root !== root) return; // removed while loading
        root.replaceChildren();
        this.#widget = bindings.mount(root, this.#attributes());
      },
      (error) => {
        console.error('foot-triage: the widget could not start', error);
        root.textContent =
          'Foot Triage could not start in this browser. If you are worried about your foot, contact a health professional; in an emergency, call your local emergency number.';
      },
    );
  }

  disconnectedCallback() {
    this.#closeDiary(false);
    this.#widget?.unmount();
    this.#widget?.free();
    this.#widget = null;
    this.#root = null;
  }

  attributeChangedCallback() {
    this.#widget?.update(this.#attributes());
    this.#diary?.update(this.#attributes());
  }

  #clicked(event) {
    const target = event.composedPath().find((node) => node instanceof HTMLElement && node.dataset);
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
    load(files.diaryJs, files.diaryWasm).then(
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

  #attributes() {
    return Object.fromEntries(ATTRIBUTES.map((name) => [name, this.getAttribute(name)]));
  }
}

if (!customElements.get('foot-triage')) customElements.define('foot-triage', FootTriageElement);
