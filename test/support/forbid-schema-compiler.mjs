// Loaded with `node --import`: makes any import of TypeBox or Ajv fail, to prove that reading a
// saved inventory uses the validator the build compiled, not the definition compiled on the spot.
import { register } from 'node:module';

const hook = `
export async function resolve(specifier, context, next) {
  if (specifier.startsWith('@sinclair/typebox') || specifier === 'ajv' || specifier.startsWith('ajv/')) {
    throw new Error('a schema compiler was loaded: ' + specifier);
  }
  return next(specifier, context);
}`;
register('data:text/javascript,' + encodeURIComponent(hook));
