package helpers

import "os"

// A function's calls end where its body does, at package level too:
// passThrough is followed by a read at package level that is not its
// own, and is no helper; lastGetter, the file's last function, reads
// its parameter and is one.
func tailUse() {
	_ = passThrough("TAIL_NONE")
	_ = lastGetter("TAIL_KEY") // want `read "TAIL_KEY" via helpers.lastGetter`
}

func passThrough(key string) string { return key }

var tailRead = os.Getenv("TAIL_READ") // want `read "TAIL_READ"`

func lastGetter(key string) string { return os.Getenv(key) }
