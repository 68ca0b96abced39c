module example.org/wrap

go 1.26

require example.org/cgolib v0.0.0
