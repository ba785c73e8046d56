// @ts-check
// The app taking over from the prerendered screens: it mounts in a hidden
// sibling of the prerendered root with what was pressed there, then the two
// swap. Yew renders on its scheduler, just after mount returns; the swap
// follows in one task, so nothing flashes or moves.

/** Which control had focus, so the same one has it after the swap. */
const CONTROLS = ['data-ft-start', 'data-ft-remember', 'data-ft-erase', 'data-ft-open', 'data-ft-lang'];

/**
 * @typedef {{ begin: boolean, remember: boolean, answer: { question: string, value: string } | null }} Early
 * @typedef {import('./loader.js').WidgetBindings} WidgetBindings
 * @typedef {import('foot-triage:widget').Widget} Widget
 */

/**
 * Mounts the app beside `root` and swaps it in. A click on the prerendered
 * screen in between is not lost: the app starts again with it.
 * @param {object} on
 * @param {ShadowRoot} on.shadow
 * @param {HTMLElement} on.root the prerendered screens
 * @param {WidgetBindings} on.bindings
 * @param {() => Record<string, string | null>} on.attributes
 * @param {() => Early} on.early what was pressed so far
 * @param {() => boolean} on.current whether `root` is still the element's
 * @param {(widget: Widget | null) => void} on.mounted
 * @param {(next: HTMLElement) => void} on.swapped
 */
export function takeOver(on) {
  const { shadow, root, bindings } = on;
  const next = document.createElement('div');
  next.className = 'ft-host';
  next.hidden = true;
  root.after(next);
  const early = JSON.stringify(on.early());
  const widget = bindings.mount(next, on.attributes(), on.early());
  on.mounted(widget);
  setTimeout(() => {
    if (!on.current()) return; // removed meanwhile
    if (JSON.stringify(on.early()) !== early) {
      widget.unmount();
      widget.free();
      on.mounted(null);
      next.remove();
      return takeOver(on);
    }
    // Focus stays where it was: on the same control or heading when the
    // app shows the same screen, else on the app's screen's heading (the
    // second question, after an early answer); never taken from the page.
    const active = shadow.activeElement;
    const inside = active && root.contains(active);
    const control = inside && CONTROLS.find((name) => active.hasAttribute(name));
    const same = control ? next.querySelector(`[${control}]`) : inside && active.id && next.querySelector(`#${CSS.escape(active.id)}`);
    root.remove();
    on.swapped(next);
    if (inside) /** @type {HTMLElement | null} */ (same || next.querySelector('h2[tabindex]'))?.focus();
  }, 0);
}
