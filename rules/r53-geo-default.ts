import { defineAccountRule } from '../src/engine/define-rule.js';
import { routingPolicy } from '../src/model/dns.js';
import type { DnsRecord } from '../src/model/inventory.js';
import { FIX_READS_HEALTH_CHECKS, recordGroupFix } from './support/record-group-fix.js';
import { groupData } from './support/route53.js';

export default defineAccountRule({
  id: 'r53-geo-default',
  title: 'Geolocation records have a default location',
  service: 'route53',
  severity: 'medium',
  wellArchitected: ['REL11-BP02'],
  uses: ['route53:ListHostedZones', 'route53:ListResourceRecordSets', FIX_READS_HEALTH_CHECKS],
  params: {},
  messages: {
    hasDefault: 'Geolocation records {{group}} in {{zone}} have a default location (set {{setIdentifier}})',
    noDefault:
      'Geolocation records {{group}} in {{zone}} cover only {{locations}}: users elsewhere, or whose location is unknown, get no answer',
  },
  rationale:
    'Geolocation routing answers only the locations it lists. Queries from anywhere else, and from the IP addresses Route 53 cannot place, get an empty answer unless a default record (country code *) catches them; and when a location\'s record is unhealthy there is nothing to fall back to.',
  remediation: {
    summary: 'Add a geolocation record with the default location (CountryCode "*"), health-checked, that points to an endpoint able to serve everyone else (here: the endpoint of the first record of the group).',
    docs: 'https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/routing-policy-geo.html',
  },
  check(scope, { pass, fail }) {
    for (const group of scope.recordGroups()) {
      if (!group.records.some((r) => routingPolicy(r) === 'geolocation')) continue;
      const ref = scope.recordGroupRef(group);
      const locations = group.records.map(locationOf);
      const defaultRecord = group.records.find((r) => r.geoLocation?.countryCode === '*');
      if (defaultRecord) {
        pass(ref, 'hasDefault', { ...groupData(group), setIdentifier: defaultRecord.setIdentifier ?? '-' }, { evidence: { locations } });
        continue;
      }
      fail(ref, 'noDefault', { ...groupData(group), locations: locations.join(', ') }, { evidence: { locations }, ...recordGroupFix(scope, group, { addMissing: true }) });
    }
  },
});

/** `EU`, `US`, `US-CA`: the location a geolocation record answers, as Route 53 codes it. */
function locationOf(record: DnsRecord): string {
  const { continentCode, countryCode, subdivisionCode } = record.geoLocation ?? {};
  if (countryCode && subdivisionCode) return `${countryCode}-${subdivisionCode}`;
  return countryCode ?? continentCode ?? 'unknown';
}
