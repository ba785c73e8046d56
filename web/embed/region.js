// @ts-check
// The runner's country, for the services and the emergency number the
// widget names: the element's `region` (an ISO 3166 code), else the country
// of the first locale that names one (the element's `lang`, the page's, the
// browser's), else none, which names no country's service. A country the
// build has no services for also names none: an Argentine runner is not
// sent to a Spanish centro de salud because their second language is es-ES.

import { REGIONS } from 'foot-triage:facts';

/**
 * A locale's country, upper case, or "" when it names none: "es-MX" is MX,
 * "zh-Hant-TW" is TW, "es-419" (a group of countries) and "es" are "".
 * @param {string} tag
 */
export const countryOf = (tag) => {
  const subtag = regionSubtag(tag);
  return /^[a-zA-Z]{2}$/.test(subtag) ? subtag.toUpperCase() : '';
};

/**
 * A locale's region subtag (two letters, or three digits for a group of
 * countries), or "".
 * @param {string} tag
 */
const regionSubtag = (tag) =>
  tag
    .trim()
    .split(/[-_]/)
    .slice(1)
    .find((part) => /^([a-zA-Z]{2}|[0-9]{3})$/.test(part)) ?? '';

/**
 * The region to name, of those in `known`: the asked one if known (an asked
 * one that is not names none), else the first locale with a region subtag
 * decides.
 * @param {string} asked the element's `region` ("" when it has none)
 * @param {readonly string[]} locales the element's, the page's and the browser's locales, in that order
 * @param {readonly string[]} known
 * @returns {string} the region's code, or "" for none
 */
export function pickRegion(asked, locales, known) {
  const has = (/** @type {string} */ code) => (known.includes(code) ? code : '');
  if (asked.trim()) return has(asked.trim().toUpperCase());
  for (const tag of locales) {
    if (regionSubtag(tag)) return has(countryOf(tag));
  }
  return '';
}

/**
 * The region for `element`, as `pickRegion` decides it.
 * @param {Element} element
 */
export function region(element) {
  const locales = [element.getAttribute('lang') ?? '', document.documentElement.lang, ...(navigator.languages ?? [navigator.language ?? ''])];
  return pickRegion(element.getAttribute('region') ?? '', locales, Object.keys(REGIONS));
}

/**
 * The number to call: the clinic's own when it is usable, else the region's,
 * else "".
 * @param {string} own the element's `emergency-number`, trimmed
 * @param {string} code the region, from `region`
 * @param {(number: string) => boolean} usable
 */
export const numberToCall = (own, code, usable) => (usable(own) ? own : (REGIONS[code]?.number ?? ''));
