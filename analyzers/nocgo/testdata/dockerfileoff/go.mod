module example.com/dockerfileoff

go 1.26

require (
	example.org/cgolib v0.0.0
	example.org/wrap v0.0.0
)

replace (
	example.org/cgolib => ../shared/cgolib
	example.org/wrap => ../shared/wrap
)
