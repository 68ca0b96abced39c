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
// CI), the token files and endpoints that Azure Workload Identity's and
// EKS's webhooks and ECS's agent put in a container, and the runtime
// variables Fly.io sets on every Machine (litefs reads FLY_APP_NAME to
// tell it runs there). Variables that a user sets as well (GITHUB_TOKEN,
// AZURE_CLIENT_ID, AWS_ROLE_ARN, FLY_API_TOKEN) are not listed.
func platformSet(key string) bool {
	switch key {
	case "GITHUB_ACTIONS", "RUNNER_ARCH", "RUNNER_DEBUG", "RUNNER_ENVIRONMENT",
		"RUNNER_NAME", "RUNNER_OS", "RUNNER_TEMP", "RUNNER_TOOL_CACHE",
		"AZURE_FEDERATED_TOKEN_FILE", "AZURE_AUTHORITY_HOST",
		"AWS_WEB_IDENTITY_TOKEN_FILE", "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI",
		"ECS_CONTAINER_METADATA_URI", "ECS_CONTAINER_METADATA_URI_V4",
		"FLY_APP_NAME", "FLY_MACHINE_ID", "FLY_ALLOC_ID", "FLY_REGION",
		"FLY_PUBLIC_IP", "FLY_PRIVATE_IP", "FLY_IMAGE_REF", "FLY_MACHINE_VERSION",
		"FLY_PROCESS_GROUP", "FLY_VM_MEMORY_MB":
		return true
	}
	return false
}
