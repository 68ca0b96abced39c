package helpers

import "os"

// A function literal ends where its body does: what follows it in the
// function declaring it is that function's. getter reads its parameter
// after a literal helper: both are helpers. notGetter's literal reads its
// parameter too, but notGetter reads nothing of its own parameter.
func nestedUse() {
	_ = getter("NESTED_OUTER") // want `read "NESTED_OUTER" via helpers.getter`
	_ = notGetter("NESTED_NONE")
}

func getter(key string) string {
	get := func(k string) string { return os.Getenv("IN_" + k) }
	_ = get("NESTED_INNER") // want `read "IN_NESTED_INNER" via get`
	return os.Getenv(key)
}

func notGetter(key string) string {
	get := func(k string) string { return os.Getenv("IN_" + k) }
	return get("FIXED") + key // want `read "IN_FIXED" via get`
}
