// @ts-check
// The danger-sign check, for a browser where the full triage cannot run (no
// WebAssembly, its file blocked, lost or changed, a language file missing).
// The build renders it in every language (src/shell/fallback.rs) and counts,
// from the engine's own `assess`, what each sign and each combination calls
// for; this module only paints it, reads the marks and shows the outcome.
// If even its file cannot be fetched: the emergency advice alone.

import { FIRST, LANGUAGES, REGIONS, WORDS } from 'foot-triage:facts';
import { numberToCall } from './region.js';
import { failureScreen } from './failure.js';
import { checked, url } from './loader.js';
import { usableNumber } from './prerendered.js';

/**
 * What the marked signs call for, as the build counted it (0 home care to 4
 * an ambulance): the highest of each marked sign's own (ticked, or "not
 * sure") and of every combination whose signs are all marked. A sign the
 * check does not know counts as an ambulance: the safer reading.
 * @param {DangerCheck} check
 * @param {Record<string, 'yes' | 'not_sure'>} marked
 */
export function decide(check, marked) {
  let best = 0;
  for (const [id, how] of Object.entries(marked)) {
    const [yes, unsure] = check.signs[id] ?? [4, 4];
    best = Math.max(best, how === 'not_sure' ? unsure : yes);
  }
  for (const [ids, level] of check.combos) if (ids.every((id) => id in marked)) best = Math.max(best, level);
  return best;
}

/**
 * The signs marked on the screen in `root`: ticked, or their "Not sure"
 * pressed.
 * @param {ParentNode} root
 * @param {DangerCheck} check
 */
function marks(root, check) {
  /** @type {Record<string, 'yes' | 'not_sure'>} */
  const marked = {};
  for (const id of Object.keys(check.signs)) {
    const box = /** @type {HTMLInputElement | null} */ (root.querySelector(`input[data-ft-item="${id}"]`));
    if (box?.checked) marked[id] = 'yes';
    else if (root.querySelector(`[data-ft-item-unsure="${id}"]`)?.getAttribute('aria-pressed') === 'true') marked[id] = 'not_sure';
  }
  return marked;
}

/**
 * A click on the check: a sign's own "Not sure" (which clears its tick), or
 * the button, which shows the outcome and moves focus to it.
 * @param {Event} event
 * @param {HTMLElement} root
 * @param {DangerCheck} check
 * @param {string[]} outcomes what each outcome says, for this runner
 */
function clicked(event, root, check, outcomes) {
  const target = /** @type {Element} */ (event.target);
  const unsure = target.closest?.('[data-ft-item-unsure]');
  if (unsure instanceof HTMLElement) {
    const on = unsure.getAttribute('aria-pressed') !== 'true';
    unsure.setAttribute('aria-pressed', on ? 'true' : 'false');
    const box = /** @type {HTMLInputElement | null} */ (root.querySelector(`input[data-ft-item="${unsure.dataset.ftItemUnsure}"]`));
    if (on && box) box.checked = false;
    return;
  }
  if (!target.closest?.('[data-ft-fallback-go]')) return;
  const result = root.querySelector('[data-ft-fallback-result]');
  if (!result) return;
  result.innerHTML = outcomes[decide(check, marks(root, check))];
  /** @type {HTMLElement | null} */ (result.querySelector('#ft-fallback-outcome'))?.focus();
}

/**
 * Paints the check in `code` into `root`, with the host's emergency number
 * when it is one; `current()` says whether `root` is still the element's.
 * @param {HTMLElement} root
 * @param {string} code
 * @param {string} own the element's `emergency-number`, trimmed
 * @param {string} region the runner's region ("" for none)
 * @param {() => boolean} current
 */
export function showFallback(root, code, own, region, current) {
  const number = numberToCall(own, region, usableNumber);
  // The outcomes name the region's services; without a region, the
  // fallback's, with the clinic's number when it gave one.
  const key = REGIONS[region] ? region : number ? FIRST.number : '';
  const name = LANGUAGES[code].fallback;
  root.removeAttribute('data-ft-prerendered');
  root.hidden = false;
  return fetch(url(name), checked(name))
    .then((response) => {
      if (!response.ok) throw new Error(`the danger-sign check answered ${response.status}`);
      return /** @type {Promise<DangerCheck>} */ (response.json());
    })
    .then((check) => {
      if (!current()) return;
      root.innerHTML = number ? check.numbered.replaceAll(FIRST.number, number) : check.html;
      const outcomes = check.outcomes[key].map((html) => html.replaceAll(FIRST.number, number));
      root.addEventListener('click', (event) => clicked(event, root, check, outcomes));
      // A tick clears the sign's own "Not sure".
      root.addEventListener('change', (event) => {
        const box = /** @type {Element} */ (event.target).closest?.('input[data-ft-item]');
        if (box instanceof HTMLInputElement && box.checked) {
          root.querySelector(`[data-ft-item-unsure="${box.dataset.ftItem}"]`)?.setAttribute('aria-pressed', 'false');
        }
      });
    })
    .catch((error) => {
      console.error('foot-triage: the danger-sign check could not load', error);
      if (current()) root.replaceChildren(failureScreen(code, WORDS[code].failed));
    });
}
