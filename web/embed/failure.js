// @ts-check
// The screen for what cannot start (the widget, when even the danger-sign
// check cannot load; the diary), in the runner's language, styled as the
// app's crash screen: the widget's name, what happened, and the emergency
// advice, which stays in sight on every screen.

import { WORDS } from 'foot-triage:facts';

/**
 * @param {string} code the runner's language
 * @param {string} text what happened
 */
export function failureScreen(code, text) {
  const screen = document.createElement('section');
  screen.className = 'ft-app ft-screen ft-crash';
  screen.lang = code;
  const title = document.createElement('h1');
  title.className = 'ft-title';
  title.textContent = WORDS[code].title;
  const said = document.createElement('p');
  said.setAttribute('role', 'status');
  said.textContent = text;
  const emergency = document.createElement('p');
  emergency.className = 'ft-emergency';
  emergency.textContent = WORDS[code].emergency;
  screen.append(title, said, emergency);
  return screen;
}
