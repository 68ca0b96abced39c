module example.org/adaptive

go 1.26

require example.org/cgolib v0.0.0
