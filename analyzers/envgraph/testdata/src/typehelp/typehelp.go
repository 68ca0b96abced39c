package typehelp // want package:`envPackage\(helpers\)`

// typehelp declares helpers that parse the values they read.

import (
	"os"
	"strconv"
	"time"
)

// Int parses its key as an integer.
func Int(key string, def int) int { // want Int:`envHelper\(0:key/read type=int 1:default\)`
	v := os.Getenv(key)
	if v == "" {
		return def
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		panic(err)
	}
	return n
}

// Wait parses a duration through Get.
func Wait(key string) time.Duration { // want Wait:`envHelper\(0:key/read via typehelp.Get type=duration\)`
	d, _ := time.ParseDuration(Get(key))
	return d
}

// Get returns the value.
func Get(key string) string { // want Get:`envHelper\(0:key/read\)`
	return os.Getenv(key)
}

// Either parses "auto" or a number: the type is an integer or "auto".
func Either(key string) int { // want Either:`envHelper\(0:key/read type=int\)`
	v := os.Getenv(key)
	if v == "auto" {
		return -1
	}
	n, _ := strconv.Atoi(v)
	return n
}

// Value reads any of three forms: none is the key's type.
func Value[T any](key string, def T) T { // want Value:`envHelper\(0:key/read\)`
	v := os.Getenv(key)
	var out any = def
	switch any(def).(type) {
	case int:
		out, _ = strconv.Atoi(v)
	case bool:
		out, _ = strconv.ParseBool(v)
	case time.Duration:
		out, _ = time.ParseDuration(v)
	}
	return out.(T)
}

// Mixed parses on one path and reads a string on the other: unknown.
func Mixed(key string, asInt bool) string { // want Mixed:`envHelper\(0:key/read\)`
	if asInt {
		return strconv.Itoa(Int(key, 0))
	}
	return Get(key)
}
