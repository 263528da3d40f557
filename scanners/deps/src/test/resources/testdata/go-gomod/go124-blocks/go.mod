module example.com/platform/api/v2

go 1.24.0

toolchain go1.24.2

godebug (
	default=go1.21
	panicnil=1
)

tool golang.org/x/tools/cmd/stringer

require (
	github.com/google/uuid v1.6.0
	github.com/jackc/pgx/v5 v5.5.5
	golang.org/x/net v0.23.0
	gopkg.in/yaml.v3 v3.0.1
)

require (
	github.com/jackc/pgpassfile v1.0.0 // indirect
	github.com/jackc/pgservicefile v0.0.0-20231201235250-de7065d80cb9 // indirect
	golang.org/x/mod v0.17.0 // indirect
	golang.org/x/tools v0.21.0 // indirect
	k8s.io/client-go v0.0.0-20240315000000-abcdefabcdef // indirect; pinned by hand
)

replace (
	golang.org/x/net => golang.org/x/net v0.25.0
	example.com/platform/internal => ./internal
)

retract (
	v2.0.1 // published by mistake
	[v2.1.0, v2.1.3]
)

exclude (
	golang.org/x/net v0.22.0
)
