import { describe, expect, it } from 'vitest';
import { defineRule } from '../../src/engine/define-rule.js';

// The compile-time checks are the point of this file: `npm run typecheck` fails if a
// `@ts-expect-error` below stops being an error, i.e. if a typo would compile.
describe('defineRule typing', () => {
  it('rejects unknown message ids, wrong message data and unknown parameters at compile time', () => {
    const rule = defineRule({
      id: 'typing',
      title: 't',
      service: 'elbv2',
      severity: 'low',
      uses: ['elbv2:DescribeLoadBalancers'],
      params: { minAzs: { type: 'integer', default: 2, min: 1, description: 'd' } },
      messages: { ok: '{{name}} is fine', bare: 'no data' },
      rationale: 'r',
      remediation: { summary: 's', docs: 'https://docs.aws.amazon.com/' },
      check(scope, { params, pass, fail }) {
        const ref = scope.regionRef();
        pass(ref, 'ok', { name: 'x' });
        fail(ref, 'bare');
        // @ts-expect-error unknown message id
        pass(ref, 'nope', { name: 'x' });
        // @ts-expect-error misspelled placeholder
        pass(ref, 'ok', { nam: 'x' });
        // @ts-expect-error missing data for a template with placeholders
        fail(ref, 'ok');
        // @ts-expect-error unknown parameter
        void params.minAz;
        // @ts-expect-error an operation the collectors do not know
        void (['elbv2:DeleteLoadBalancer'] satisfies Parameters<typeof defineRule>[0]['uses']);
      },
    });
    expect(rule.id).toBe('typing');
  });
});
