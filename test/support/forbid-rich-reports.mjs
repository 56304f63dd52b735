// Loaded with `node --import`: makes any import of the HTML or Markdown report (and of the graph
// layout library they use) fail, to prove that the text and JSON reports never load them.
import { register } from 'node:module';

const hook = `
export async function resolve(specifier, context, next) {
  if (specifier.startsWith('@dagrejs/') || /\\/report\\/(html\\/|markdown|what-if-markdown)/.test(specifier) || /^\\.\\/(html\\/|markdown|what-if-markdown)/.test(specifier)) {
    throw new Error('a rich report module was loaded: ' + specifier);
  }
  return next(specifier, context);
}`;
register('data:text/javascript,' + encodeURIComponent(hook));
