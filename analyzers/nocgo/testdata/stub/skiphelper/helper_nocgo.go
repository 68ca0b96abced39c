//go:build !cgo

package skiphelper

type T interface{ Skip(args ...any) }

func RunStore(t T) { t.Skip("these tests require cgo and sqlite3") }
