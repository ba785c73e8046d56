// @ts-check
// The language for an element: its `lang` if the build has it (a region is
// ignored: es-MX is es), else the first of the browser's languages it has,
// else English. An English visitor never fetches Spanish, and the reverse.

import { LANGUAGES } from 'foot-triage:facts';

/**
 * A language tag's base language, lower case: "es-MX" is "es".
 * @param {string} code
 */
export const base = (code) => code.trim().toLowerCase().split(/[-_]/)[0];

/**
 * The language to speak, of those in `available`: the one `asked` names,
 * else the first of `preferred`, else English. `refused` is the asked value
 * when it names none of them.
 * @param {string} asked the element's `lang` ("" when it has none)
 * @param {readonly string[]} preferred the browser's languages
 * @param {readonly string[]} available
 * @returns {{ code: string, refused: string | null }}
 */
export function pick(asked, preferred, available) {
  const has = (/** @type {string} */ code) => available.includes(base(code));
  const refused = asked.trim() && !has(asked) ? asked : null;
  if (asked.trim() && !refused) return { code: base(asked), refused };
  const found = preferred.find((code) => code && has(code));
  return { code: found ? base(found) : 'en', refused };
}

/** @type {Set<string>} */
const warned = new Set();

/**
 * The language for `element`; a `lang` the build lacks is reported once per
 * value.
 * @param {Element} element
 */
export function language(element) {
  const available = Object.keys(LANGUAGES);
  const { code, refused } = pick(element.getAttribute('lang') ?? '', navigator.languages ?? [navigator.language ?? ''], available);
  if (refused && !warned.has(refused)) {
    warned.add(refused);
    console.warn(`foot-triage: lang="${refused}" ignored: use one of ${available.join(', ')}`);
  }
  return code;
}
