package a

func bad() {}

func plain() {
	bad() // want "call of bad"
	bad() // want "call of bad"
}

func sameLine() {
	bad() //envvet:ignore loud the caller retries
	bad() // want "call of bad"
}

func lineAbove() {
	//envvet:ignore loud the caller retries
	bad()
	bad() // want "call of bad"
}

func otherCheck() {
	bad() //envvet:ignore quiet another check's directive suppresses nothing here // want "call of bad"
}

// covered is wholly exempt.
//
//envvet:ignore loud legacy code, replaced in v2
func covered() {
	bad()
	if true {
		bad()
	}
}

var (
	_ = func() int { bad(); return 0 }() // want "call of bad"
)

//envvet:ignore loud the whole group
var (
	_ = func() int { bad(); return 0 }()
	_ = func() int { bad(); return 0 }()
)

func stale() {
	//envvet:ignore loud nothing to suppress below // want "this envvet:ignore suppresses nothing; remove it"
	plain()
}
