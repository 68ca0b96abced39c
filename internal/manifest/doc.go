// Package manifest finds and parses the files that declare a program's
// environment: envvet.yaml, dotenv example files (.env.example,
// .env.sample, .env.template, .env.dist), and the deployment files that
// an envvet.yaml names as sources (Docker Compose files, Kubernetes
// workload YAML, Helm's rendered output).
//
// # Discovery
//
// The manifest of a package is found by walking up from the package's
// directory: in each directory, the first of envvet.yaml, envvet.yml,
// .env.example, .env.sample, .env.template and .env.dist that exists is
// the manifest (envvet.yaml wins over a dotenv file beside it, and a
// nearer file over a farther one). The walk stops at the module root, the
// first directory containing go.mod; without one it goes up to the file
// system root. A .env file itself is never a manifest: it holds real
// values, often secrets. Files named explicitly (-envkeys.manifest) are
// used instead of discovery; when several are given they are merged in
// order, the first declaration of a name winning. A file named explicitly
// may also be a deployment file: a name ending in .yaml or .yml is
// Kubernetes YAML when one of its documents has apiVersion and kind, a
// Compose file when its one document has a services: mapping, and an
// envvet.yaml otherwise; any other name is a dotenv file.
//
// # envvet.yaml
//
// A YAML mapping with these optional sections (and environments:, see
// Environments):
//
//	# keys the program reads
//	keys:
//	  DATABASE_URL:
//	    description: Postgres DSN
//	    required: true
//	    secret: true
//	  PORT:
//	    default: "8080"
//	  LEGACY_HOST:
//	    deprecated: use HOST
//	  PLAIN_KEY:          # or PLAIN_KEY: {}
//	build:                # build-time variables
//	  CGO_ENABLED: "0"
//	sources:              # deployment files whose declarations count too
//	  - compose: deploy/docker-compose.yml
//	    service: api
//	  - kubernetes: deploy/k8s/api.yaml
//	    container: api
//	  - dotenv: deploy/prod.env.example
//	  - deploy/k8s/worker.yaml  # kind detected by content
//
// Under keys, each name maps to nothing (null, or {}) or to a mapping of
// these fields, all optional:
//
//   - description: text.
//   - required: true or false.
//   - secret: true or false.
//   - default: any scalar; its text is kept ("8080", 8080 and '8080' are
//     the same default). A null default is no default; "" is an empty one.
//   - deprecated: a note such as "use HOST"; true stands for the note
//     "deprecated", false for none.
//   - ignore: a mapping from check name to a reason, suppressing that
//     check's findings positioned on the key (such as envkeys' "declared
//     but never read"): ignore: {envkeys: read by the v1 sidecar}. The
//     reason is required, and the check must be one of envvet's. A
//     "# envvet:ignore check reason" comment on the line above the key
//     does the same; in any manifest file, such a comment without a check
//     or a reason, or naming an unknown check, is an error at its line.
//   - on-bad-value: fail (the default: a value that does not parse must
//     stop the program) or default (the program deliberately falls back
//     to its default on a bad value; envparse does not report the key).
//
// Under build, each name maps to a scalar value (its text is the Key's
// Default) or to null (no value).
//
// Under sources, each entry is a path, or a mapping with exactly one of
// compose, kubernetes, kustomize, dotenv, dockerfile, goreleaser or
// makefile (the path, which sets the kind; see Kustomize and Release
// files) and
// optionally service (compose only) or container (kubernetes and
// kustomize only): a
// name, or a list of names, selecting what declares; by default every
// service or container does. Paths are relative to the envvet.yaml's
// directory. A bare path's kind is detected by content as for files named
// explicitly (a release file by its name), except that it must be a
// Compose or Kubernetes file when its name ends in .yaml or .yml. The envvet.yaml's own keys come first, then
// each source's in order. A source that cannot be read, a service or
// container that a selection names and the file lacks, and an unknown
// field are errors at the entry in the envvet.yaml.
//
// Names must be valid environment variable names, [A-Za-z_][A-Za-z0-9_]*.
// An unknown field (at the top level, in a key or in a source), a value
// of the wrong kind, a name given twice in one mapping, more than one YAML
// document, or a top level that is not a mapping are errors; so is
// invalid YAML, with the line the YAML parser gives. An empty file, or
// one with only comments, declares nothing. Anchors and aliases work as
// in YAML; merge keys (<<) do not in an envvet.yaml (they do in Compose
// files).
//
// # Environments
//
// An envvet.yaml may also have an environments: section, a mapping from
// an environment's name (letters, digits, _, - and .) to its sources: a
// list of entries of the same forms as sources:, or a mapping whose one
// field, sources:, is that list.
//
//	environments:
//	  dev:
//	    - compose: docker-compose.yml
//	      service: api
//	  prod:
//	    - kustomize: deploy/overlays/prod
//	      container: api
//
// Each environment is read on its own, as a manifest of its sources alone
// (an envFrom resolves against its own ConfigMaps and Secrets), into
// Manifest.Environments: its Keys (with the values set, as Default), its
// Build variables and its Unresolved declarations. The keys of every
// environment are declarations of the whole manifest too, after the
// envvet.yaml's keys and sources (a key that only an environment sets is
// declared), and the files they come from are in Files. An environment
// with no sources, an unknown field, an invalid name, and every error a
// source can have are errors at their position in the envvet.yaml.
//
// # Docker Compose files
//
// The declarations of a Compose file are, for each service selected (in
// file order), its environment: then its env_file: (environment wins over
// env_file in Compose, and the first declaration wins here). environment
// is a mapping (KEY: value, or KEY: with no value) or a list of strings
// (KEY=value, or KEY, passed from the host). Each key's position is its
// entry in the Compose file; a value is the key's Default when it is not
// empty (${VAR} interpolation is not done). env_file is a path, or a
// list of paths and of mappings {path: p, required: false}; each path is
// relative to the Compose file and read as a dotenv file (see below; as
// in Compose, a line may also hold only a name, or KEY: value), each key
// positioned in it. Every key of a Compose file is a runtime key, even
// CGO_ENABLED: it is the container's environment, not the build's. An
// env_file that does not exist is not an error (it is often a
// git-ignored file of real values): it is recorded in
// Manifest.Unresolved. YAML merge keys (<<: *common) work, as Compose
// files use them to share environments, and anchors and aliases do. Other
// fields, and other top-level sections, are ignored; extends: and
// include: are not followed (name those files as sources too).
//
// # Kubernetes YAML
//
// A Kubernetes file is a stream of YAML documents (separated by ---);
// "helm template" output, with its "# Source:" comments and empty
// documents, is one. Objects of kind List are read through their items.
// The workloads Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet,
// ReplicationController, Job and CronJob (spec.jobTemplate.spec.template)
// declare the environment of their pod template's containers and then
// initContainers, for each container selected (by name): first each
// env[] entry's name (positioned there; a value is its Default; a
// valueFrom.secretKeyRef makes the key Secret), then, for each envFrom[]
// entry, the keys of the ConfigMap (data and binaryData) or Secret (data
// and stringData; its keys are Secret) that configMapRef.name or
// secretRef.name names, with the entry's prefix, positioned at the key in
// the ConfigMap or Secret. A ConfigMap or Secret is found among all the
// Kubernetes files of the manifest (the sources of one envvet.yaml, or
// the files named explicitly), by name and, when both give one,
// namespace; one found nowhere is not an error but an entry of
// Manifest.Unresolved, since the cluster may define it. A key that the
// container refers to as $(KEY) in its command, args or env values is
// used by Kubernetes itself, whether the program reads it or not: it is
// marked Expanded ($$ escapes a $). ConfigMaps and Secrets that no
// selected container refers to declare nothing, and other kinds (Service,
// Ingress, ...) are ignored.
//
// Names that are not valid variable names (a ConfigMap's "config.yaml",
// an environment entry "my-key") are skipped in deployment files, as
// Kubernetes skips them in envFrom. A name declared twice is not an error
// (services and containers share keys): the first declaration counts and
// the others are Shadowed. Structural mistakes in the parts read (an
// environment that is a string, an env entry without a name, invalid
// YAML) are errors with the position in the deployment file. Aliases and
// merge keys may expand to at most 1,048,576 entries per file, and merge
// keys nest at most 10 deep.
//
// # Dotenv files
//
// One declaration per line, in the syntax of joho/godotenv and Docker
// Compose env files:
//
//	# Postgres DSN            ← comment lines right above a key are its Description
//	DATABASE_URL=
//	export PORT=8080          # "export " is allowed; so is an inline comment
//	GREETING="hello # world"  # double quotes: \n \r \t \" \\ \$ are escapes
//	RAW='a\nb'                # single quotes: literal text (\' does not end them)
//	KEY = value               # spaces around = are ignored
//	CERT="-----BEGIN...
//	...-----END"              # a quoted value may span lines; the key keeps its first line
//
// Precisely: blank lines and lines whose first non-blank character is #
// are ignored (a run of comment lines directly above a key, with no blank
// line or commented-out declaration such as "# KEY=value" between, becomes
// the key's Description; otherwise an inline comment does). A declaration is an optional "export" followed by
// blanks, a name, optional blanks, "=", and a value. An unquoted value
// runs to the end of the line, up to a # preceded by a blank (so
// URL=http://x/#frag keeps its #), with surrounding blanks removed. A
// value starting with " or ' runs to the matching quote, across lines if
// need be; after the closing quote only blanks and a # comment may
// follow. No variable expansion is done: ${OTHER} is kept as text. A UTF-8
// byte order mark and CRLF line endings are accepted.
//
// A value is the key's Default when it is not empty (KEY= and KEY=""
// declare the key with no default). Dotenv files cannot say that a key is
// required, secret or deprecated: use envvet.yaml for that.
//
// A line without "=", an invalid name, an unterminated quote, and text
// after a closing quote are errors. A name declared twice is not: the
// later declaration is the key (its value is the one Compose, docker
// --env-file and godotenv use), and the earlier one is Shadowed.
//
// Well-known build variables in a dotenv file are build variables
// (Manifest.Build), not runtime keys: AR, CC, CXX, PKG_CONFIG,
// CGO_ENABLED, CGO_CFLAGS, CGO_CPPFLAGS, CGO_CXXFLAGS, CGO_FFLAGS,
// CGO_LDFLAGS, GO111MODULE, GO386, GOAMD64, GOARCH, GOARM, GOARM64,
// GOEXPERIMENT, GOFIPS140, GOFLAGS, GOINSECURE, GOMIPS, GOMIPS64,
// GONOPROXY, GONOSUMDB, GOOS, GOPPC64, GOPRIVATE, GOPROXY, GORISCV64,
// GOSUMDB, GOTOOLCHAIN, GOWASM and GOWORK (see IsBuildVar). In
// envvet.yaml, the section a name is in decides.
//
// # Errors
//
// Every problem with a manifest is an *Error, printed as
// "file:line:col: what is wrong" (col, or line and col, omitted when
// unknown), with the file name as given. Manifests are UTF-8 (a UTF-8
// byte order mark is skipped); a UTF-16 file is an error. An unreadable
// file's Error wraps the underlying error, so errors.Is(err,
// fs.ErrNotExist) works; for a source, the Error is positioned at its
// entry in the envvet.yaml. An error in a deployment file is positioned
// in that file. Load reports the first error and returns no Manifest.
//
// # Kustomize
//
// A source {kustomize: deploy/overlays/prod} (a directory holding a
// kustomization.yaml) is rendered with the kustomize library
// (sigs.k8s.io/kustomize/api's krusty, on the disk's files; no kustomize
// binary, no remote bases) and read as Kubernetes YAML, container:
// selecting as for a kubernetes source: configMapGenerator and
// secretGenerator literals and env files, patches, envFrom and valueFrom
// all count as kustomize build applies them. Each key is positioned back
// in the file that declares it, overlay first: a ConfigMap or Secret key
// at its generator literal in a kustomization.yaml, its line in a
// generator env file, or its key in a resource or patch; a container's
// env entry at its "name: KEY" line in a patch or resource. A key found
// in none of them is positioned at the top kustomization.yaml. A render
// error is an error at the source's entry in the envvet.yaml.
//
// # Release files
//
// Teams state their build policy where they build: a Dockerfile, a
// .goreleaser.yaml, a Makefile. These release files are recognized by
// name (Dockerfile, Containerfile, x.Dockerfile, Dockerfile.x except
// templates such as Dockerfile.tmpl; .goreleaser.yaml, .goreleaser.yml
// and the same without the dot; Makefile, makefile, GNUmakefile, x.mk),
// whether named explicitly or in sources:. ReleaseFiles lists those at a
// module root (x.mk files excepted), and Cache.ReleaseVar reads a build
// variable from them, so that a build policy holds with no manifest at
// all. The only build variable they declare is CGO_ENABLED, with the
// position of the text that sets it for the build:
//
//   - Dockerfile: the value that the commands running go build, go install
//     or make see, in whichever stage they run (multi-stage builds: not the
//     runtime stage's): an inline CGO_ENABLED=0 or env CGO_ENABLED=0
//     before the command, export CGO_ENABLED=0 earlier in the RUN, or ENV
//     or ARG in the stage or (ENV) in the stage it is built FROM; a global
//     ARG counts where the stage declares the ARG again, as in Docker.
//     Continuation lines, comment lines inside them, the escape parser
//     directive, RUN flags (--mount=...), the exec form and heredocs
//     (RUN <<EOF) are understood. The runtime keys of a Dockerfile are
//     the ENV variables of its final stage (ARG values do not reach the
//     running container), build variables excepted. A key that the stage
//     expands itself is marked Expanded: in the shell form of RUN, CMD,
//     ENTRYPOINT or HEALTHCHECK CMD, in an exec form that runs a shell
//     with -c (CMD ["/bin/sh", "-c", "app -prefix=$PREFIX"]), also behind
//     tini, dumb-init or env, or in the other instructions, which the
//     build expands (EXPOSE excepted: it only documents a port); not in
//     single quotes (unless they hold a nested sh -c script), after a
//     backslash, in a shell comment, as $$, or in an exec form without a
//     shell (see dockerrefs.go).
//   - .goreleaser.yaml: each build's env: entry CGO_ENABLED=..., or else
//     the top-level env:'s; builds with skip: true do not count.
//   - Makefile: the value recipe lines running go build (or make) see: an
//     inline CGO_ENABLED=0 (also as CGO_ENABLED=$(VAR) of a make variable),
//     or an exported variable (export CGO_ENABLED=0, export CGO_ENABLED ?=
//     0). Comment lines do not count; conditionals are not interpreted.
//
// When the builds of one file disagree, a value is not known statically
// (a template, a variable set on the command line), or a go build leaves
// CGO_ENABLED to the toolchain's default, the file declares CGO_ENABLED
// with no value, positioned at its first build. ReleaseVar lets the most
// specific configuration decide: .goreleaser.yaml if one declares it, else
// the Dockerfiles, else the Makefiles (whose plain go build targets are
// often developers'), and what a less specific file sets does not count;
// files of the deciding kind that declare no value, or different values,
// give no policy.
// A malformed Dockerfile (an unknown instruction, an instruction before
// the first FROM other than ARG, an ENV that is not NAME=value, an
// unterminated heredoc) or .goreleaser.yaml (invalid YAML, an env: that is
// not a list of KEY=value) is an error with its position.
//
// # Unresolved declarations
//
// Manifest.Unresolved lists, with their positions, the declarations whose
// keys the manifest cannot list: an envFrom naming a ConfigMap or Secret
// that no Kubernetes file of the manifest defines, a Compose env_file
// that does not exist, and, from Parse (which reads no file), the sources
// and env_file entries it did not follow. The keys of Keys are then a
// subset of what the deployment sets: a key that a program reads and
// Keys lacks may still be set, so a check should hedge, or stay quiet,
// before calling it undeclared. Keys that are declared are declared, so
// "declared but never read" stays sound.
package manifest
