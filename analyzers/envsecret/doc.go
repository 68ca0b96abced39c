// Package envsecret defines an Analyzer that reports secrets given a
// literal value in a committed deployment file instead of a reference to
// a secret store.
//
// # Analyzer envsecret
//
// envsecret: report secrets written as plain values in deployment files
//
// A password in a ConfigMap is readable by anyone who can read the
// repository, the cluster's ConfigMaps or the rendered manifests:
//
//	kind: ConfigMap
//	metadata: {name: app-config}
//	data:
//	  DB_PASSWORD: Zq3v9LmPx2Tb # secret env key "DB_PASSWORD" (its name ends in _PASSWORD) has a literal value in ConfigMap app-config (configmap.yaml); move it to a Secret
//
// RIGHT: keep it in a Secret that is not committed (or is sealed), and
// refer to it:
//
//	env:
//	  - name: DB_PASSWORD
//	    valueFrom: {secretKeyRef: {name: app-db, key: password}}
//
// A key is a secret when envvet.yaml marks it (secret: true), when a
// declaration refers to it through a Secret (valueFrom.secretKeyRef), or
// when its name ends in _PASSWORD, _PASSWD, _PASS, _SECRET, _TOKEN,
// _PRIVATE_KEY, _API_KEY, _APIKEY, _SECRET_KEY, _SECRET_ACCESS_KEY,
// _ACCESS_TOKEN, _CLIENT_SECRET, _SIGNING_KEY or _ENCRYPTION_KEY (or is
// one of these words); a name that goes on after the word (TOKEN_TTL,
// PASSWORD_FILE) is not. Whatever its name, a value that is a URL with a
// password (the DSN postgres://app:pw@db/app) is a secret too.
//
// The files are those the manifest reads (see the manifest package: a
// discovered dotenv example, and the sources: of envvet.yaml or the files
// -envkeys.manifest names). Each kind has its own bar:
//
//   - A Kubernetes ConfigMap's data (kustomize's configMapGenerator
//     literals too), a container's env value:, and a Dockerfile's ENV
//     (which bakes the value into every layer of the image) are reported
//     unless the value is a placeholder.
//   - A dotenv example, a Compose service's environment: and its
//     env_file, which mostly set up a local development stack with
//     well-known passwords (POSTGRES_PASSWORD=postgres), are reported
//     only when the value looks like a real credential: a well-known
//     token prefix (ghp_, glpat-, xoxb-, sk_live_, AKIA, a PEM private
//     key) followed by 16 characters or more, or 20 characters or more
//     without blanks, of high entropy, mixing two or three of lower case,
//     upper case and digits.
//
// A placeholder is empty or shorter than 6 characters; refers to another
// value ($VAR, ${VAR}, $(VAR), {{ .Values.x }}, <token>, a path, a secret
// manager reference such as vault: or arn:aws:secretsmanager:); is one
// character repeated (xxxx, ****); is a number or a boolean; is an IP
// address, with or without a port (a DB_HOST that one file keeps in a
// Secret and another sets to 127.0.0.1 beside a sidecar); is the key's
// own name; is a plain lower-case name (operator, zaphod: a Secret's
// name, or a development default); or contains a word that marks a
// made-up value (changeme, your-..., example, dummy, test, dev, local,
// default, a word such as password or secret, also spelt Passw0rd or
// s3cret, a development default such as postgres, root or admin).
//
// A Kubernetes Secret's data and stringData are not reported: the key is
// kept as a Secret, and whether a Secret manifest may be committed (a
// development one, a sealed one) is a decision for secret scanners such
// as gitleaks. envvet.yaml's default: is the program's default, not a
// deployment's value, and is not reported either.
//
// The diagnostic is positioned on the key's line and never quotes the
// value. It is reported in main packages, whose manifest describes the
// program's deployment. Suppress it with a "# envvet:ignore envsecret
// reason" comment on the line above the key, or with envvet.yaml's
// ignore: {envsecret: reason} on the key.
package envsecret
