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

export interface Remediation {
  /** One sentence: what to change. */
  summary: string;
  /** AWS CLI commands with the resource's real identifiers (placeholders in `<angle brackets>`). */
  commands: string[];
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
