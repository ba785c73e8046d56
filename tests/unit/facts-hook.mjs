// Lets node load embed.js's modules (web/embed) as esbuild bundles them: the
// specifier 'foot-triage:facts' resolves to the facts the last build wrote
// (target/embed/facts.js), the real ones, not a copy. Loaded with
// `node --import ./tests/unit/facts-hook.mjs`.
import { register } from 'node:module';

register(
  'data:text/javascript,' +
    encodeURIComponent(`
      const facts = ${JSON.stringify(new URL('../../target/embed/facts.js', import.meta.url).href)};
      export async function resolve(specifier, context, next) {
        if (specifier === 'foot-triage:facts') return { url: facts, shortCircuit: true };
        return next(specifier, context);
      }
    `),
);
