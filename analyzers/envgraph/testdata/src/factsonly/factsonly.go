package factsonly // want package:`envPackage\(keys=A,B,SHOP_C prefixes=P_ environ unprefixed\)`

import "os"

const c = "SHOP_C"

func F() {
	name := os.Args[1]
	_ = os.Getenv("B")
	_ = os.Getenv("A")
	_, _ = os.LookupEnv(c)
	_ = os.Getenv("A")
	_ = os.Getenv("P_" + name)
	_ = os.Environ()
	os.Setenv("WRITTEN", "x")
	_ = os.Getenv(name + "_X")
}
