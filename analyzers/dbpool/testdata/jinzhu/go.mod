module example.com/jinzhu

go 1.26

require (
	github.com/gin-gonic/gin v1.10.0
	github.com/jinzhu/gorm v1.9.16
)

require github.com/jinzhu/inflection v1.0.0 // indirect

// A stub of gin (see gin/gin.go), so that the scenarios need not
// import net/http.
replace github.com/gin-gonic/gin => ./gin
