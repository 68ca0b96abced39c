package direct

import "os"

const storageType = "STORAGE_TYPE"

// The code fills in an empty key itself: the read has that default.
func setIfEmpty() {
	if os.Getenv(storageType) == "" { // want `read "STORAGE_TYPE" default "memory"`
		os.Setenv(storageType, "memory") // want `write "STORAGE_TYPE"`
	}
	if "" == os.Getenv("MODE") { // want `read "MODE" default "dev"`
		_ = os.Setenv("MODE", "dev") // want `write "MODE"`
	}
	// Parenthesized on purpose, and compared with a named empty constant.
	if (os.Getenv("LEVEL") == unset) { // want `read "LEVEL" default "info"`
		os.Setenv("LEVEL", "info") // want `write "LEVEL"`
	}
}

const unset = ""

// Negative twins: no default.
func setIfEmptyNot(v string) {
	// Another key is set.
	if os.Getenv("KEY_A") == "" { // want `read "KEY_A"`
		os.Setenv("KEY_B", "b") // want `write "KEY_B"`
	}
	// The value set is not known.
	if os.Getenv("KEY_C") == "" { // want `read "KEY_C"`
		os.Setenv("KEY_C", v) // want `write "KEY_C"`
	}
	// Compared with a value that is not empty.
	if os.Getenv("KEY_F") == "none" { // want `read "KEY_F"`
		os.Setenv("KEY_F", "f") // want `write "KEY_F"`
	}
	// Set when not empty.
	if os.Getenv("KEY_D") != "" { // want `read "KEY_D"`
		os.Setenv("KEY_D", "d") // want `write "KEY_D"`
	}
	// Set in a nested block only.
	if os.Getenv("KEY_E") == "" { // want `read "KEY_E"`
		if v == "" {
			os.Setenv("KEY_E", "e") // want `write "KEY_E"`
		}
	}
}
