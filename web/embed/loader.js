// @ts-check
// Loading, with every file checked against the hash the build wrote: the
// wasm modules (each once per page, on first use), their glue, the
// knowledge they share, the stylesheets and the language files. A host that
// pins embed.js with `integrity` so pins everything: a changed file is
// refused, not run.

import { FILES, INTEGRITY, LANGUAGES } from 'foot-triage:facts';

/** @typedef {typeof import('foot-triage:widget')} WidgetBindings */
/** @typedef {typeof import('foot-triage:diary')} DiaryBindings */
/** @typedef {WidgetBindings | DiaryBindings} Bindings */

/**
 * A file of this build, resolved against embed.js's own URL, so the widget
 * can live on another path or origin than the page.
 * @param {string} name
 */
export const url = (name) => new URL(name, import.meta.url).href;

/**
 * Fetch options that check `name`'s hash. Module scripts are fetched in CORS
 * mode; the preload and the stylesheets ask the same way, so one check
 * serves both.
 * @param {string} name
 * @returns {RequestInit}
 */
export const checked = (name) => ({ integrity: INTEGRITY[name] ?? '' });

/** @returns {Promise<void>} */
export const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * A file of this build as bytes, checked; `what` names it in the error.
 * @param {string} name
 * @param {string} what
 * @returns {Promise<Uint8Array>}
 */
const bytes = (name, what) =>
  fetch(url(name), checked(name)).then((response) => {
    if (!response.ok) throw new Error(`${what} answered ${response.status}`);
    return response.arrayBuffer().then((buffer) => new Uint8Array(buffer));
  });

/** @type {Promise<Uint8Array> | null} */
let knowledgeFile = null;

/**
 * The knowledge both modules run on, fetched once per page (asked for again
 * after a failure): the wasm does not carry it, which keeps the module the
 * browser compiles before the app takes over smaller.
 */
function knowledge() {
  knowledgeFile ??= bytes(FILES.knowledge, 'the knowledge file');
  knowledgeFile.catch(() => (knowledgeFile = null));
  return knowledgeFile;
}

/** @type {Record<string, Promise<Uint8Array>>} */
const languageFiles = {};

/**
 * A language file, fetched once per page, as bytes (the wasm reads them:
 * bytes are copied in at once, where a string would be re-encoded one
 * character at a time); one that failed (offline) is asked for again next
 * time.
 * @param {string} code
 * @param {'interview' | 'results'} part
 */
export function languageFile(code, part) {
  const key = `${code}:${part}`;
  const name = LANGUAGES[code][part];
  languageFiles[key] ??= bytes(name, `the ${code} ${part} language file`);
  languageFiles[key].catch(() => delete languageFiles[key]);
  return languageFiles[key];
}

/** @type {Record<string, Promise<any>>} */
const modules = {};
/** @type {Record<string, Set<string>>} */
const installed = {};

/**
 * A wasm module with the knowledge and the words of `code` installed
 * (`all`: the results' words too, not only the interview's). Its start-up
 * runs in separate tasks (instantiating and `know`, then `prepare`), so the
 * page stays responsive while it starts. The wasm, the knowledge and the
 * language file are fetched beside the glue rather than after it: one round
 * trip fewer before it can compile (wasm-bindgen's init takes the pending
 * response and compiles it as it streams in, while the other two arrive).
 * @template {Bindings} B
 * @param {string} js
 * @param {string} wasm
 * @param {string} code
 * @param {boolean} [all]
 * @returns {Promise<B>}
 */
export function load(js, wasm, code, all = false) {
  // Safari's Lockdown Mode, and some policies, take WebAssembly away.
  if (typeof WebAssembly !== 'object') return Promise.reject(new Error('WebAssembly is not available in this browser'));
  if (!modules[js]) {
    // Asked for with the module, and awaited only once it has compiled: the
    // compile does not wait on them, nor they on it.
    const known = knowledge();
    languageFile(code, 'interview');
    modules[js] = Promise.all([importChecked(js), compile(wasm)]).then(async ([bindings, module]) => {
      await bindings.default({ module_or_path: module });
      const error = bindings.know(await known);
      if (error) throw new Error(error);
      await nextTask();
      return bindings;
    });
  }
  return modules[js].then((bindings) => speak(js, bindings, code, all));
}

/**
 * The wasm module `name`, fetched, checked and compiled as its bytes arrive,
 * on the browser's own threads: the compile neither waits for the glue nor
 * holds it up (handing wasm-bindgen the response would start it only once
 * the glue has loaded). A host that serves wasm with another content type
 * makes streaming refuse it; the bytes are then compiled whole, as
 * wasm-bindgen itself would.
 * @param {string} name
 * @returns {Promise<WebAssembly.Module>}
 */
async function compile(name) {
  const response = await fetch(url(name), checked(name));
  if (!response.ok) throw new Error(`the wasm module answered ${response.status}`);
  if (typeof WebAssembly.compileStreaming === 'function' && wasmType(response)) {
    return WebAssembly.compileStreaming(response);
  }
  console.warn(
    `foot-triage: ${name} is served as "${response.headers.get('Content-Type') ?? 'no type'}", not application/wasm, so it is compiled only once it has all arrived (a slower start)`,
  );
  return WebAssembly.compile(await response.arrayBuffer());
}

/**
 * Whether a response says it is wasm (a MIME type's essence, without its
 * parameters), which streaming compilation requires.
 * @param {Response} response
 */
const wasmType = (response) => (response.headers.get('Content-Type') ?? '').split(';')[0].trim().toLowerCase() === 'application/wasm';

/**
 * Hands a module the words of `code`, in a task of its own, once per part.
 * @template {Bindings} B
 * @param {string} js
 * @param {B} bindings
 * @param {string} code
 * @param {boolean} [all]
 * @returns {Promise<B>}
 */
export async function speak(js, bindings, code, all = false) {
  installed[js] ??= new Set();
  /** @type {('interview' | 'results')[]} */
  const parts = all ? ['interview', 'results'] : ['interview'];
  for (const part of parts) {
    if (installed[js].has(`${code}:${part}`)) continue;
    const error = bindings.prepare(await languageFile(code, part));
    if (error) throw new Error(error);
    installed[js].add(`${code}:${part}`);
    await nextTask();
  }
  return bindings;
}

/**
 * A checked stylesheet link for the shadow root.
 * @param {string} name
 */
export function stylesheet(name) {
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.crossOrigin = 'anonymous';
  link.integrity = INTEGRITY[name] ?? '';
  link.href = url(name);
  return link;
}

/** @type {Set<string>} */
const preloaded = new Set();

/**
 * `import()` takes no integrity, so the module is preloaded with one first:
 * the import then uses the checked module, and fails if the check did.
 * @param {string} name
 * @returns {Promise<any>}
 */
function importChecked(name) {
  if (!preloaded.has(name)) {
    preloaded.add(name);
    const link = document.createElement('link');
    link.rel = 'modulepreload';
    link.crossOrigin = 'anonymous';
    link.integrity = INTEGRITY[name] ?? '';
    link.href = url(name);
    document.head.append(link);
  }
  return import(url(name));
}
