// Tasks (docs/jobspec.md §1.3, §1.7, §1.16-1.18): resources, logs, templates, artifacts, volume
// mounts, lifecycle, scaling, inherited restart/vault/secrets.
import type { PathNode } from "../../validate/paths.js";
import { NS } from "../types.js";
import type { CSIPluginConfig, RequestedDevice, RestartPolicy, ScalingPolicy, Secret, Task, Action, TaskArtifact, Template, Vault, VolumeMount, WorkloadIdentity } from "../types.js";
import { affinities, anyMap, block, bool, constraints, dur, eachBlock, has, int, label, optDur, optInt, str, strList, strMap, type Ctx, type Obj } from "./common.js";
import { defaultIdentity, consul, identity, secret, vault, type SecretBlock } from "./identity.js";
import { networks } from "./network.js";
import { mergeRestart } from "./policies.js";
import { services } from "./service.js";

export interface Inherited {
  jobID: string;
  group: string;
  restart: RestartPolicy;
  restartOrigin: PathNode;
  vault?: { block: Obj; path: PathNode };
  secrets: readonly SecretBlock[];
  consulNamespace: string;
}

function resources(ctx: Ctx, r: Obj | undefined, path: PathNode) {
  const cores = int(r?.cores);
  const numa = block(r?.numa);
  return ctx.origins.set(
    {
      CPU: int(r?.cpu, cores > 0 ? 0 : 100),
      Cores: cores,
      MemoryMB: int(r?.memory, 300),
      MemoryMaxMB: int(r?.memory_max),
      DiskMB: optInt(r?.disk),
      IOPS: optInt(r?.iops),
      SecretsMB: optInt(r?.secrets),
      Networks: networks(ctx, r?.network, path),
      Devices: eachBlock(ctx, r?.device, path, "device", device),
      NUMA: numa ? { Affinity: str(numa?.affinity, "none"), Devices: strList(numa?.devices) } : null,
    },
    path,
  );
}

const device = (ctx: Ctx, d: Obj, at: PathNode): RequestedDevice =>
  ctx.origins.set({ Name: label(at), Count: int(d?.count, 1), Constraints: constraints(ctx, d?.constraint, at), Affinities: affinities(ctx, d?.affinity, at) }, at);

function template(ctx: Ctx, t: Obj, path: PathNode): Template {
  const mode = str(t?.change_mode, "restart");
  const cs = block(t?.change_script);
  const wait = block(t?.wait);
  return ctx.origins.set(
    {
      SourcePath: str(t?.source),
      DestPath: str(t?.destination),
      EmbeddedTmpl: str(t?.data),
      ChangeMode: mode,
      ChangeScript: cs
        ? { Command: str(cs?.command), Args: strList(cs?.args), Timeout: dur(cs?.timeout, 5 * NS.second), FailOnError: bool(cs?.fail_on_error), RunOnFirstRender: bool(cs?.run_on_first_render) }
        : null,
      ChangeSignal: str(t?.change_signal, mode === "signal" ? "SIGHUP" : "").toUpperCase(),
      Once: bool(t?.once),
      Splay: dur(t?.splay, 5 * NS.second),
      Perms: str(t?.perms, "0644"),
      Uid: optInt(t?.uid),
      Gid: optInt(t?.gid),
      LeftDelim: str(t?.left_delimiter, "{{"),
      RightDelim: str(t?.right_delimiter, "}}"),
      Envvars: bool(t?.env),
      VaultGrace: dur(t?.vault_grace),
      Wait: wait ? { Min: optDur(wait?.min), Max: optDur(wait?.max) } : null,
      ErrMissingKey: bool(t?.error_on_missing_key),
    },
    path,
  );
}

/** The default destination of a single-file artifact: named after the source's last path segment (worked out only when wanted). */
const fileDest = (source: string): string => `local/${source.split("?")[0]!.split("/").filter(Boolean).pop() ?? ""}`;

function artifact(ctx: Ctx, a: Obj, path: PathNode): TaskArtifact {
  const mode = str(a?.mode, "any");
  const source = str(a?.source);
  return ctx.origins.set(
    {
      GetterSource: source,
      GetterOptions: strMap(a?.options),
      GetterHeaders: strMap(a?.headers),
      GetterMode: mode,
      GetterInsecure: bool(a?.insecure),
      RelativeDest: typeof a.destination === "string" ? a.destination : mode === "file" ? fileDest(source) : "local/",
      Chown: bool(a?.chown),
    },
    path,
  );
}

const scalingPolicy = (ctx: Ctx, s: Obj, at: PathNode): ScalingPolicy =>
  ctx.origins.set(
    { Min: optInt(s?.min), Max: optInt(s?.max), Policy: has(s?.policy) ? anyMap(s?.policy) : null, Enabled: bool(s?.enabled, true), Type: str(s?.type, `vertical_${label(at).toLowerCase()}`) },
    at,
  );

function csiPlugin(ctx: Ctx, c: Obj, path: PathNode): CSIPluginConfig {
  return ctx.origins.set(
    { ID: str(c?.id), Type: str(c?.type), MountDir: str(c?.mount_dir, "/csi"), StagePublishBaseDir: str(c?.stage_publish_base_dir, "/local/csi"), HealthTimeout: dur(c?.health_timeout, 30 * NS.second) },
    path,
  );
}

const ownSecret = (ctx: Ctx, s: Obj, at: PathNode): Secret => secret(ctx, label(at), s, at);

/** The task's secrets: those of its job and group, then its own. */
function secrets(ctx: Ctx, t: Obj, path: PathNode, inherited: readonly SecretBlock[]): Secret[] {
  if (inherited.length === 0) return eachBlock(ctx, t?.secret, path, "secret", ownSecret);
  const out = inherited.map((s) => secret(ctx, s.name, s.block, s.path));
  for (const s of eachBlock(ctx, t?.secret, path, "secret", ownSecret)) out.push(s);
  return out;
}

const isDefault = (i: WorkloadIdentity): boolean => i.Name === "default";

const volumeMount = (ctx: Ctx, m: Obj, at: PathNode): VolumeMount =>
  ctx.origins.set(
    { Volume: str(m?.volume), Destination: str(m?.destination), ReadOnly: bool(m?.read_only), PropagationMode: str(m?.propagation_mode, "private"), SELinuxLabel: str(m?.selinux_label) },
    at,
  );

const action = (ctx: Ctx, a: Obj, at: PathNode): Action => ctx.origins.set({ Name: label(at), Command: str(a?.command), Args: strList(a?.args) }, at);

export function task(ctx: Ctx, t: Obj, path: PathNode, inh: Inherited): Task {
  const name = label(path);
  const lc = block(t?.lifecycle);
  const logs = block(t?.logs);
  const restartBlock = block(t?.restart);
  const restart = ctx.origins.set(mergeRestart(inh.restart, restartBlock), restartBlock ? path.child("restart") : inh.restartOrigin);
  const vb = block(t?.vault);
  const v: Vault | null = vb ? vault(ctx, vb, path.child("vault")) : inh.vault ? vault(ctx, inh.vault.block, inh.vault.path) : null;
  const taskSecrets = secrets(ctx, t, path, inh.secrets);
  // the first identity named "default" is the task's Identity (else the server's default one)
  const ids = eachBlock(ctx, t?.identity, path, "identity", identity);
  const def = ids.find(isDefault);
  const cb = block(t?.consul);
  const dp = block(t?.dispatch_payload);
  const csi = block(t?.csi_plugin);
  return ctx.origins.set(
    {
      Name: name,
      Driver: str(t?.driver),
      User: str(t?.user),
      Lifecycle: lc ? ctx.origins.set({ Hook: str(lc?.hook), Sidecar: bool(lc?.sidecar) }, path.child("lifecycle")) : null,
      Config: anyMap(t?.config),
      Constraints: constraints(ctx, t?.constraint, path),
      Affinities: affinities(ctx, t?.affinity, path),
      Env: strMap(t?.env),
      // the services' default name built only for a task that has services (most have none)
      Services: t.service === undefined ? [] : services(ctx, t.service, path, `${inh.jobID}-${inh.group}-${name}`),
      Resources: resources(ctx, block(t?.resources), path.child("resources")),
      RestartPolicy: restart,
      Meta: strMap(t?.meta),
      KillTimeout: dur(t?.kill_timeout, 5 * NS.second),
      LogConfig: ctx.origins.set(
        { MaxFiles: int(logs?.max_files, 10), MaxFileSizeMB: int(logs?.max_file_size, 10), Disabled: bool(logs?.disabled, has(logs?.enabled) ? !bool(logs?.enabled) : false) },
        logs ? path.child("logs") : path,
      ),
      Artifacts: eachBlock(ctx, t?.artifact, path, "artifact", artifact),
      Vault: v,
      Consul: cb ? consul(ctx, cb, path.child("consul"), inh.consulNamespace) : null,
      Templates: eachBlock(ctx, t?.template, path, "template", template),
      DispatchPayload: dp ? ctx.origins.set({ File: str(dp?.file) }, path.child("dispatch_payload")) : null,
      VolumeMounts: eachBlock(ctx, t?.volume_mount, path, "volume_mount", volumeMount),
      CSIPluginConfig: csi ? csiPlugin(ctx, csi, path.child("csi_plugin")) : null,
      Leader: bool(t?.leader),
      ShutdownDelay: dur(t?.shutdown_delay),
      KillSignal: str(t?.kill_signal),
      Kind: str(t?.kind),
      ScalingPolicies: eachBlock(ctx, t?.scaling, path, "scaling", scalingPolicy),
      Secrets: taskSecrets,
      Identity: def ?? defaultIdentity(),
      Identities: def === undefined ? ids : ids.filter((i) => i !== def),
      Actions: eachBlock(ctx, t?.action, path, "action", action),
      Schedule: has(t?.schedule) ? anyMap(t?.schedule) : null,
    },
    path,
  );
}
