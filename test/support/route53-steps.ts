import type { Result } from '../../src/model/result.js';

export interface Change {
  Action: string;
  ResourceRecordSet: Record<string, unknown>;
}

/** What a result's fix does in Route 53, as data: the operation of each step. */
export function operationsOf(result: Result): string[] {
  return result.remediation!.steps!.map((step) => `${step.argv[1]} ${step.argv[2]}`);
}

/** The changes of the fix's change batch (its last step). */
export function changesOf(result: Result): Change[] {
  const batch = result.remediation!.steps!.find((step) => step.argv[2] === 'change-resource-record-sets')!;
  return (JSON.parse(batch.argv[batch.argv.indexOf('--change-batch') + 1]!) as { Changes: Change[] }).Changes;
}

/** The `HealthCheckConfig` of each `create-health-check` step, placeholders as written (`<endpoint-port>` bare). */
export function healthCheckConfigsOf(result: Result): string[] {
  return result.remediation!.steps!.filter((step) => step.argv[2] === 'create-health-check').map((step) => step.argv[step.argv.indexOf('--health-check-config') + 1]!);
}
