// @ts-check
// Printing shows everything: every closed disclosure in every widget opens
// for the print and closes again after it. A print asked for from a widget's
// own button prints that widget alone: everything of the host page around it
// is hidden for the print, through the CSS object model, which a strict
// Content Security Policy allows.

/** @type {HTMLDetailsElement[]} */
let openedForPrint = [];
/** @type {HTMLElement | null} */
let printing = null;
/** @type {[HTMLElement, string, string][]} */
let hiddenForPrint = [];

/**
 * The widget a print was asked for from, until the print is over.
 * @param {HTMLElement} element
 */
export const printFrom = (element) => {
  printing = element;
};

addEventListener('beforeprint', () => {
  openedForPrint = [];
  for (const element of document.querySelectorAll('foot-triage')) {
    for (const details of element.shadowRoot?.querySelectorAll('details:not([open])') ?? []) {
      const disclosure = /** @type {HTMLDetailsElement} */ (details);
      disclosure.open = true;
      openedForPrint.push(disclosure);
    }
  }
  hiddenForPrint = [];
  for (let node = printing; node && node !== document.body && node.parentElement; node = node.parentElement) {
    for (const sibling of node.parentElement.children) {
      if (sibling === node || !(sibling instanceof HTMLElement) || sibling.style.display === 'none') continue;
      hiddenForPrint.push([sibling, sibling.style.getPropertyValue('display'), sibling.style.getPropertyPriority('display')]);
      sibling.style.setProperty('display', 'none', 'important');
    }
  }
});
addEventListener('afterprint', () => {
  for (const details of openedForPrint) details.open = false;
  for (const [element, value, priority] of hiddenForPrint) element.style.setProperty('display', value, priority);
  openedForPrint = [];
  hiddenForPrint = [];
  printing = null;
});
