job "one" {
  group "g" { count = 1 }
  task "t" { driver = "docker" }
  meta {}
  empty {}
  constraint { attribute = "${attr.kernel.name}" }
  a = 1
  b { x = { y = 1 } }
}
