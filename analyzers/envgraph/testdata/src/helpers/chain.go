package helpers

import "os"

// A chain of helpers, each declared before the one it calls: each round
// of inferHelpers resolves one more level, and a call asked about again
// sees the summary the last round gave. The twin chain ends in a
// function that reads nothing: no helper.
func chainUse() {
	_ = chainA("CHAIN_KEY") // want `read "CHAIN_KEY" via helpers.chainA`
	_ = twinA("TWIN_KEY")
}

func chainA(key string) string { return chainB(key) }

func chainB(key string) string { return chainC(key) }

func chainC(key string) string { return os.Getenv(key) }

func twinA(key string) string { return twinB(key) }

func twinB(key string) string { return twinC(key) }

func twinC(key string) string { return key }
