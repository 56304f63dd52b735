/**
 * Quotes a value for a POSIX shell when it needs it, so that a remediation command can be
 * pasted as is. Placeholders (`<subnet-id>`) are left bare: the user must replace them anyway.
 */
export function shellQuote(value: string): string {
  if (/^[\w@%+=:,./-]+$/.test(value) || /^<[^>]+>$/.test(value)) return value;
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** `aws elbv2 modify-target-group ...` from the words of a command, each quoted as needed. */
export function awsCommand(...words: (string | number)[]): string {
  return ['aws', ...words.map((w) => shellQuote(String(w)))].join(' ');
}
