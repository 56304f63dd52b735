import type { Severity } from './severity.js';

export type Status = 'pass' | 'fail' | 'error';

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
  evidence?: Record<string, unknown>;
}
