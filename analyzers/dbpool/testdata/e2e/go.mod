module example.com/svc

go 1.26

require github.com/gin-gonic/gin v1.10.0

// A stub of gin (see gin/gin.go), so that the module need not import
// net/http.
replace github.com/gin-gonic/gin => ./gin
