/** `1 zone`, `3 zones`, `1 instance`: counts that read as English in messages. */
export function countOf(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`;
}
