import { defineResilienceRule } from '../src/engine/define-rule.js';
import { RESILIENCE_MODEL_OPERATIONS } from '../src/model/operations.js';
import { capacityLeft, fixSteps, judge, outcomeEvidence, recoveryText, scenarioName, standbyInAnotherRegion } from './support/resilience.js';

export default defineResilienceRule({
  id: 'app-region-failure',
  title: 'Entry points fail over to another region when theirs fails',
  service: 'route53',
  severity: 'medium',
  wellArchitected: ['REL10-BP01', 'REL11-BP02'],
  uses: RESILIENCE_MODEL_OPERATIONS,
  params: {},
  messages: {
    survives: '{{entryPoint}} keeps serving when {{regions}} fails',
    degraded: 'Losing {{region}} leaves {{entryPoint}} degraded, with {{capacity}} of its capacity{{recovery}}: {{reason}}',
    down: 'Losing {{region}} takes {{entryPoint}} down: no health-checked DNS failover to a load balancer in another region. {{reason}}',
  },
  rationale:
    'Regions fail rarely but whole. An entry point whose active paths all lie in one region stops serving with it unless Route 53 can see it fail (a health check, or an alias that evaluates target health) and answer with a load balancer, and the stack behind it, in another region.',
  remediation: {
    summary: 'Add a standby in another region: a failover record pair whose primary is health-checked (or evaluates target health) and whose secondary is a load balancer, with serving targets, in another region.',
    docs: 'https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/dns-failover-types.html',
  },
  check(scope, { pass, fail, notEvaluated }) {
    for (const entry of scope.entryPoints) {
      const judged = judge(scope, entry, 'region');
      if (!judged.applicable) continue; // served only outside the scan: not judged
      // The regions that hold one of its active paths: the others leave it unaffected.
      const outcomes = judged.outcomes.filter((o) => o.outcome !== 'unaffected');
      if (outcomes.length === 0) continue;
      const ref = scope.entryPointRef(entry);
      const evidence = { regions: outcomeEvidence(scope, outcomes) };
      const worst = judged.failing[0];
      if (worst) {
        const region = scenarioName(scope.scenario(worst.scenarioId), worst.scenarioId);
        const steps = fixSteps(scope, entry, worst);
        // Nothing else to fix, or the region itself lost: a standby in another region, with what no command can do.
        const standby = steps.length === 0 || worst.reasonId === 'regionLost' ? standbyInAnotherRegion(scope, entry) : { steps, hints: [] };
        const hints = [...(worst.fix ? [worst.fix] : []), ...standby.hints];
        const extra = { evidence, steps: steps.length > 0 ? steps : standby.steps, ...(hints.length > 0 ? { hints } : {}) };
        if (worst.outcome === 'down') fail(ref, 'down', { region, entryPoint: entry.name, reason: worst.reason }, extra);
        else fail(ref, 'degraded', { region, entryPoint: entry.name, capacity: capacityLeft(worst), recovery: recoveryText(worst), reason: worst.reason }, extra);
      } else if (judged.unknown.length > 0) {
        notEvaluated(ref, judged.unknown[0]!.reason, evidence);
      } else {
        pass(ref, 'survives', { entryPoint: entry.name, regions: outcomes.map((o) => scenarioName(scope.scenario(o.scenarioId), o.scenarioId)).join(', ') }, { evidence });
      }
    }
  },
});
