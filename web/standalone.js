// The standalone page (index.html): the iframe embed's options as URL
// parameters, the offline service worker, and the "Refresh to update" offer.
// Hosts that embed <foot-triage> on their own pages do not load this file.

import { ATTRIBUTES, pageWords } from './embed.js';

const widget = document.querySelector('foot-triage');
const params = new URLSearchParams(location.search);
// Every option but `id`, which names the page's own element.
for (const name of ATTRIBUTES.filter((name) => name !== 'id')) {
  // The widget checks every value; text stays text.
  if (params.has(name)) widget.setAttribute(name, params.get(name));
}

// The page speaks the widget's language (its title and the update offer),
// again whenever the runner switches it.
const speak = () => {
  const words = pageWords(widget);
  document.documentElement.lang = words.code;
  document.title = words.pageTitle;
  const bar = document.getElementById('update');
  bar.querySelector('p').textContent = words.updateReady;
  bar.querySelector('button').textContent = words.updateRefresh;
};
speak();
new MutationObserver(speak).observe(widget, { attributes: true, attributeFilter: ['lang'] });

// The longest the service worker waits for the widget to settle.
const SETTLE_MS = 10000;

/**
 * Settles once the widget's app has loaded and the page is then idle, or
 * after SETTLE_MS whatever happens.
 * @returns {Promise<void>}
 */
function settled() {
  return new Promise((done) => {
    const idle = () =>
      'requestIdleCallback' in window ? requestIdleCallback(() => done(), { timeout: 2000 }) : setTimeout(done, 500);
    const check = () => {
      if (!widget.hasAttribute('data-ready')) return;
      watch.disconnect();
      idle();
    };
    const watch = new MutationObserver(check);
    watch.observe(widget, { attributes: true, attributeFilter: ['data-ready'] });
    check();
    setTimeout(() => {
      watch.disconnect();
      done();
    }, SETTLE_MS);
  });
}

// Offline: sw.js precaches this build's exact files. A new build installs a
// new worker, which waits until the runner chooses to refresh, so a triage in
// progress is never swapped out from under them.
let refreshing = false;
if ('serviceWorker' in navigator) {
  // Installing the worker precaches the whole build, the diary included
  // (twice what the app's start loads), so it waits until the page has
  // loaded and the widget has settled: its app loaded (`data-ready`) and
  // the browser idle, which is after the app's start when the runner is
  // already answering. Sooner, the precache competed with the first screen
  // and the app's start for the network and the processor (a third of the
  // start on this project's benchmark machine). A widget that never gets
  // ready (its wasm refused) still gets offline use, later.
  const loaded = new Promise((ready) => addEventListener('load', ready, { once: true }));
  const registered = loaded.then(settled).then(() => navigator.serviceWorker.register('./sw.js'));
  registered.then(
    (registration) => {
      // A browser that blocks workers may answer with nothing at all.
      if (!registration) return;
      const offer = (worker) => {
        if (!worker || !navigator.serviceWorker.controller) return; // the first install needs no refresh
        const bar = document.getElementById('update');
        bar.hidden = false;
        bar.querySelector('button').addEventListener(
          'click',
          () => {
            refreshing = true;
            worker.postMessage('skip-waiting');
          },
          { once: true },
        );
      };
      offer(registration.waiting);
      registration.addEventListener('updatefound', () => {
        const worker = registration.installing;
        worker?.addEventListener('statechange', () => worker.state === 'installed' && offer(worker));
      });
    },
    (error) => console.warn('foot-triage: offline use is not available', error),
  );
  // Reload only when the runner chose to refresh: the first install also
  // changes the controller (clients.claim), and must not reload the page.
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (!refreshing) return;
    refreshing = false;
    location.reload();
  });
}
