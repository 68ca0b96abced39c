module github.com/cayleygraph/cayley

go 1.12

require (
	github.com/badgerodon/peg v0.0.0-20130729175151-9e5f7f4d07ca
	github.com/cayleygraph/quad v1.1.0
	github.com/cockroachdb/apd v1.1.0 // indirect
	github.com/containerd/continuity v0.0.0-20190426062206-aaeac12a7ffc // indirect
	github.com/coreos/bbolt v1.3.3 // indirect
	github.com/cznic/mathutil v0.0.0-20170313102836-1447ad269d64
	github.com/d4l3k/messagediff v1.2.1 // indirect
	github.com/dennwc/graphql v0.0.0-20180603144102-12cfed44bc5d
	github.com/dgraph-io/badger v1.5.5
	github.com/dlclark/regexp2 v1.1.4 // indirect
	github.com/docker/docker v0.7.3-0.20180412203414-a422774e593b // indirect
	github.com/docker/go-units v0.4.0 // indirect
	github.com/dop251/goja v0.0.0-20190105122144-6d5bf35058fa
	github.com/flimzy/diff v0.1.6 // indirect
	github.com/fsouza/go-dockerclient v1.2.2
	github.com/go-sourcemap/sourcemap v2.1.2+incompatible // indirect
	github.com/go-sql-driver/mysql v1.4.1
	github.com/gobuffalo/packr/v2 v2.7.1
	github.com/gogo/protobuf v1.3.0
	github.com/golang/glog v0.0.0-20160126235308-23def4e6c14b
	github.com/google/go-cmp v0.3.0 // indirect
	github.com/gopherjs/gopherjs v0.0.0-20190430165422-3e4dfb77656c // indirect
	github.com/hidal-go/hidalgo v0.0.0-20190814174001-42e03f3b5eaa
	github.com/jackc/fake v0.0.0-20150926172116-812a484cc733 // indirect
	github.com/jackc/pgx v3.3.0+incompatible
	github.com/julienschmidt/httprouter v1.2.0
	github.com/lib/pq v1.1.1
	github.com/magiconair/properties v1.8.1 // indirect
	github.com/mailru/easyjson v0.0.0-20190626092158-b2ccc519800e // indirect
	github.com/mattn/go-sqlite3 v1.10.0
	github.com/opencontainers/selinux v1.0.0 // indirect
	github.com/pelletier/go-toml v1.4.0 // indirect
	github.com/peterh/liner v0.0.0-20170317030525-88609521dc4b
	github.com/prometheus/client_golang v0.9.3
	github.com/rogpeppe/go-internal v1.5.0 // indirect
	github.com/russross/blackfriday v1.5.2
	github.com/satori/go.uuid v1.2.0 // indirect
	github.com/shopspring/decimal v0.0.0-20180709203117-cd690d0c9e24 // indirect
	github.com/spf13/afero v1.2.2 // indirect
	github.com/spf13/cobra v0.0.5
	github.com/spf13/jwalterweatherman v1.1.0 // indirect
	github.com/spf13/pflag v1.0.5 // indirect
	github.com/spf13/viper v1.4.0
	github.com/stretchr/testify v1.4.0
	github.com/syndtr/goleveldb v1.0.0
	github.com/tylertreat/BoomFilters v0.0.0-20181028192813-611b3dbe80e8
	go.etcd.io/bbolt v1.3.3 // indirect
	golang.org/x/crypto v0.0.0-20191002192127-34f69633bfdc
	golang.org/x/net v0.0.0-20190628185345-da137c7871d7
	golang.org/x/sys v0.0.0-20191009170203-06d7bd2c5f4f // indirect
	golang.org/x/tools v0.0.0-20191010075000-0337d82405ff // indirect
	google.golang.org/appengine v1.6.1
	gopkg.in/olivere/elastic.v5 v5.0.81 // indirect
)

replace github.com/Sirupsen/logrus => github.com/Sirupsen/logrus v1.0.1
