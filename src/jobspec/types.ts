// The typed job, in the shape of the Nomad HTTP API JSON (`api.Job` and friends, PascalCase
// field names exactly as Nomad's Go `api` package). Durations are int64 nanoseconds (plain JS
// numbers: the largest durations a job uses fit in 2^53), sizes are MB, CPU is MHz.
// Optional fields are absent when the file did not set them and no default applies; decoding
// fills every documented default (see docs/jobspec.md §2). Keep these names stable: the
// scheduler, plan and runtime code against them.

/** Nanoseconds. */
export type Duration = number;

export interface Job {
  ID: string;
  Name: string;
  Type: JobType;
  Region: string;
  Namespace: string;
  Priority: number;
  AllAtOnce: boolean;
  Datacenters: string[];
  NodePool: string;
  Constraints: Constraint[];
  Affinities: Affinity[];
  Spreads: Spread[];
  TaskGroups: TaskGroup[];
  Update: UpdateStrategy | null;
  Multiregion: Multiregion | null;
  Periodic: PeriodicConfig | null;
  ParameterizedJob: ParameterizedJobConfig | null;
  /** Job-level reschedule block (copied into every group's ReschedulePolicy). */
  Reschedule: ReschedulePolicy | null;
  /** Job-level migrate block (copied into every group's Migrate). */
  Migrate: MigrateStrategy | null;
  Meta: Record<string, string>;
  UI: JobUIConfig | null;
  ConsulNamespace?: string;
  VaultNamespace?: string;
  // server-set fields, present in API responses only
  Stop?: boolean;
  ParentID?: string;
  Dispatched?: boolean;
  Payload?: string | null;
  Status?: string;
  StatusDescription?: string;
  Stable?: boolean;
  Version?: number;
  SubmitTime?: number;
  CreateIndex?: number;
  ModifyIndex?: number;
  JobModifyIndex?: number;
}

export type JobType = "service" | "batch" | "system" | "sysbatch" | (string & {});

export interface Constraint {
  LTarget: string;
  RTarget: string;
  Operand: string;
}

export interface Affinity {
  LTarget: string;
  RTarget: string;
  Operand: string;
  Weight: number;
}

export interface Spread {
  Attribute: string;
  Weight: number;
  SpreadTarget: SpreadTarget[];
}

export interface SpreadTarget {
  Value: string;
  Percent: number;
}

export interface UpdateStrategy {
  Stagger: Duration;
  MaxParallel: number;
  HealthCheck: string;
  MinHealthyTime: Duration;
  HealthyDeadline: Duration;
  ProgressDeadline: Duration;
  Canary: number;
  AutoRevert: boolean;
  AutoPromote: boolean;
}

export interface MigrateStrategy {
  MaxParallel: number;
  HealthCheck: string;
  MinHealthyTime: Duration;
  HealthyDeadline: Duration;
}

export interface ReschedulePolicy {
  Attempts: number;
  Interval: Duration;
  Delay: Duration;
  DelayFunction: string;
  MaxDelay: Duration;
  Unlimited: boolean;
}

export interface RestartPolicy {
  Interval: Duration;
  Attempts: number;
  Delay: Duration;
  Mode: string;
  RenderTemplates: boolean;
}

export interface PeriodicConfig {
  Enabled: boolean;
  Spec: string;
  Specs: string[];
  SpecType: string;
  ProhibitOverlap: boolean;
  TimeZone: string;
}

export interface ParameterizedJobConfig {
  Payload: string;
  MetaRequired: string[];
  MetaOptional: string[];
}

export interface Multiregion {
  Strategy: { MaxParallel: number; OnFailure: string } | null;
  Regions: MultiregionRegion[];
}

export interface MultiregionRegion {
  Name: string;
  Count: number;
  Datacenters: string[];
  NodePool: string;
  Meta: Record<string, string>;
}

export interface JobUIConfig {
  Description: string;
  Links: { Label: string; URL: string }[];
}

export interface TaskGroup {
  Name: string;
  Count: number;
  Constraints: Constraint[];
  Affinities: Affinity[];
  Spreads: Spread[];
  Tasks: Task[];
  Volumes: Record<string, VolumeRequest>;
  RestartPolicy: RestartPolicy;
  ReschedulePolicy: ReschedulePolicy | null;
  Disconnect: DisconnectStrategy | null;
  EphemeralDisk: EphemeralDisk;
  Update: UpdateStrategy | null;
  Migrate: MigrateStrategy | null;
  Networks: NetworkResource[];
  Meta: Record<string, string>;
  Services: Service[];
  ShutdownDelay: Duration | null;
  MaxRunDuration: Duration | null;
  StopAfterClientDisconnect: Duration | null;
  MaxClientDisconnect: Duration | null;
  PreventRescheduleOnLost: boolean;
  Scaling: ScalingPolicy | null;
  Consul: Consul | null;
}

export interface EphemeralDisk {
  Sticky: boolean;
  Migrate: boolean;
  SizeMB: number;
}

export interface DisconnectStrategy {
  LostAfter: Duration;
  StopOnClientAfter: Duration | null;
  Replace: boolean;
  Reconcile: string;
}

export interface VolumeRequest {
  Name: string;
  Type: string;
  Source: string;
  ReadOnly: boolean;
  Sticky: boolean;
  AccessMode: string;
  AttachmentMode: string;
  MountOptions: { FSType: string; MountFlags: string[] } | null;
  PerAlloc: boolean;
}

export interface NetworkResource {
  Mode: string;
  Device: string;
  CIDR: string;
  IP: string;
  Hostname: string;
  MBits: number | null;
  DNS: { Servers: string[]; Searches: string[]; Options: string[] } | null;
  ReservedPorts: Port[];
  DynamicPorts: Port[];
  CNI: { Args: Record<string, string> } | null;
}

export interface Port {
  Label: string;
  /** Static (reserved) host port; 0 for dynamic ports until the scheduler assigns one. */
  Value: number;
  /** Port inside the task's network namespace; 0 = same as Value, -1 = same as host port. */
  To: number;
  HostNetwork: string;
  IgnoreCollision?: boolean;
}

export interface ScalingPolicy {
  Min: number | null;
  Max: number | null;
  Policy: Record<string, unknown> | null;
  Enabled: boolean;
  /** `horizontal` for groups, `vertical_cpu` / `vertical_mem` for tasks. */
  Type: string;
}

export interface Consul {
  Namespace: string;
  Cluster: string;
  Partition: string;
}

export interface Service {
  Name: string;
  Tags: string[];
  CanaryTags: string[];
  EnableTagOverride: boolean;
  PortLabel: string;
  AddressMode: string;
  Address: string;
  Checks: ServiceCheck[];
  CheckRestart: CheckRestart | null;
  Connect: Record<string, unknown> | null;
  Meta: Record<string, string>;
  CanaryMeta: Record<string, string>;
  TaggedAddresses: Record<string, string>;
  TaskName: string;
  OnUpdate: string;
  Identity: WorkloadIdentity | null;
  Weights: { Passing: number; Warning: number } | null;
  Provider: string;
  Cluster: string;
  Kind: string;
}

export interface ServiceCheck {
  Name: string;
  Type: string;
  Command: string;
  Args: string[];
  Path: string;
  Protocol: string;
  PortLabel: string;
  Expose: boolean;
  AddressMode: string;
  Advertise: string;
  Interval: Duration;
  Timeout: Duration;
  InitialStatus: string;
  Notes: string;
  TLSServerName: string;
  TLSSkipVerify: boolean;
  Header: Record<string, string[]>;
  Method: string;
  CheckRestart: CheckRestart | null;
  GRPCService: string;
  GRPCUseTLS: boolean;
  TaskName: string;
  SuccessBeforePassing: number;
  FailuresBeforeCritical: number;
  FailuresBeforeWarning: number;
  Body: string;
  OnUpdate: string;
}

export interface CheckRestart {
  Limit: number;
  Grace: Duration | null;
  IgnoreWarnings: boolean;
}

export interface Task {
  Name: string;
  Driver: string;
  User: string;
  Lifecycle: TaskLifecycle | null;
  Config: Record<string, unknown>;
  Constraints: Constraint[];
  Affinities: Affinity[];
  Env: Record<string, string>;
  Services: Service[];
  Resources: Resources;
  RestartPolicy: RestartPolicy;
  Meta: Record<string, string>;
  KillTimeout: Duration;
  LogConfig: LogConfig;
  Artifacts: TaskArtifact[];
  Vault: Vault | null;
  Consul: Consul | null;
  Templates: Template[];
  DispatchPayload: { File: string } | null;
  VolumeMounts: VolumeMount[];
  CSIPluginConfig: CSIPluginConfig | null;
  Leader: boolean;
  ShutdownDelay: Duration;
  KillSignal: string;
  Kind: string;
  ScalingPolicies: ScalingPolicy[];
  Secrets: Secret[];
  Identity: WorkloadIdentity | null;
  Identities: WorkloadIdentity[];
  Actions: Action[];
  Schedule: Record<string, unknown> | null;
}

export interface TaskLifecycle {
  Hook: string;
  Sidecar: boolean;
}

export interface Resources {
  CPU: number;
  Cores: number;
  MemoryMB: number;
  MemoryMaxMB: number;
  DiskMB: number | null;
  IOPS: number | null;
  SecretsMB: number | null;
  Networks: NetworkResource[];
  Devices: RequestedDevice[];
  NUMA: { Affinity: string; Devices: string[] } | null;
}

export interface RequestedDevice {
  Name: string;
  Count: number;
  Constraints: Constraint[];
  Affinities: Affinity[];
}

export interface LogConfig {
  MaxFiles: number;
  MaxFileSizeMB: number;
  Disabled: boolean;
}

export interface TaskArtifact {
  GetterSource: string;
  GetterOptions: Record<string, string>;
  GetterHeaders: Record<string, string>;
  GetterMode: string;
  GetterInsecure: boolean;
  RelativeDest: string;
  Chown: boolean;
}

export interface Template {
  SourcePath: string;
  DestPath: string;
  EmbeddedTmpl: string;
  ChangeMode: string;
  ChangeScript: ChangeScript | null;
  ChangeSignal: string;
  Once: boolean;
  Splay: Duration;
  Perms: string;
  Uid: number | null;
  Gid: number | null;
  LeftDelim: string;
  RightDelim: string;
  Envvars: boolean;
  VaultGrace: Duration;
  Wait: { Min: Duration | null; Max: Duration | null } | null;
  ErrMissingKey: boolean;
}

export interface ChangeScript {
  Command: string;
  Args: string[];
  Timeout: Duration;
  FailOnError: boolean;
  RunOnFirstRender: boolean;
}

export interface VolumeMount {
  Volume: string;
  Destination: string;
  ReadOnly: boolean;
  PropagationMode: string;
  SELinuxLabel: string;
}

export interface CSIPluginConfig {
  ID: string;
  Type: string;
  MountDir: string;
  StagePublishBaseDir: string;
  HealthTimeout: Duration;
}

export interface Vault {
  Policies: string[];
  Role: string;
  Namespace: string;
  Cluster: string;
  Env: boolean;
  DisableFile: boolean;
  ChangeMode: string;
  ChangeSignal: string;
  AllowTokenExpiration: boolean;
}

export interface WorkloadIdentity {
  Name: string;
  Audience: string[];
  ChangeMode: string;
  ChangeSignal: string;
  Env: boolean;
  File: boolean;
  Filepath: string;
  ServiceName: string;
  TTL: Duration;
  ExtraClaims: Record<string, string>;
}

export interface Secret {
  Name: string;
  Provider: string;
  Path: string;
  Config: Record<string, unknown>;
  Env: Record<string, string>;
}

export interface Action {
  Name: string;
  Command: string;
  Args: string[];
}

/** What `caravan job inspect` prints and `POST /v1/jobs` accepts. */
export interface JobEnvelope {
  Job: Job;
}

export const NS = {
  second: 1_000_000_000,
  minute: 60_000_000_000,
  hour: 3_600_000_000_000,
} as const;
