// Package wellknown lists environment variables that the operating system,
// the Go runtime or the platform set for every process: programs read them
// without a deployment declaring them.
package wellknown

import (
	"fmt"
	"path"
	"strings"
)

// wellKnown lists variables that the operating system, the Go runtime or
// the platform sets for every process; they need no declaration.
var wellKnown = map[string]bool{
	"HOME": true, "PATH": true, "USER": true, "LOGNAME": true, "SHELL": true,
	"PWD": true, "TERM": true, "HOSTNAME": true, "TMPDIR": true, "TMP": true,
	"TEMP": true, "TZ": true, "LANG": true, "LANGUAGE": true, "EDITOR": true,
	"VISUAL": true, "PAGER": true, "NO_COLOR": true, "COLORTERM": true,
	"GODEBUG": true, "GOMAXPROCS": true, "GOGC": true, "GOMEMLIMIT": true,
	"GOTRACEBACK": true, "GORACE": true, "GOROOT": true, "GOPATH": true,
	"GOOS": true, "GOARCH": true, "GOCACHE": true, "GOFLAGS": true,
	"HTTP_PROXY": true, "HTTPS_PROXY": true, "NO_PROXY": true,
	"http_proxy": true, "https_proxy": true, "no_proxy": true,
	"KUBERNETES_SERVICE_HOST": true, "KUBERNETES_SERVICE_PORT": true,
	"SSL_CERT_FILE": true, "SSL_CERT_DIR": true,
	// systemd's service environment (socket activation, sd_notify,
	// watchdog, journal), read by daemons such as miniflux.
	"LISTEN_PID": true, "LISTEN_FDS": true, "LISTEN_FDNAMES": true,
	"NOTIFY_SOCKET": true, "WATCHDOG_USEC": true, "WATCHDOG_PID": true,
	"INVOCATION_ID": true, "JOURNAL_STREAM": true,
	// Set by the platform that runs the process, never by its
	// deployment: a GitHub Actions runner's (a program reads RUNNER_OS to
	// tell it runs in CI), the token files and endpoints that Azure
	// Workload Identity's and EKS's webhooks and ECS's agent put in a
	// container (oauth2-proxy reads AZURE_FEDERATED_TOKEN_FILE), and the
	// runtime variables Fly.io sets on every Machine (litefs reads
	// FLY_APP_NAME). Variables a user sets as well (GITHUB_TOKEN,
	// AZURE_CLIENT_ID, AWS_ROLE_ARN, FLY_API_TOKEN) are not listed.
	"GITHUB_ACTIONS": true, "RUNNER_ARCH": true, "RUNNER_DEBUG": true,
	"RUNNER_ENVIRONMENT": true, "RUNNER_NAME": true, "RUNNER_OS": true,
	"RUNNER_TEMP": true, "RUNNER_TOOL_CACHE": true,
	"AZURE_FEDERATED_TOKEN_FILE": true, "AZURE_AUTHORITY_HOST": true,
	"AWS_WEB_IDENTITY_TOKEN_FILE": true, "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI": true,
	"ECS_CONTAINER_METADATA_URI": true, "ECS_CONTAINER_METADATA_URI_V4": true,
	"FLY_APP_NAME": true, "FLY_MACHINE_ID": true, "FLY_ALLOC_ID": true,
	"FLY_REGION": true, "FLY_PUBLIC_IP": true, "FLY_PRIVATE_IP": true,
	"FLY_IMAGE_REF": true, "FLY_MACHINE_VERSION": true,
	"FLY_PROCESS_GROUP": true, "FLY_VM_MEMORY_MB": true,
}

// wellKnownPrefixes are prefixes of families of well-known variables.
var wellKnownPrefixes = []string{"LC_", "XDG_"}

// Allowed reports whether key needs no declaration: it is well known, or
// matches an entry of allow: a key, or a pattern with the wildcards of
// path.Match (AWS_* for a family of keys, *_FILE for the file companions
// of secrets that a helper reads beside each key). A malformed pattern
// matches only itself; CheckPattern reports it.
func Allowed(key string, allow []string) bool {
	if wellKnown[key] {
		return true
	}
	for _, p := range wellKnownPrefixes {
		if strings.HasPrefix(key, p) {
			return true
		}
	}
	for _, a := range allow {
		if ok, err := path.Match(a, key); a == key || ok && err == nil {
			return true
		}
	}
	return false
}

// CheckPattern returns an error if an entry of an allow list is a
// malformed pattern.
func CheckPattern(a string) error {
	if _, err := path.Match(a, ""); err != nil {
		return fmt.Errorf("bad pattern %q: %v", a, err)
	}
	return nil
}
