module example.com/policy/kz

go 1.26
