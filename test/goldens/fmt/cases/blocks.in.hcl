job   "x"   "y"   {
datacenters = ["dc1"]
group "g" {
task "t" {
config {
image = "redis"
}
}
}
}
