// Networks and ports (docs/jobspec.md §1.8): ports with `static` are reserved, others dynamic.
import type { PathNode } from "../../validate/paths.js";
import type { NetworkResource, Port } from "../types.js";
import { block, blocks, bool, eachBlock, has, int, label, optInt, str, strList, strMap, type Ctx, type Obj } from "./common.js";

/** The networks of a block's `network` list (`r?.network`). */
export const networks = (ctx: Ctx, v: unknown, path: PathNode): NetworkResource[] => eachBlock(ctx, v, path, "network", network);

function network(ctx: Ctx, n: Obj, p: PathNode): NetworkResource {
  const reserved: Port[] = [];
  const dynamic: Port[] = [];
  const ports = blocks(n?.port);
  if (ports.length > 0) {
    const under = p.child("port");
    for (let j = 0; j < ports.length; j++) {
      const pb = ports[j]!;
      (has(pb?.static) ? reserved : dynamic).push(port(ctx, pb, under.child(j)));
    }
  }
  const dns = block(n?.dns);
  const cni = block(n?.cni);
  return ctx.origins.set(
    {
      Mode: str(n?.mode),
      Device: str(n?.device),
      CIDR: str(n?.cidr),
      IP: str(n?.ip),
      Hostname: str(n?.hostname),
      MBits: optInt(n?.mbits),
      DNS: dns ? { Servers: strList(dns?.servers), Searches: strList(dns?.searches), Options: strList(dns?.options) } : null,
      ReservedPorts: reserved,
      DynamicPorts: dynamic,
      CNI: cni ? { Args: strMap(cni?.args) } : null,
    },
    p,
  );
}

function port(ctx: Ctx, pb: Obj, at: PathNode): Port {
  const p: Port = ctx.origins.set({ Label: label(at), Value: int(pb?.static), To: int(pb?.to), HostNetwork: str(pb?.host_network) }, at);
  if (has(pb?.ignore_collision)) p.IgnoreCollision = bool(pb?.ignore_collision);
  return p;
}
