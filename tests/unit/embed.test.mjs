// Unit tests of the pure parts of embed.js's modules (web/embed), on this
// build's own facts and danger-sign checks (the build writes them; run after
// `trunk build`): what the check's marks call for, the language chosen, and
// which first screens can be prerendered. Run with node's test runner and
// tests/unit/facts-hook.mjs (scripts/test-browser does).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { FIRST, LANGUAGES, OPTIONS, REGIONS } from 'foot-triage:facts';
import { decide } from '../../web/embed/fallback.js';
import { pick } from '../../web/embed/language.js';
import { firstQuestion, firstScreen, usableNumber } from '../../web/embed/prerendered.js';
import { countryOf, numberToCall, pickRegion } from '../../web/embed/region.js';

const dist = new URL('../../dist/', import.meta.url);
const check = (code) => JSON.parse(readFileSync(fileURLToPath(new URL(LANGUAGES[code].fallback, dist)), 'utf8'));

// One helper for every table: `f(...input)` must equal `expected`.
function checkTable(name, f, rows) {
  for (const [input, expected] of rows) assert.deepEqual(f(...input), expected, `${name}(${JSON.stringify(input)})`);
}

test('what the danger-sign check calls for, in every language', () => {
  // 0 home care, 1 soon, 2 today, 3 the emergency department, 4 an ambulance.
  for (const code of Object.keys(LANGUAGES)) {
    const c = check(code);
    checkTable(`decide[${code}]`, (marked) => decide(c, marked), [
      [[{}], 0],
      [[{ cold_pale_foot: 'yes' }], 4],
      [[{ spinal_warning_signs: 'not_sure' }], 4],
      [[{ visible_deformity: 'yes' }], 3],
      [[{ fever: 'yes' }], 2],
      [[{ little_urine: 'yes' }], 3],
      // Together they call for more than either alone.
      [[{ redness_warmth: 'yes', fever: 'yes' }], 3],
      [[{ visible_deformity: 'yes', open_wound: 'yes' }], 4],
      [[{ fever: 'yes', feels_unwell: 'not_sure' }], 4],
    ]);
    // Adding a sign never lowers what the check calls for.
    const ids = Object.keys(c.signs);
    for (const a of ids) {
      for (const b of ids) {
        assert.ok(decide(c, { [a]: 'yes', [b]: 'yes' }) >= decide(c, { [a]: 'yes' }), `${code}: ${a} then ${b}`);
      }
    }
    // An outcome for every code, for every region, the fallback's and the
    // fallback's with a clinic's number.
    assert.deepEqual(Object.keys(c.outcomes).sort(), [...Object.keys(REGIONS), '', FIRST.number].sort(), code);
    for (const [region, outcomes] of Object.entries(c.outcomes)) assert.equal(outcomes.length, 5, `${code} ${region}`);
  }
});

test('a combination counts only when all its signs are marked; an unknown sign counts as an ambulance', () => {
  const c = { signs: { a: [1, 2], b: [1, 1], c: [0, 0] }, combos: [[['a', 'b'], 3]], outcomes: {} };
  checkTable('decide', (marked) => decide(c, marked), [
    [[{ a: 'yes' }], 1],
    [[{ a: 'not_sure' }], 2],
    [[{ a: 'yes', b: 'yes' }], 3],
    [[{ a: 'yes', c: 'yes' }], 1],
    [[{ unknown: 'yes' }], 4],
  ]);
});

test('the language spoken', () => {
  checkTable('pick', pick, [
    [['es', ['en-GB'], ['en', 'es']], { code: 'es', refused: null }],
    [['es-MX', [], ['en', 'es']], { code: 'es', refused: null }],
    [[' ES_ar ', [], ['en', 'es']], { code: 'es', refused: null }],
    [['', ['fr-FR', 'es-419', 'en'], ['en', 'es']], { code: 'es', refused: null }],
    [['', ['fr-FR'], ['en', 'es']], { code: 'en', refused: null }],
    [['de', ['es'], ['en', 'es']], { code: 'es', refused: 'de' }],
    [['', [''], ['en', 'es']], { code: 'en', refused: null }],
  ]);
});

test('the region named: the attribute, else the first locale with a country', () => {
  const known = ['GB', 'ES', 'MX', 'US', 'IE'];
  checkTable('pickRegion', pickRegion, [
    [['ES', ['en-US'], known], 'ES'],
    [[' mx ', [], known], 'MX'],
    [['FR', ['es-ES'], known], ''],
    [['', ['es', 'es-MX', 'en-US'], known], 'MX'],
    [['', ['en-GB'], known], 'GB'],
    [['', ['es-AR', 'es-ES'], known], ''],
    [['', ['es-419', 'en-US'], known], ''],
    [['', ['zh-Hant-TW'], known], ''],
    [['', ['es', 'en', ''], known], ''],
  ]);
  checkTable('countryOf', countryOf, [[['es-MX'], 'MX'], [['en_gb'], 'GB'], [['es-419'], ''], [['es'], '']]);
  checkTable('numberToCall', (own, code) => numberToCall(own, code, usableNumber), [
    [['061', 'ES'], '061'],
    [['', 'ES'], '112'],
    [['x', 'GB'], '999'],
    [['', ''], ''],
  ]);
});

test('which first screens the build drew, and which are left to the app', () => {
  const options = (given) => (name) => given[name] ?? '';
  const drawn = (given) => firstScreen(options(given), 'en', '') !== null;
  const [fewest, most] = OPTIONS.emergencyDigits;
  checkTable('drawn', drawn, [
    [[{}], true],
    [[{ 'emergency-number': '9'.repeat(fewest) }], true],
    [[{ 'emergency-number': '9'.repeat(most) }], true],
    [[{ 'emergency-number': '9'.repeat(most + 1) }], false],
    [[{ 'emergency-number': '11a' }], false],
    [[{ 'clinic-name': 'Clínica Ribera' }], true],
    [[{ 'clinic-name': 'x'.repeat(OPTIONS.clinicName) }], true],
    [[{ 'clinic-name': 'x'.repeat(OPTIONS.clinicName + 1) }], false],
    [[{ 'clinic-name': 'A & B' }], false],
    [[{ theme: 'Dark' }], true],
    [[{ theme: 'sepia' }], false],
    [[{ remember: 'off' }], true],
    [[{ remember: 'maybe' }], false],
  ]);
  const screen = firstScreen(options({ 'emergency-number': '112', 'clinic-name': 'Riverside', theme: 'dark' }), 'es', '');
  assert.match(screen.html, /112/);
  assert.match(screen.html, /Riverside/);
  assert.equal(screen.theme, 'ft-theme-dark');
  assert.equal(/data-ft-remember[ =>]/.test(firstScreen(options({ remember: 'off' }), 'en', '').html), false, 'no Remember when storage is off');
  assert.equal(firstQuestion(options({ theme: 'sepia' }), 'en', ''), null);
  // The region's number, in the banner and in its advice; none without one.
  checkTable('the number said', (code, region) => firstScreen(options({}), code, region).html.match(/(?:al|on) (\d{3})/)?.[1] ?? '', [
    [['es', 'ES'], '112'],
    [['es', 'MX'], '911'],
    [['en', 'GB'], '999'],
    [['en', 'US'], '911'],
    [['en', ''], ''],
  ]);
  assert.equal(firstScreen(options({}), 'es', 'ES').html.includes(FIRST.number), false, 'every placeholder filled');
  checkTable('usableNumber', usableNumber, [[['112'], true], [['1'], false], [[''], false]]);
});
