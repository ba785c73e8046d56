// @ts-check
// The screens painted before the wasm arrives: the start screen and the
// first question, rendered by the build from the widget's own Rust
// (src/bin/prerender.rs, the same functions the widget runs). A screen is
// prerendered only for options it can show as the app would; an end-to-end
// test compares it with the app's for each kind of value.

import { FIRST, OPTIONS } from 'foot-triage:facts';
import { numberToCall } from './region.js';

/**
 * @typedef {{ html: string, theme: string | null }} Screen
 * @typedef {Screen & import('foot-triage:facts').FirstQuestion} QuestionScreen
 */

const [fewest, most] = OPTIONS.emergencyDigits;
const NUMBER = new RegExp(`^[0-9]{${fewest},${most}}$`);

/**
 * The start screen in `code` for these options (each trimmed, "" when not
 * set), or null when an option it shows is unusual (the wasm then draws it,
 * as it would anyway).
 * @param {(name: string) => string} get an option's value
 * @param {string} code
 * @param {string} region the runner's region ("" for none), whose number the screen says
 * @returns {Screen | null}
 */
export function firstScreen(get, code, region) {
  const own = get('emergency-number');
  const clinic = get('clinic-name');
  const theme = get('theme').toLowerCase();
  const remember = get('remember').toLowerCase();
  if (own && !NUMBER.test(own)) return null;
  const number = numberToCall(own, region, usableNumber);
  // Plain text only: markup characters would need escaping, and control
  // characters are refused by the widget.
  // eslint-disable-next-line no-control-regex -- control characters are what it looks for
  if (clinic && ([...clinic].length > OPTIONS.clinicName || /[\u0000-\u001f\u007f-\u009f<>&"']/.test(clinic))) return null;
  if (theme && !(theme in FIRST.themes)) return null;
  if (remember && !OPTIONS.remember.includes(remember)) return null;
  const key = `${number ? 1 : 0}${clinic ? 1 : 0}${remember === OPTIONS.remember[1] ? 0 : 1}`;
  const html = FIRST.languages[code][key].replaceAll(FIRST.number, number).replace(FIRST.clinic, clinic);
  return { html, theme: FIRST.themes[theme] ?? null };
}

/**
 * The first question in `code`, as the app draws it after Start, when the
 * build could prerender it (a one-question screen answered by one button)
 * and the options allow the first screen too; else null.
 * @param {(name: string) => string} get
 * @param {string} code
 * @param {string} region
 * @returns {QuestionScreen | null}
 */
export function firstQuestion(get, code, region) {
  const question = FIRST.questions[code];
  const screen = question && firstScreen(get, code, region);
  return screen ? { ...question, theme: screen.theme } : null;
}

/**
 * Whether an emergency number can be shown as given (else the widget
 * ignores it, and so does every prerendered screen).
 * @param {string} number
 */
export const usableNumber = (number) => NUMBER.test(number);
