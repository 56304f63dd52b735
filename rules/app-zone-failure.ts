import { defineResilienceRule } from '../src/engine/define-rule.js';
import { RESILIENCE_MODEL_OPERATIONS } from '../src/model/operations.js';
import { capacityLeft, fixSteps, judge, outcomeEvidence, recoveryText, scenarioName } from './support/resilience.js';

export default defineResilienceRule({
  id: 'app-zone-failure',
  title: 'Entry points keep serving when any one Availability Zone fails',
  service: 'elbv2',
  severity: 'high',
  wellArchitected: ['REL10-BP01', 'REL11-BP02', 'REL11-BP05'],
  uses: RESILIENCE_MODEL_OPERATIONS,
  params: {},
  messages: {
    survives: '{{entryPoint}} keeps serving whichever zone it uses fails ({{zones}})',
    degraded: 'Losing {{zone}} leaves {{entryPoint}} degraded, with {{capacity}} of its capacity{{recovery}}: {{reason}}',
    down: 'Losing {{zone}} takes {{entryPoint}} down: {{reason}}',
  },
  rationale:
    'A zone fails as a whole: load-balancer nodes, targets and the Auto Scaling capacity in it go at once. An entry point survives it only if every path users take still has enough serving targets in the other zones, and if what cannot serve (a node left without targets, a record Route 53 cannot see fail) is taken out of DNS.',
  remediation: {
    summary: 'Remove what the worst zone loss shows: spread serving targets and Auto Scaling groups over every zone of the load balancer, with enough capacity in each, and let Route 53 or the load balancer see and route around what fails.',
    docs: 'https://docs.aws.amazon.com/whitepapers/latest/aws-fault-isolation-boundaries/availability-zones.html',
  },
  check(scope, { pass, fail, notEvaluated }) {
    for (const entry of scope.entryPoints) {
      const { outcomes, failing, unknown, applicable } = judge(scope, entry, 'zone');
      if (!applicable || outcomes.length === 0) continue; // served only outside the scan: not judged
      const ref = scope.entryPointRef(entry);
      const evidence = { zones: outcomeEvidence(scope, outcomes) };
      const worst = failing[0];
      if (worst) {
        const zone = scenarioName(scope.scenario(worst.scenarioId), worst.scenarioId);
        const extra = { evidence, steps: fixSteps(scope, entry, worst), ...(worst.fix ? { hints: [worst.fix] } : {}) };
        if (worst.outcome === 'down') fail(ref, 'down', { zone, entryPoint: entry.name, reason: worst.reason }, extra);
        else fail(ref, 'degraded', { zone, entryPoint: entry.name, capacity: capacityLeft(worst), recovery: recoveryText(worst), reason: worst.reason }, extra);
      } else if (unknown.length > 0) {
        notEvaluated(ref, unknown[0]!.reason, evidence);
      } else {
        const zones = outcomes.filter((o) => o.outcome !== 'unaffected').map((o) => scenarioName(scope.scenario(o.scenarioId), o.scenarioId));
        pass(ref, 'survives', { entryPoint: entry.name, zones: zones.join(', ') || 'none of its zones affects it' }, { evidence });
      }
    }
  },
});
