import { createHash } from 'node:crypto';
import type * as Sarif from 'sarif';
import type { Gap } from '../model/inventory.js';
import type { RuleDescription, ScanReport } from '../model/report.js';
import type { ResourceRef, Result } from '../model/result.js';
import type { Severity } from '../model/severity.js';
import { remediationCommands } from '../engine/shell.js';
import { prettyJsonPieces } from '../json-pieces.js';

export const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

/** No project site is published yet: the package page is where a user finds the tool. */
export const INFORMATION_URI = 'https://www.npmjs.com/package/ha-audit';

/** Versioned, as SARIF §3.27.17 recommends: a new way of computing it gets a new key. */
export const FINGERPRINT_KEY = 'haAuditFinding/v1';

/** Why a finding is a notification rather than a result; `dataMissing` and `ruleCrashed` are message ids of `error` results. */
const NOTIFICATIONS: Sarif.ReportingDescriptor[] = [
  { id: 'collectionGap', shortDescription: { text: 'Some data could not be collected from AWS: the scan is incomplete.' } },
  { id: 'dataMissing', shortDescription: { text: 'A rule was not evaluated in an account or region: data it needs could not be collected.' } },
  { id: 'ruleCrashed', shortDescription: { text: 'A rule crashed: its findings in that account or region are unknown.' } },
];

/** GitHub's levels: critical and high block, medium warns, low and info are notes. */
const LEVEL: Record<Severity, Sarif.ReportingConfiguration.level> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'note',
  info: 'note',
};

/**
 * The scan as SARIF 2.1.0, for GitHub code scanning and Azure DevOps: one run, one rule
 * descriptor per rule of the scan, one result per failing or suppressed finding. Findings that
 * could not be evaluated, and the gaps behind them, are tool execution notifications.
 *
 * SARIF viewers want a file: GitHub rejects a whole upload when a result has no physical
 * location. A cloud resource has none, so each result points at the relative URI
 * `aws/<account>/<region>` (`global` for Route 53), a stable pseudo-path that groups alerts by
 * account and region, and carries the resource itself as a logical location (its ARN, or its id).
 */
export function renderSarif(report: ScanReport, rules: readonly RuleDescription[]): string {
  return [...renderSarifPieces(report, rules)].join('');
}

/**
 * `renderSarif` in pieces, a result each, each made as it is written: an organisation's log is
 * hundreds of megabytes, which neither one string nor the heap beside its report can hold.
 */
export function* renderSarifPieces(report: ScanReport, rules: readonly RuleDescription[]): Generator<string> {
  const { log, shown, resultOf } = sarifLog(report, rules);
  // The findings themselves stand in the log's place of results; each becomes a result as it is written.
  const lazy = { ...log, runs: log.runs.map((run) => ({ ...run, results: shown })) };
  yield* prettyJsonPieces(lazy, [RESULTS], (path, item) => (path === RESULTS ? resultOf(item as Result) : item));
  yield '\n';
}

const RESULTS = 'runs[].results';

export function buildSarif(report: ScanReport, rules: readonly RuleDescription[]): Sarif.Log {
  const { log, shown, resultOf } = sarifLog(report, rules);
  for (const run of log.runs) run.results = shown.map(resultOf);
  return log;
}

/** The log without its results; the findings they are made of, and how one is made. */
function sarifLog(report: ScanReport, rules: readonly RuleDescription[]): { log: Sarif.Log; shown: Result[]; resultOf: (finding: Result) => Sarif.Result } {
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const indexOf = (ruleId: string): number => {
    const index = ruleIndex.get(ruleId);
    if (index === undefined) throw new Error(`SARIF: result of rule "${ruleId}", which is not among the rules of the scan`);
    return index;
  };

  const findings = sortFindings(report.findings);
  const shown = findings.filter((r) => r.status === 'fail' || r.status === 'suppressed');
  // Checked before a byte is written: a result of a rule the log does not describe is a bug.
  for (const finding of shown) indexOf(finding.ruleId);
  const notifications = [
    ...report.scan.gaps.map(gapNotification),
    ...findings.filter((r) => r.status === 'error').map((r) => errorNotification(r, indexOf(r.ruleId))),
  ];

  const invocation: Sarif.Invocation = {
    executionSuccessful: report.scan.complete,
    startTimeUtc: report.scan.startedAt,
    endTimeUtc: report.scan.finishedAt,
  };
  if (notifications.length > 0) invocation.toolExecutionNotifications = notifications;

  const log: Sarif.Log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: report.tool.name,
            version: report.tool.version,
            semanticVersion: report.tool.version,
            informationUri: INFORMATION_URI,
            rules: rules.map(ruleDescriptor),
            notifications: NOTIFICATIONS,
          },
        },
        invocations: [invocation],
        // Filled by the caller: made all at once (`buildSarif`) or one at a time as written.
        results: [],
        properties: {
          source: report.scan.source,
          accounts: report.scan.accounts,
          ...(report.scan.accountNames ? { accountNames: report.scan.accountNames } : {}),
          ...(report.scan.skippedAccounts ? { skippedAccounts: report.scan.skippedAccounts } : {}),
          regions: report.scan.regions,
          summary: report.summary,
        },
      },
    ],
  };
  return { log, shown, resultOf: (finding) => sarifResult(finding, indexOf(finding.ruleId)) };
}

function ruleDescriptor(rule: RuleDescription): Sarif.ReportingDescriptor {
  return {
    id: rule.id,
    name: pascalCase(rule.id),
    shortDescription: { text: messageText(rule.title) },
    fullDescription: { text: messageText(rule.rationale) },
    help: {
      text: messageText(`${rule.remediation.summary}\nDocumentation: ${rule.remediation.docs}`),
      markdown: messageText(`${rule.rationale}\n\n**Fix:** ${rule.remediation.summary}\n\n[AWS documentation](${rule.remediation.docs})`),
    },
    helpUri: rule.remediation.docs,
    defaultConfiguration: { level: LEVEL[rule.severity] },
    // No `security-severity`: these are availability findings, and GitHub would rank them as vulnerabilities.
    properties: { tags: ['reliability', 'availability', rule.service], severity: rule.severity },
  };
}

function sarifResult(result: Result, ruleIndex: number): Sarif.Result {
  const commands = result.remediation ? remediationCommands(result.remediation) : [];
  const warning = result.remediation?.warning ? [`Warning: ${result.remediation.warning}`] : [];
  const sarif: Sarif.Result = {
    ruleId: result.ruleId,
    ruleIndex,
    level: LEVEL[result.severity],
    message: { text: messageText([result.message, ...warning, ...commands.map((c) => `$ ${c}`), ...(result.hints ?? [])].join('\n')) },
    locations: [resourceLocation(result.resource)],
    partialFingerprints: { [FINGERPRINT_KEY]: findingFingerprint(result) },
    properties: resultProperties(result),
  };
  // SARIF's own field, which viewers filter on; `existing` failed in the baseline too.
  if (result.baseline) sarif.baselineState = result.baseline === 'new' ? 'new' : 'unchanged';
  if (result.status === 'suppressed' && result.suppression) {
    const { reason, expires, matchedBy } = result.suppression;
    const suppression: Sarif.Suppression = { kind: 'external', status: 'accepted', justification: reason, properties: { matchedBy } };
    if (expires) suppression.properties!.expires = expires;
    sarif.suppressions = [suppression];
  }
  return sarif;
}

function resultProperties(result: Result): Sarif.PropertyBag {
  const { resource } = result;
  const properties: Sarif.PropertyBag = {
    severity: result.severity,
    messageId: result.messageId,
    accountId: resource.accountId,
    region: resource.region,
    resourceType: resource.type,
    resourceId: resource.id,
  };
  if (resource.name) properties.resourceName = resource.name;
  if (result.baseline) properties.baseline = result.baseline;
  return properties;
}

function resourceLocation(resource: ResourceRef): Sarif.Location {
  const logical: Sarif.LogicalLocation = { fullyQualifiedName: resource.arn ?? resource.id, name: resource.name ?? resource.id, kind: resource.type };
  return { physicalLocation: { artifactLocation: { uri: scopeUri(resource.accountId, resource.region) } }, logicalLocations: [logical] };
}

/** Segments are encoded: the URI must stay a valid relative reference whatever the ids hold. */
function scopeUri(accountId: string, region: string): string {
  return ['aws', accountId, region].map(encodeURIComponent).join('/');
}

/**
 * The identity of a finding across scans: rule, account, region and resource. Not the message
 * (its wording may change) nor the position in the report.
 */
export function findingFingerprint(result: Result): string {
  const { accountId, region, id } = result.resource;
  return createHash('sha256').update([result.ruleId, accountId, region, id].join('\n')).digest('hex');
}

function errorNotification(result: Result, ruleIndex: number): Sarif.Notification {
  const properties: Sarif.PropertyBag = { accountId: result.resource.accountId, region: result.resource.region };
  if (result.evidence) Object.assign(properties, result.evidence);
  const text = result.remediation?.summary ? `${result.message}. ${result.remediation.summary}` : result.message;
  return {
    level: 'error',
    message: { text: messageText(text) },
    descriptor: notificationDescriptor(result.messageId),
    associatedRule: { id: result.ruleId, index: ruleIndex },
    locations: [resourceLocation(result.resource)],
    properties,
  };
}

function gapNotification(gap: Gap): Sarif.Notification {
  const { accountId, region, service, operation, code } = gap;
  const properties: Sarif.PropertyBag = { accountId, region, service, operation, code };
  if (gap.class) properties.class = gap.class;
  return {
    level: 'error',
    message: { text: messageText(`Could not collect ${service}:${operation} in ${region} of account ${accountId} (${code}): ${gap.message}`) },
    descriptor: notificationDescriptor('collectionGap'),
    locations: [{ physicalLocation: { artifactLocation: { uri: scopeUri(accountId, region) } } }],
    properties,
  };
}

function notificationDescriptor(id: string): Sarif.ReportingDescriptorReference {
  const index = NOTIFICATIONS.findIndex((n) => n.id === id);
  return index < 0 ? { id } : { id, index };
}

/** SARIF §3.11.5: `{` and `}` are placeholder delimiters, so literal ones are doubled. */
function messageText(text: string): string {
  return text.replace(/[{}]/g, (brace) => brace + brace);
}

/** `elb-multi-az` -> `ElbMultiAz`. */
function pascalCase(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join('');
}

/** By rule, account, region and resource: the output does not depend on the order rules ran in. */
function sortFindings(findings: readonly Result[]): Result[] {
  const key = (r: Result) => [r.ruleId, r.resource.accountId, r.resource.region, r.resource.id, r.messageId];
  return [...findings].sort((a, b) => compareKeys(key(a), key(b)));
}

function compareKeys(a: string[], b: string[]): number {
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1;
  }
  return 0;
}
