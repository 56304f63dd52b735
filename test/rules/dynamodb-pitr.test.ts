import { describe, expect, it } from 'vitest';
import { rules } from '../../rules/index.js';
import { runRules } from '../../src/engine/run-rules.js';
import { loadInventory } from '../../src/cli/files.js';
import { byName, expectDataMissing, expectMessage, fixturePath, testRule, commandsOf } from '../support/rule-cases.js';

testRule('dynamodb-pitr', [
  {
    name: 'tables with point-in-time recovery pass, a global table replica included',
    fixture: 'pass.json',
    fail: [],
    pass: ['orders', 'sessions'],
    check(results) {
      const sessions = byName(results, 'sessions');
      expect(sessions.resource).toMatchObject({ type: 'dynamodb:table', arn: 'arn:aws:dynamodb:us-east-1:111122223333:table/sessions' });
      expect(sessions.evidence).toEqual({ pointInTimeRecovery: 'ENABLED', recoveryPeriodInDays: 7, replicaRegions: ['eu-west-1'] });
    },
  },
  {
    name: 'tables without point-in-time recovery fail; so does one whose status was not reported',
    fixture: 'fail.json',
    fail: [
      { resource: 'audit-log', messageId: 'disabled' },
      { resource: 'sessions', messageId: 'disabled' },
      { resource: 'events', messageId: 'unreported' },
    ],
    pass: ['orders'],
    check(results) {
      const audit = byName(results, 'audit-log');
      expectMessage(audit, 'disabled', { name: 'audit-log' });
      expect(audit.evidence).toEqual({ pointInTimeRecovery: 'DISABLED', replicaRegions: [] });
      expect(commandsOf(audit)).toEqual([
        'aws dynamodb update-continuous-backups --table-name audit-log --point-in-time-recovery-specification PointInTimeRecoveryEnabled=true --region us-east-1',
      ]);
      expectMessage(byName(results, 'events'), 'unreported', { name: 'events', status: 'UNKNOWN' });
    },
  },
]);

describe('dynamodb-pitr where DescribeContinuousBackups is denied', () => {
  // The collector keeps the eu-west-1 table with status UNKNOWN: judged, it would fail, not error.
  it('gives one error for that region, not a verdict, and judges the other region as usual (its rds gap is not this rule\'s)', async () => {
    const rule = rules.find((r) => r.id === 'dynamodb-pitr')!;
    const results = runRules(await loadInventory(fixturePath('dynamodb-pitr', 'gap.json')), { rules: [rule] });
    expect(results.map((r) => [r.resource.region, r.resource.name ?? r.resource.id, r.status])).toEqual([
      ['us-east-1', 'orders', 'pass'],
      ['us-east-1', 'audit-log', 'fail'],
      ['eu-west-1', '111122223333/eu-west-1', 'error'],
    ]);
    const error = results.find((r) => r.status === 'error')!;
    expect(error.resource.type).toBe('aws:region');
    expectDataMissing(error, ['eu-west-1 dynamodb:DescribeContinuousBackups AccessDeniedException']);
  });
});
