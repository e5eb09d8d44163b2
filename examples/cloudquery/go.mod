module github.com/acme/cq-source-bookshelf

go 1.26.5

require (
	github.com/cloudquery/plugin-sdk/v4 v4.96.1
	github.com/rs/zerolog v1.35.1
)
