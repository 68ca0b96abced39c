package a

import "os"

func reads() {
	_ = os.Getenv("CI") //envvet:ignore envkeys set by every CI provider
	_ = os.Getenv("CI") //envvet:ignore envkeys // want "malformed envvet directive: a reason is required"
	_ = os.Getenv("CI") //envvet:ignore envkey typo // want `unknown check "envkey" in envvet directive`
	_ = os.Getenv("CI") //envvet:ignore envkeys,ctxgo,dbpool,nocgo every check is known
}
