package envsecret

import (
	"fmt"
	"path/filepath"
	"regexp"

	"github.com/envvet/envvet/internal/manifest"
)

// A finding is one secret given a literal value in a committed file.
type finding struct {
	key     manifest.Key // the declaration with the literal value
	why     string       // why the key is a secret, for the message
	ignored string       // the reason envvet.yaml's ignore: field gives; "" when not ignored
}

// findings returns m's declarations, shadowed ones included, that give a
// secret a literal value, in manifest order.
func findings(m *manifest.Manifest) []finding {
	var out []finding
	for _, list := range [][]manifest.Key{m.Keys, m.Shadowed} {
		for _, k := range list {
			if !k.HasDefault {
				continue
			}
			strict, ok := strictness(k.Origin.Kind)
			if !ok {
				continue
			}
			if why := secretValue(m, k, strict); why != "" {
				out = append(out, finding{key: k, why: why, ignored: ignored(m, k.Name)})
			}
		}
	}
	return out
}

// strictness says whether a value given in a file of the origin kind is
// reported unless it is a placeholder (strict: Kubernetes objects and
// Dockerfiles, which ship), or only when it looks like a real credential
// (dotenv examples and Compose files, which are mostly local set-ups with
// well-known development passwords). ok is false for origins whose values
// are no committed literal: a Secret's data, envvet.yaml's defaults.
func strictness(origin string) (strict, ok bool) {
	switch origin {
	case manifest.OriginConfigMap, manifest.OriginContainer, manifest.OriginDockerfile:
		return true, true
	case manifest.OriginDotenv, manifest.OriginEnvFile, manifest.OriginService:
		return false, true
	}
	return false, false
}

// secretValue returns why k's value is a secret committed in plain text,
// or "" when it is not: the key is not a secret, or its value is a
// placeholder (for a strict origin) or does not look real (otherwise).
func secretValue(m *manifest.Manifest, k manifest.Key, strict bool) string {
	if pw, ok := urlPassword(k.Default); ok {
		if !placeholder(pw, k.Name) && !identifier(pw) && (strict || realistic(pw)) {
			return "its value is a URL with a password"
		}
		return "" // the password is the URL's only secret
	}
	why := secretName(k.Name)
	if why == "" && marked(m, k.Name) {
		why = "it is declared as a secret"
	}
	if why == "" || placeholder(k.Default, k.Name) || identifier(k.Default) || !strict && !realistic(k.Default) {
		return ""
	}
	return why
}

// marked reports whether a declaration of name says it is a secret:
// secret: true in envvet.yaml, valueFrom.secretKeyRef in a container, or a
// key of a Secret.
func marked(m *manifest.Manifest, name string) bool {
	for _, d := range m.Declarations(name) {
		if d.Secret {
			return true
		}
	}
	return false
}

// ignored returns the reason of envvet.yaml's ignore: field for envsecret
// on any declaration of name.
func ignored(m *manifest.Manifest, name string) string {
	for _, d := range m.Declarations(name) {
		if reason, ok := d.Ignored("envsecret"); ok {
			return reason
		}
	}
	return ""
}

// Categories of envsecret's diagnostics, by the kind of file.
const (
	CategoryConfigMap  = "configmap"
	CategoryContainer  = "container"
	CategoryDockerfile = "dockerfile"
	CategoryCompose    = "compose"
	CategoryDotenv     = "dotenv"
)

func (f finding) category() string {
	switch f.key.Origin.Kind {
	case manifest.OriginConfigMap:
		return CategoryConfigMap
	case manifest.OriginContainer:
		return CategoryContainer
	case manifest.OriginDockerfile:
		return CategoryDockerfile
	case manifest.OriginService:
		return CategoryCompose
	}
	return CategoryDotenv
}

// message names the key, why it is a secret, where its value is written
// and what to do instead; never the value.
func (f finding) message() string {
	k := f.key
	base := filepath.Base(k.File)
	var where, advice string
	switch k.Origin.Kind {
	case manifest.OriginConfigMap:
		where = fmt.Sprintf("in ConfigMap %s (%s)", generatedRE.ReplaceAllString(k.Origin.Name, ""), base)
		advice = "move it to a Secret"
	case manifest.OriginContainer:
		where = fmt.Sprintf("in the env of container %s (%s)", k.Origin.Name, base)
		advice = "use valueFrom.secretKeyRef"
	case manifest.OriginDockerfile:
		where = fmt.Sprintf("in an ENV of %s, which bakes it into the image", base)
		advice = "pass it at run time"
	case manifest.OriginService:
		where = fmt.Sprintf("in the environment of service %s (%s)", k.Origin.Name, base)
		advice = fmt.Sprintf("interpolate it (${%s}) or use Compose secrets", k.Name)
	default:
		where = "in " + base
		advice = "commit a placeholder and keep the real value out of git"
	}
	what := "a literal value"
	if !strict(k.Origin.Kind) {
		what = "a value that looks like a real credential"
	}
	return fmt.Sprintf("secret env key %q (%s) has %s %s; %s", k.Name, f.why, what, where, advice)
}

// generatedRE matches the hash suffix kustomize's generators append to a
// ConfigMap's name, which the user's files do not spell.
var generatedRE = regexp.MustCompile(`-[bcdfghkmt2-9]{10}$`)

func strict(origin string) bool {
	s, _ := strictness(origin)
	return s
}
