// @ts-check
// Foot Triage: the <foot-triage> element. A host page needs only
//   <script type="module" src="https://HOST/PATH/embed.js"></script>
//   <foot-triage></foot-triage>
// Every file this loads is resolved against this script's own URL, so the
// widget can live on another path or origin than the page. The build
// (tools/post-build.mjs) bundles these modules into embed.js with this
// build's facts: its hashed file names and their hashes, the prerendered
// screens, and what the widget's Rust says of its options and its words.

import { OPTIONS, WORDS } from 'foot-triage:facts';
import { FootTriageElement } from './element.js';
import { language } from './language.js';
import './print.js';

/** The attributes the widget reads, for pages that pass them on. */
export const ATTRIBUTES = OPTIONS.attributes;

/**
 * What the standalone page around `element` says, in the element's language.
 * @param {Element} element
 */
export const pageWords = (element) => ({ ...WORDS[language(element)], code: language(element) });

if (!customElements.get('foot-triage')) customElements.define('foot-triage', FootTriageElement);
