// Resource fit on one node (scheduler.md §4): ports first, then cpu, cores, memory, disk.
import type { AllocResources, AllocatedPort, ClusterNode } from "../cluster/types.js";
import type { ResourceAsk } from "./group.js";
import type { Rng } from "./rng.js";
import type { PlanState } from "./state.js";

const NO_DISCOUNT: AllocResources = Object.freeze({ cpu: 0, memoryMB: 0, diskMB: 0, cores: 0, ports: [] });
const NO_PORTS: AllocatedPort[] = [];

/** The resources the allocation would take, or the name of the exhausted dimension. */
export type FitResult = AllocResources | string;

/** MHz charged for `cores` whole cores on `node`. */
export function coreMhz(node: ClusterNode, cores: number): number {
  return cores === 0 ? 0 : Math.floor(node.resources.cpu / Math.max(1, node.resources.cores)) * cores;
}

function assignPorts(node: ClusterNode, used: Set<number>, ask: ResourceAsk, rng: Rng): AllocatedPort[] | string {
  const out: AllocatedPort[] = [];
  const taken = new Set<number>();
  for (const p of ask.staticPorts) {
    if (used.has(p.value) || taken.has(p.value)) return `network: reserved port collision ${p.label}=${p.value}`;
    taken.add(p.value);
    out.push({ label: p.label, value: p.value });
  }
  const lo = node.minDynamicPort;
  const hi = node.maxDynamicPort;
  const span = hi - lo + 1;
  for (const label of ask.dynamicPorts) {
    let pick = -1;
    for (let attempt = 0; attempt < 20 && span > 0; attempt++) {
      const p = lo + rng.int(span);
      if (!used.has(p) && !taken.has(p)) {
        pick = p;
        break;
      }
    }
    for (let p = lo; pick < 0 && p <= hi; p++) if (!used.has(p) && !taken.has(p)) pick = p;
    if (pick < 0) return "network: dynamic port selection failed";
    taken.add(pick);
    out.push({ label, value: pick });
  }
  return out;
}

/** Does `ask` fit node `i` given the proposed state? Returns the resources it would take. */
export function fitOn(state: PlanState, i: number, ask: ResourceAsk, rng: Rng, discount?: AllocResources): FitResult {
  const node = state.nodes[i]!;
  let ports = NO_PORTS;
  if (ask.staticPorts.length > 0 || ask.dynamicPorts.length > 0) {
    let used = state.usedPorts(i);
    if (discount && discount.ports.length > 0) {
      used = new Set(used);
      for (const p of discount.ports) used.delete(p.value);
    }
    const r = assignPorts(node, used, ask, rng);
    if (typeof r === "string") return r;
    ports = r;
  }
  const d = discount ?? NO_DISCOUNT;
  const cpu = ask.cpu + coreMhz(node, ask.cores);
  if (state.cpu[i]! - d.cpu + cpu > node.resources.cpu - node.reserved.cpu) return "cpu";
  if (ask.cores > 0 && state.cores[i]! - d.cores + ask.cores > node.resources.cores) return "cores";
  if (state.mem[i]! - d.memoryMB + ask.memoryMB > node.resources.memoryMB - node.reserved.memoryMB) return "memory";
  if (state.disk[i]! - d.diskMB + ask.diskMB > node.resources.diskMB - node.reserved.diskMB) return "disk";
  return { cpu, cores: ask.cores, memoryMB: ask.memoryMB, diskMB: ask.diskMB, ports };
}
