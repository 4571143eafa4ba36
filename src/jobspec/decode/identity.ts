// Workload identities, vault, consul and secrets (docs/jobspec.md §1.3, §1.19).
import type { PathNode } from "../../validate/paths.js";
import type { Consul, Secret, Vault, WorkloadIdentity } from "../types.js";
import { anyMap, bool, dur, eachBlock, label, str, strList, strMap, type Ctx, type Obj } from "./common.js";

export function identity(ctx: Ctx, b: Obj, path: PathNode): WorkloadIdentity {
  return ctx.origins.set(
    {
      Name: str(b?.name, "default") || "default",
      Audience: strList(b?.aud),
      ChangeMode: str(b?.change_mode),
      ChangeSignal: str(b?.change_signal),
      Env: bool(b?.env),
      File: bool(b?.file),
      Filepath: str(b?.filepath),
      ServiceName: str(b?.service_name),
      TTL: dur(b?.ttl),
      ExtraClaims: strMap(b?.extra_claims),
    },
    path,
  );
}

/** The identity the server creates for a task that declares no default one. */
export function defaultIdentity(): WorkloadIdentity {
  return { Name: "default", Audience: ["nomadproject.io"], ChangeMode: "", ChangeSignal: "", Env: false, File: false, Filepath: "", ServiceName: "", TTL: 0, ExtraClaims: {} };
}

export function vault(ctx: Ctx, b: Obj, path: PathNode): Vault {
  return ctx.origins.set(
    {
      Policies: strList(b?.policies),
      Role: str(b?.role),
      Namespace: str(b?.namespace),
      Cluster: str(b?.cluster, "default"),
      Env: bool(b?.env, true),
      DisableFile: bool(b?.disable_file),
      ChangeMode: str(b?.change_mode, "restart"),
      ChangeSignal: str(b?.change_signal, "SIGHUP"),
      AllowTokenExpiration: bool(b?.allow_token_expiration),
    },
    path,
  );
}

export function consul(ctx: Ctx, b: Obj, path: PathNode, jobNamespace: string): Consul {
  return ctx.origins.set({ Namespace: str(b?.namespace) || jobNamespace, Cluster: str(b?.cluster, "default"), Partition: str(b?.partition) }, path);
}

/** A `secret` block of a job, group or task, with its name; decoded for each task it applies to. */
export interface SecretBlock {
  name: string;
  block: Obj;
  path: PathNode;
}

const secretBlock = (ctx: Ctx, s: Obj, at: PathNode): SecretBlock => ({ name: label(at), block: s, path: at });
/** The blocks of a `secret` list (`g?.secret`). */
export const secretBlocks = (ctx: Ctx, v: unknown, path: PathNode): SecretBlock[] => eachBlock(ctx, v, path, "secret", secretBlock);

export function secret(ctx: Ctx, name: string, b: Obj, path: PathNode): Secret {
  return ctx.origins.set({ Name: name, Provider: str(b?.provider), Path: str(b?.path), Config: anyMap(b?.config), Env: strMap(b?.env) }, path);
}
