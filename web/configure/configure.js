// The configuration page: every change to the form updates the live widget
// beside it and the snippet to copy. The widget itself checks each value (a
// bad one is ignored with a console warning); this page only explains the two
// a web manager is most likely to get wrong, and leaves a refused value out
// of the snippet, as the widget would ignore it.

import './embed.js';

const form = document.getElementById('options');
const widget = document.getElementById('cf-widget');
const html = document.getElementById('cf-html');
const css = document.getElementById('cf-css');
const cssLabel = document.getElementById('cf-css-label');
const DEFAULT_ACCENT = '#0b5cad';

// The hash of embed.js, for the snippet's `integrity` (the build writes it).
let integrity = '';
fetch('./integrity.json')
  .then((r) => (r.ok ? r.json() : {}))
  .then((hashes) => {
    integrity = hashes['embed.js'] ?? '';
    update();
  })
  .catch(() => update());

const escape = (s) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const field = (name) => form.elements.namedItem(name);
const value = (name) => (field(name)?.value ?? '').trim();

// The two checks the page explains; the widget makes the same ones.
const CHECKS = {
  'emergency-number': [(v) => /^[0-9]{2,6}$/.test(v), 'Use digits only, 2 to 6 of them, such as 999 or 112.'],
  'booking-url': [(v) => /^https:\/\/[^\s"'<>\\`@/]+/i.test(v), 'Use a full https:// address; other links are ignored.'],
};

function update() {
  const options = [];
  for (const name of ['lang', 'theme', 'units', 'clinic-name', 'emergency-number', 'booking-url']) {
    const v = name === 'theme' ? (form.querySelector('input[name="theme"]:checked')?.value ?? '') : value(name);
    const check = CHECKS[name];
    const ok = !v || !check || check[0](v);
    if (check) {
      const error = document.getElementById(`cf-${name === 'emergency-number' ? 'emergency' : 'booking'}-error`);
      error.textContent = ok ? '' : check[1];
      field(name).setAttribute('aria-invalid', ok ? 'false' : 'true');
    }
    if (v && ok) {
      options.push([name, v]);
      widget.setAttribute(name, v);
    } else {
      widget.removeAttribute(name);
    }
  }
  const accent = value('accent').toLowerCase();
  const custom = accent && accent !== DEFAULT_ACCENT;
  if (custom) widget.style.setProperty('--foot-triage-accent', accent);
  else widget.style.removeProperty('--foot-triage-accent');

  const base = value('base') || './';
  const src = `${base.replace(/\/?$/, '/')}embed.js`;
  const pin = integrity ? `\n  integrity="${integrity}" crossorigin="anonymous"` : '';
  const attributes = options.map(([n, v]) => ` ${n}="${escape(v)}"`).join('');
  html.value = `<script type="module" src="${escape(src)}"${pin}></script>\n<foot-triage${attributes}></foot-triage>`;
  css.value = custom ? `foot-triage { --foot-triage-accent: ${accent}; }` : '';
  css.hidden = !custom;
  cssLabel.hidden = !custom;
}

form.addEventListener('input', update);
form.addEventListener('change', update);
update();

document.getElementById('cf-copy').addEventListener('click', async () => {
  const status = document.getElementById('cf-copied');
  const text = css.value ? `${html.value}\n<!-- In your stylesheet: ${css.value} -->` : html.value;
  try {
    await navigator.clipboard.writeText(text);
    status.textContent = 'Copied. Paste it into your page.';
  } catch {
    html.select();
    status.textContent = 'Copying is not available here: the snippet is selected, copy it with your keyboard.';
  }
});
