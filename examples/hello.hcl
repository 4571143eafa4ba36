# A first job: one group that prints a greeting every few seconds with raw_exec.
# Try:  npx caravan job validate examples/hello.hcl
#       npx caravan job plan examples/hello.hcl
variable "greeting" {
  type    = string
  default = "hello from caravan"
}

job "hello" {
  datacenters = ["*"]
  type        = "service"

  group "greeter" {
    count = 1

    restart {
      attempts = 3
      interval = "1m"
      delay    = "5s"
      mode     = "delay"
    }

    task "say" {
      driver = "raw_exec"

      config {
        command = "/bin/sh"
        args    = ["-c", "while true; do echo \"${var.greeting} (alloc ${NOMAD_ALLOC_INDEX})\"; sleep 5; done"]
      }

      resources {
        cpu    = 100
        memory = 64
      }
    }
  }
}
