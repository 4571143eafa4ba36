job "t" {
  group "g" {
    count = 1
    x = [
      1,
    ]
  }
}
 