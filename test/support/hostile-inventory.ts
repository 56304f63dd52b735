import type { Inventory } from '../../src/model/inventory.js';
import type { Resilience } from '../../src/model/resilience.js';

/** Names an attacker who can name AWS resources might choose: markup, script, style breakers, control characters, table and link syntax, a very long string. */
export const HOSTILE = {
  script: '<script>window.__pwned=1;alert(1)</script>',
  attribute: '"><img src=x onerror="window.__pwned=1;alert(1)">',
  style: '</style><script>window.__pwned=1</script>',
  control: 'bad\u001b[2J\r\nSummary: 0 failed\u202e',
  markdown: 'a | b | [click](https://evil.example/x) **bold** <b>x</b> www.evil.example `tick`',
  long: 'L'.repeat(3000),
} as const;

/**
 * The demo inventory with hostile names on load balancers, target groups, Auto Scaling groups
 * and DNS records. Each name reaches messages, resource labels and fix commands.
 */
export function hostileInventory(demo: Inventory): Inventory {
  const inventory = structuredClone(demo);
  const next = hostileNames();
  for (const account of inventory.accounts) {
    for (const region of account.regions) {
      for (const lb of region.elbv2.loadBalancers) lb.name = next();
      for (const tg of region.elbv2.targetGroups) tg.name = next();
      for (const group of region.autoscaling.groups) group.name = next();
    }
    for (const zone of account.route53.hostedZones) {
      for (const record of zone.records) if (record.setIdentifier !== undefined) record.setIdentifier = next();
    }
  }
  return inventory;
}

/** The same names in the resilience section: entry points, load balancers, target groups and zones of the drawing, outcome reasons. */
export function hostileResilience(resilience: Resilience): Resilience {
  const section = structuredClone(resilience);
  const next = hostileNames();
  for (const ep of section.entryPoints) {
    ep.name = next();
    for (const path of ep.paths) {
      for (const hop of path.hops) if ('name' in hop) hop.name = next();
      for (const zone of path.targets?.zones ?? []) zone.zoneName = next();
    }
  }
  for (const outcome of section.outcomes) outcome.reason = `${outcome.reason} ${next()}`;
  for (const store of section.dataStores) store.name = next();
  return section;
}

/** The hostile names one after the other, round and round. */
function hostileNames(): () => string {
  const names = Object.values(HOSTILE);
  let i = 0;
  return () => names[i++ % names.length]!;
}
