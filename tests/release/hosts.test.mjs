// The release package installed the way sites install it, in real Chromium:
// `npm install` of the tarball into a throwaway host project served from its
// own origin under a strict Content Security Policy; a second host built with
// Vite that copies the package's files into its build; a tampered copy that
// the browser refuses; and an upgrade from the version before the package,
// whose saved answers and diary survive. scripts/test-browser packs the
// tarball first (tools/release.mjs).

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';

import { LIVE, SELF_CARE, answerAll, currentQuestion, launch, open, result, root, serve, widget } from '../e2e/support.mjs';

const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self'";
const out = join(root, 'target/release-package');
const version = readFileSync(join(root, 'Cargo.toml'), 'utf8').match(/^version = "([^"]+)"/m)[1];
const tarball = join(out, `foot-triage-widget-${version}.tgz`);

// A host project with the package installed from the tarball, as a site does.
function install() {
  const dir = mkdtempSync(join(tmpdir(), 'ft-host-'));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'host', private: true }));
  execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--loglevel=error', tarball], { cwd: dir });
  return { dir, pkg: join(dir, 'node_modules/foot-triage-widget') };
}
const sri = (path) => `sha384-${createHash('sha384').update(readFileSync(path)).digest('base64')}`;

let browser;
let host;
const servers = [];
before(async () => {
  browser = await launch();
  host = install();
});
after(async () => {
  await browser?.close();
  for (const s of servers) await s.close();
});

// The snippet a site puts in its page, with the package's own hash for embed.js.
function page(pkgPath, extra = '') {
  const integrity = JSON.parse(readFileSync(join(host.pkg, 'integrity.json'), 'utf8'))['embed.js'];
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title><link rel="icon" href="data:,">
<script type="module" src="${pkgPath}/embed.js" integrity="${integrity}" crossorigin="anonymous"></script></head>
<body><main><h1>Riverside Physio</h1><foot-triage clinic-name="Riverside Physio" emergency-number="999"${extra}></foot-triage></main></body></html>`;
}

async function serveStrict(dir) {
  const server = await serve(dir, () => ({ 'Content-Security-Policy': STRICT_CSP }));
  servers.push(server);
  return server;
}

test('the package carries the built files, a package.json, the hashes and a README', () => {
  const meta = JSON.parse(readFileSync(join(host.pkg, 'package.json'), 'utf8'));
  assert.equal(meta.name, 'foot-triage-widget');
  assert.equal(meta.version, version);
  assert.equal(meta.license, 'MIT');
  assert.equal(meta.exports['.'], './embed.js');
  for (const name of ['embed.js', 'integrity.json', 'configure.html', 'README.md', 'CHANGELOG.md', 'LICENSE']) {
    assert.ok(meta.files.includes(name), `${name} is in "files"`);
  }
  // Every hash in integrity.json is the file's, as installed.
  const hashes = JSON.parse(readFileSync(join(host.pkg, 'integrity.json'), 'utf8'));
  assert.ok(Object.keys(hashes).length > 15, 'every file is listed');
  for (const [name, hash] of Object.entries(hashes)) assert.equal(sri(join(host.pkg, name)), hash, name);
  // embed.js carries the hash of each file it loads.
  const embed = readFileSync(join(host.pkg, 'embed.js'), 'utf8');
  for (const name of readdirSync(host.pkg).filter((n) => /^(widget|diary)-[0-9a-f]+(_bg\.wasm|\.js)$/.test(n))) {
    assert.ok(embed.includes(hashes[name]), `embed.js pins ${name}`);
  }
  // The README's snippet pins embed.js with its own hash.
  assert.ok(readFileSync(join(host.pkg, 'README.md'), 'utf8').includes(`integrity="${hashes['embed.js']}"`));
  assert.match(readFileSync(join(host.pkg, 'CHANGELOG.md'), 'utf8'), new RegExp(`## ${version.replaceAll('.', '\\.')}`));
});

test('a site that installed the package runs a whole triage from its own origin under a strict CSP', async () => {
  writeFileSync(join(host.dir, 'index.html'), page('/node_modules/foot-triage-widget'));
  const server = await serveStrict(host.dir);
  const { page: p, context, problems } = await open(browser, { url: server.url + 'index.html', csp: true });
  try {
    await p.click('button[data-ft-start]');
    await answerAll(p, SELF_CARE);
    assert.equal((await result(p)).level, 'self_care');
    assert.match(await widget(p).locator('[data-ft-clinic]').textContent(), /Riverside Physio/);
    // No request, inline script or inline style the policy refuses (axe,
    // which the other tests run, would inject one itself).
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('a changed file is refused by the browser, never run: the danger-sign check stands in', async () => {
  const copy = mkdtempSync(join(tmpdir(), 'ft-tampered-'));
  cpSync(host.dir, copy, { recursive: true });
  const pkg = join(copy, 'node_modules/foot-triage-widget');
  const wasm = readdirSync(pkg).find((n) => /^widget-[0-9a-f]+_bg\.wasm$/.test(n));
  const bytes = readFileSync(join(pkg, wasm));
  bytes[bytes.length - 1] ^= 0xff;
  writeFileSync(join(pkg, wasm), bytes);
  writeFileSync(join(copy, 'index.html'), page('/node_modules/foot-triage-widget'));
  const server = await serveStrict(copy);
  const { page: p, context, problems } = await open(browser, { url: server.url + 'index.html', csp: true, wait: false });
  try {
    await widget(p).locator('[data-ft-fallback]').waitFor();
    assert.equal(await widget(p).locator(`${LIVE} button[data-ft-start]`).count(), 0, 'the app never mounted');
    // The check works under the host's strict CSP too.
    await widget(p).locator('input[data-ft-item="cold_pale_foot"]').check();
    await widget(p).locator('[data-ft-fallback-go]').click();
    assert.equal(await widget(p).locator('[data-ft-fallback-level]').getAttribute('data-ft-fallback-level'), 'emergency');
    assert.ok(problems.some((m) => /integrity|could not start/i.test(m)), problems.join('\n'));
  } finally {
    await context.close();
  }
});

test('upgrading from the version before keeps the saved answers and the diary', async () => {
  const before = JSON.parse(readFileSync(join(root, 'tests/fixtures/upgrade/dfae19c.json'), 'utf8'));
  writeFileSync(join(host.dir, 'upgrade.html'), page('/node_modules/foot-triage-widget'));
  const server = await serveStrict(host.dir);
  const { page: p, context, problems } = await open(browser, { csp: true });
  try {
    // What the previous version left in this site's storage.
    await p.addInitScript((stored) => {
      if (!localStorage.getItem('foot-triage')) for (const [k, v] of Object.entries(stored)) localStorage.setItem(k, v);
    }, before.storage);
    await p.goto(server.url + 'upgrade.html');
    await widget(p).locator(`${LIVE} .ft-app`).waitFor();
    assert.match(await widget(p).locator('[data-ft-notice]').textContent(), /Welcome back/);
    const where = await currentQuestion(p);
    assert.notEqual(where, 'injury', 'the answers given before the upgrade are kept');
    await answerAll(p, SELF_CARE);
    assert.equal((await result(p)).level, 'self_care');
    await p.click('[data-ft-open="diary"]');
    await widget(p).locator('[data-ft-diary] [data-ft-entries]').waitFor();
    assert.match(await widget(p).locator('[data-ft-entries]').textContent(), /Before the upgrade/);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});

test('a site built with Vite copies the package into its build and runs a whole triage', async () => {
  const site = install();
  writeFileSync(
    join(site.dir, 'index.html'),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Vite host</title><link rel="icon" href="data:,">
<script type="module" src="/main.js"></script></head><body><main><h1>Trail Clinic</h1><div id="widget"></div></main></body></html>`,
  );
  // The site's own code adds the widget, pinned with the package's hash.
  writeFileSync(
    join(site.dir, 'main.js'),
    `import hashes from 'foot-triage-widget/integrity.json';
const script = document.createElement('script');
script.type = 'module';
script.src = '/foot-triage/embed.js';
script.integrity = hashes['embed.js'];
script.crossOrigin = 'anonymous';
document.head.append(script);
const widget = document.createElement('foot-triage');
widget.setAttribute('clinic-name', 'Trail Clinic');
document.getElementById('widget').append(widget);
`,
  );
  const vite = await import(pathToFileURL(join(root, 'tools/node_modules/vite/dist/node/index.js')).href);
  await vite.build({
    root: site.dir,
    configFile: false,
    logLevel: 'error',
    build: { outDir: 'dist', emptyOutDir: true },
    plugins: [
      {
        name: 'copy-foot-triage',
        closeBundle() {
          cpSync(site.pkg, join(site.dir, 'dist/foot-triage'), { recursive: true });
        },
      },
    ],
  });
  const server = await serveStrict(join(site.dir, 'dist'));
  const { page: p, context, problems } = await open(browser, { url: server.url + 'index.html', csp: true });
  try {
    await p.click('button[data-ft-start]');
    await answerAll(p, SELF_CARE);
    assert.equal((await result(p)).level, 'self_care');
    assert.match(await widget(p).locator('[data-ft-clinic]').textContent(), /Trail Clinic/);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
});
