import type { Severity } from './severity.js';

/** `suppressed`: a failing result that a suppression of the configuration accepts (with its reason). */
export type Status = 'pass' | 'fail' | 'error' | 'suppressed';

/** The suppression that turned a failing result into `suppressed`. */
export interface AppliedSuppression {
  /** Required in the configuration: why the risk is accepted. */
  reason: string;
  /** `YYYY-MM-DD`; after that day the suppression no longer applies. */
  expires?: string;
  /** What it matched on, as written in the configuration: `rule=tg-stickiness resource=arn:aws:...*`. */
  matchedBy: string;
}

/** Compared with `--baseline`: `new` was not failing in the baseline, `existing` was. */
export type BaselineState = 'new' | 'existing';

/** What a result is about. `id` is always set; `arn` where the resource has one. */
export interface ResourceRef {
  /** `elbv2:load-balancer`, `elbv2:target-group`, `autoscaling:group`, `aws:region`... */
  type: string;
  id: string;
  arn?: string;
  name?: string;
  region: string;
  accountId: string;
  tags?: Record<string, string>;
}

/**
 * What a placeholder stands for: the user replaces it with a value of that kind. A closed list,
 * so that tests can fill every placeholder with a real value and run the command.
 */
export const PLACEHOLDER_KINDS = [
  'availability-zone',
  'cache-cluster-id',
  'cloudwatch-alarm-name',
  'db-instance-class',
  'db-instance-id',
  'db-snapshot-id',
  'dns-name',
  'elastic-ip-allocation-id',
  'hosted-zone-id',
  'instance-id',
  'ip-address',
  'lambda-function-arn',
  'load-balancer-arn',
  'port',
  'region',
  'replication-group-id',
  'route53-health-check-id',
  'route53-health-check-type',
  'route53-set-identifier',
  'subnet-id',
  'url-path',
] as const;

export type PlaceholderKind = (typeof PLACEHOLDER_KINDS)[number];

/** A part of a command the user must fill in: never a value from AWS. */
export interface Placeholder {
  /** Index in `argv` of the word that holds it. */
  arg: number;
  /** Its text in that word, `<subnet-id-in-another-zone>`: the whole word, or a part (a list, a JSON document). */
  text: string;
  kind: PlaceholderKind;
}

/** One AWS CLI command as data: the words the shell must pass, and which of them the user fills in. */
export interface RemediationStep {
  /** The command's words, `aws` first, unquoted. */
  argv: string[];
  placeholders: Placeholder[];
}

export interface Remediation {
  /** One sentence: what to change. */
  summary: string;
  /**
   * The steps as command lines, quoted for a POSIX shell (placeholders, bare, in `<angle brackets>`).
   * Always in a JSON report; in memory only when read from one. A scan renders them from `steps`
   * when it writes them (`remediationCommands`): held beside the steps, an organisation's fixes
   * took their size twice (about 50 MB at 2,000 accounts).
   */
  commands?: string[];
  /** The commands as data, in order; `commands` is rendered from them. Absent in reports of ha-audit before 1.1. */
  steps?: RemediationStep[];
  /** What applying the fix costs: an interruption, lost data, money, users logged out. */
  warning?: string;
  /** Link to the AWS documentation page. */
  docs: string;
}

export interface Result {
  ruleId: string;
  status: Status;
  severity: Severity;
  title: string;
  /** Stable id of the message template, e.g. `singleZone`; tests and tools match on it. */
  messageId: string;
  message: string;
  resource: ResourceRef;
  remediation?: Remediation;
  /** Short lines that help act on the result (`Subnets in other zones: subnet-1 (eu-west-1b)`); every report shows them. */
  hints?: string[];
  evidence?: Record<string, unknown>;
  /** Set when `status` is `suppressed`. */
  suppression?: AppliedSuppression;
  /** Set on failing and suppressed results when the scan is compared with a baseline. */
  baseline?: BaselineState;
}
