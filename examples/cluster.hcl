# A small cluster for `caravan job plan --cluster examples/cluster.hcl FILE`.

node "web" {
  count      = 3
  datacenter = "dc1"
  node_pool  = "default"
  node_class = "large"
  cpu        = 4000
  cores      = 4
  memory     = 8192
  disk       = 50000
  drivers    = ["raw_exec", "exec", "docker"]
  status     = "ready"
  eligible   = true
  attributes = { "kernel.name" = "linux", "cpu.arch" = "amd64" }
  meta       = { rack = "r1" }

  reserved {
    cpu    = 100
    memory = 256
    ports  = "22,8500-8600"
  }

  host_volume "data" {
    path      = "/srv/data"
    read_only = false
  }
}

node "win" {
  datacenter = "dc2"
  cpu        = 2000
  memory     = 4096
  drivers    = ["raw_exec"]
  attributes = { "kernel.name" = "windows" }
}

alloc "web-1" {
  job    = "cache"
  group  = "redis"
  cpu    = 500
  memory = 256
}
