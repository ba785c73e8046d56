// @ts-check
// The recovery diary: a second wasm module, fetched only when a runner opens
// it (the triage's button [data-ft-open="diary"]). It mounts in the same
// shadow root, next to the triage, which is hidden but kept, so its answers
// survive the visit; the triage hands it the runner's answers and whether
// they may be remembered on this device. [data-ft-close="diary"] goes back.

import { FILES, WORDS } from 'foot-triage:facts';
import { failureScreen } from './failure.js';
import { load, stylesheet } from './loader.js';

/** @typedef {import('foot-triage:diary').Diary} Diary */

export class DiaryVisit {
  /** @type {Diary | null} */
  diary = null;

  /**
   * Opens the diary beside `triage` (hidden meanwhile), in `code`.
   * @param {ShadowRoot} shadow
   * @param {HTMLElement} triage
   * @param {string} code
   * @param {Record<string, string | null>} attributes
   * @param {string} answers the triage's answers, as JSON
   * @param {boolean} remember
   */
  constructor(shadow, triage, code, attributes, answers, remember) {
    this.triage = triage;
    const root = document.createElement('div');
    this.root = root;
    root.className = 'ft-host';
    const loading = document.createElement('p');
    loading.className = 'ft-loading';
    loading.setAttribute('role', 'status');
    loading.textContent = WORDS[code].diaryOpening;
    root.append(loading);
    if (!shadow.querySelector('link[data-ft-diary-css]')) {
      const style = stylesheet(FILES.diaryCss);
      style.dataset.ftDiaryCss = '';
      shadow.insertBefore(style, triage);
    }
    triage.hidden = true;
    shadow.append(root);
    this.open = true;
    /** @type {Promise<import('./loader.js').DiaryBindings>} */ (load(FILES.diaryJs, FILES.diaryWasm, code, true)).then(
      (bindings) => {
        if (!this.open) return; // closed while loading
        root.replaceChildren();
        this.diary = bindings.mount(root, attributes, answers, remember);
        // Yew renders on its scheduler, just after mount returns.
        setTimeout(() => root.querySelector('h2')?.focus(), 0);
      },
      (error) => {
        console.error('foot-triage: the diary could not start', error);
        if (!this.open) return; // closed meanwhile
        const screen = failureScreen(code, WORDS[code].diaryFailed);
        const back = document.createElement('button');
        back.type = 'button';
        back.className = 'ft-secondary';
        back.textContent = WORDS[code].diaryBack;
        back.dataset.ftClose = 'diary';
        screen.append(back);
        root.replaceChildren(screen);
        back.focus();
      },
    );
  }

  /**
   * Applies changed attributes.
   * @param {Record<string, string | null>} attributes
   */
  update(attributes) {
    this.diary?.update(attributes);
  }

  /**
   * Closes the diary and shows the triage again (`triage`: the one showing
   * now, which may have changed meanwhile), with focus on the button that
   * opened the diary when `focus`.
   * @param {HTMLElement | null} triage
   * @param {boolean} focus
   */
  close(triage, focus) {
    this.open = false;
    this.diary?.unmount();
    this.diary?.free();
    this.diary = null;
    this.root.remove();
    if (!triage) return;
    triage.hidden = false;
    if (focus) /** @type {HTMLElement | null} */ (triage.querySelector('[data-ft-open="diary"]'))?.focus();
  }
}
