import type { Command } from 'commander';
import { HaAuditError } from '../model/errors.js';
import type { ScanOptions } from './scan-command.js';
import type { WhatIfOptions } from './what-if-command.js';

/** Where an option of a command that reads a source has an effect: a live scan, a saved inventory, or both. */
export type OptionMode = 'live' | 'inventory' | 'both';

/** The options of a live collection, shared by `scan` and `what-if` (`liveSourceOptions` in program.ts). */
const LIVE_SOURCE_MODES = {
  profile: 'live',
  endpointUrl: 'live',
  allRegions: 'live',
  roleArn: 'live',
  externalId: 'live',
  roleSessionName: 'live',
  accounts: 'live',
  roleName: 'live',
  org: 'live',
  maxAccountsInParallel: 'live',
  maxApiRate: 'live',
  timeout: 'live',
} as const satisfies Record<string, OptionMode>;

/**
 * Every option of `scan`, by attribute name, with where it does something. An option given
 * where it does nothing is refused (exit 2) rather than silently ignored: `--timeout` with
 * `--inventory` bounds nothing. Typed by `ScanOptions`, so a new option does not compile until
 * it is placed here; `test/cli/option-checks.test.ts` checks the program declares no other.
 */
export const SCAN_OPTION_MODES = {
  // With an inventory, --region narrows the evaluation to regions the file holds.
  region: 'both',
  ...LIVE_SOURCE_MODES,
  // Only a live scan has a progress display to silence, but scripts (the GitHub Action) pass it
  // whatever the source: asking for quiet where there is no noise is not a mistake to refuse.
  quiet: 'both',
  saveInventory: 'live',
  shard: 'live',
  shardCount: 'live',
  inventory: 'inventory',
  format: 'both',
  output: 'both',
  history: 'both',
  failOn: 'both',
  rule: 'both',
  config: 'both',
  baseline: 'both',
  failOnNewOnly: 'both',
  debug: 'both',
} as const satisfies Record<keyof ScanOptions, OptionMode>;

/** Every option of `what-if`, as `SCAN_OPTION_MODES` places those of `scan`. */
export const WHAT_IF_OPTION_MODES = {
  zone: 'both',
  region: 'both',
  scanRegion: 'both',
  ...LIVE_SOURCE_MODES,
  quiet: 'both',
  saveInventory: 'live',
  inventory: 'inventory',
  format: 'both',
  output: 'both',
  config: 'both',
  debug: 'both',
} as const satisfies Record<keyof WhatIfOptions, OptionMode>;

/**
 * Refuses the options given on the command line that do nothing in the mode used, the first
 * in the order of `--help`: `--timeout has no effect with --inventory`.
 */
export function assertOptionsApply(command: Command, modes: Readonly<Record<string, OptionMode>>, mode: Exclude<OptionMode, 'both'>): void {
  for (const option of command.options) {
    const key = option.attributeName();
    if (command.getOptionValueSource(key) !== 'cli') continue;
    const where = modes[key];
    if (where === undefined) throw new Error(`option ${option.long} of ${command.name()} has no mode in its table`);
    if (where === 'both' || where === mode) continue;
    const flag = option.long ?? option.flags;
    throw mode === 'inventory'
      ? new HaAuditError('usage', `${flag} has no effect with --inventory: it is for a live scan`, 'leave it out, or scan live without --inventory')
      : new HaAuditError('usage', `${flag} has effect only with --inventory`, 'add --inventory FILE, or leave it out');
  }
}

/** The options of `scan` that judge or render: a shard does neither, the scan of every shard's inventory does. */
const REPORT_OPTIONS = ['format', 'output', 'history', 'failOn', 'baseline', 'failOnNewOnly'] as const satisfies readonly (keyof ScanOptions)[];

/** Refuses a report or gate option given to a shard (`--shard`, `--shard-count`): it would judge nothing. */
export function assertShardOnlyCollects(command: Command): void {
  const sharded = ['shard', 'shardCount'].some((key) => command.getOptionValueSource(key) === 'cli');
  if (!sharded) return;
  const given = REPORT_OPTIONS.find((key) => command.getOptionValueSource(key) === 'cli');
  if (given === undefined) return;
  const flag = command.options.find((o) => o.attributeName() === given)?.long ?? given;
  throw new HaAuditError('usage', `${flag} has no effect with --shard: a shard only collects and saves its share`, `give ${flag} to the scan that evaluates every shard: ha-audit scan --inventory shard-1.json --inventory shard-2.json ...`);
}

/**
 * Refuses an empty value (`--rule ""`, `--output ""`, `rules ""`): it would otherwise mean "every rule" or
 * "standard output" by accident, e.g. from an unset shell variable. A repeatable option's value
 * must name something too (`--rule ,` is empty).
 */
export function assertValuesGiven(command: Command): void {
  for (const option of command.options) {
    if (!option.required && !option.optional) continue;
    const key = option.attributeName();
    if (command.getOptionValueSource(key) !== 'cli') continue;
    const value: unknown = command.getOptionValue(key);
    // A repeatable option takes comma lists: `--rule ,` names nothing either.
    const empty = Array.isArray(value) ? value.some((item) => typeof item === 'string' && item.split(',').every((part) => part.trim() === '')) : value === '';
    if (empty) throw new HaAuditError('usage', `${option.long} needs a value, got an empty one`, 'give a value, or leave the option out');
  }
  // An empty argument too: `rules ""` would explain the first rule, `report ""` look for a file named "".
  command.registeredArguments.forEach((argument, index) => {
    if (command.processedArgs[index] === '') throw new HaAuditError('usage', `<${argument.name()}> needs a value, got an empty one`, argument.required ? 'give a value' : 'give a value, or leave it out');
  });
}
