package tags

import (
	"github.com/kelseyhightower/envconfig"
)

type Spec struct {
	Debug        bool   // want `struct tag "MYAPP_DEBUG" field Spec.Debug loader envconfig`
	AutoSplitVar string `split_words:"true"`                       // want `struct tag "MYAPP_AUTO_SPLIT_VAR" field Spec.AutoSplitVar loader envconfig`
	HTTPServer   string `split_words:"true"`                       // want `struct tag "MYAPP_HTTP_SERVER" field Spec.HTTPServer loader envconfig`
	User         string `envconfig:"service_user" required:"true"` // want `struct tag "MYAPP_SERVICE_USER" required field Spec.User alt "SERVICE_USER" loader envconfig`
	Rate         string `default:"0.5"`                            // want `struct tag "MYAPP_RATE" default "0.5" field Spec.Rate loader envconfig`
	Ignored      string `ignored:"true"`
	Server       Server // nested
	Embedded
	hidden string
}

type Server struct {
	Port int `envconfig:"port"` // want `struct tag "MYAPP_SERVER_PORT" field Spec.Server.Port alt "PORT" loader envconfig`
}

type Embedded struct {
	Color string // want `struct tag "MYAPP_COLOR" field Spec.Embedded.Color loader envconfig`
}

type Other struct {
	Name string // want `struct tag dynamic prefix \+ "_NAME" field Other.Name loader envconfig`
}

func kelsey(prefix string) {
	var s Spec
	_ = envconfig.Process("myapp", &s)
	envconfig.MustProcess(prefix, &Other{})
}

type NeverProcessed struct {
	Name string
}

func kelseyNot() {
	_ = envconfig.CheckDisallowed("myapp", &NeverProcessed{})
}
