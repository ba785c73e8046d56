// Trunk's post-build hook (see Trunk.toml). It runs in the staging folder of
// each build and:
//   1. gives the diary module (built as a Trunk "worker", so unhashed) a
//      content-hashed name like the widget's, then writes embed.js, the
//      <foot-triage> element: web/embed's modules bundled by esbuild with
//      this build's facts (hashed file names, hashes, prerendered screens,
//      what the Rust says of the options and the words);
//   2. edits index.html: the standalone page loads the widget through
//      embed.js, so Trunk's placeholder for the wasm becomes preload links for
//      the files embed.js will ask for, and the document-level links to the
//      widget's and the diary's stylesheets (which only the shadow root
//      needs) go;
//   3. minifies the JavaScript (wasm-bindgen's glue, embed.js, standalone.js)
//      with esbuild in release builds, which Trunk's own minifier does not
//      reach;
//   4. writes the Subresource Integrity chain: embed.js carries the sha384
//      hash of every file it loads and checks each one as it loads it, and
//      integrity.json lists every file's hash (embed.js's own for the
//      snippet's `integrity`);
//   5. writes sw.js, whose precache list is this build's exact files and
//      whose version is a hash of their contents.

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const stage = process.env.TRUNK_STAGING_DIR;
if (!stage) throw new Error('post-build.mjs runs as a Trunk hook (TRUNK_STAGING_DIR is not set)');

// Both modules get names from their own content. Trunk names a "worker"
// module after its binary, and the main one after a hash that wasm-opt's
// settings do not change: with new settings and the same Rust, a release
// would ship other bytes under the old name, and a cache that keeps hashed
// files for good would then fail the new integrity check.
/**
 * @param {string} from the name Trunk gave the module's files (without a suffix)
 * @param {string} to the stem of their new names
 */
const hashName = (from, to) => {
  const wasm = readFileSync(join(stage, `${from}_bg.wasm`));
  const js = readFileSync(join(stage, `${from}.js`));
  const hash = createHash('sha256').update(wasm).update(js).digest('hex').slice(0, 16);
  for (const suffix of ['_bg.wasm', '.js', '.d.ts']) renameSync(join(stage, `${from}${suffix}`), join(stage, `${to}-${hash}${suffix}`));
};
hashName('diary', 'diary');
{
  const trunks = readdirSync(stage).filter((f) => /^widget-[0-9a-f]+_bg\.wasm$/.test(f));
  if (trunks.length !== 1) throw new Error(`expected one widget module in ${stage}, found ${trunks.length}`);
  hashName(trunks[0].replace(/_bg\.wasm$/, ''), 'widget');
}

const files = readdirSync(stage);
const find = (pattern, what) => {
  const found = files.filter((f) => pattern.test(f));
  if (found.length !== 1) throw new Error(`expected one ${what} in ${stage}, found ${found.length}`);
  return found[0];
};
const names = {
  js: find(/^widget-[0-9a-f]+\.js$/, 'widget script'),
  wasm: find(/^widget-[0-9a-f]+_bg\.wasm$/, 'widget module'),
  css: find(/^app-[0-9a-f]+\.css$/, 'widget stylesheet'),
  diaryJs: find(/^diary-[0-9a-f]+\.js$/, 'diary script'),
  diaryWasm: find(/^diary-[0-9a-f]+_bg\.wasm$/, 'diary module'),
  diaryCss: find(/^diary-[0-9a-f]+\.css$/, 'diary stylesheet'),
};

// The first screen, rendered by the widget's own Rust (src/bin/prerender.rs)
// with Yew's server renderer, natively.
const first = execFileSync('cargo', ['run', '--quiet', '--features', 'prerender', '--bin', 'prerender'], {
  cwd: root,
  encoding: 'utf8',
  stdio: ['ignore', 'pipe', 'inherit'],
});
const prerendered = JSON.parse(first); // fails the build on anything but one JSON object

// One language file per language, hashed like the rest; the first screens go
// into embed.js by language.
mkdirSync(join(stage, 'lang'), { recursive: true });
const languages = {};
const screens = {};
const questions = {};
const words = {};
for (const [code, { variants, question, file, results, fallback, words: said }] of Object.entries(prerendered.languages)) {
  const write = (text, part) => {
    if (!text.startsWith(`${prerendered.format}${prerendered.separator}`)) throw new Error(`the ${code} language file is not one`);
    const name = `lang/${code}-${part}-${createHash('sha256').update(text).digest('hex').slice(0, 16)}.txt`;
    writeFileSync(join(stage, name), text);
    return `./${name}`;
  };
  // The danger-sign check, fetched only when the wasm cannot run.
  const check = JSON.stringify(fallback);
  const checkName = `lang/${code}-fallback-${createHash('sha256').update(check).digest('hex').slice(0, 16)}.json`;
  writeFileSync(join(stage, checkName), check);
  languages[code] = { interview: write(file, 'interview'), results: write(results, 'results'), fallback: `./${checkName}` };
  for (const key of ['title', 'loading', 'failed', 'emergency', 'diaryOpening', 'diaryFailed', 'diaryBack', 'pageTitle', 'updateReady', 'updateRefresh']) {
    if (typeof said?.[key] !== 'string') throw new Error(`the prerender gave no ${code} ${key} text`);
  }
  words[code] = said;
  screens[code] = variants;
  questions[code] = question;
}
// The knowledge, which the wasm modules fetch beside themselves rather than
// carry (src/knowledge/embedded.rs), hashed like the rest.
{
  const knowledge = Buffer.from(prerendered.knowledge ?? '', 'hex');
  if (knowledge.length === 0) throw new Error('the prerender gave no knowledge');
  names.knowledge = `knowledge-${createHash('sha256').update(knowledge).digest('hex').slice(0, 16)}.bin`;
  writeFileSync(join(stage, names.knowledge), knowledge);
}
const firstScreens = { languages: screens, questions, number: prerendered.number, clinic: prerendered.clinic, themes: prerendered.themes };

// Minified before anything is hashed, so the hashes are of the bytes served.
const release = process.env.TRUNK_PROFILE === 'release';
const minify = (name) => {
  if (!release) return;
  const { transformSync } = createRequire(join(root, 'tools/package.json'))('esbuild');
  const path = join(stage, name);
  writeFileSync(path, transformSync(readFileSync(path, 'utf8'), { minify: true, format: 'esm', target: 'es2022' }).code);
};
for (const name of [names.js, names.diaryJs, 'standalone.js']) minify(name);

// Subresource Integrity: the sha384 of a file, as an `integrity` attribute
// takes it.
const sri = (name) => `sha384-${createHash('sha384').update(readFileSync(join(stage, name))).digest('base64')}`;
const loaded = [names.js, names.wasm, names.knowledge, names.css, names.diaryJs, names.diaryWasm, names.diaryCss].map((n) => `./${n}`);
for (const parts of Object.values(languages)) loaded.push(...Object.values(parts));
const integrity = Object.fromEntries(loaded.map((name) => [name, sri(name.slice(2))]));

// embed.js: the modules of web/embed bundled with this build's facts, which
// they import as 'foot-triage:facts'. The facts are written to
// target/embed/facts.js too (with the wasm modules' TypeScript declarations
// beside them), for the type check and the unit tests.
const facts = [
  ['FILES', Object.fromEntries(Object.entries(names).map(([k, v]) => [k, `./${v}`]))],
  ['FIRST', firstScreens],
  ['LANGUAGES', languages],
  ['INTEGRITY', integrity],
  ['WORDS', words],
  ['REGIONS', prerendered.regions],
  ['OPTIONS', { attributes: prerendered.attributes, emergencyDigits: prerendered.emergencyDigits, clinicName: prerendered.clinicName, remember: prerendered.remember }],
]
  .map(([name, value]) => `export const ${name} = ${JSON.stringify(value)};\n`)
  .join('');
const generated = join(root, 'target/embed');
mkdirSync(generated, { recursive: true });
writeFileSync(join(generated, 'facts.js'), facts);
// Trunk writes them with data-typescript (index.html has it); they were
// renamed with their modules.
for (const [js, to] of [[names.js, 'widget.d.ts'], [names.diaryJs, 'diary.d.ts']]) {
  const from = js.replace(/\.js$/, '.d.ts');
  if (!files.includes(from)) throw new Error(`wasm-bindgen wrote no ${from}`);
  writeFileSync(join(generated, to), readFileSync(join(stage, from)));
}
for (const name of readdirSync(stage)) if (name.endsWith('.d.ts')) rmSync(join(stage, name));
{
  const { buildSync } = createRequire(join(root, 'tools/package.json'))('esbuild');
  const bundled = buildSync({
    entryPoints: [join(root, 'web/embed/index.js')],
    bundle: true,
    format: 'esm',
    target: 'es2022',
    write: false,
    minify: release,
    legalComments: 'none',
    alias: { 'foot-triage:facts': join(generated, 'facts.js') },
    logLevel: 'error',
  });
  writeFileSync(join(stage, 'embed.js'), bundled.outputFiles[0].text);
}

// The standalone page would otherwise discover its files one after another
// (standalone.js, embed.js, the glue, then the wasm and the stylesheet);
// preloading them lets the browser fetch them all at once. The wasm is not
// preloaded: embed.js asks for it once the prerendered first screen has
// painted, so it never delays that screen.
// Each with its integrity, so the module the page preloads is the one
// embed.js checks.
const preload = [
  `<link rel="modulepreload" href="./embed.js" integrity="${sri('embed.js')}" crossorigin="anonymous">`,
  `<link rel="modulepreload" href="./${names.js}" integrity="${integrity[`./${names.js}`]}" crossorigin="anonymous">`,
  `<link rel="preload" href="./${names.css}" as="style" integrity="${integrity[`./${names.css}`]}" crossorigin="anonymous">`,
].join('');
const indexPath = join(stage, 'index.html');
const stylesheet = (name) => new RegExp(`<link[^>]*href="?\\./${name.replace('.', '\\.')}"?[^>]*>`);
const index = readFileSync(indexPath, 'utf8')
  .replace(/<link[^>]*\brel="?rust"?[^>]*>/, preload)
  .replace(stylesheet(names.css), '')
  .replace(stylesheet(names.diaryCss), '');
if (!index.includes('modulepreload') || /rel="?rust/.test(index) || index.includes(names.diaryCss)) throw new Error('index.html was not edited as expected');
writeFileSync(indexPath, index);

// Every file's hash (but the worker's, written after it), for the snippet's
// `integrity`, the configuration page and anyone checking a copy; embed.js's
// own is the one a host page needs.
{
  const listed = (dir) =>
    readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? listed(join(dir, name)).map((n) => `${name}/${n}`) : [name]));
  const names = listed(stage).filter((n) => !n.startsWith('.') && n !== 'sw.js').sort();
  writeFileSync(join(stage, 'integrity.json'), `${JSON.stringify(Object.fromEntries(names.map((n) => [n, sri(n)])), null, 2)}\n`);
}

// Every file of the build except the worker itself, as relative URLs; the
// page is cached as "./" too, the URL it is opened at.
const walk = (dir) =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
// The language files are not in the list: the worker caches the ones the
// device's languages call for (and English), and any other when it is used.
const all = walk(stage)
  .map((path) => relative(stage, path).split(sep).join('/'))
  .filter((name) => name !== 'sw.js' && !name.startsWith('.'))
  .sort();
const precache = all.filter((name) => !name.startsWith('lang/'));
const hash = createHash('sha256');
for (const name of all) hash.update(name).update(readFileSync(join(stage, name)));
const version = hash.digest('hex').slice(0, 16);
const worker = readFileSync(join(root, 'web/sw.template.js'), 'utf8')
  .replace('__VERSION__', version)
  .replace('__FILES__', JSON.stringify(['./', ...precache.map((n) => `./${n}`)]))
  .replace('__LANGUAGES__', JSON.stringify(languages));
writeFileSync(join(stage, 'sw.js'), worker);
console.log(`post-build: embed.js, index.html, sw.js (version ${version}, ${precache.length + 1} files)`);
