/** Fills `{{key}}` placeholders. A missing key is a bug in the rule: it throws, and the engine
 * turns the throw into an `error` result naming the rule. */
export function formatMessage(template: string, data: Record<string, string | number> = {}): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => {
    const value = data[key];
    if (value === undefined) throw new Error(`message data lacks "${key}" for template "${template}"`);
    return String(value);
  });
}
