package manifest_test

import (
	"strings"
	"testing"

	"github.com/envvet/envvet/internal/manifest"
)

// TestDockerfileExpanded checks which of a Dockerfile's runtime keys the
// file uses itself (Expanded, so envkeys does not call them declared but
// never read). Each case that expands a key has a twin that does not.
func TestDockerfileExpanded(t *testing.T) {
	for _, tc := range []struct {
		name, data string
		expanded   string // the expanded keys, comma-separated
	}{
		// riverui v0.22.0's Dockerfile: a shell run by the exec form.
		{"exec form running sh -c", "FROM alpine\nENV PATH_PREFIX=\"/\"\nCMD [\"/bin/sh\", \"-c\", \"/bin/riverui -prefix=$PATH_PREFIX\"]\n", "PATH_PREFIX"},
		{"exec form without a shell", "FROM alpine\nENV PATH_PREFIX=\"/\"\nCMD [\"/bin/riverui\", \"-prefix=$PATH_PREFIX\"]\n", ""},
		{"shell form", "FROM alpine\nENV PORT=8080 LOG=info\nENTRYPOINT exec /app --listen=:${PORT}\n", "PORT"},
		{"single quotes", "FROM alpine\nENV PORT=8080\nCMD echo '$PORT'; /app\n", ""},
		{"escaped dollar", "FROM alpine\nENV PORT=8080\nCMD echo \\$PORT; /app\n", ""},
		{"healthcheck", "FROM alpine\nENV PORT=8080\nHEALTHCHECK --interval=30s CMD wget -q http://localhost:$PORT/healthz\n", "PORT"},
		{"healthcheck none", "FROM alpine\nENV PORT=8080\nHEALTHCHECK NONE\n", ""},
		{"build-time expansion", "FROM alpine\nENV APP_HOME=/app\nWORKDIR $APP_HOME\nENV DATA=${APP_HOME}/data\n", "APP_HOME"},
		{"a builder stage's reference", "FROM golang AS build\nRUN echo $PORT\nFROM alpine\nENV PORT=8080\n", ""},
		{"an inherited stage's reference", "FROM alpine AS base\nENV PORT=8080\nCMD /app -port $PORT\nFROM base\n", "PORT"},
		{"RUN with a mount flag", "FROM alpine\nENV CACHE=/c\nRUN --mount=type=cache,target=/c ls \"$CACHE\"\n", "CACHE"},
		{"positional and special parameters", "FROM alpine\nENV A=1\nCMD [\"sh\", \"-c\", \"exec /app \\\"$@\\\" $1 $$\"]\n", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m, err := manifest.Parse("Dockerfile", []byte(tc.data))
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, k := range m.Keys {
				if k.Expanded {
					got = append(got, k.Name)
				}
			}
			if strings.Join(got, ",") != tc.expanded {
				t.Errorf("expanded keys %q, want %q", strings.Join(got, ","), tc.expanded)
			}
		})
	}
}
