// The lint of the JavaScript the widget ships (web/) and of its build and
// test scripts: eslint's recommended rules, with the globals of where each
// runs. scripts/test-browser runs it: node_modules/.bin/eslint -c
// tools/eslint.config.mjs, from the repository's root.
import js from '@eslint/js';
import globals from 'globals';

export default [
  { ignores: ['**/node_modules/**', 'target/**', 'dist/**'] },
  js.configs.recommended,
  {
    files: ['web/**/*.js'],
    languageOptions: { ecmaVersion: 2022, sourceType: 'module', globals: { ...globals.browser } },
    rules: {
      // The widget never leaves a promise's failure unreported, and never
      // writes to the console but to warn or report an error.
      'no-console': ['error', { allow: ['warn', 'error'] }],
      eqeqeq: 'error',
      'prefer-const': 'error',
      'no-var': 'error',
    },
  },
  {
    files: ['web/sw.template.js'],
    languageOptions: { globals: { ...globals.serviceworker, __FILES__: 'readonly', __LANGUAGES__: 'readonly' } },
  },
  {
    files: ['tests/fixtures/**/*.js'],
    languageOptions: { ecmaVersion: 2022, sourceType: 'script', globals: { ...globals.browser } },
  },
  {
    files: ['tools/**/*.mjs', 'tests/**/*.mjs', 'bench/**/*.mjs'],
    languageOptions: { ecmaVersion: 2022, sourceType: 'module', globals: { ...globals.node, ...globals.browser } },
  },
];
