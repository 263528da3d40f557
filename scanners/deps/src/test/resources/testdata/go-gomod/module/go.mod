// The service module.
module github.com/acme/service

go 1.21

toolchain go1.21.5

require (
	golang.org/x/net v0.7.0
	github.com/gin-gonic/gin v1.9.0
	github.com/docker/docker v20.10.24+incompatible // indirect
	golang.org/x/text v0.3.8-0.20211004125949-5bd84dd9b33b // indirect
	github.com/acme/shared v1.0.0
	github.com/old/name v1.2.0
)

require github.com/stretchr/testify v1.8.2 // indirect

replace github.com/acme/shared => ../shared

replace github.com/old/name v1.2.0 => github.com/new/name v1.3.1

exclude golang.org/x/crypto v0.0.1
