// Hand-built jobs with the defaults decoding would fill (jobspec.md §2), for scheduler and plan tests.
import type { Job, Task, TaskGroup } from "../../src/jobspec/types.js";
import { NS } from "../../src/jobspec/types.js";

type DeepPartialTask = Partial<Omit<Task, "Resources">> & { Resources?: Partial<Task["Resources"]> };
type GroupSpec = Partial<Omit<TaskGroup, "Tasks">> & { Tasks?: DeepPartialTask[] };
type JobSpec = Partial<Omit<Job, "TaskGroups">> & { TaskGroups?: GroupSpec[] };

export function mkTask(t: DeepPartialTask = {}): Task {
  const { Resources, ...rest } = t;
  return {
    Name: "redis",
    Driver: "docker",
    User: "",
    Lifecycle: null,
    Config: { image: "redis:7", ports: ["db"] },
    Constraints: [],
    Affinities: [],
    Env: {},
    Services: [],
    Resources: { CPU: 100, Cores: 0, MemoryMB: 300, MemoryMaxMB: 0, DiskMB: null, IOPS: null, SecretsMB: null, Networks: [], Devices: [], NUMA: null, ...Resources },
    RestartPolicy: { Interval: 30 * NS.minute, Attempts: 2, Delay: 15 * NS.second, Mode: "fail", RenderTemplates: false },
    Meta: {},
    KillTimeout: 5 * NS.second,
    LogConfig: { MaxFiles: 10, MaxFileSizeMB: 10, Disabled: false },
    Artifacts: [],
    Vault: null,
    Consul: null,
    Templates: [],
    DispatchPayload: null,
    VolumeMounts: [],
    CSIPluginConfig: null,
    Leader: false,
    ShutdownDelay: 0,
    KillSignal: "",
    Kind: "",
    ScalingPolicies: [],
    Secrets: [],
    Identity: null,
    Identities: [],
    Actions: [],
    Schedule: null,
    ...rest,
  };
}

export function mkGroup(g: GroupSpec = {}): TaskGroup {
  const { Tasks, ...rest } = g;
  return {
    Name: "cache",
    Count: 1,
    Constraints: [],
    Affinities: [],
    Spreads: [],
    Tasks: (Tasks ?? [{}]).map(mkTask),
    Volumes: {},
    RestartPolicy: { Interval: 30 * NS.minute, Attempts: 2, Delay: 15 * NS.second, Mode: "fail", RenderTemplates: false },
    ReschedulePolicy: null,
    Disconnect: null,
    EphemeralDisk: { Sticky: false, Migrate: false, SizeMB: 300 },
    Update: null,
    Migrate: null,
    Networks: [],
    Meta: {},
    Services: [],
    ShutdownDelay: null,
    MaxRunDuration: null,
    StopAfterClientDisconnect: null,
    MaxClientDisconnect: null,
    PreventRescheduleOnLost: false,
    Scaling: null,
    Consul: null,
    ...rest,
  };
}

export function mkJob(j: JobSpec = {}): Job {
  const { TaskGroups, ...rest } = j;
  return {
    ID: "example",
    Name: "example",
    Type: "service",
    Region: "global",
    Namespace: "default",
    Priority: 50,
    AllAtOnce: false,
    Datacenters: ["*"],
    NodePool: "default",
    Constraints: [],
    Affinities: [],
    Spreads: [],
    TaskGroups: (TaskGroups ?? [{}]).map(mkGroup),
    Update: null,
    Multiregion: null,
    Periodic: null,
    ParameterizedJob: null,
    Reschedule: null,
    Migrate: null,
    Meta: {},
    UI: null,
    ...rest,
  };
}

/** Deep copy, then edit: builds a new job version from an old one. */
export function edit(job: Job, f: (j: Job) => void): Job {
  const copy = structuredClone(job);
  f(copy);
  return copy;
}
