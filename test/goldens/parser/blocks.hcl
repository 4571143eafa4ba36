job "example" {
  datacenters = ["dc1"]
  group "g" {
    task "t" {
      driver = "raw_exec"
      config { command = "/bin/true" }
    }
    empty {}
    lifecycle {
      hook = "prestart"
    }
  }
  bare label "quoted\tlabel" {
  }
}
