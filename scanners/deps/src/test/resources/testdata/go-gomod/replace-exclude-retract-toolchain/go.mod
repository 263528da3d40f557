// Service module.
module github.com/acme/payments

go 1.22.1

toolchain go1.22.3

require (
	github.com/gin-gonic/gin v1.9.1
	github.com/google/uuid v1.6.0
	github.com/acme/shared v0.0.0-00010101000000-000000000000
	github.com/docker/docker v24.0.7+incompatible
	golang.org/x/crypto v0.21.0
	gopkg.in/yaml.v3 v3.0.1 // indirect
)

require (
	github.com/bytedance/sonic v1.10.2 // indirect
	golang.org/x/net v0.0.0-20231106174013-bbf6b5ad7e5b // indirect
	golang.org/x/sys v0.18.0 // indirect; pinned by security review
)

require github.com/stretchr/testify v1.9.0

replace github.com/acme/shared => ../shared

replace golang.org/x/net v0.0.0-20231106174013-bbf6b5ad7e5b => golang.org/x/net v0.23.0

replace (
	github.com/google/uuid => github.com/acme/uuid-fork v1.6.1-0.20240101120000-abcdef123456
)

exclude golang.org/x/crypto v0.17.0

retract (
	v1.0.1 // published by mistake
	[v1.1.0, v1.1.5]
)

tool golang.org/x/tools/cmd/stringer
