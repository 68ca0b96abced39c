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
		// $$ is the shell's process id: "$$PORT" does not refer to PORT.
		{"process id then a name", "FROM alpine\nENV PORT=8080\nCMD echo $$PORT; /app\n", ""},
		{"process id, then a reference", "FROM alpine\nENV PORT=8080\nCMD echo $$ $PORT; /app\n", "PORT"},
		// The arguments after sh -c's script are its $0 and $1, which the
		// exec form passes as they are.
		{"argument after the script", "FROM alpine\nENV PORT=8080\nCMD [\"sh\", \"-c\", \"exec /app \\\"$@\\\"\", \"app\", \"$PORT\"]\n", ""},
		{"the script itself", "FROM alpine\nENV PORT=8080\nCMD [\"sh\", \"-c\", \"exec /app --port=$PORT \\\"$@\\\"\", \"app\"]\n", "PORT"},
		// Options before -c, and a script file before it.
		{"shell options before -c", "FROM alpine\nENV PORT=8080\nCMD [\"bash\", \"-o\", \"pipefail\", \"-c\", \"exec /app --port=$PORT\"]\n", "PORT"},
		{"a script file before -c", "FROM alpine\nENV PORT=8080\nCMD [\"sh\", \"/entrypoint.sh\", \"-c\", \"$PORT\"]\n", ""},
		{"nested shell with options", "FROM alpine\nENV PORT=8080\nCMD bash -o pipefail -c 'exec /app --port=$PORT'\n", "PORT"},
		{"quoted argument of a nested shell's script file", "FROM alpine\nENV PORT=8080\nCMD sh /entrypoint.sh -c '$PORT'\n", ""},
		// An init or env wrapper runs the shell.
		{"shell under tini", "FROM alpine\nENV PORT=8080\nENTRYPOINT [\"/sbin/tini\", \"--\", \"sh\", \"-c\", \"exec /app --port=$PORT\"]\n", "PORT"},
		{"shell under env", "FROM alpine\nENV PORT=8080\nCMD [\"/usr/bin/env\", \"LANG=C\", \"bash\", \"-c\", \"exec /app --port=$PORT\"]\n", "PORT"},
		{"shell under env -i", "FROM alpine\nENV PORT=8080\nCMD [\"/usr/bin/env\", \"-i\", \"HOME=/\", \"bash\", \"-c\", \"exec /app --port=$PORT\"]\n", ""},
		{"program under tini", "FROM alpine\nENV PORT=8080\nENTRYPOINT [\"/sbin/tini\", \"--\", \"/app\", \"-c\", \"--port=$PORT\"]\n", ""},
		// An exec-form ENTRYPOINT running sh -c takes its script from CMD.
		{"script in CMD for sh -c in ENTRYPOINT", "FROM alpine\nENV PORT=8080\nENTRYPOINT [\"/bin/sh\", \"-c\"]\nCMD [\"exec /app --port=$PORT\"]\n", "PORT"},
		{"CMD before ENTRYPOINT in one stage", "FROM alpine\nENV PORT=8080\nCMD [\"exec /app --port=$PORT\"]\nENTRYPOINT [\"sh\", \"-c\"]\n", "PORT"},
		{"CMD inherited from the parent stage", "FROM alpine AS base\nENTRYPOINT [\"sh\", \"-c\"]\nCMD [\"exec /app --port=$PORT\"]\nFROM base\nENV PORT=8080\n", "PORT"},
		{"ENTRYPOINT clears the parent stage's CMD", "FROM alpine AS base\nCMD [\"exec /app --port=$PORT\"]\nFROM base\nENV PORT=8080\nENTRYPOINT [\"sh\", \"-c\"]\n", ""},
		{"CMD's words after the ENTRYPOINT's script", "FROM alpine\nENV PORT=8080\nENTRYPOINT [\"sh\", \"-c\", \"exec /app\"]\nCMD [\"--port=$PORT\"]\n", ""},
		{"CMD for an ENTRYPOINT that is no shell", "FROM alpine\nENV PORT=8080\nENTRYPOINT [\"/app\", \"-c\"]\nCMD [\"--port=$PORT\"]\n", ""},
		{"CMD for a shell-form ENTRYPOINT", "FROM alpine\nENV PORT=8080\nENTRYPOINT exec /app\nCMD [\"--port=$PORT\"]\n", ""},
		// A single quote inside double quotes is a character.
		{"apostrophe in double quotes", "FROM alpine\nENV PORT=8080\nCMD echo \"listening on the container's $PORT\"; /app\n", "PORT"},
		// inbucket v3.2.0's HEALTHCHECK: the single-quoted script of a
		// nested shell, which that shell expands.
		{"nested shell's quoted script", "FROM alpine\nENV INBUCKET_WEB_ADDR=0.0.0.0:9000\nHEALTHCHECK --interval=5s --timeout=5s --retries=3 CMD /bin/sh -c 'wget localhost:$(echo ${INBUCKET_WEB_ADDR:-0.0.0.0:9000}|cut -d: -f2) -q -O - >/dev/null'\n", "INBUCKET_WEB_ADDR"},
		{"quoted word after another command's -c", "FROM alpine\nENV PORT=8080\nCMD grep -c '$PORT' /etc/app.conf\n", ""},
		// gotify v2.6.3's HEALTHCHECK, with --start-period before CMD.
		{"healthcheck options", "FROM alpine\nENV GOTIFY_SERVER_PORT=80\nHEALTHCHECK --interval=30s --timeout=5s --start-period=5s CMD curl --fail http://localhost:$GOTIFY_SERVER_PORT/health || exit 1\n", "GOTIFY_SERVER_PORT"},
		{"healthcheck exec form", "FROM alpine\nENV PORT=80\nHEALTHCHECK --start-period=5s CMD [\"curl\", \"http://localhost:$PORT/\"]\n", ""},
		{"length of a key", "FROM alpine\nENV TOKEN=x\nCMD test ${#TOKEN} -gt 0 && /app\n", "TOKEN"},
		{"count of the arguments", "FROM alpine\nENV TOKEN=x\nCMD test ${#} -gt 0 && /app\n", ""},
		// EXPOSE documents a port; a key it names is used by nothing.
		{"exposed port", "FROM alpine\nENV PORT=8080\nEXPOSE $PORT\n", ""},
		{"volume", "FROM alpine\nENV DATA=/data\nVOLUME $DATA\n", "DATA"},
		// A heredoc's quoted delimiter stops the build's expansion, not
		// the shell's that runs the script.
		// A comment's apostrophe opens no quote; a # inside a word starts
		// no comment.
		{"apostrophe in a heredoc's comment", "FROM alpine\nENV PORT=8080\nRUN <<EOF\n# don't hard-code the port\necho $PORT > /etc/port\nEOF\n", "PORT"},
		{"# inside a word", "FROM alpine\nENV PORT=8080\nCMD echo a#$PORT; /app\n", "PORT"},
		{"a comment's reference", "FROM alpine\nENV PORT=8080\nRUN <<EOF\necho hi # not $PORT\nEOF\n", ""},
		{"heredoc with a quoted delimiter", "FROM alpine\nENV PORT=8080\nRUN <<'EOF'\necho $PORT > /etc/port\nEOF\n", "PORT"},
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
