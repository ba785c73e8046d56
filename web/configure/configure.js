// The configuration page: every change to the form updates the live widget
// beside it and the snippet to copy. The widget itself checks each value (a
// bad one is ignored with a console warning); this page asks it why it would
// ignore one, explains the two a web manager is most likely to get wrong
// beside their fields, and leaves a refused value out of the snippet.

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

// The options the page offers, by form field name (the attribute's).
const OFFERED = ['lang', 'region', 'theme', 'units', 'clinic-name', 'emergency-number', 'booking-url'];

// The fields whose refused value the page explains beside them.
const EXPLAINED = { 'emergency-number': 'cf-emergency-error', 'booking-url': 'cf-booking-error' };

// Why the widget would ignore each value, by option: the widget's own checks
// (its wasm's warnings, `foot-triage: name="value" ignored: why`), so this
// page writes none of its own.
async function refusals() {
  try {
    const warnings = await widget.warnings();
    return Object.fromEntries(
      warnings.map((w) => {
        const [, name, why] = /^foot-triage: ([a-z-]+)="[^]*?" ignored: ([^]*)$/.exec(w) ?? [];
        return [name, why ? `${why[0].toUpperCase()}${why.slice(1)}.` : w];
      }),
    );
  } catch (error) {
    // The widget cannot run here: every value goes in the snippet unchecked.
    console.warn('foot-triage: the options could not be checked', error);
    return {};
  }
}

let round = 0;
async function update() {
  const values = OFFERED.map((name) => [name, name === 'theme' ? (form.querySelector('input[name="theme"]:checked')?.value ?? '') : value(name)]);
  for (const [name, v] of values) {
    if (v) widget.setAttribute(name, v);
    else widget.removeAttribute(name);
  }
  const accent = value('accent').toLowerCase();
  const custom = accent && accent !== DEFAULT_ACCENT;
  if (custom) widget.style.setProperty('--foot-triage-accent', accent);
  else widget.style.removeProperty('--foot-triage-accent');
  const base = value('base') || './';

  // The snippet is marked pending until the widget has checked the values.
  const mine = ++round;
  html.dataset.pending = '';
  const refused = await refusals();
  if (mine !== round) return; // a newer change is on its way
  delete html.dataset.pending;
  const options = [];
  for (const [name, v] of values) {
    const why = v ? refused[name] : undefined;
    if (EXPLAINED[name]) {
      document.getElementById(EXPLAINED[name]).textContent = why ?? '';
      field(name).setAttribute('aria-invalid', why ? 'true' : 'false');
    }
    // A refused value is left out of the snippet, as the widget ignores it.
    if (v && !why) options.push([name, v]);
  }
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
