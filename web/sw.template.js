// Foot Triage's service worker. tools/post-build.mjs fills in this build's
// version and the exact files to precache; a new build therefore has a new
// worker, a new cache, and deletes the old caches once it takes over.

const VERSION = '__VERSION__';
const FILES = __FILES__;
const LANGUAGES = __LANGUAGES__;
const CACHE = `foot-triage-${VERSION}`;

// The language files precached: those of the device's languages (English
// when none of them is built), so offline the widget speaks as it did
// online and a visitor never downloads a language they do not use; one used
// later (the language switch, a page's lang=) is cached when first fetched.
const spoken = () => {
  const codes = new Set();
  for (const code of self.navigator.languages ?? []) {
    const base = code.toLowerCase().split('-')[0];
    if (LANGUAGES[base]) codes.add(base);
  }
  if (!codes.size) codes.add('en');
  return [...codes].flatMap((code) => [LANGUAGES[code].interview, LANGUAGES[code].results, LANGUAGES[code].fallback]);
};

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll([...FILES, ...spoken()])));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('foot-triage-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

// The page asks the waiting worker to take over when the runner chooses
// "Refresh to update".
self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

// Cache first for this build's files; the page itself falls back to the
// cached copy offline. Anything else goes to the network untouched.
self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== location.origin) return;
  event.respondWith(
    caches.open(CACHE).then(async (cache) => {
      const cached = await cache.match(request, { ignoreSearch: request.mode === 'navigate' });
      if (cached) return cached;
      try {
        const response = await fetch(request);
        if (response.ok && new URL(request.url).pathname.includes('/lang/')) await cache.put(request, response.clone());
        return response;
      } catch (error) {
        if (request.mode === 'navigate') return cache.match('./');
        throw error;
      }
    }),
  );
});
