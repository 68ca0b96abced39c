module example.com/goreleaser

go 1.26

require example.org/cgolib v0.0.0

replace example.org/cgolib => ../shared/cgolib
