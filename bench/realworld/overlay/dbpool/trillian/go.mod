// bench/realworld overlay (dbpool, trillian v1.2.1 and v1.3.0): v1.3.0's go.mod with the
// build tools' modules (tools.go, build tag tools) replaced by empty stand-ins, since the
// proxy refuses some of their requirements; v1.2.1 has no go.mod and uses this one too, with a
// stand-in for github.com/benlaurie/objecthash, which the proxy refuses.
module github.com/google/trillian

require (
	bitbucket.org/creachadair/shell v0.0.6
	cloud.google.com/go v0.41.0
	contrib.go.opencensus.io/exporter/stackdriver v0.12.1
	github.com/Masterminds/goutils v1.1.0 // indirect
	github.com/Masterminds/semver v1.4.2 // indirect
	github.com/Masterminds/sprig v2.18.0+incompatible // indirect
	github.com/aws/aws-sdk-go v1.19.49 // indirect
	github.com/coreos/bbolt v1.3.3 // indirect
	github.com/coreos/etcd v3.3.13+incompatible
	github.com/coreos/go-systemd v0.0.0-20190620071333-e64a0ec8b42a // indirect
	github.com/emicklei/proto v1.6.13 // indirect
	github.com/emirpasic/gods v1.12.0 // indirect
	github.com/fatih/color v1.7.0 // indirect
	github.com/fullstorydev/grpcurl v1.3.1 // indirect
	github.com/gliderlabs/ssh v0.1.4 // indirect
	github.com/go-critic/go-critic v0.3.4 // indirect
	github.com/go-sql-driver/mysql v1.4.1
	github.com/gobuffalo/flect v0.1.5 // indirect
	github.com/golang/glog v0.0.0-20160126235308-23def4e6c14b
	github.com/golang/groupcache v0.0.0-20190702054246-869f871628b6 // indirect
	github.com/golang/mock v1.3.1
	github.com/golang/protobuf v1.3.2-0.20190517061210-b285ee9cfc6c
	github.com/golangci/errcheck v0.0.0-20181223084120-ef45e06d44b6 // indirect
	github.com/golangci/go-tools v0.0.0-20190124090046-35a9f45a5db0 // indirect
	github.com/golangci/gocyclo v0.0.0-20180528144436-0a533e8fa43d // indirect
	github.com/golangci/gofmt v0.0.0-20181222123516-0b8337e80d98 // indirect
	github.com/golangci/golangci-lint v1.17.2-0.20190630074125-360a58dca92d
	github.com/golangci/gosec v0.0.0-20180901114220-8afd9cbb6cfb // indirect
	github.com/golangci/lint-1 v0.0.0-20181222135242-d2cdd8c08219 // indirect
	github.com/golangci/revgrep v0.0.0-20180812185044-276a5c0a1039 // indirect
	github.com/google/btree v1.0.0
	github.com/google/certificate-transparency-go v1.0.22-0.20190613123100-f1b2d813b630
	github.com/google/go-cmp v0.3.0
	github.com/google/licenseclassifier v0.0.0-20190501212618-47b603fe1b8c
	github.com/google/uuid v1.1.1 // indirect
	github.com/gostaticanalysis/analysisutil v0.0.0-20190329151158-56bca42c7635 // indirect
	github.com/grpc-ecosystem/go-grpc-middleware v1.0.0
	github.com/grpc-ecosystem/grpc-gateway v1.9.4
	github.com/huandu/xstrings v1.2.0 // indirect
	github.com/imdario/mergo v0.3.7 // indirect
	github.com/konsorten/go-windows-terminal-sequences v1.0.2 // indirect
	github.com/kylelemons/godebug v1.1.0
	github.com/letsencrypt/pkcs11key v2.0.1-0.20170608213348-396559074696+incompatible
	github.com/lib/pq v1.1.1
	github.com/lyft/protoc-gen-validate v0.0.14 // indirect
	github.com/magiconair/properties v1.8.1 // indirect
	github.com/mattn/go-colorable v0.1.2 // indirect
	github.com/mwitkow/go-proto-validators v0.0.0-20190212092829-1f388280e944 // indirect
	github.com/nbutton23/zxcvbn-go v0.0.0-20180912185939-ae427f1e4c1d // indirect
	github.com/onsi/ginkgo v1.8.0 // indirect
	github.com/onsi/gomega v1.5.0 // indirect
	github.com/otiai10/copy v1.0.1
	github.com/otiai10/curr v0.0.0-20190513014714-f5a3d24e5776 // indirect
	github.com/pelletier/go-toml v1.4.0 // indirect
	github.com/prometheus/client_golang v1.0.0
	github.com/prometheus/client_model v0.0.0-20190129233127-fd36f4220a90
	github.com/prometheus/common v0.6.0 // indirect
	github.com/prometheus/procfs v0.0.3 // indirect
	github.com/pseudomuto/protoc-gen-doc v1.3.0
	github.com/pseudomuto/protokit v0.2.0 // indirect
	github.com/russross/blackfriday/v2 v2.0.1+incompatible // indirect
	github.com/shurcooL/go v0.0.0-20190330031554-6713ea532688 // indirect
	github.com/shurcooL/sanitized_anchor_name v1.0.0 // indirect
	github.com/sirupsen/logrus v1.4.2 // indirect
	github.com/spf13/afero v1.2.2 // indirect
	github.com/spf13/cobra v0.0.5
	github.com/spf13/jwalterweatherman v1.1.0 // indirect
	github.com/spf13/viper v1.4.0 // indirect
	github.com/uber/prototool v1.8.1
	github.com/xanzy/ssh-agent v0.2.1 // indirect
	go.etcd.io/bbolt v1.3.3 // indirect
	go.etcd.io/etcd v3.3.13+incompatible
	go.opencensus.io v0.22.0
	golang.org/x/crypto v0.0.0-20190701094942-4def268fd1a4
	golang.org/x/net v0.0.0-20190628185345-da137c7871d7 // indirect
	golang.org/x/sync v0.0.0-20190423024810-112230192c58
	golang.org/x/sys v0.0.0-20190626221950-04f50cda93cb // indirect
	golang.org/x/time v0.0.0-20190308202827-9d24e82272b4
	golang.org/x/tools v0.0.0-20190708203411-c8855242db9c
	google.golang.org/genproto v0.0.0-20190708153700-3bdd9d9f5532
	google.golang.org/grpc v1.22.0
	gopkg.in/src-d/go-billy.v4 v4.3.0 // indirect
	gopkg.in/src-d/go-git-fixtures.v3 v3.5.0 // indirect
	gopkg.in/src-d/go-git.v4 v4.11.0
	mvdan.cc/unparam v0.0.0-20190310220240-1b9ccfa71afe // indirect
	sourcegraph.com/sqs/pbtypes v1.0.0 // indirect
)

replace github.com/golangci/golangci-lint => ./_stub/github.com_golangci_golangci-lint
replace github.com/otiai10/copy => ./_stub/github.com_otiai10_copy
replace github.com/fullstorydev/grpcurl => ./_stub/github.com_fullstorydev_grpcurl
replace github.com/otiai10/curr => ./_stub/github.com_otiai10_curr
replace github.com/uber/prototool => ./_stub/github.com_uber_prototool
replace github.com/benlaurie/objecthash => ./_stub/github.com_benlaurie_objecthash
