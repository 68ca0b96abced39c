module example.com/policy

go 1.26

require (
	example.com/policy/kz v0.0.0
	example.org/adaptive v0.0.0
	example.org/cgolib v0.0.0
	example.org/pluginlib v0.0.0
	example.org/purelib v0.0.0
	example.org/wrap v0.0.0
)

replace (
	example.com/policy/kz => ../shared/policykz
	example.org/adaptive => ../shared/adaptive
	example.org/cgolib => ../shared/cgolib
	example.org/pluginlib => ../shared/pluginlib
	example.org/purelib => ../shared/purelib
	example.org/wrap => ../shared/wrap
)
