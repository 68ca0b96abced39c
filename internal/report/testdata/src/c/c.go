package c

func bad() {}

func malformed() {
	//envvet:ignore loud // want "malformed envvet directive: a reason is required"
	bad()
	//envvet:ignore // want "malformed envvet directive: name the checks and give a reason"
	bad()
	//envvet:ignore lodu typo in the check name // want `unknown check "lodu" in envvet directive \(known: loud, quiet\)`
	bad()
	//envvet:ignore loud,quiet both are known
	bad()
	// Not directives at all:
	//envvet:ignored loud x
	// envvet:ignore is only a directive without a space after the slashes
	bad()
}
