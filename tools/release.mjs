// Packs the built widget (dist/) as an npm package a site can install:
// target/release-package/foot-triage-widget-<version>.tgz, made by `npm pack`
// from a staging folder with the built files, a package.json, the embedders'
// README (docs/package-readme.md with this build's embed.js integrity), the
// changelog and the licence. scripts/release builds dist/ first.

import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');
const out = join(root, 'target/release-package');
const stage = join(out, 'package');

// The widget's version is the crate's (Cargo.toml), separate from the
// knowledge's own version.
const version = readFileSync(join(root, 'Cargo.toml'), 'utf8').match(/^version = "([^"]+)"/m)[1];
const integrity = JSON.parse(readFileSync(join(dist, 'integrity.json'), 'utf8'));
if (!existsSync(join(dist, 'embed.js')) || !integrity['embed.js']) throw new Error('dist/ is not a release build: run scripts/release');

rmSync(stage, { recursive: true, force: true });
mkdirSync(stage, { recursive: true });
cpSync(dist, stage, { recursive: true });
for (const name of ['CHANGELOG.md', 'LICENSE']) cpSync(join(root, name), join(stage, name));
writeFileSync(
  join(stage, 'README.md'),
  readFileSync(join(root, 'docs/package-readme.md'), 'utf8')
    .replaceAll('__VERSION__', version)
    .replaceAll('__EMBED_INTEGRITY__', integrity['embed.js']),
);
const files = readdirSync(stage).sort();
writeFileSync(
  join(stage, 'package.json'),
  `${JSON.stringify(
    {
      name: 'foot-triage-widget',
      version,
      description: "Foot Triage: on-device triage and education for runners' foot pain, as a web component (not a diagnosis).",
      license: 'MIT',
      type: 'module',
      files,
      exports: { '.': './embed.js', './embed.js': './embed.js', './integrity.json': './integrity.json', './package.json': './package.json', './*': './*' },
      keywords: ['web-component', 'triage', 'running', 'foot', 'webassembly'],
    },
    null,
    2,
  )}\n`,
);
const packed = execFileSync('npm', ['pack', '--json', '--pack-destination', out], { cwd: stage, encoding: 'utf8' });
const [{ filename, integrity: tarball, size, entryCount }] = JSON.parse(packed);
console.log(`release: ${join(out, filename)} (${entryCount} files, ${size} bytes, ${tarball})`);
console.log(`release: embed.js ${integrity['embed.js']}`);
