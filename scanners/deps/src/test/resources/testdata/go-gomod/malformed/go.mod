module example.com/broken

require (
	golang.org/x/net v0.7.0
	golang.org/x/text
)
