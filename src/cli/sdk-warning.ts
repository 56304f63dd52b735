/**
 * On Node 20 the AWS SDK warns on stderr that it will soon require Node 22. The user can do
 * nothing about it mid-scan and stderr must stay clean, so that one warning is dropped (and
 * shown under --debug); every other warning goes through untouched.
 */
export function filterSdkNodeVersionWarning(debug: (message: string) => void): void {
  const emitWarning = process.emitWarning.bind(process) as (...args: unknown[]) => void;
  process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
    const text = typeof warning === 'string' ? warning : warning?.message;
    const type = typeof rest[0] === 'string' ? rest[0] : (rest[0] as { type?: string } | undefined)?.type;
    if (text?.startsWith('NodeVersionSupportWarning') || type === 'NodeVersionSupportWarning') {
      debug(`suppressed AWS SDK warning: ${text.split('\n').join(' ')}`);
      return;
    }
    emitWarning(warning, ...rest);
  }) as typeof process.emitWarning;
}
