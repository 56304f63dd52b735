// Loaded with `node --import`: makes any import of the AWS SDK fail, to prove that a command
// never loads it.
import { register } from 'node:module';

const hook = `
export async function resolve(specifier, context, next) {
  if (specifier.startsWith('@aws-sdk/') || specifier.startsWith('@smithy/')) {
    throw new Error('the AWS SDK was loaded: ' + specifier);
  }
  return next(specifier, context);
}`;
register('data:text/javascript,' + encodeURIComponent(hook));
