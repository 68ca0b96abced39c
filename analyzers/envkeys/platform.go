package envkeys

import "github.com/envvet/envvet/internal/wellknown"

// allowed reports whether key needs no declaration: it is well known,
// -envkeys.allow names it, or a platform sets it.
func (c *checker) allowed(key string) bool {
	return wellknown.Allowed(key, c.cfg.Allow) || platformSet(key)
}

// platformSet reports whether a platform sets key in the environment of
// the processes it runs, so that no deployment declares it: the variables
// of a GitHub Actions runner (a program reads RUNNER_OS to tell it runs in
// CI), and the token files and endpoints that Azure Workload Identity's
// and EKS's webhooks and ECS's agent put in a container. Variables that a
// user sets as well (GITHUB_TOKEN, AZURE_CLIENT_ID, AWS_ROLE_ARN) are not
// listed.
func platformSet(key string) bool {
	switch key {
	case "GITHUB_ACTIONS", "RUNNER_ARCH", "RUNNER_DEBUG", "RUNNER_ENVIRONMENT",
		"RUNNER_NAME", "RUNNER_OS", "RUNNER_TEMP", "RUNNER_TOOL_CACHE",
		"AZURE_FEDERATED_TOKEN_FILE", "AZURE_AUTHORITY_HOST",
		"AWS_WEB_IDENTITY_TOKEN_FILE", "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI",
		"ECS_CONTAINER_METADATA_URI", "ECS_CONTAINER_METADATA_URI_V4":
		return true
	}
	return false
}
