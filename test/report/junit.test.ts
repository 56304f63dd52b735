import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { aws } from '../../src/engine/command.js';
import { rules } from '../../rules/index.js';
import { REPORT_ACCOUNT, REPORT_STARTED, reportOf as buildReportOf, ruleById, ruleResult } from '../support/report-builders.js';
import type { Rule } from '../../src/engine/define-rule.js';
import { runRules } from '../../src/engine/run-rules.js';
import { buildReport } from '../../src/engine/scan-report.js';
import type { Gap } from '../../src/model/inventory.js';
import { loadInventory } from '../../src/cli/files.js';
import type { ScanReport } from '../../src/model/report.js';
import type { Result } from '../../src/model/result.js';
import { packageRoot } from '../../src/package-info.js';
import { GAPS_SUITE, renderJunit, renderJunitPieces } from '../../src/report/junit.js';

interface Outcome {
  message: string;
  type?: string;
  '#text'?: string;
}
interface TestCase {
  classname: string;
  name: string;
  failure?: Outcome;
  error?: Outcome;
  skipped?: Outcome;
}
interface TestSuite {
  name: string;
  tests: string;
  failures: string;
  errors: string;
  skipped: string;
  testcase?: TestCase[];
}
interface TestSuites {
  name: string;
  tests: string;
  failures: string;
  errors: string;
  skipped: string;
  time: string;
  testsuite: TestSuite[];
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseAttributeValue: false,
  parseTagValue: false,
  // Numeric character references (`&#10;`) are decoded only with this option.
  htmlEntities: true,
  isArray: (name) => name === 'testsuite' || name === 'testcase',
});

/** Fails unless the XML is well formed; then parses it, entities decoded. */
function parseJunit(xml: string): TestSuites {
  expect(XMLValidator.validate(xml)).toBe(true);
  return (parser.parse(xml) as { testsuites: TestSuites }).testsuites;
}

const FINISHED = new Date('2026-11-20T09:01:02.250Z');
const ACCOUNT = REPORT_ACCOUNT;
const STARTED = REPORT_STARTED;

const reportOf = (results: Result[], gaps: Gap[] = []): ScanReport => buildReportOf(results, gaps, FINISHED);


const result = ruleResult;

const count = (results: Result[], status: Result['status']) => String(results.filter((r) => r.status === status).length);

describe('renderJunit on the demo account', () => {
  let report: ScanReport;
  let suites: TestSuites;

  beforeAll(async () => {
    const demo = await loadInventory(join(packageRoot(), 'fixtures', 'demo', 'inventory.json'));
    report = buildReport({ inventory: demo, results: runRules(demo, { rules }), rules, source: 'inventory', startedAt: STARTED, finishedAt: FINISHED });
    suites = parseJunit(renderJunit(report, rules));
  });

  it('is written a suite a piece: the file of an organisation is never one string', () => {
    const pieces = [...renderJunitPieces(report, rules)];
    expect(pieces.join('')).toBe(renderJunit(report, rules));
    // The declaration and <testsuites> with the totals, a piece per rule's suite, the closing tag.
    expect(pieces).toHaveLength(rules.length + 2);
    expect(pieces.slice(1, -1).every((piece) => piece.startsWith('  <testsuite ') && (piece.endsWith('</testsuite>\n') || piece.endsWith('/>\n')))).toBe(true);
  });

  it('totals every result of the scan, with the scan time', () => {
    expect(suites).toMatchObject({
      name: 'ha-audit',
      tests: String(report.findings.length),
      failures: count(report.findings, 'fail'),
      errors: '0',
      skipped: '0',
      time: '62.250',
    });
    expect(Number(suites.failures)).toBeGreaterThan(0);
  });

  it('has one suite per rule, whose totals match its results and its test cases', () => {
    expect(suites.testsuite.map((s) => s.name)).toEqual(rules.map((r) => r.id));
    for (const suite of suites.testsuite) {
      const results = report.findings.filter((f) => f.ruleId === suite.name);
      expect(suite).toMatchObject({ tests: String(results.length), failures: count(results, 'fail'), errors: '0', skipped: '0' });
      const testcases = suite.testcase ?? [];
      expect(testcases).toHaveLength(results.length);
      expect(testcases.filter((c) => c.failure).length).toBe(results.filter((r) => r.status === 'fail').length);
      expect(testcases.every((c) => c.classname === suite.name)).toBe(true);
    }
  });

  it('names each test case after its resource, account and region', () => {
    const names = suites.testsuite.flatMap((s) => (s.testcase ?? []).map((c) => `${s.name} ${c.name}`));
    expect(new Set(names).size).toBe(names.length);
    const finding = report.findings.find((f) => f.ruleId === 'tg-stickiness' && f.status === 'fail')!;
    const testcase = suites.testsuite.find((s) => s.name === 'tg-stickiness')!.testcase!.find((c) => c.name.startsWith(finding.resource.arn!))!;
    expect(testcase.name).toBe(`${finding.resource.arn} [${finding.resource.region}, 123456789012]`);
    expect(testcase.failure).toMatchObject({ message: finding.message, type: 'medium' });
  });
});

describe('renderJunit', () => {
  const render = (results: Result[], gaps: Gap[] = [], ruleSet: readonly Rule[] = rules) => parseJunit(renderJunit(reportOf(results, gaps), ruleSet));
  const suiteOf = (suites: TestSuites, name: string) => suites.testsuite.find((s) => s.name === name)!;

  it('writes a pass as an empty test case', () => {
    const [testcase] = suiteOf(render([result('tg-stickiness', 'pass', 'a-tg')]), 'tg-stickiness').testcase!;
    expect(testcase).toEqual({ classname: 'tg-stickiness', name: `arn:aws:elasticloadbalancing:us-east-1:${ACCOUNT}:targetgroup/a-tg/0123456789abcdef [us-east-1, ${ACCOUNT}]` });
  });

  it('writes a fail as a failure typed by severity, with the fix, its commands and the docs in the body', () => {
    const fail = result('tg-stickiness', 'fail', 'a-tg', { baseline: 'new' });
    const { failure } = suiteOf(render([fail]), 'tg-stickiness').testcase![0]!;
    expect(failure!.message).toBe('a-tg is fail');
    expect(failure!.type).toBe('medium');
    expect(failure!['#text']).toBe(
      ['a-tg is fail', 'Severity: medium', 'Baseline: new', `Fix: ${fail.remediation!.summary}`, '$ aws elbv2 fix --name a-tg', `Docs: ${fail.remediation!.docs}`].join('\n'),
    );
  });

  it('writes the hints of a fail after its commands', () => {
    const fail = { ...result('tg-stickiness', 'fail', 'a-tg'), hints: ['Subnets in other zones: subnet-1 (us-east-1b)'] };
    const { failure } = suiteOf(render([fail]), 'tg-stickiness').testcase![0]!;
    expect(failure!['#text']!.split('\n').slice(-3)).toEqual(['$ aws elbv2 fix --name a-tg', 'Subnets in other zones: subnet-1 (us-east-1b)', `Docs: ${fail.remediation!.docs}`]);
  });

  it('puts what a fix costs after the fix, and renders the commands from the steps', () => {
    const fail = result('tg-stickiness', 'fail', 'a-tg');
    fail.remediation = { ...fail.remediation!, commands: ['stale'], steps: [aws('elbv2', 'fix', '--name', 'a tg')], warning: 'Users are logged out.' };
    const { failure } = suiteOf(render([fail]), 'tg-stickiness').testcase![0]!;
    expect(failure!['#text']).toBe(
      ['a-tg is fail', 'Severity: medium', `Fix: ${fail.remediation.summary}`, 'Warning: Users are logged out.', "$ aws elbv2 fix --name 'a tg'", `Docs: ${fail.remediation.docs}`].join('\n'),
    );
  });

  it('writes an error as an error, and a suppressed result as skipped with its reason', () => {
    const error = result('tg-stickiness', 'error', 'region', {
      message: 'Not evaluated in us-east-1: elasticloadbalancing:DescribeTargetGroupAttributes failed (AccessDenied)',
      remediation: { summary: 'Allow the scanning identity elasticloadbalancing:DescribeTargetGroupAttributes.', commands: [], docs: 'https://docs.aws.amazon.com/iam' },
    });
    const suppressed = result('tg-stickiness', 'suppressed', 'legacy-tg', { suppression: { reason: 'sessions in memory until Q3', matchedBy: 'rule=tg-stickiness' } });
    const suite = suiteOf(render([error, suppressed]), 'tg-stickiness');
    expect(suite).toMatchObject({ tests: '2', failures: '0', errors: '1', skipped: '1' });
    const byName = Object.fromEntries(suite.testcase!.map((c) => [c.name.split('/')[1], c]));
    expect(byName.region!.error).toEqual({
      message: error.message,
      type: 'dataMissing',
      '#text': `${error.message}\nAllow the scanning identity elasticloadbalancing:DescribeTargetGroupAttributes.\nDocs: https://docs.aws.amazon.com/iam`,
    });
    expect(byName['legacy-tg']!.skipped).toEqual({ message: 'suppressed: sessions in memory until Q3' });
    expect(byName['legacy-tg']!.failure).toBeUndefined();
  });

  it('totals per suite and overall, with a suite for every rule of the scan, even one without results', () => {
    const results = [
      result('tg-stickiness', 'fail', 'a-tg'),
      result('tg-stickiness', 'pass', 'b-tg'),
      result('tg-stickiness', 'suppressed', 'c-tg', { suppression: { reason: 'r', matchedBy: 'rule=tg-stickiness' } }),
      result('elb-multi-az', 'error', 'region'),
      result('elb-multi-az', 'fail', 'a-lb'),
    ];
    const only = ['elb-deletion-protection', 'elb-multi-az', 'tg-stickiness'].map(ruleById);
    const suites = render(results, [], only);
    expect(suites).toMatchObject({ tests: '5', failures: '2', errors: '1', skipped: '1' });
    expect(suites.testsuite.map(({ name, tests, failures, errors, skipped }) => ({ name, tests, failures, errors, skipped }))).toEqual([
      { name: 'elb-deletion-protection', tests: '0', failures: '0', errors: '0', skipped: '0' },
      { name: 'elb-multi-az', tests: '2', failures: '1', errors: '1', skipped: '0' },
      { name: 'tg-stickiness', tests: '3', failures: '1', errors: '0', skipped: '1' },
    ]);
    expect(suiteOf(suites, 'elb-deletion-protection').testcase).toBeUndefined();
  });

  it('adds a suite of errors for the collection gaps, which make the audit incomplete', () => {
    const gap: Gap = { accountId: ACCOUNT, region: 'eu-west-1', service: 'sts', operation: 'GetCallerIdentity', code: 'ExpiredToken', message: 'The security token included in the request is expired', class: 'other' };
    const suites = render([result('tg-stickiness', 'pass', 'a-tg')], [gap]);
    expect(suites).toMatchObject({ tests: '2', failures: '0', errors: '1', skipped: '0' });
    const suite = suiteOf(suites, GAPS_SUITE);
    expect(suite).toMatchObject({ tests: '1', errors: '1' });
    expect(suite.testcase).toEqual([
      {
        classname: GAPS_SUITE,
        name: `sts:GetCallerIdentity [eu-west-1, ${ACCOUNT}]`,
        error: { message: 'Could not collect sts:GetCallerIdentity (ExpiredToken)', type: 'ExpiredToken', '#text': gap.message },
      },
    ]);
  });

  it('escapes markup in attributes and text, keeps line breaks in attributes, and drops characters XML cannot carry', () => {
    const nasty = `Tag <b>"O'Brien" & co</b> ]]> ok`;
    const controls = 'bell\u0007 escape\u001b nul\u0000 del\u007f lone\uD800 nonchar\uFFFF end';
    const fail = result('tg-stickiness', 'fail', 'a-tg', {
      message: `${nasty}\nline two\ttab ${controls}`,
      remediation: { summary: `Fix <it> & "quote" 'it'`, commands: [`aws elbv2 x --tags '{"k":"<v>"}'`], docs: 'https://docs.aws.amazon.com/a?b=1&c=2' },
      suppression: undefined,
    });
    const suppressed = result('tg-stickiness', 'suppressed', 'b-tg', { suppression: { reason: `owner's call: <legacy> & "frozen"\u0001`, matchedBy: 'rule=tg-stickiness' } });
    const xml = renderJunit(reportOf([fail, suppressed]), rules);

    // eslint-disable-next-line no-control-regex -- looking for control characters
    expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDFFF]/u);
    const [failing, skipped] = suiteOf(parseJunit(xml), 'tg-stickiness').testcase!;
    const clean = `${nasty}\nline two\ttab bell escape nul del lone nonchar end`;
    expect(failing!.failure!.message).toBe(clean);
    expect(failing!.failure!['#text']).toBe(
      [clean, 'Severity: medium', `Fix: Fix <it> & "quote" 'it'`, `$ aws elbv2 x --tags '{"k":"<v>"}'`, 'Docs: https://docs.aws.amazon.com/a?b=1&c=2'].join('\n'),
    );
    expect(skipped!.skipped!.message).toBe(`suppressed: owner's call: <legacy> & "frozen"`);
    expect(xml).toContain('message="Tag &lt;b&gt;&quot;O&apos;Brien&quot; &amp; co&lt;/b&gt; ]]&gt; ok&#10;line two&#9;tab');
  });

  it('refuses a result of a rule that is not among the rules of the scan', () => {
    expect(() => renderJunit(reportOf([result('elb-multi-az', 'fail', 'a-lb')]), [ruleById('tg-stickiness')])).toThrow(/elb-multi-az/);
  });
});
