import { Command, Option } from 'commander';
import { SEVERITIES } from '../model/severity.js';
import { toolVersion } from '../package-info.js';
import type { ScanIo, ScanOptions } from './scan-command.js';

const repeatable = (value: string, previous: string[]) => [...previous, value];

/** The commander program. Actions set `exitCode` instead of exiting, so output is flushed. */
export function buildProgram(io: ScanIo, setExitCode: (code: number) => void): Command {
  const program = new Command('ha-audit')
    .description('Audit an AWS account for stateless high availability: what breaks when a zone or a region fails, and how to fix it.')
    .version(toolVersion(), '-V, --version')
    .showSuggestionAfterError(true)
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s), outputError: () => {} })
    .exitOverride();

  program
    .command('scan')
    .description('scan an account (or a saved inventory) and report findings')
    .option('--region <region>', 'region to scan (repeatable or comma-separated; default: AWS_REGION or the profile)', repeatable, [])
    .option('--profile <profile>', 'AWS profile of the shared config and credentials files')
    .option('--endpoint-url <url>', 'one endpoint for every AWS service (LocalStack-style emulators); AWS_ENDPOINT_URL also works')
    .addOption(new Option('--inventory <file>', 'evaluate a saved inventory instead of calling AWS').conflicts(['saveInventory', 'profile', 'endpointUrl']))
    .option('--save-inventory <file>', 'also write what was collected, for offline re-evaluation')
    .addOption(new Option('--format <format>', 'report format').choices(['text', 'json']).default('text'))
    .option('--output <file>', 'write the report to a file instead of stdout')
    .addOption(
      new Option('--fail-on <severity>', 'exit 1 when a failing result is at or above this severity')
        .choices([...SEVERITIES, 'none'])
        .default('low'),
    )
    .option('--rule <id>', 'run only this rule (repeatable or comma-separated; see `ha-audit rules`)', repeatable, [])
    .option('--debug', 'print diagnostics and stack traces on stderr', false)
    .action(async (options: ScanOptions) => {
      // Loaded on demand: `--version` and `--help` need neither the rules nor the reports.
      const { scan } = await import('./scan-command.js');
      setExitCode(await scan(options, io));
    });

  program
    .command('rules')
    .description('list the rules: id, severity, title')
    .addOption(new Option('--format <format>', 'list format').choices(['text', 'json']).default('text'))
    .action(async (options: { format: 'text' | 'json' }) => {
      const { listRules } = await import('./rules-command.js');
      io.stdout.write(listRules(options.format));
    });

  return program;
}
