import { HaAuditError } from '../model/errors.js';

/** The report formats, for the command line (kept apart from the renderers so that `--help` loads none). */
export const REPORT_FORMATS = ['text', 'json', 'sarif', 'junit', 'html', 'markdown'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** `--history` feeds the trend of the HTML and Markdown reports: with another format it would do nothing. */
export function assertHistoryFormat(format: ReportFormat): void {
  if (format !== 'html' && format !== 'markdown') throw new HaAuditError('usage', `--history does nothing with --format ${format}`, 'use it with --format html or --format markdown');
}
