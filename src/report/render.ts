import type { ScanReport } from '../model/report.js';
import type { History } from './history.js';
import type { TextOptions } from './text.js';

import type { ReportFormat } from './formats.js';

export interface RenderOptions {
  text: TextOptions;
  /** `--history DIR`: earlier reports, for the HTML and Markdown trend. */
  history?: History;
}

/**
 * Any format from the report alone, for `scan` and `report` alike. Only the format asked for is
 * loaded: each costs start-up time (chalk, crypto, the graph layout of the HTML path view...).
 * SARIF and JUnit list every rule of the scan, also those without a finding.
 */
export async function renderReport(report: ScanReport, format: ReportFormat, options: RenderOptions): Promise<string | Iterable<string>> {
  switch (format) {
    case 'json':
      return (await import('./json.js')).renderJsonChunks(report);
    case 'sarif':
      return (await import('./sarif.js')).renderSarifPieces(report, report.rules ?? []);
    case 'junit':
      return (await import('./junit.js')).renderJunitPieces(report, report.rules ?? []);
    case 'text':
      return (await import('./text.js')).renderTextPieces(report, options.text);
    case 'html':
      return (await import('./html/render.js')).renderHtml(report, options.history ? { history: options.history } : {});
    case 'markdown':
      return (await import('./markdown.js')).renderMarkdown(report, options.history ? { history: options.history } : {});
  }
}
