import { HaAuditError } from '../model/errors.js';
import { excerpt } from '../visible-text.js';

/** `us-east-1`, `eu-central-2`, `us-gov-west-1`, `cn-north-1`, `us-isob-east-1`... */
const REGION_NAME = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;

/** Region names from repeated and comma-separated `--region` values, checked and deduplicated. */
export function parseRegions(values: readonly string[]): string[] {
  const regions = values.flatMap((v) => v.split(',')).map((r) => r.trim()).filter(Boolean);
  for (const region of regions) {
    if (REGION_NAME.test(region)) continue;
    const zone = /^([a-z]{2}(-[a-z]+)+-\d{1,2})[a-z]$/.exec(region);
    throw new HaAuditError(
      'usage',
      `invalid region "${excerpt(region)}"`,
      zone ? `that is an Availability Zone; use its region: --region ${zone[1]}` : 'use a region name such as us-east-1 or eu-west-1',
    );
  }
  return [...new Set(regions)];
}
