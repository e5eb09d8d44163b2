module github.com/example-org/gatewayd-plugin-dev

go 1.24
