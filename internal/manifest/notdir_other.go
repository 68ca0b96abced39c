//go:build !unix

package manifest

func isNotDir(err error) bool { return false }
