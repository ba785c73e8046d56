// Foot Triage: the <foot-triage> element. A host page needs only
//   <script type="module" src="https://HOST/PATH/embed.js"></script>
//   <foot-triage></foot-triage>
// Every file this loads is resolved against this script's own URL, so the
// widget can live on another path or origin than the page. Each element gets
// its own shadow root (the page's CSS and the widget's never meet) and its
// own app; removing the element unmounts it. tools/post-build.mjs fills in
// this build's hashed file names.

const files = { js: '__WIDGET_JS__', wasm: '__WIDGET_WASM__', css: '__WIDGET_CSS__' };
const url = (name) => new URL(name, import.meta.url).href;

// The attributes the widget reads (src/widget_config.rs checks them).
const ATTRIBUTES = [
  'units', 'lang', 'theme', 'clinic-name', 'clinic-url', 'clinic-phone', 'emergency-number', 'remember', 'id',
];

// One wasm module for the whole page, loaded on first use.
let module;
function load() {
  module ??= import(url(files.js)).then(async (bindings) => {
    await bindings.default({ module_or_path: url(files.wasm) });
    return bindings;
  });
  return module;
}

class FootTriageElement extends HTMLElement {
  static get observedAttributes() {
    return ATTRIBUTES;
  }

  #root = null;
  #widget = null;

  connectedCallback() {
    if (this.#root) return;
    const shadow = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    const style = document.createElement('link');
    style.rel = 'stylesheet';
    style.href = url(files.css);
    const root = document.createElement('div');
    root.className = 'ft-host';
    const loading = document.createElement('p');
    loading.className = 'ft-loading';
    loading.textContent = 'Loading Foot Triage…';
    root.append(loading);
    shadow.replaceChildren(style, root);
    this.#root = root;
    load().then(
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
    this.#widget?.unmount();
    this.#widget?.free();
    this.#widget = null;
    this.#root = null;
  }

  attributeChangedCallback() {
    this.#widget?.update(this.#attributes());
  }

  #attributes() {
    return Object.fromEntries(ATTRIBUTES.map((name) => [name, this.getAttribute(name)]));
  }
}

if (!customElements.get('foot-triage')) customElements.define('foot-triage', FootTriageElement);
