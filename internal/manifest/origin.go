package manifest

// An Origin says what kind of file gives a declaration its value, for
// checks about the values committed there (envsecret). A Key's Default
// holds the value itself.
type Origin struct {
	Kind string // one of the Origin* constants; "" for envvet.yaml and build-time declarations
	Name string // the ConfigMap, Secret, container or service; "" for a file
}

// The kinds of Origin.
const (
	OriginDotenv     = "dotenv"     // a dotenv file named or discovered as a manifest
	OriginEnvFile    = "env_file"   // a Compose service's env_file
	OriginConfigMap  = "ConfigMap"  // a Kubernetes ConfigMap's data (also kustomize's configMapGenerator)
	OriginSecret     = "Secret"     // a Kubernetes Secret's data or stringData
	OriginContainer  = "container"  // a Kubernetes container's env value:
	OriginService    = "service"    // a Compose service's environment:
	OriginDockerfile = "Dockerfile" // a Dockerfile's ENV
)
