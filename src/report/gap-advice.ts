import type { Gap } from '../model/inventory.js';
import type { Result } from '../model/result.js';
import { iamAction } from '../model/operations.js';

/** What closes a gap, by the kind of failure the collector recorded: the IAM action to grant, or the cause to fix. */
export function gapFix(gap: Gap): string {
  const action = iamAction(gap.service, gap.operation);
  switch (gap.class) {
    case 'denied':
      if (gap.operation === 'AssumeRole') return 'check that the role exists in the account and that its trust policy lets the scanning identity assume it (and --external-id)';
      return `grant ${action} to the scanning identity (see \`ha-audit iam-policy\`)`;
    case 'region-disabled':
      return `the region ${gap.region} is not enabled for the account: enable it, or leave it out of --region`;
    case 'throttled':
      return 'AWS throttled the call past every retry: scan again, or lower --max-api-rate';
    case 'stopped':
      return 'the scan was stopped (--timeout or Ctrl-C) before this call ended: give it more time';
    case 'timeout':
      return 'AWS did not answer in time: check connectivity (or --endpoint-url) and scan again';
    case 'network':
      return 'a network error: check connectivity (or --endpoint-url) and scan again';
    case 'not-collected':
      return 'the scan that saved this inventory ran only some rules (--rule): scan again with these rules';
    case 'missing-shard':
      return 'the shard of the scan that collects this was not given: evaluate every shard together (scan --inventory shard-1.json --inventory shard-2.json ...), or run the missing one again';
    case 'other':
    case undefined:
      return 'a network or service error: check connectivity (or --endpoint-url) and scan again';
  }
}

/** What closes a result that could not be evaluated: its own advice (the IAM action of a gap), else by why it could not be. */
export function errorFix(result: Result): string {
  if (result.remediation?.summary) return result.remediation.summary;
  switch (result.messageId) {
    case 'notCollected':
      return `scan again (this ha-audit collects ${typeof result.evidence?.field === 'string' ? result.evidence.field : 'it'}): the inventory was saved by an earlier version`;
    case 'ruleCrashed':
      return 'a bug in ha-audit: report it with the --debug output';
    default:
      return 'scan again so that the data named is collected';
  }
}
