// Renders web/icons/icon.svg to the PNG icons the manifest lists, with the
// project's own Chromium. Run it after changing the SVG:
//   node tools/make-icons.mjs
// The maskable icon keeps the drawing inside the central 80% safe zone.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { launch, root } from '../tests/e2e/support.mjs';

const svg = readFileSync(join(root, 'web/icons/icon.svg'), 'utf8');
const browser = await launch();
const page = await browser.newPage();
for (const [name, size, scale] of [
  ['icon-192.png', 192, 1],
  ['icon-512.png', 512, 1],
  ['icon-maskable-512.png', 512, 0.8],
]) {
  await page.setViewportSize({ width: size, height: size });
  const inner = Math.round(size * scale);
  await page.setContent(
    `<body style="margin:0;background:#0b5cad;display:grid;place-items:center;width:${size}px;height:${size}px">` +
      `<img src="data:image/svg+xml,${encodeURIComponent(svg)}" width="${inner}" height="${inner}"></body>`,
  );
  await page.screenshot({ path: join(root, 'web/icons', name), omitBackground: false });
}
await browser.close();
