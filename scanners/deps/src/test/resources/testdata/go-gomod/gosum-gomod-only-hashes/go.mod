module example.com/tool

go 1.21

require (
	github.com/spf13/cobra v1.8.0
	golang.org/x/text v0.14.0 // indirect
)

require github.com/inconshreveable/mousetrap v1.1.0 // indirect
