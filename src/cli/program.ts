import { Command, Option } from 'commander';
import { HaAuditError } from '../model/errors.js';
import { SEVERITIES } from '../model/severity.js';
import { toolVersion } from '../package-info.js';
import { REPORT_FORMATS } from '../report/formats.js';
import type { ReportOptions } from './report-command.js';
import type { ScanIo, ScanOptions } from './scan-command.js';
import type { WhatIfOptions } from './what-if-command.js';

/** A repeatable option: no default, so that `--help` shows no `(default: [])`. */
const repeatable = (value: string, previous: string[] = []) => [...previous, value];
const FORMAT_HELP = 'report format (sarif: GitHub code scanning; junit: CI test reports; html: a self-contained page to forward; markdown: a GitHub job summary or pull-request comment)';
const HISTORY_HELP = 'folder of earlier JSON reports: the HTML and Markdown reports add the trend and what changed since the previous one';

/** The commander program. Actions set `exitCode` instead of exiting, so output is flushed. */
export function buildProgram(io: ScanIo, setExitCode: (code: number) => void): Command {
  const program = new Command('ha-audit')
    .description('Audit an AWS account for stateless high availability: what breaks when a zone or a region fails, and how to fix it.')
    .version(toolVersion(), '-V, --version')
    .showSuggestionAfterError(true)
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s), outputError: () => {} })
    .exitOverride()
    .addHelpText('after', EXAMPLES);

  const scanCommand = program
    .command('scan')
    .description('scan an account (or a saved inventory) and report findings')
    .optionsGroup('Live scan (calls AWS):')
    .option('--region <region>', 'region to scan (repeatable or comma-separated; default: AWS_REGION, AWS_DEFAULT_REGION or the profile); with --inventory, the regions to evaluate', repeatable);
  liveSourceOptions(scanCommand, 'region')
    .option('--shard <I/N>', 'collect only shard I of N (1-based) of the (account, region) pairs, save it with --save-inventory, and evaluate nothing; `auto`: from AWS Batch or Kubernetes variables (see docs/at-scale.md)')
    .option('--shard-count <n>', 'the shard count, with the 0-based index from JOB_COMPLETION_INDEX (Kubernetes Indexed Job)')
    .optionsGroup('Saved inventory (no AWS call):')
    .option('--inventory <file>', 'evaluate a saved inventory instead of calling AWS (repeatable: the shards of one scan, evaluated together)', repeatable)
    .optionsGroup('Report and gate:')
    .addOption(new Option('--format <format>', FORMAT_HELP).choices(REPORT_FORMATS).default('text'))
    .option('--output <file>', 'write the report to a file (or a pipe, a device; - for stdout) instead of stdout')
    .option('--history <dir>', HISTORY_HELP)
    .addOption(
      new Option('--fail-on <severity>', 'exit 1 when a failing result is at or above this severity')
        .choices([...SEVERITIES, 'none'])
        .default('low'),
    )
    .option('--rule <id>', 'run only this rule (repeatable or comma-separated; see `ha-audit rules`)', repeatable)
    .option('--config <file>', 'configuration file (default: .ha-audit.yml in the working directory, if any; see docs/configuration.md)')
    .option('--no-config', 'ignore .ha-audit.yml')
    .option('--baseline <file>', 'JSON report of an earlier scan: mark results new or existing, list what was fixed')
    .option('--fail-on-new-only', 'with --baseline: exit 1 only for new failing results')
    .optionsGroup('Options:')
    .option('--debug', 'print diagnostics and stack traces on stderr')
    .addHelpText('after', SCAN_EXAMPLES)
    .action(async (options: ScanOptions, command: Command) => {
      // Loaded on demand: `--version` and `--help` need neither the rules nor the reports.
      const [{ scan }, checks] = await Promise.all([import('./scan-command.js'), import('./option-checks.js')]);
      checks.assertValuesGiven(command);
      checks.assertOptionsApply(command, checks.SCAN_OPTION_MODES, options.inventory !== undefined ? 'inventory' : 'live');
      checks.assertShardOnlyCollects(command);
      setExitCode(await scan(options, io));
    });

  const whatIf = program
    .command('what-if')
    .description('what one zone or region loss takes down or degrades, worst first, with the fixes; exit 1 when anything does (a game-day gate)')
    .optionsGroup('The loss:')
    .option('--zone <zone>', 'the Availability Zone lost: a zone id (use1-az1), or its name (us-east-1a) in a scan of one account')
    .option('--region <region>', 'the region lost (every zone of it)')
    .optionsGroup('Live scan (calls AWS):')
    .option('--scan-region <region>', 'region to scan (repeatable or comma-separated; default: AWS_REGION, AWS_DEFAULT_REGION or the profile); with --inventory, the regions to evaluate', repeatable);
  liveSourceOptions(whatIf, 'scanRegion')
    .optionsGroup('Saved inventory (no AWS call):')
    .option('--inventory <file>', 'play the loss on a saved inventory instead of calling AWS (repeatable: the shards of one scan, played together)', repeatable)
    .optionsGroup('Output:')
    .addOption(new Option('--format <format>', 'output format: text, json, html (one self-contained page) or markdown (a job summary or pull-request comment); not sarif or junit').choices(REPORT_FORMATS).default('text'))
    .option('--output <file>', 'write the answer to a file (or a pipe, a device; - for stdout) instead of stdout')
    .option('--config <file>', 'configuration file (resilience: minCapacityShare, applications; default: .ha-audit.yml in the working directory, if any)')
    .option('--no-config', 'ignore .ha-audit.yml')
    .optionsGroup('Options:')
    .option('--debug', 'print diagnostics and stack traces on stderr')
    .addHelpText('after', WHAT_IF_EXAMPLES)
    .action(async (options: WhatIfOptions, command: Command) => {
      const [{ whatIf: play }, checks] = await Promise.all([import('./what-if-command.js'), import('./option-checks.js')]);
      checks.assertValuesGiven(command);
      checks.assertOptionsApply(command, checks.WHAT_IF_OPTION_MODES, options.inventory !== undefined ? 'inventory' : 'live');
      setExitCode(await play(options, io));
    });

  program
    .command('report')
    .description('render a saved JSON report in any format, without calling AWS (exit 0, or 2 for a bad file; it never gates)')
    .argument('<report>', 'JSON report written by `ha-audit scan --format json`')
    .addOption(new Option('--format <format>', FORMAT_HELP).choices(REPORT_FORMATS).default('text'))
    .option('--output <file>', 'write the report to a file (or a pipe, a device; - for stdout) instead of stdout')
    .option('--history <dir>', HISTORY_HELP)
    .action(async (file: string, options: ReportOptions, command: Command) => {
      const [{ rerender }, { assertValuesGiven }] = await Promise.all([import('./report-command.js'), import('./option-checks.js')]);
      assertValuesGiven(command);
      setExitCode(await rerender(file, options, io));
    });

  program
    .command('rules')
    .description('list the rules (id, severity, title), or explain one: what it checks, why, the fix, and the Well-Architected best practices it gives evidence for')
    .argument('[id]', 'a rule id')
    .addOption(new Option('--format <format>', 'list format').choices(['text', 'json']).default('text'))
    .option('--config <file>', 'configuration file whose settings to show (default: .ha-audit.yml in the working directory, if any)')
    .option('--no-config', "ignore .ha-audit.yml: the rules' own settings")
    .action(async (id: string | undefined, options: { format: 'text' | 'json'; config?: string | false }, command: Command) => {
      const [{ explainRule, listRules }, { writeStdout }, { assertValuesGiven }, { loadConfig }, { rules }] = await Promise.all([
        import('./rules-command.js'),
        import('./outputs.js'),
        import('./option-checks.js'),
        import('./files.js'),
        import('../../rules/index.js'),
      ]);
      assertValuesGiven(command);
      const config = await loadConfig(options.config, rules);
      await writeStdout(io.stdout, id === undefined ? listRules(options.format, config) : explainRule(id, options.format, config));
    });

  program
    .command('iam-policy')
    .description('print the least-privilege IAM policy (JSON) for a scan: exactly the actions ha-audit calls')
    .option('--org', 'include what `scan --org` also calls (organizations:ListAccounts, in the management account)')
    .option('--all-regions', 'include what `scan --all-regions` also calls (ec2:DescribeRegions)')
    .option('--rule <id>', 'only what `scan --rule` of these rules calls (repeatable or comma-separated)', repeatable)
    .action(async (options: { org?: boolean; allRegions?: boolean; rule?: string[] }, command: Command) => {
      const [{ renderIamPolicy }, { writeStdout }, { assertValuesGiven }] = await Promise.all([import('./iam-policy-command.js'), import('./outputs.js'), import('./option-checks.js')]);
      assertValuesGiven(command);
      await writeStdout(io.stdout, await renderIamPolicy(options));
    });

  for (const command of program.commands) refuseRepeatedOptions(command);
  return program;
}

/**
 * An option of one value given twice (`--output a.json --output b.json`) keeps the last and
 * drops the other without a word: refused, like an option that does nothing. Repeatable options
 * (`--region`, `--rule`, `--accounts`) gather their values; `--config` with `--no-config` is refused too.
 */
function refuseRepeatedOptions(command: Command): void {
  const given = new Map<string, string>();
  for (const option of command.options) {
    const takesValue = option.required || option.optional;
    if (option.parseArg === repeatable || (!takesValue && !option.negate)) continue;
    command.on(`option:${option.name()}`, () => {
      const key = option.attributeName();
      const flag = option.long ?? option.flags;
      const earlier = given.get(key);
      if (earlier === undefined) return void given.set(key, flag);
      throw earlier === flag
        ? new HaAuditError('usage', `${flag} is given twice: only one would be used`, 'give it once')
        : new HaAuditError('usage', `${earlier} and ${flag} contradict each other`, 'give one of them');
    });
  }
}

/** The options of a live scan after its regions (`scan --region`, `what-if --scan-region`), shared by both commands. */
function liveSourceOptions(command: Command, regionOption: 'region' | 'scanRegion'): Command {
  return command
    .option('--profile <profile>', 'AWS profile of the shared config and credentials files')
    .option('--endpoint-url <url>', 'one endpoint for every AWS service (LocalStack-style emulators); AWS_ENDPOINT_URL also works')
    .addOption(new Option('--all-regions', 'scan every region enabled for the account').conflicts(regionOption))
    .addOption(new Option('--role-arn <arn>', 'assume this role and scan its account').conflicts(['accounts', 'org']))
    .option('--external-id <id>', 'external id for the roles assumed')
    .option('--role-session-name <name>', 'session name for the roles assumed (default: ha-audit)')
    .addOption(new Option('--accounts <ids>', 'scan these accounts through --role-name (repeatable or comma-separated)').argParser(repeatable).conflicts('org'))
    .option('--role-name <name>', 'role to assume in each account of --accounts or --org')
    .option('--org', "scan the organisation's active accounts through --role-name")
    .option('--max-accounts-in-parallel <n>', 'accounts of --accounts or --org collected at once (default 4)')
    .option('--max-api-rate <factor>', "share of each service's published API rate the scan may use, in (0, 1] (default 1; 0.5 leaves half to the account's own automation)")
    .option('--timeout <duration>', 'stop collecting after this long (e.g. 90s, 15m, 1h30m) and report what was seen (exit 3)')
    .option('--quiet', 'no progress display on stderr')
    .option('--save-inventory <file>', 'also write what was collected, for offline re-evaluation');
}

const EXAMPLES = `
Examples:
  ha-audit scan --region us-east-1                  scan the account of your credentials
  ha-audit scan --profile prod --all-regions        every region enabled for a profile's account
  ha-audit scan --format sarif --output ha-audit.sarif   for GitHub code scanning
  ha-audit scan --inventory inventory.json          evaluate a saved inventory, no AWS call
  ha-audit what-if --zone use1-az1                  what losing one zone breaks, with the fixes
  ha-audit rules                                    the rules, as .ha-audit.yml sets them
  ha-audit iam-policy > policy.json                 the least-privilege policy for a scan

See \`ha-audit <command> --help\` for a command's options.`;

const WHAT_IF_EXAMPLES = `
Examples:
  ha-audit what-if --zone use1-az1 --scan-region us-east-1
  ha-audit what-if --zone us-east-1a --inventory inventory.json     a zone name: scans of one account
  ha-audit what-if --region us-east-1 --scan-region us-east-1,eu-west-1   does the standby take over?
  ha-audit what-if --zone use1-az4 --org --role-name Auditor --scan-region us-east-1
  ha-audit what-if --zone use1-az1 --format json --output what-if.json

Exit codes: 0 everything keeps serving, 1 something is down, degraded or needs a person, 2 usage or fatal error, 3 incomplete audit.`;

const SCAN_EXAMPLES = `
Examples:
  ha-audit scan --region us-east-1 --region eu-west-1
  ha-audit scan --role-arn arn:aws:iam::111111111111:role/Auditor --all-regions
  ha-audit scan --org --role-name OrganizationAccountAccessRole --region eu-west-1 --timeout 30m
  ha-audit scan --format json --output report.json --fail-on high
  ha-audit scan --format junit --output ha-audit.xml          any CI test report
  ha-audit scan --save-inventory inventory.json               keep what was collected...
  ha-audit scan --inventory inventory.json --rule tg-stickiness   ...and evaluate it offline
  ha-audit scan --baseline previous.json --fail-on-new-only   fail only on what is new
  ha-audit scan --org --role-name Auditor --all-regions --shard 2/4 --save-inventory shard-2.json
  ha-audit scan --inventory shard-1.json --inventory shard-2.json ...   every shard, judged together

Exit codes: 0 passed, 1 failed the gate (--fail-on), 2 usage or fatal error, 3 incomplete audit.`;
