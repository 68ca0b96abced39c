module example.org/pluginlib

go 1.26

require example.org/wrap v0.0.0
