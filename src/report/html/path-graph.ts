import type { EntryPoint, Outcome, Path, PathHop, Scenario, ScenarioOutcome, ZoneRef } from '../../model/resilience.js';

/** A box of the path view: a DNS record, a load balancer, a target group, the targets of a zone, or a way out of the scan. */
export interface PathNode {
  id: string;
  kind: 'record' | 'load-balancer' | 'target-group' | 'targets' | 'outside';
  /** Up to three short lines; the drawing cuts long ones and keeps the full text in `title`. */
  lines: string[];
  title: string;
  /** The zone box it sits in (targets only). */
  zone?: string;
}

/** A zone: its targets sit inside, coloured by what losing that zone does to the entry point. */
export interface ZoneBox {
  id: string;
  label: string;
  outcome?: Outcome;
}

export interface PathEdge {
  from: string;
  to: string;
  /** Part of a path that receives no traffic now (a failover secondary, a weight-0 record). */
  standby: boolean;
}

export interface PathGraph {
  nodes: PathNode[];
  zones: ZoneBox[];
  edges: PathEdge[];
  /** The same string for entry points whose drawings differ only in names and counts. */
  shape: string;
}

/**
 * The graph of one entry point: DNS records → load balancers → target groups → targets grouped
 * by zone. `zoneOutcome` gives, for a zone of a region, the entry point's outcome when that zone is lost.
 */
export function pathGraph(entryPoint: EntryPoint, zoneOutcome: (region: string, zone: ZoneRef, accountId: string) => Outcome | undefined): PathGraph {
  const nodes = new Map<string, PathNode>();
  const zones = new Map<string, ZoneBox>();
  const edges = new Map<string, PathEdge>();
  const shapes: string[] = [];
  const addEdge = (from: string, to: string, standby: boolean) => {
    const key = `${from}\u0000${to}`;
    const existing = edges.get(key);
    if (existing) existing.standby &&= standby;
    else edges.set(key, { from, to, standby });
  };

  for (const path of entryPoint.paths) {
    const standby = !path.active;
    let previous: string | undefined;
    let region: string | undefined;
    let accountId = entryPoint.accountId;
    let lastTargetGroup: string | undefined;
    const shape: string[] = [path.active ? 'A' : `S:${path.standby ?? ''}`];
    for (const hop of path.hops) {
      if (hop.kind === 'listener') continue; // shown in the target group's box
      const node = hopNode(hop, path);
      if (!nodes.has(node.id)) nodes.set(node.id, node);
      if (previous) addEdge(previous, node.id, standby);
      previous = node.id;
      shape.push(hopShape(hop));
      if (hop.kind === 'load-balancer') {
        region = hop.region;
        accountId = hop.accountId;
      }
      if (hop.kind === 'target-group') lastTargetGroup = hop.arn;
    }
    if (path.outside) {
      const id = `out:${path.outside.kind}:${path.outside.destination}`;
      if (!nodes.has(id)) nodes.set(id, { id, kind: 'outside', lines: [`outside the scan: ${path.outside.kind}`, path.outside.destination], title: `${path.outside.kind}: ${path.outside.destination} (not scanned: never guessed about)` });
      if (previous) addEdge(previous, id, standby);
      shape.push(`O:${path.outside.kind}`);
    }
    if (path.targets && previous && lastTargetGroup) {
      if (path.targets.regional) {
        const id = `t:${lastTargetGroup}:regional`;
        if (!nodes.has(id)) nodes.set(id, { id, kind: 'targets', lines: ['Lambda (regional)', `region ${region ?? '?'}`], title: 'Lambda targets: regional, lost only with their region' });
        addEdge(previous, id, standby);
        shape.push('L');
      }
      for (const zone of path.targets.zones) {
        const zoneKey = `${region ?? '?'}/${zone.zoneId ?? `${accountId}:${zone.zoneName}`}`;
        const boxId = `z:${zoneKey}`;
        if (!zones.has(boxId)) {
          const outcome = region ? zoneOutcome(region, zone, accountId) : undefined;
          zones.set(boxId, { id: boxId, label: zone.zoneId ? `${zone.zoneName} (${zone.zoneId})` : zone.zoneName, ...(outcome ? { outcome } : {}) });
        }
        const id = `t:${lastTargetGroup}:${zoneKey}`;
        if (!nodes.has(id)) {
          nodes.set(id, { id, kind: 'targets', zone: boxId, lines: [`${zone.serving} serving`, `${zone.registered} registered`], title: `${zone.serving} serving of ${zone.registered} registered targets in ${zone.zoneName}` });
        }
        addEdge(previous, id, standby);
        shape.push(`Z:${zone.serving > 0 ? 1 : 0}`);
      }
      if (path.targets.unplaced > 0) {
        const id = `t:${lastTargetGroup}:unplaced`;
        if (!nodes.has(id)) nodes.set(id, { id, kind: 'targets', lines: [`${path.targets.unplaced} serving`, 'zone unknown'], title: `${path.targets.unplaced} serving targets whose zone could not be found` });
        addEdge(previous, id, standby);
        shape.push('U');
      }
    }
    if (path.missing?.length) shape.push('M');
    shapes.push(shape.join('>'));
  }
  return { nodes: [...nodes.values()], zones: [...zones.values()], edges: [...edges.values()], shape: `${entryPoint.kind}|${entryPoint.routingPolicy ?? ''}|${shapes.join('|')}` };
}

function hopNode(hop: Exclude<PathHop, { kind: 'listener' }>, path: Path): PathNode {
  switch (hop.kind) {
    case 'record': {
      const detail = [hop.routingPolicy, hop.failover, hop.weight !== undefined ? `weight ${hop.weight}` : undefined, hop.region, hop.healthCheck ? 'health check' : hop.evaluateTargetHealth ? 'target health' : undefined].filter(Boolean).join(' · ');
      return { id: `r:${hop.id}`, kind: 'record', lines: [`${hop.name} ${hop.type}`, detail], title: `DNS record ${hop.id} (${hop.via})` };
    }
    case 'load-balancer':
      return { id: `lb:${hop.arn}`, kind: 'load-balancer', lines: [hop.name, `${hop.type} · ${hop.region}`, `${hop.zones.length} zone${hop.zones.length === 1 ? '' : 's'} · ${hop.scheme}`], title: hop.arn };
    case 'target-group': {
      const listener = path.hops.find((h) => h.kind === 'listener');
      const via = listener?.kind === 'listener' && listener.port !== undefined ? `${listener.protocol ?? ''}:${listener.port}` : 'listener';
      return {
        id: `tg:${hop.arn}`,
        kind: 'target-group',
        lines: [hop.name, `${via} · ${hop.targetType}`, `cross-zone ${hop.crossZone ? 'on' : 'off'}${hop.forwardWeight !== undefined ? ` · weight ${hop.forwardWeight}` : ''}`],
        title: hop.arn,
      };
    }
  }
}

function hopShape(hop: Exclude<PathHop, { kind: 'listener' }>): string {
  switch (hop.kind) {
    case 'record':
      return `R:${hop.routingPolicy}:${hop.failover ?? ''}:${hop.weight ?? ''}:${hop.healthCheck ? 'h' : ''}${hop.evaluateTargetHealth ? 'e' : ''}`;
    case 'load-balancer':
      return `B:${hop.type}:${hop.zones.length}`;
    case 'target-group':
      return `G:${hop.targetType}:${hop.crossZone ? 1 : 0}`;
  }
}

/**
 * The outcome of an entry point when a given zone is lost, from its row of the matrix:
 * `zoneOutcomeLookup(scenarios)(row.cells)`. The zones' index is built once for every row: a zone
 * scenario names the zone in each account, thousands of names in an organisation (built for
 * each of its entry points, it took minutes).
 */
export function zoneOutcomeLookup(scenarios: readonly Scenario[]): (cells: readonly (ScenarioOutcome | undefined)[]) => (region: string, zone: ZoneRef, accountId: string) => Outcome | undefined {
  const scenarioOf = new Map<string, number>();
  scenarios.forEach((scenario, i) => {
    if (scenario.kind !== 'zone') return;
    if (scenario.zoneId) scenarioOf.set(`${scenario.region}/${scenario.zoneId}`, i);
    for (const name of scenario.zoneNames ?? []) scenarioOf.set(`${scenario.region}/${name.accountId}:${name.zoneName}`, i);
  });
  return (cells) => {
    const outcomeOf = (key: string) => {
      const i = scenarioOf.get(key);
      return i === undefined ? undefined : cells[i]?.outcome;
    };
    return (region, zone, accountId) => (zone.zoneId ? outcomeOf(`${region}/${zone.zoneId}`) : undefined) ?? outcomeOf(`${region}/${accountId}:${zone.zoneName}`);
  };
}
