import { defineAccountRule } from '../src/engine/define-rule.js';
import type { DnsRecord } from '../src/model/inventory.js';
import { FIX_READS_HEALTH_CHECKS, recordGroupFix } from './support/record-group-fix.js';
import { groupData } from './support/route53.js';

export default defineAccountRule({
  id: 'r53-failover-pair',
  title: 'Failover records come in PRIMARY and SECONDARY pairs',
  service: 'route53',
  severity: 'high',
  wellArchitected: ['REL11-BP02'],
  uses: ['route53:ListHostedZones', 'route53:ListResourceRecordSets', FIX_READS_HEALTH_CHECKS],
  params: {},
  messages: {
    paired: 'Failover records {{group}} in {{zone}} have a primary ({{primary}}) and a secondary ({{secondary}})',
    primaryWithoutSecondary: 'Failover records {{group}} in {{zone}} have a primary ({{primary}}) but no secondary: there is nothing to fail over to',
    secondaryWithoutPrimary:
      'Failover records {{group}} in {{zone}} have a secondary ({{secondary}}) but no primary: the standby takes all the traffic with nothing behind it',
  },
  rationale:
    'Failover routing answers with the primary while it is healthy and with the secondary when it is not. A primary alone has no standby, so its failure takes the name down; a secondary alone serves every request and has nothing to fail over to.',
  remediation: {
    summary: 'Add the missing half of the pair: a SECONDARY record pointing to a standby in another region, or a health-checked PRIMARY.',
    docs: 'https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/dns-failover-types.html',
  },
  check(scope, { pass, fail }) {
    for (const group of scope.recordGroups()) {
      const primaries = group.records.filter((r) => r.failover === 'PRIMARY');
      const secondaries = group.records.filter((r) => r.failover === 'SECONDARY');
      if (primaries.length === 0 && secondaries.length === 0) continue;
      const ref = scope.recordGroupRef(group);
      const primary = setIdentifiers(primaries);
      const secondary = setIdentifiers(secondaries);
      const evidence = { primary: primaries.map((r) => r.setIdentifier), secondary: secondaries.map((r) => r.setIdentifier) };
      if (primaries.length > 0 && secondaries.length > 0) pass(ref, 'paired', { ...groupData(group), primary, secondary }, { evidence });
      else if (primaries.length > 0) fail(ref, 'primaryWithoutSecondary', { ...groupData(group), primary }, { evidence, ...recordGroupFix(scope, group, { addMissing: true }) });
      else fail(ref, 'secondaryWithoutPrimary', { ...groupData(group), secondary }, { evidence, ...recordGroupFix(scope, group, { addMissing: true }) });
    }
  },
});

function setIdentifiers(records: DnsRecord[]): string {
  return records.map((r) => r.setIdentifier ?? '-').join(', ');
}
