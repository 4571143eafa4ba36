// Services and checks (docs/jobspec.md §1.9): default names, provider, address mode, on_update,
// and the service-level check_restart merged into each check.
import type { PathNode } from "../../validate/paths.js";
import { NS } from "../types.js";
import type { CheckRestart, Service, ServiceCheck } from "../types.js";
import { block, bool, dur, eachBlock, has, int, isObj, optDur, pascalKeys, str, strList, strMap, type Ctx, type Obj } from "./common.js";
import { identity } from "./identity.js";

function checkRestart(b: Obj | undefined, base: CheckRestart | null): CheckRestart | null {
  if (!b) return base ? { ...base } : null;
  return {
    Limit: has(b?.limit) ? int(b?.limit) : (base?.Limit ?? 0),
    Grace: has(b?.grace) ? optDur(b?.grace) : (base?.Grace ?? NS.second),
    IgnoreWarnings: has(b?.ignore_warnings) ? bool(b?.ignore_warnings) : (base?.IgnoreWarnings ?? false),
  };
}

const portLabel = (b: Obj): string => (typeof b.port === "number" ? String(b.port) : str(b?.port));

function headers(b: Obj): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const h = b.header;
  if (isObj(h)) for (const [k, v] of Object.entries(h)) out[k] = Array.isArray(v) ? v.map(String) : [String(v)];
  return out;
}

/** The services of a block's `service` list (`g?.service`). */
export const services = (ctx: Ctx, v: unknown, path: PathNode, defaultName: string): Service[] => eachBlock(ctx, v, path, "service", service, defaultName);

function service(ctx: Ctx, b: Obj, p: PathNode, defaultName: string): Service {
  const name = str(b?.name, defaultName);
  const onUpdate = str(b?.on_update, "require_healthy");
  const svcRestart = checkRestart(block(b?.check_restart), null);
  const checks = eachBlock(ctx, b?.check, p, "check", (_, c, at): ServiceCheck =>
    ctx.origins.set(
      {
        Name: str(c?.name, `service: "${name}" check`),
        Type: str(c?.type),
        Command: str(c?.command),
        Args: strList(c?.args),
        Path: str(c?.path),
        Protocol: str(c?.protocol),
        PortLabel: portLabel(c),
        Expose: bool(c?.expose),
        AddressMode: str(c?.address_mode),
        Advertise: str(c?.advertise),
        Interval: dur(c?.interval),
        Timeout: dur(c?.timeout),
        InitialStatus: str(c?.initial_status),
        Notes: str(c?.notes),
        TLSServerName: str(c?.tls_server_name),
        TLSSkipVerify: bool(c?.tls_skip_verify),
        Header: headers(c),
        Method: str(c?.method),
        CheckRestart: checkRestart(block(c?.check_restart), svcRestart),
        GRPCService: str(c?.grpc_service),
        GRPCUseTLS: bool(c?.grpc_use_tls),
        TaskName: str(c?.task),
        SuccessBeforePassing: int(c?.success_before_passing),
        FailuresBeforeCritical: Math.max(0, int(c?.failures_before_critical)),
        FailuresBeforeWarning: Math.max(0, int(c?.failures_before_warning)),
        Body: str(c?.body),
        OnUpdate: str(c?.on_update, onUpdate),
      },
      at,
    ),
  );
  const weights = block(b?.weights);
  const id = block(b?.identity);
  return ctx.origins.set(
    {
      Name: name,
      Tags: strList(b?.tags),
      CanaryTags: strList(b?.canary_tags),
      EnableTagOverride: bool(b?.enable_tag_override),
      PortLabel: portLabel(b),
      AddressMode: str(b?.address_mode, "auto"),
      Address: str(b?.address),
      Checks: checks,
      CheckRestart: svcRestart,
      Connect: isObj(b.connect) ? (pascalKeys(b.connect) as Record<string, unknown>) : null,
      Meta: strMap(b?.meta),
      CanaryMeta: strMap(b?.canary_meta),
      TaggedAddresses: strMap(b?.tagged_addresses),
      TaskName: str(b?.task),
      OnUpdate: onUpdate,
      Identity: id ? identity(ctx, id, p.child("identity")) : null,
      Weights: weights ? { Passing: int(weights?.passing, 1), Warning: int(weights?.warning, 1) } : null,
      Provider: str(b?.provider, "consul"),
      Cluster: str(b?.cluster, "default"),
      Kind: str(b?.kind),
    },
    p,
  );
}
